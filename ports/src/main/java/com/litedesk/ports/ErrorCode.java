package com.litedesk.ports;

/** Stable codes of every domain failure. The web layer maps each to one HTTP status, once. */
public enum ErrorCode {
    /** The record does not exist, or the caller may not know it exists. */
    NOT_FOUND,
    /** The change contradicts current state (a duplicate unique key, an illegal transition). */
    CONFLICT,
    /** The caller is authenticated but not allowed to do this. */
    FORBIDDEN,
    /** The input is malformed or breaks a rule; {@link LiteDeskException#errors()} names the fields. */
    VALIDATION,
    /** A plan limit (seats, contacts, storage) would be exceeded. */
    LIMIT_REACHED,
    /** A dependency (database, runtime) cannot serve the request now; retrying later may succeed. */
    UNAVAILABLE,
    /** No valid credentials were presented. */
    UNAUTHENTICATED,
    /** The record changed since the caller read it (optimistic concurrency). */
    PRECONDITION_FAILED,
    /** The account is temporarily locked after repeated failed logins. */
    LOCKED,
    /** Too many requests; retry after a while. */
    RATE_LIMITED
}
