package com.litedesk.core.crm.deals;

import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.crm.Stage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A pipeline as a board: per stage, the deal count and value totals per currency (over all its
 * deals), the probability-weighted totals, and the first deals in board order.
 */
public record DealBoard(Pipeline pipeline, List<Column> columns) {

    public record Column(Stage stage, long count, Map<String, BigDecimal> totals,
                         Map<String, BigDecimal> weightedTotals, List<Deal> deals, boolean hasMore) {
    }
}
