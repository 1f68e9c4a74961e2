package com.litedesk.core.access;

/** What an action is done to, for access decisions. */
public enum Resource {
    CONTACTS, COMPANIES, DEALS, TASKS, NOTES, USERS, TEAMS, PIPELINES, SETTINGS, AUDIT,
    /** Pending invitations: who was invited, and (while no mail provider delivers) the link itself. */
    INVITATIONS,
    /** The instance's logo, colours and mail sender: read by everyone (the sign-in page shows them), set by its Owner. */
    BRANDING;

    /** Records of the CRM proper, which share one row of the permission table. */
    public boolean isCrmRecord() {
        return switch (this) {
            case CONTACTS, COMPANIES, DEALS, TASKS, NOTES -> true;
            default -> false;
        };
    }
}
