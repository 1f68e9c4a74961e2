package com.litedesk.ports.crm;

/** The kinds of records a note, a task, an activity, an audit entry or a timeline can point at. */
public enum RecordType {
    CONTACT, COMPANY, DEAL, TASK, NOTE, ACTIVITY, NOTIFICATION, PIPELINE, USER, TEAM, SETTINGS,
    /** Control-plane records: they appear in the control plane's audit log only. */
    DEMO_REQUEST, INSTANCE, BACKUP
}
