package com.litedesk.adapters.aws;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link Mailer} on Amazon SES (API v2). Credentials come only from the SDK's default provider chain
 * (environment, profile, web identity, instance role). A failed send is {@code UNAVAILABLE}: the caller's
 * outbox keeps the mail and tries again. Thread-safe; close it when done.
 */
public final class SesMailer implements Mailer, AutoCloseable {

    private final SesV2Client client;
    private final String from;

    SesMailer(SesV2Client client, String from) {
        this.client = Objects.requireNonNull(client, "client");
        this.from = Objects.requireNonNull(from, "from");
    }

    /**
     * A mailer sending as {@code from} (an identity verified in SES) through {@code region}.
     *
     * @param endpoint another endpoint than AWS's for the region (a VPC endpoint or a local stand-in), or null
     */
    public static SesMailer create(String region, String from, URI endpoint) {
        var builder = AwsClients.configure(SesV2Client.builder(), Region.of(Objects.requireNonNull(region, "region")), endpoint,
                Duration.ofSeconds(20));
        return new SesMailer(builder.build(), from);
    }

    /** The configured address, under the mail's sender name when it has one ({@code "Acme Sales" <crm@example.com>}). */
    private String sender(Mail mail) {
        if (mail.senderName() == null || from.contains("<")) {
            return from;
        }
        String name = mail.senderName().replace("\\", "\\\\").replace("\"", "\\\"");
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        String shown = ascii ? "\"" + name + "\""
                : "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(mail.senderName().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=";
        return shown + " <" + from + ">";
    }

    @Override
    public void send(Mail mail) {
        var request = SendEmailRequest.builder()
                .fromEmailAddress(sender(mail))
                .destination(Destination.builder().toAddresses(mail.to()).build())
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(mail.subject()))
                        .body(Body.builder().text(utf8(mail.text())).build())
                        .build()).build())
                .build();
        try {
            client.sendEmail(request);
        } catch (SdkException e) {
            throw LiteDeskException.unavailable("SES did not take the mail to " + mail.to() + ": " + e.getMessage(), e);
        }
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset("UTF-8").build();
    }

    @Override
    public void close() {
        client.close();
    }
}
