package com.litedesk.core.access;

public enum Action {
    READ, CREATE, EDIT, DELETE, EXPORT, IMPORT;

    public String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
