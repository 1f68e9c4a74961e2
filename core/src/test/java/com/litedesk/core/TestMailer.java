package com.litedesk.core;

import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps mails in a list. */
public final class TestMailer implements Mailer {
    public final List<Mail> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(Mail mail) {
        sent.add(mail);
    }

    public String lastLinkToken() {
        String text = sent.getLast().text();
        int at = text.indexOf("token=");
        return text.substring(at + 6).strip();
    }
}
