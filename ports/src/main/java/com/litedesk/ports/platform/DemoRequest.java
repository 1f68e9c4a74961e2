package com.litedesk.ports.platform;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import com.litedesk.ports.store.Entity;
import java.time.Instant;

/**
 * A prospect's request for a demo instance, from the public form. {@code email} is stored lower-case;
 * at most one open request exists per email. A later submission from the same email is kept apart as
 * {@link DemoRequestState#UNCONFIRMED} and merges into the open one (counted in {@code submissions}) only once
 * confirmed through the link mailed to that address. {@code instanceId} is set once the request is converted.
 */
public record DemoRequest(
        String id,
        long version,
        String companyName,
        String contactName,
        String email,
        @Nullable String phone,
        @Nullable String companySize,
        @Nullable String industry,
        String subdomain,
        @Nullable String message,
        DemoRequestState state,
        int submissions,
        @Nullable String instanceId,
        @Nullable String decisionNote,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String updatedBy) implements Entity, Searchable {

    /** This request moved to {@code newState} by {@code by}. */
    public DemoRequest withState(DemoRequestState newState, String note, String newInstanceId, String by, Instant at) {
        return new DemoRequest(id, version + 1, companyName, contactName, email, phone, companySize, industry, subdomain, message,
                newState, submissions, newInstanceId, note, createdAt, at, by);
    }

    /** Found by company, contact and subdomain (first), then by email. */
    @Override
    public SearchText searchText() {
        return new SearchText(SearchText.join(companyName, contactName, subdomain), email);
    }
}
