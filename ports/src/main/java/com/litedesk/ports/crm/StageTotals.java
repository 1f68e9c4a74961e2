package com.litedesk.ports.crm;

import java.math.BigDecimal;
import java.util.Map;

/** Count of the deals in one stage and the sum of their values per currency. */
public record StageTotals(String stageId, long count, Map<String, BigDecimal> valueByCurrency) {
    public StageTotals {
        valueByCurrency = Map.copyOf(valueByCurrency);
    }
}
