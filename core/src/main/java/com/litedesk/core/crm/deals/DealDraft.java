package com.litedesk.core.crm.deals;

import com.litedesk.ports.contract.MaxItems;
import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fields of a deal a client writes. {@code pipelineId} null: the default pipeline;
 * {@code stageId} null: its first stage. Changing the stage through an update is a move.
 */
public record DealDraft(
        @MaxLength(200) String title,
        @Nullable BigDecimal value,
        String currency,
        @Nullable String pipelineId,
        @Nullable String stageId,
        @Nullable LocalDate expectedCloseDate,
        @Nullable @MaxItems(50) @MaxLength(64) List<String> contactIds,
        @Nullable String companyId,
        @Nullable String ownerId,
        @Nullable Map<String, Object> customFields) {

    public static DealDraft of(String title, BigDecimal value, String currency) {
        return new DealDraft(title, value, currency, null, null, null, List.of(), null, null, Map.of());
    }
}
