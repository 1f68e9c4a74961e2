package com.litedesk.adapters.smtp;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * {@link Mailer} on any SMTP server (a provider's relay, the company's mail server), through Eclipse Angus Mail.
 * Plain-text UTF-8 mails from {@link SmtpSettings#from()}; with STARTTLS the upgrade is required (a server that does
 * not offer it is refused rather than sent to in clear), and with STARTTLS or TLS the server's certificate and host
 * name are checked. A mail the server does not take is {@code UNAVAILABLE}: the caller tries again. One connection per
 * mail; thread-safe.
 */
public final class SmtpMailer implements Mailer {

    private static final System.Logger LOG = System.getLogger("litedesk.mail");
    private final Session session;
    private final InternetAddress from;
    private final SmtpSettings settings;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not a mail address: " + settings.from(), e);
        }
        boolean tls = settings.security() == SmtpSettings.Security.TLS;
        String protocol = tls ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", settings.host());
        p.put("mail." + protocol + ".port", Integer.toString(settings.port()));
        String millis = Long.toString(settings.timeout().toMillis());
        p.put("mail." + protocol + ".connectiontimeout", millis);
        p.put("mail." + protocol + ".timeout", millis);
        p.put("mail." + protocol + ".writetimeout", millis);
        p.put("mail." + protocol + ".from", from.getAddress());
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != SmtpSettings.Security.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (settings.username() != null) {
            p.put("mail." + protocol + ".auth", "true");
            String user = settings.username();
            String password = settings.password() == null ? "" : settings.password();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(p, authenticator);
    }

    @Override
    public void send(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            // the instance's brand names the sender; the address stays the configured one (what SPF and DKIM vouch for)
            message.setFrom(mail.senderName() == null ? from
                    : new InternetAddress(from.getAddress(), mail.senderName(), StandardCharsets.UTF_8.name()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            LOG.log(System.Logger.Level.WARNING, "the mail server " + settings.host() + ":" + settings.port()
                    + " did not take the mail to " + mail.to() + ": " + e.getMessage());
            throw LiteDeskException.unavailable("the mail server did not take the mail to " + mail.to() + "; try again later", e);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
