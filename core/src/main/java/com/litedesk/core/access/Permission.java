package com.litedesk.core.access;

/** One cell of the permission table as it applies to a user: how far {@code action} on {@code resource} reaches. */
public record Permission(Resource resource, Action action, Scope scope) {
}
