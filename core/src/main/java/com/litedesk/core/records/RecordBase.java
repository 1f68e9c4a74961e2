package com.litedesk.core.records;

import java.time.Instant;

/** The fields every owned record carries, worked out by {@link OwnedRecords} for a build. */
public record RecordBase(String id, long version, String ownerId, String teamId,
                         Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
