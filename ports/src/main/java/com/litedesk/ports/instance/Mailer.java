package com.litedesk.ports.instance;

/**
 * Sends mail. Delivery is at-least-once: callers may send the same mail again after a crash.
 * UNAVAILABLE when the provider cannot take it now. Thread-safe.
 */
public interface Mailer {
    void send(Mail mail);
}
