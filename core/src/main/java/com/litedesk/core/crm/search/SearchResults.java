package com.litedesk.core.crm.search;

import java.util.List;

/** What a global search found: one group per kind with at least one hit, the kind with the best hit first. */
public record SearchResults(String q, List<SearchGroup> groups) {
    public SearchResults {
        groups = List.copyOf(groups);
    }

    static SearchResults none(String q) {
        return new SearchResults(q, List.of());
    }
}
