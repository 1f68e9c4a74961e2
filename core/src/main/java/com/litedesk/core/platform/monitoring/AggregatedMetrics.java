package com.litedesk.core.platform.monitoring;

import java.time.Instant;
import java.util.Map;

/** Usage totals over all instances that are not deleted, and the same per plan and per state. */
public record AggregatedMetrics(Instant at, UsageTotals totals, Map<String, UsageTotals> byPlan, Map<String, UsageTotals> byState) {
}
