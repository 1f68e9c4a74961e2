package com.litedesk.core.access;

/** What an action is done to, for access decisions. */
public enum Resource {
    CONTACTS, COMPANIES, DEALS, TASKS, NOTES,
    /** Calls, meetings and emails logged against a record: CRM records like notes, with the same row of the table. */
    ACTIVITIES, USERS, TEAMS, PIPELINES, SETTINGS, AUDIT,
    /** Pending invitations: who was invited, and (while no mail provider delivers) the link itself. */
    INVITATIONS,
    /** The instance's logo, colours and mail sender: read by everyone (the sign-in page shows them), set by its Owner. */
    BRANDING,
    /** Saved list views: everyone keeps their own; sharing one with everybody, or removing a shared one, is for managers up. */
    VIEWS;

    /** Records of the CRM proper, which share one row of the permission table. */
    public boolean isCrmRecord() {
        return switch (this) {
            case CONTACTS, COMPANIES, DEALS, TASKS, NOTES, ACTIVITIES -> true;
            default -> false;
        };
    }
}
