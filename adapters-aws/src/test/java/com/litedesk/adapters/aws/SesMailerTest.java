package com.litedesk.adapters.aws;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a local stand-in for the SES v2 endpoint that records what the SDK sends. */
class SesMailerTest {

    private SesStandIn ses;

    @BeforeAll
    static void credentialsFromTheDefaultChain() {
        TestCredentials.install();
    }

    @BeforeEach
    void start() throws IOException {
        ses = new SesStandIn();
    }

    @AfterEach
    void stop() {
        ses.close();
    }

    private SesMailer mailer() {
        return SesMailer.create("eu-west-1", "LiteDesk <no-reply@litedesk.example>", ses.endpoint());
    }

    @Test
    void aMailIsOneSignedSendEmailCallWithSenderRecipientSubjectAndText() {
        try (var mailer = mailer()) {
            mailer.send(new Mail("ada@acme.test", "Welcome to Acme – LiteDesk", "Set your password: https://acme.example/set"));
        }

        assertThat(ses.requests()).hasSize(1);
        var request = ses.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-1/ses/");
        assertThat(request.body())
                .contains("\"FromEmailAddress\":\"LiteDesk <no-reply@litedesk.example>\"")
                .contains("\"ToAddresses\":[\"ada@acme.test\"]")
                .contains("Welcome to Acme – LiteDesk")
                .contains("https://acme.example/set")
                .contains("\"Charset\":\"UTF-8\"");
    }

    @Test
    void aRejectedMailIsUnavailableSoTheOutboxKeepsIt() {
        ses.rejectNext(1);
        try (var mailer = mailer()) {
            assertThatThrownBy(() -> mailer.send(new Mail("ada@acme.test", "s", "t")))
                    .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("ada@acme.test");
                    });
        }
    }
}
