package com.litedesk.core.identity;

/** Where a user stands: invited and no password set yet, signing in, or deactivated (cannot sign in). */
public enum UserStatus {
    PENDING, ACTIVE, DEACTIVATED
}
