package com.litedesk.ports.instance;

import java.util.Objects;

/**
 * A plain-text mail to one recipient. {@code key}, when set, identifies the mail across retries: a mailer
 * that can deduplicate (the development outbox) keeps one mail per key, so a step that sends, crashes and
 * sends again delivers once.
 */
public record Mail(String to, String subject, String text, String key) {
    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    public Mail(String to, String subject, String text) {
        this(to, subject, text, null);
    }
}
