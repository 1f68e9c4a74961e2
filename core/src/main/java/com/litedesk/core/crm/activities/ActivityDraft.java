package com.litedesk.core.crm.activities;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.ActivityType;
import com.litedesk.ports.crm.RecordRef;
import java.time.Instant;

/**
 * An activity as a client logs it: a call, meeting or email about a contact, company or deal. {@code occurredAt} null
 * means now; {@code durationMinutes} is for calls and meetings only.
 */
public record ActivityDraft(
        ActivityType type,
        @MaxLength(200) String subject,
        @Nullable @MaxLength(10000) String body,
        @Nullable Instant occurredAt,
        @Nullable Integer durationMinutes,
        @Nullable @MaxLength(200) String outcome,
        RecordRef linkedRecord) {

    /** A call about {@code record} that happened now. */
    public static ActivityDraft call(String subject, RecordRef record, Integer minutes, String outcome) {
        return new ActivityDraft(ActivityType.CALL, subject, null, null, minutes, outcome, record);
    }
}
