package com.litedesk.ports.instance;

/**
 * Sends mail. Delivery is at-least-once: callers may send the same mail again after a crash.
 * UNAVAILABLE when the provider cannot take it now. Thread-safe.
 */
public interface Mailer {
    void send(Mail mail);

    /**
     * Whether mail reaches its recipients' mailboxes (a provider such as SES or SMTP), rather than only being kept
     * (the development outbox). Links that are one-time credentials may be shown to an instance's Owner or Admin only
     * while this is false.
     */
    default boolean delivers() {
        return true;
    }
}
