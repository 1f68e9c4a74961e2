package com.litedesk.adapters.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Mail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The SMTP adapter against a real SMTP conversation with a stand-in server that keeps what it receives. */
class SmtpMailerTest {

    private static SmtpSettings settings(int port, SmtpSettings.Security security, String user, String password) {
        return new SmtpSettings("127.0.0.1", port, security, user, password, "Acme CRM <crm@acme.example>", Duration.ofSeconds(5));
    }

    @Test
    void aMailIsHandedOverWithItsEnvelopeHeadersAndTextAfterAuthenticating() throws Exception {
        try (var server = SmtpStandIn.start()) {
            var mailer = new SmtpMailer(settings(server.port(), SmtpSettings.Security.NONE, "crm-relay", "s3cret-pass"));
            mailer.send(new Mail("ada@example.com", "You are invited to Acme — Zoë's team",
                    "Hello Ada,\n\nChoose your password here:\n\nhttp://acme.localhost:8080/set-password?token=abc123\n.\nbye\n"));
            assertThat(server.received).singleElement().satisfies(r -> {
                assertThat(r.mailFrom()).isEqualTo("crm@acme.example");
                assertThat(r.rcptTo()).containsExactly("ada@example.com");
                assertThat(r.authenticatedAs()).isEqualTo("crm-relay");
                assertThat(r.password()).isEqualTo("s3cret-pass");
                assertThat(r.header("To")).isEqualTo("ada@example.com");
                assertThat(r.header("From")).isEqualTo("Acme CRM <crm@acme.example>");
                assertThat(r.header("Date")).isNotBlank();
                assertThat(r.header("Content-Type")).contains("text/plain").containsIgnoringCase("charset=UTF-8");
                // decoded as a mail reader would: subject and text intact, the link whole
                MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(r.data().getBytes(StandardCharsets.UTF_8)));
                assertThat(parsed.getSubject()).isEqualTo("You are invited to Acme — Zoë's team");
                assertThat(((String) parsed.getContent()).replace("\r\n", "\n"))
                        .isEqualTo("Hello Ada,\n\nChoose your password here:\n\nhttp://acme.localhost:8080/set-password?token=abc123\n.\nbye\n");
            });
        }
    }

    @Test
    void anInstancesSenderNameShowsAsTheSenderWhileTheAddressStaysTheConfiguredOne() throws Exception {
        try (var server = SmtpStandIn.start()) {
            new SmtpMailer(settings(server.port(), SmtpSettings.Security.NONE, null, null))
                    .send(new Mail("bob@example.com", "Hi", "Text").from("Zoë's Sales"));
            assertThat(server.received).singleElement().satisfies(r -> {
                assertThat(r.mailFrom()).isEqualTo("crm@acme.example");
                MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(r.data().getBytes(StandardCharsets.UTF_8)));
                var from = (jakarta.mail.internet.InternetAddress) parsed.getFrom()[0];
                assertThat(from.getPersonal()).isEqualTo("Zoë's Sales");
                assertThat(from.getAddress()).isEqualTo("crm@acme.example");
            });
        }
    }

    @Test
    void withoutAUsernameNothingIsAuthenticated() throws Exception {
        try (var server = SmtpStandIn.start()) {
            new SmtpMailer(settings(server.port(), SmtpSettings.Security.NONE, null, null)).send(new Mail("bob@example.com", "Hi", "Text"));
            assertThat(server.received).singleElement().satisfies(r -> assertThat(r.authenticatedAs()).isNull());
            assertThat(server.commands).noneMatch(c -> c.toUpperCase().startsWith("AUTH"));
        }
    }

    @Test
    void aMailTheServerDoesNotTakeIsUnavailableSoThatTheCallerTriesAgain() throws Exception {
        try (var server = SmtpStandIn.start()) {
            var mailer = new SmtpMailer(settings(server.port(), SmtpSettings.Security.NONE, null, null));
            server.refuseNext();
            assertThatThrownBy(() -> mailer.send(new Mail("bob@example.com", "Hi", "Text")))
                    .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                        assertThat(e.getMessage()).doesNotContain("451").doesNotContain("jakarta");
                    });
            mailer.send(new Mail("bob@example.com", "Hi", "Text"));
            assertThat(server.received).hasSize(1);
        }
    }

    @Test
    void withStartTlsRequiredNothingIsSentInClearWhenTheUpgradeFails() throws Exception {
        try (var plain = SmtpStandIn.start(); var failing = SmtpStandIn.offeringStartTls()) {
            for (var server : new SmtpStandIn[] {plain, failing}) {
                var mailer = new SmtpMailer(settings(server.port(), SmtpSettings.Security.STARTTLS, "crm-relay", "s3cret-pass"));
                assertThatThrownBy(() -> mailer.send(new Mail("bob@example.com", "Hi", "Text")))
                        .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
                assertThat(server.received).isEmpty();
                assertThat(server.commands).noneMatch(c -> c.toUpperCase().startsWith("AUTH") || c.toUpperCase().startsWith("MAIL"));
            }
            assertThat(failing.commands).anyMatch(c -> c.equalsIgnoreCase("STARTTLS"));
        }
    }

    @Test
    void withTlsTheConnectionStartsEncryptedAndAPlainServerIsNotSentTo() throws Exception {
        try (var server = SmtpStandIn.start()) {
            var mailer = new SmtpMailer(new SmtpSettings("127.0.0.1", server.port(), SmtpSettings.Security.TLS, null, null,
                    "crm@acme.example", Duration.ofSeconds(2)));
            assertThatThrownBy(() -> mailer.send(new Mail("bob@example.com", "Hi", "Text")))
                    .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
            assertThat(server.received).isEmpty();
        }
    }

    @Test
    void aMalformedSenderIsRefusedWhenConfiguredAndThePasswordIsNeverPrinted() {
        assertThatThrownBy(() -> new SmtpMailer(new SmtpSettings("127.0.0.1", 25, SmtpSettings.Security.NONE, null, null,
                "not an address <", Duration.ofSeconds(1)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings(25, SmtpSettings.Security.STARTTLS, "u", "hunter2-password").toString()).doesNotContain("hunter2");
    }
}
