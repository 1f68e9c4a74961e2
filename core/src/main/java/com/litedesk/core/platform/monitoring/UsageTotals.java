package com.litedesk.core.platform.monitoring;

/** Usage summed over a set of instances (their latest samples). */
public record UsageTotals(long instances, long users, long contacts, long companies, long deals, long tasks,
                          long storageBytes, long requests) {

    static final UsageTotals ZERO = new UsageTotals(0, 0, 0, 0, 0, 0, 0, 0);
}
