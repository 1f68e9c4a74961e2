package com.litedesk.core.crm.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a record's timeline. {@code kind} is NOTE, TASK or the audited action
 * (e.g. {@code deal.move}, {@code contact.update}); {@code refId} is the note's, task's or audit
 * entry's id; {@code details} holds the note text, the task fields or the changed fields.
 */
public record TimelineItem(String kind, Instant at, String actorId, String refId, String summary, Map<String, String> details) {
}
