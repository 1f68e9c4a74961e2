package com.litedesk.app.mail;

import com.litedesk.ports.IdGenerator;
import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import com.litedesk.ports.instance.OutboxMail;
import com.litedesk.ports.instance.OutboxRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Development mail: kept in the outbox instead of being delivered, and announced in the log. */
public final class OutboxMailer implements Mailer {

    private static final System.Logger LOG = System.getLogger("litedesk.mail");
    private final OutboxRepository outbox;
    private final IdGenerator ids;
    private final Clock clock;

    public OutboxMailer(OutboxRepository outbox, IdGenerator ids, Clock clock) {
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        String id = mail.key() == null ? ids.newId() : mail.key();
        if (mail.key() != null && outbox.findById(id).isPresent()) {
            return; // sent before a crash or a retry: kept once
        }
        outbox.insert(new OutboxMail(id, 1, mail.to(), mail.subject(), mail.text(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        LOG.log(System.Logger.Level.INFO, "mail to " + mail.to() + " kept in the development outbox: " + mail.subject());
    }
}
