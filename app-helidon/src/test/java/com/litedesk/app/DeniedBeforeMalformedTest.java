package com.litedesk.app;

import com.litedesk.ports.identity.Role;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One who may not add users is refused — and audited — even when the body of the attempt is malformed. */
class DeniedBeforeMalformedTest {

    @Test
    void aUsersMalformedAttemptToAddAnAccountIsAForbiddenAndAuditedDenial() {
        try (TestServer server = TestServer.inMemory(Map.of())) {
            String owner = server.ownerToken();
            String user = server.tokenFor("user@acme.test", Role.USER, null);
            String userId = server.get("/api/auth/me", user).json().get("id").asText();

            for (Object body : new Object[] {Map.of("email", "me2@acme.test", "name", "Me", "role", "GOD"), "null", "[1]"}) {
                var answer = server.send("POST", "/api/users", user, body, Map.of());
                assertThat(answer.status()).as(String.valueOf(body)).isEqualTo(403);
                assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            }
            // the Owner's own malformed request is still told what is wrong with it
            assertThat(server.send("POST", "/api/users", owner, Map.of("email", "x@acme.test", "name", "X", "role", "GOD"), Map.of())
                    .status()).isEqualTo(400);

            var denied = server.get("/api/audit?limit=50&filter=" + URLEncoder.encode("outcome[eq]:\"DENIED\"", StandardCharsets.UTF_8), owner);
            assertThat(denied.status()).isEqualTo(200);
            long attempts = 0;
            for (var entry : denied.json().get("items")) {
                if (entry.get("actorId").asText().equals(userId) && entry.get("action").asText().equals("users.create")) {
                    attempts++;
                }
            }
            assertThat(attempts).isEqualTo(3);
        }
    }
}
