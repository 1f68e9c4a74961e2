package com.litedesk.ports.crm;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.time.Instant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An opportunity on a pipeline. {@code rank} orders the deals of one stage on the board
 * (lexicographic string order); {@code status} always follows the kind of {@code stageId}. {@code closedAt} is when
 * the deal last became won or lost (null while it is open): what win rates and "won per month" count by.
 */
public record Deal(
        String id,
        long version,
        String title,
        BigDecimal value,
        @Nullable String currency,
        String pipelineId,
        String stageId,
        String rank,
        DealStatus status,
        @Nullable Instant closedAt,
        @Nullable LocalDate expectedCloseDate,
        List<String> contactIds,
        @Nullable String companyId,
        String ownerId,
        @Nullable String teamId,
        Map<String, Object> customFields,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String updatedBy) implements Owned, Searchable {

    public Deal {
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** Found by title. */
    @Override
    public SearchText searchText() {
        return new SearchText(title, null);
    }
}
