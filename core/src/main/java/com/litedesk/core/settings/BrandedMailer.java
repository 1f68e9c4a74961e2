package com.litedesk.core.settings;

import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import java.util.function.Supplier;

/** Sends an instance's mails under its brand's sender name (read when each mail goes out), through the given mailer. */
public final class BrandedMailer implements Mailer {

    private final Mailer mailer;
    private final Supplier<String> senderName;

    public BrandedMailer(Mailer mailer, Supplier<String> senderName) {
        this.mailer = mailer;
        this.senderName = senderName;
    }

    @Override
    public void send(Mail mail) {
        String name = mail.senderName() != null ? mail.senderName() : senderName.get();
        mailer.send(name == null ? mail : mail.from(name));
    }

    @Override
    public boolean delivers() {
        return mailer.delivers();
    }
}
