package com.litedesk.ports.instance;

import java.util.Objects;

/**
 * A plain-text mail to one recipient. {@code key}, when set, identifies the mail across retries: a mailer
 * that can deduplicate (the development outbox) keeps one mail per key, so a step that sends, crashes and
 * sends again delivers once. {@code senderName}, when set, is the display name of the sender (an instance's brand);
 * the sender's address is the mail provider's.
 */
public record Mail(String to, String subject, String text, String key, String senderName) {
    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    public Mail(String to, String subject, String text) {
        this(to, subject, text, null, null);
    }

    public Mail(String to, String subject, String text, String key) {
        this(to, subject, text, key, null);
    }

    /** The same mail under the display name {@code name} (the address stays the provider's sender address). */
    public Mail from(String name) {
        return new Mail(to, subject, text, key, name);
    }
}
