package com.litedesk.ports.instance;

import com.litedesk.ports.store.Entity;
import java.time.Instant;

/** A mail kept in the development outbox instead of being delivered. */
public record OutboxMail(String id, long version, String to, String subject, String text, Instant sentAt) implements Entity {
}
