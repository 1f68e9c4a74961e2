package com.litedesk.ports.identity;

/** Roles of an instance's users, highest first. */
public enum Role {
    OWNER, ADMIN, MANAGER, USER, VIEWER;

    /** True when this role ranks strictly above {@code other}. */
    public boolean outranks(Role other) {
        return ordinal() < other.ordinal();
    }
}
