package com.litedesk.app.mail;

import com.litedesk.ports.IdGenerator;
import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import com.litedesk.ports.instance.OutboxMail;
import com.litedesk.ports.instance.OutboxRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Every mail is kept in the outbox, once per key. Without a delivery (development) that is all: the console shows
 * the outbox to platform admins, links included. With one (SES), a mail is delivered first and then only its
 * recipient, subject and time are kept — never its text, whose links are one-time credentials — so a mail that
 * could not be delivered is UNAVAILABLE to the caller (a provisioning step tries again) and one delivered before a
 * crash is not sent twice by a retried step.
 */
public final class OutboxMailer implements Mailer {

    private static final System.Logger LOG = System.getLogger("litedesk.mail");
    /** What the sent-mail log keeps instead of the text of a delivered mail. */
    public static final String DELIVERED = "(delivered; the text is not kept)";
    private final OutboxRepository outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final Mailer delivery;

    /** Development mail: kept in the outbox, announced in the log, not delivered. */
    public OutboxMailer(OutboxRepository outbox, IdGenerator ids, Clock clock) {
        this(outbox, ids, clock, null);
    }

    /** @param delivery what delivers mail (SES), or null to keep it only */
    public OutboxMailer(OutboxRepository outbox, IdGenerator ids, Clock clock, Mailer delivery) {
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.delivery = delivery;
    }

    /** Mail reaches mailboxes only with a delivery; the outbox alone keeps it for platform admins. */
    @Override
    public boolean delivers() {
        return delivery != null;
    }

    @Override
    public void send(Mail mail) {
        String id = mail.key() == null ? ids.newId() : mail.key();
        if (mail.key() != null && outbox.findById(id).isPresent()) {
            return; // sent before a crash or a retry: kept once
        }
        if (delivery != null) {
            delivery.send(mail);
        }
        outbox.insert(new OutboxMail(id, 1, mail.to(), mail.subject(), delivery == null ? mail.text() : DELIVERED,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        LOG.log(System.Logger.Level.INFO, "mail to " + mail.to() + (delivery == null ? " kept in the development outbox: " : " sent: ")
                + mail.subject());
    }
}
