package com.litedesk.core.crm.timeline;

import com.litedesk.ports.contract.Nullable;
import java.time.Instant;
import java.util.Map;

/**
 * One line of a record's timeline. {@code kind} is NOTE, TASK or the audited action
 * (e.g. {@code deal.move}, {@code contact.update}); {@code refId} is the note's, task's or audit
 * entry's id; {@code details} holds the note text, the task fields or the changed fields.
 */
public record TimelineItem(
        String kind,
        Instant at,
        @Nullable String actorId,
        @Nullable String refId,
        @Nullable String summary,
        @Nullable Map<String, String> details) {
}
