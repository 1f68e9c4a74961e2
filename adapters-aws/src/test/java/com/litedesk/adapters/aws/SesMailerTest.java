package com.litedesk.adapters.aws;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.Mail;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a local stand-in for the SES v2 endpoint that records what the SDK sends. */
class SesMailerTest {

    private HttpServer ses;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    record Request(String method, String path, String authorization, String body) {}

    @BeforeAll
    static void credentialsFromTheDefaultChain() {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    }

    @BeforeEach
    void start() throws IOException {
        ses = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ses.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            var answer = status.get() == 200
                    ? "{\"MessageId\":\"0100018c-example\"}"
                    : "{\"message\":\"Email address is not verified.\"}";
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status.get() != 200) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "MessageRejected");
            }
            var bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        ses.start();
    }

    @AfterEach
    void stop() {
        ses.stop(0);
    }

    private SesMailer mailer() {
        return SesMailer.create("eu-west-1", "LiteDesk <no-reply@litedesk.example>",
                URI.create("http://127.0.0.1:" + ses.getAddress().getPort()));
    }

    @Test
    void aMailIsOneSignedSendEmailCallWithSenderRecipientSubjectAndText() {
        try (var mailer = mailer()) {
            mailer.send(new Mail("ada@acme.test", "Welcome to Acme – LiteDesk", "Set your password: https://acme.example/set"));
        }

        assertThat(requests).hasSize(1);
        var request = requests.getFirst();
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
        status.set(400);
        try (var mailer = mailer()) {
            assertThatThrownBy(() -> mailer.send(new Mail("ada@acme.test", "s", "t")))
                    .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("ada@acme.test");
                    });
        }
    }
}
