package com.litedesk.core.access;

/** How far a permission reaches: nothing, one's own records, one's team's, or all. */
public enum Scope {
    NONE, OWN, TEAM, ALL
}
