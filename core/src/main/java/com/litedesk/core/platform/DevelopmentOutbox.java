package com.litedesk.core.platform;

import com.litedesk.ports.instance.OutboxMail;
import java.util.List;

/**
 * The development outbox as platform admins read it: the mail that no provider delivered, newest first, with what
 * it is. It exists only while no mail provider is configured; its links (set-password, confirmations) are live.
 *
 * @param mode always {@code development}
 * @param note what the outbox is, for whoever reads it
 */
public record DevelopmentOutbox(String mode, String note, List<OutboxMail> items) {

    public static final String NOTE = "No mail provider is configured, so mail is kept here instead of being delivered. "
            + "Its links are live one-time credentials (an instance Owner's set-password link among them): only platform admins "
            + "read this, and it does not exist once a mail provider delivers mail.";

    public DevelopmentOutbox {
        items = List.copyOf(items);
    }
}
