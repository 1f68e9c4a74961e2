package com.litedesk.core.platform.monitoring;

import java.util.Map;

/** How the fleet is doing: instances per state, and how many of the serving ones passed their last check. */
public record FleetSummary(long instances, Map<String, Long> byState, long healthy, long unhealthy, long unchecked) {
}
