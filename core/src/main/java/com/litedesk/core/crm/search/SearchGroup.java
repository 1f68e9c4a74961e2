package com.litedesk.core.crm.search;

import com.litedesk.ports.crm.RecordType;
import java.util.List;

/** The hits of one kind of record, best first. */
public record SearchGroup(RecordType kind, List<RecordSummary> hits) {
    public SearchGroup {
        hits = List.copyOf(hits);
    }
}
