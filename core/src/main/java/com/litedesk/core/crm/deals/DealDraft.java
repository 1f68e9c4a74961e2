package com.litedesk.core.crm.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fields of a deal a client writes. {@code pipelineId} null: the default pipeline;
 * {@code stageId} null: its first stage. Changing the stage through an update is a move.
 */
public record DealDraft(String title, BigDecimal value, String currency, String pipelineId, String stageId,
                        LocalDate expectedCloseDate, List<String> contactIds, String companyId, String ownerId,
                        Map<String, Object> customFields) {

    public static DealDraft of(String title, BigDecimal value, String currency) {
        return new DealDraft(title, value, currency, null, null, null, List.of(), null, null, Map.of());
    }
}
