package com.litedesk.ports;

/**
 * Makes record ids. Ids are opaque strings to clients, but implementations must make them
 * increase with time (within one process at least), because lists and cursors are ordered by id.
 * Thread-safe.
 */
@FunctionalInterface
public interface IdGenerator {
    String newId();
}
