package com.litedesk.ports.crm;

/** What kind of contact an {@link Activity} records. */
public enum ActivityType {
    CALL, MEETING, EMAIL;

    /** Whether an activity of this kind lasts a while (calls and meetings do; an email has no duration). */
    public boolean hasDuration() {
        return this != EMAIL;
    }
}
