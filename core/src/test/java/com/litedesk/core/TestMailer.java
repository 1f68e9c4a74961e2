package com.litedesk.core;

import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps mails in a list; delivers them (as a mail provider would) unless told it is the development outbox. */
public final class TestMailer implements Mailer {
    public final List<Mail> sent = new CopyOnWriteArrayList<>();
    public volatile boolean delivers = true;

    @Override
    public boolean delivers() {
        return delivers;
    }

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
