package com.litedesk.ports.store;

/**
 * A stored record: an opaque id, unique within its collection, and a version that grows by one
 * with every change (optimistic concurrency). Implemented by records only; the record's component
 * names are the field names used in queries, in storage and in JSON.
 */
public interface Entity {
    String id();

    long version();
}
