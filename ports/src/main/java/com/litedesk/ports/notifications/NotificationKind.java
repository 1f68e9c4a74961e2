package com.litedesk.ports.notifications;

/** Why a user was notified. */
public enum NotificationKind {
    /** A task assigned to the user is due today or overdue. */
    TASK_DUE
}
