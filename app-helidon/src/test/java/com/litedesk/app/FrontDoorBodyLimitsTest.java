package com.litedesk.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane's server carries in-process instances' requests, imports included: a CSV larger than a JSON
 * body may be reaches the instance's import, while JSON bodies keep their own limit on both sides of the door.
 */
class FrontDoorBodyLimitsTest {

    @TempDir
    static Path data;
    static PlatformServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = PlatformServer.start(data, Map.of("LITEDESK_MAX_BODY_BYTES", "2048"));
        String admin = server.adminToken();
        server.provision(admin, "bulk", "owner@bulk.test");
        String token = server.mailedToken(admin, "owner@bulk.test");
        assertThat(server.send("bulk.localhost", "POST", "/api/auth/set-password", null,
                Map.of("token", token, "password", PlatformServer.PASSWORD), Map.of()).status()).isEqualTo(200);
        owner = server.login("bulk.localhost", "/api", "owner@bulk.test", PlatformServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anImportLargerThanAJsonBodyReachesTheInstance() {
        StringBuilder csv = new StringBuilder("firstName,lastName,email\n");
        for (int i = 0; i < 400; i++) {
            csv.append("Ada,Lovelace").append(i).append(",ada").append(i).append("@import.example\n");
        }
        assertThat(csv.length()).isGreaterThan(4 * 2048);
        var answer = server.send("bulk.localhost", "POST", "/api/contacts/import", owner, csv.toString(), Map.of("Content-Type", "text/csv"));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.json().get("created").asInt()).isEqualTo(400);
        assertThat(server.send("bulk.localhost", "GET", "/api/contacts?q=lovelace399", owner, null, Map.of()).json().get("items"))
                .hasSize(1);
    }

    @Test
    void anOversizeJsonBodyIs413AtTheInstanceAndAtTheControlPlane() {
        String big = "x".repeat(3000);
        var atInstance = server.send("bulk.localhost", "POST", "/api/contacts", owner, Map.of("firstName", big, "lastName", "L"), Map.of());
        assertThat(atInstance.status()).isEqualTo(413);
        assertThat(atInstance.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        var atPlatform = server.admin("POST", "/api/public/demo-requests", null,
                Map.of("companyName", big, "contactName", "O", "email", "o@big.test", "subdomain", "big"));
        assertThat(atPlatform.status()).isEqualTo(413);
        assertThat(atPlatform.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }
}
