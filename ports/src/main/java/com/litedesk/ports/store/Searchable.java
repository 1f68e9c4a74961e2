package com.litedesk.ports.store;

/**
 * A record that full-text search ({@link Condition.Matches}) finds by its words. Every store indexes
 * {@link #searchText()} when the record is written: the SQLite adapter in an FTS5 table, the MongoDB adapter
 * as an indexed array of terms, the in-memory stores by scanning.
 */
public interface Searchable {

    /** The words this record is found by; {@link SearchText#primary()} ranks above {@link SearchText#secondary()}. */
    SearchText searchText();
}
