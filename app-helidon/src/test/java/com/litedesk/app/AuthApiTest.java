package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.app.security.JwtTokenService;
import com.litedesk.ports.identity.AccessClaims;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthApiTest {

    static TestServer acme;
    static TestServer globex;

    @BeforeAll
    static void start() {
        acme = TestServer.inMemory(Map.of());
        globex = TestServer.inMemory(Map.of("LITEDESK_INSTANCE_ID", "globex"));
    }

    @AfterAll
    static void stop() {
        acme.close();
        globex.close();
    }

    @Test
    void aLoginGivesAFifteenMinuteTokenThatShowsWhoIAm() {
        var login = acme.post("/api/auth/login", null, Map.of("email", TestServer.OWNER, "password", TestServer.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        var me = acme.get("/api/auth/me", login.json().get("accessToken").asText());
        assertThat(me.json().get("email").asText()).isEqualTo(TestServer.OWNER);
        assertThat(me.json().get("role").asText()).isEqualTo("OWNER");
        assertThat(me.raw().body()).doesNotContain("password");
    }

    /** Each role is told, for every resource and action, the scope the server's own policy allows. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(com.litedesk.ports.identity.Role.class)
    void myPermissionsAreThoseThePolicyAppliesToMe(com.litedesk.ports.identity.Role role) {
        String token = role == com.litedesk.ports.identity.Role.OWNER ? acme.ownerToken()
                : acme.tokenFor("perm-" + role.name().toLowerCase(java.util.Locale.ROOT) + "@acme.test", role, null);
        var answer = acme.get("/api/auth/me/permissions", token);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("role").asText()).isEqualTo(role.name());
        var policy = new com.litedesk.core.access.AccessPolicy();
        int cells = 0;
        for (var p : answer.json().get("permissions")) {
            var resource = com.litedesk.core.access.Resource.valueOf(p.get("resource").asText());
            var action = com.litedesk.core.access.Action.valueOf(p.get("action").asText());
            assertThat(p.get("scope").asText()).as(role + " " + action + " " + resource).isEqualTo(policy.scope(role, resource, action).name());
            cells++;
        }
        assertThat(cells).isEqualTo(com.litedesk.core.access.Resource.values().length * com.litedesk.core.access.Action.values().length);
        assertThat(acme.get("/api/auth/me/permissions", null).status()).isEqualTo(401);
    }

    @Test
    void aRotatedRefreshTokenUsedAgainEndsTheSession() {
        var first = acme.post("/api/auth/login", null, Map.of("email", TestServer.OWNER, "password", TestServer.PASSWORD)).json();
        var second = acme.post("/api/auth/refresh", null, Map.of("refreshToken", first.get("refreshToken").asText()));
        assertThat(second.status()).isEqualTo(200);
        var replay = acme.post("/api/auth/refresh", null, Map.of("refreshToken", first.get("refreshToken").asText()));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(acme.post("/api/auth/refresh", null, Map.of("refreshToken", second.json().get("refreshToken").asText())).status())
                .isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() {
        var tokens = acme.post("/api/auth/login", null, Map.of("email", TestServer.OWNER, "password", TestServer.PASSWORD)).json();
        assertThat(acme.post("/api/auth/logout", null, Map.of("refreshToken", tokens.get("refreshToken").asText())).status()).isEqualTo(204);
        assertThat(acme.post("/api/auth/refresh", null, Map.of("refreshToken", tokens.get("refreshToken").asText())).status()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockOutAnAddressTheAccountNeverLoggedInFrom() {
        var owner = acme.app.crm().users().owner().orElseThrow();
        acme.app.crm().users().create(acme.app.crm().actorOf(owner), new com.litedesk.core.identity.NewUser("victim@acme.test",
                "Victim", com.litedesk.ports.identity.Role.USER, null, TestServer.PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThat(acme.post("/api/auth/login", null, Map.of("email", "victim@acme.test", "password", "wrong-password-1")).status())
                    .isEqualTo(401);
        }
        var locked = acme.post("/api/auth/login", null, Map.of("email", "victim@acme.test", "password", TestServer.PASSWORD));
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.json().get("code").asText()).isEqualTo("LOCKED");
    }

    @Test
    void aTokenOfAnotherInstanceIsRejected() {
        String globexToken = globex.ownerToken();
        var answer = acme.get("/api/contacts", globexToken);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(acme.get("/api/contacts", acme.ownerToken()).status()).isEqualTo(200);
    }

    @Test
    void unsignedTamperedAndForeignKeyTokensAreRejected() {
        String good = acme.ownerToken();
        String[] parts = good.split("\\.");
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(acme.get("/api/auth/me", noneHeader + "." + parts[1] + ".").status()).isEqualTo(401);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"OWNER\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(acme.get("/api/auth/me", tampered).status()).isEqualTo(401);
        var me = acme.get("/api/auth/me", good).json();
        String forged = new JwtTokenService(new byte[32], "litedesk:instance:acme", Clock.systemUTC())
                .issue(new AccessClaims(me.get("id").asText(), "litedesk:instance:acme", "OWNER", "x", Instant.now(),
                        Instant.now().plusSeconds(600), "s"));
        assertThat(acme.get("/api/auth/me", forged).status()).isEqualTo(401);
        assertThat(acme.get("/api/auth/me", "garbage").status()).isEqualTo(401);
        assertThat(acme.get("/api/auth/me", null).status()).isEqualTo(401);
    }

    @Test
    void anInvitedUserSetsAPasswordOnceThroughTheMailedLink() {
        String owner = acme.ownerToken();
        assertThat(acme.post("/api/users", owner, Map.of("email", "new@acme.test", "name", "New", "role", "USER")).status()).isEqualTo(201);
        var mails = acme.app.repositories().outbox().list(com.litedesk.ports.store.Query.all(100)).items();
        String text = mails.stream().filter(m -> m.to().equals("new@acme.test")).findFirst().orElseThrow().text();
        assertThat(text).contains("/set-password?token=");
        String token = text.substring(text.indexOf("token=") + 6).strip();
        assertThat(acme.post("/api/auth/set-password", null, Map.of("token", token, "password", "short")).status()).isEqualTo(400);
        assertThat(acme.post("/api/auth/set-password", null, Map.of("token", token, "password", "my-own-password")).status()).isEqualTo(200);
        assertThat(acme.login("new@acme.test", "my-own-password")).isNotBlank();
        assertThat(acme.post("/api/auth/set-password", null, Map.of("token", token, "password", "another-password")).status()).isEqualTo(400);
    }

    @Test
    void changingMyPasswordNeedsTheCurrentOne() {
        String token = acme.tokenFor("changer@acme.test", com.litedesk.ports.identity.Role.USER, null);
        var wrong = acme.post("/api/auth/password", token, Map.of("currentPassword", "nope-nope-nope", "newPassword", "a-new-password"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(acme.post("/api/auth/password", token, Map.of("currentPassword", TestServer.PASSWORD, "newPassword", "a-new-password")).status())
                .isEqualTo(204);
        assertThat(acme.login("changer@acme.test", "a-new-password")).isNotBlank();
    }
}
