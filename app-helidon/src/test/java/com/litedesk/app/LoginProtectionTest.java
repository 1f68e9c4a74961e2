package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.core.identity.NewUser;
import com.litedesk.ports.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed logins over HTTP: counted per account and per client address (the test client stands behind a trusted
 * proxy, so its X-Forwarded-For is the address), a stranger never locks the Owner out, a known address is slowed
 * down with 429 and Retry-After, an unknown account answers like a known one; and the password rules.
 */
class LoginProtectionTest {

    static TestServer acme;

    @BeforeAll
    static void start() {
        acme = TestServer.inMemory(Map.of("LITEDESK_TRUSTED_PROXIES", "127.0.0.1,::1"));
    }

    @AfterAll
    static void stop() {
        acme.close();
    }

    private static TestServer.Answer loginFrom(String address, String email, String password) {
        return acme.send("POST", "/api/auth/login", null, Map.of("email", email, "password", password), Map.of("X-Forwarded-For", address));
    }

    private static void addUser(String email) {
        var owner = acme.app.crm().users().owner().orElseThrow();
        acme.app.crm().users().create(acme.app.crm().actorOf(owner), new NewUser(email, "Some One", Role.USER, null, TestServer.PASSWORD));
    }

    @Test
    void aStrangerCannotLockTheOwnerOut() {
        assertThat(loginFrom("10.20.0.1", TestServer.OWNER, TestServer.PASSWORD).status()).isEqualTo(200);
        List<Integer> stranger = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stranger.add(loginFrom("203.0.113." + (i % 3), TestServer.OWNER, "a-guess-" + i).status());
        }
        assertThat(stranger.subList(0, 15)).containsOnly(401);
        assertThat(stranger.subList(15, 30)).containsOnly(423);
        var locked = loginFrom("203.0.113.1", TestServer.OWNER, TestServer.PASSWORD);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.json().get("code").asText()).isEqualTo("LOCKED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 901L);
        assertThat(loginFrom("10.20.0.1", TestServer.OWNER, TestServer.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void repeatedWrongPasswordsLockAnUnknownAddressOutButNotTheOthers() {
        addUser("victim@acme.test");
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom("198.51.100.20", "victim@acme.test", "wrong-password-1").status()).isEqualTo(401);
        }
        var locked = loginFrom("198.51.100.20", "victim@acme.test", TestServer.PASSWORD);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.json().get("code").asText()).isEqualTo("LOCKED");
        assertThat(loginFrom("198.51.100.21", "victim@acme.test", TestServer.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aKnownAddressIsSlowedDownWith429AndRetryAfterNotLockedOut() {
        addUser("typo@acme.test");
        assertThat(loginFrom("10.20.0.2", "typo@acme.test", TestServer.PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom("10.20.0.2", "typo@acme.test", "wrong-password-1").status()).isEqualTo(401);
        }
        var slowed = loginFrom("10.20.0.2", "typo@acme.test", TestServer.PASSWORD);
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(slowed.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(slowed.header("Retry-After"))).isBetween(29L, 31L);
    }

    @Test
    void anUnknownAccountGetsTheSameAnswersAsAKnownOne() {
        addUser("known@acme.test");
        for (int i = 0; i < 7; i++) {
            var known = loginFrom("198.51.100.30", "known@acme.test", "wrong-password-1");
            var unknown = loginFrom("198.51.100.30", "unknown@acme.test", "wrong-password-1");
            assertThat(unknown.status()).isEqualTo(known.status());
            assertThat(shape(unknown.json())).isEqualTo(shape(known.json()));
            assertThat(unknown.json().get("code")).isEqualTo(known.json().get("code"));
            assertThat(unknown.header("Retry-After") == null).isEqualTo(known.header("Retry-After") == null);
            if (known.status() == 401) {
                assertThat(unknown.json().get("detail")).isEqualTo(known.json().get("detail"));
            }
        }
        assertThat(loginFrom("198.51.100.30", "unknown@acme.test", "wrong-password-1").status()).isEqualTo(423);
    }

    private static List<String> shape(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    @Test
    void aCommonPasswordOrOnesOwnEmailOrNameIsRefusedWithAFieldError() {
        String owner = acme.ownerToken();
        var common = acme.post("/api/users", owner, Map.of("email", "new@acme.test", "name", "New Person", "role", "USER",
                "password", "password123"));
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(common.json().get("errors").get(0).get("message").asText()).contains("common");
        var ownName = acme.post("/api/users", owner, Map.of("email", "new@acme.test", "name", "Mary Jackson", "role", "USER",
                "password", "MaryJackson-1921"));
        assertThat(ownName.status()).isEqualTo(400);
        assertThat(ownName.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(acme.get("/api/users?q=Mary", owner).json().get("items")).isEmpty();

        String changer = acme.tokenFor("dorothy.vaughan@acme.test", Role.USER, null);
        var ownEmail = acme.post("/api/auth/password", changer, Map.of("currentPassword", TestServer.PASSWORD,
                "newPassword", "dorothy.vaughan@acme.test"));
        assertThat(ownEmail.status()).isEqualTo(400);
        assertThat(ownEmail.json().get("errors").get(0).get("field").asText()).isEqualTo("newPassword");
        var commonToo = acme.post("/api/auth/password", changer, Map.of("currentPassword", TestServer.PASSWORD, "newPassword", "1qaz2wsx3edc"));
        assertThat(commonToo.status()).isEqualTo(400);
        assertThat(acme.login("dorothy.vaughan@acme.test", TestServer.PASSWORD)).isNotBlank();

        assertThat(acme.post("/api/users", owner, Map.of("email", "invited@acme.test", "name", "Invited", "role", "USER")).status())
                .isEqualTo(201);
        var mails = acme.app.repositories().outbox().list(com.litedesk.ports.store.Query.all(100)).items();
        String text = mails.stream().filter(m -> m.to().equals("invited@acme.test")).findFirst().orElseThrow().text();
        String link = text.substring(text.indexOf("token=") + 6).strip();
        var refused = acme.post("/api/auth/set-password", null, Map.of("token", link, "password", "iloveyou123"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(acme.post("/api/auth/set-password", null, Map.of("token", link, "password", "welcome-aboard-7")).status()).isEqualTo(200);
    }
}
