package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.store.Query;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access tokens as RFC 8725 asks (issuer, audience, issue and not-before times, a life no longer than the access
 * TTL, the algorithm and type pinned), each tied to its login session and stopping with it; and Idempotency-Key
 * kept off the routes that hand out tokens.
 */
class AccessTokenRulesTest {

    /** The signing key, configured so that the test can sign tokens the instance would otherwise accept. */
    static final byte[] KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final String MANAGEMENT_KEY = "management-key-of-at-least-32-characters";
    static TestServer acme;
    /** An instance the control plane manages (the Owner is seeded and invited through the management API). */
    static TestServer managed;

    @BeforeAll
    static void start() {
        acme = TestServer.inMemory(Map.of("LITEDESK_SIGNING_KEY", Base64.getEncoder().encodeToString(KEY)));
        managed = TestServer.inMemory(Map.of("LITEDESK_MANAGEMENT_KEY", MANAGEMENT_KEY, "LITEDESK_INSTANCE_ID", "managed"));
    }

    @AfterAll
    static void stop() {
        acme.close();
        managed.close();
    }

    private static JsonNode payloadOf(String jwt) throws Exception {
        return acme.json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** A token signed with the instance's own key: the claims of a real one, changed by {@code change}. */
    private static String signed(String real, JWSHeader header, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JsonNode p = payloadOf(real);
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer(p.get("iss").asText()).subject(p.get("sub").asText())
                .audience(p.get("aud").asText()).jwtID("t").issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("role", "OWNER").claim("sid", p.get("sid").asText());
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(header, claims.build());
        jwt.sign(new MACSigner(KEY));
        return jwt.serialize();
    }

    private static final JWSHeader HS256 = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

    private static int me(String token) {
        return acme.get("/api/auth/me", token).status();
    }

    @Test
    void aTokenCarriesTheInstanceIssuerAudienceNotBeforeAndSession() throws Exception {
        JsonNode p = payloadOf(acme.ownerToken());
        assertThat(p.get("iss").asText()).isEqualTo("litedesk:instance:acme");
        assertThat(p.get("aud").asText()).isEqualTo("litedesk:instance:acme");
        assertThat(p.get("nbf").asLong()).isEqualTo(p.get("iat").asLong());
        assertThat(p.get("exp").asLong() - p.get("iat").asLong()).isEqualTo(900);
        assertThat(p.get("sid").asText()).isNotBlank();
    }

    @Test
    void aSignedTokenIsRefusedForAWrongIssuerAFutureIssueOrStartALongerLifeOrAMissingSessionOrAnotherAlgorithm() throws Exception {
        String real = acme.ownerToken();
        Instant now = Instant.now();
        assertThat(me(signed(real, HS256, c -> { }))).isEqualTo(200); // the signing is right: only the change below refuses
        assertThat(me(signed(real, HS256, c -> c.issuer("litedesk:instance:globex")))).isEqualTo(401);
        assertThat(me(signed(real, HS256, c -> c.issuer(null)))).isEqualTo(401);
        assertThat(me(signed(real, HS256, c -> c.audience("litedesk:platform")))).isEqualTo(401);
        assertThat(me(signed(real, HS256, c -> c.issueTime(Date.from(now.plusSeconds(300)))
                .expirationTime(Date.from(now.plusSeconds(900)))))).isEqualTo(401);
        assertThat(me(signed(real, HS256, c -> c.issueTime(null)))).isEqualTo(401);
        assertThat(me(signed(real, HS256, c -> c.notBeforeTime(Date.from(now.plusSeconds(300)))))).isEqualTo(401);
        assertThat(me(signed(real, HS256, c -> c.expirationTime(Date.from(now.plusSeconds(24 * 3600)))))).isEqualTo(401);
        assertThat(me(signed(real, HS256, c -> c.issueTime(Date.from(now.minusSeconds(3600)))
                .expirationTime(Date.from(now.plusSeconds(60)))))).isEqualTo(401);
        assertThat(me(signed(real, HS256, c -> c.claim("sid", null)))).isEqualTo(401);
        assertThat(me(signed(real, HS256, c -> c.claim("sid", "a-session-that-never-was")))).isEqualTo(401);
        assertThat(me(signed(real, new JWSHeader.Builder(JWSAlgorithm.HS512).type(JOSEObjectType.JWT).build(), c -> { }))).isEqualTo(401);
        assertThat(me(signed(real, new JWSHeader.Builder(JWSAlgorithm.HS256).build(), c -> { }))).isEqualTo(401);
        assertThat(me(signed(real, new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(), c -> { })))
                .isEqualTo(401);
    }

    private static Map<String, Object> login(String email) {
        return Map.of("email", email, "password", TestServer.PASSWORD);
    }

    @Test
    void theAccessTokensOfALoggedOutSessionStopWorkingAtOnceAndOtherSessionsGoOn() {
        var mine = acme.post("/api/auth/login", null, login(TestServer.OWNER)).json();
        var other = acme.post("/api/auth/login", null, login(TestServer.OWNER)).json();
        assertThat(me(mine.get("accessToken").asText())).isEqualTo(200);
        assertThat(acme.post("/api/auth/logout", null, Map.of("refreshToken", mine.get("refreshToken").asText())).status()).isEqualTo(204);
        assertThat(me(mine.get("accessToken").asText())).isEqualTo(401);
        assertThat(me(other.get("accessToken").asText())).isEqualTo(200);
    }

    @Test
    void aPasswordChangeStopsTheOtherSessionsAccessTokensAtOnce() {
        String stolen = acme.tokenFor("pat@acme.test", Role.USER, null);
        String mine = acme.login("pat@acme.test", TestServer.PASSWORD);
        assertThat(acme.post("/api/auth/password", mine, Map.of("currentPassword", TestServer.PASSWORD,
                "newPassword", "a-fresh-secret-2026")).status()).isEqualTo(204);
        assertThat(me(stolen)).isEqualTo(401);
        assertThat(me(mine)).isEqualTo(200);
    }

    @Test
    void aDeactivationOrARoleChangeStopsTheUsersAccessTokensAtOnce() {
        String owner = acme.ownerToken();
        String demoted = acme.tokenFor("admin2@acme.test", Role.ADMIN, null);
        String id = acme.get("/api/auth/me", demoted).json().get("id").asText();
        assertThat(acme.patch("/api/users/" + id, owner, Map.of("role", "VIEWER"), Map.of()).status()).isEqualTo(200);
        assertThat(me(demoted)).isEqualTo(401);
        String again = acme.login("admin2@acme.test", TestServer.PASSWORD);
        assertThat(acme.get("/api/auth/me", again).json().get("role").asText()).isEqualTo("VIEWER");
        assertThat(acme.delete("/api/users/" + id, owner).status()).isBetween(200, 204);
        assertThat(me(again)).isEqualTo(401);
    }

    private static List<String> storedBodies() {
        return acme.app.repositories().idempotency().list(Query.all(1000)).items().stream()
                .map(r -> String.valueOf(r.body())).toList();
    }

    @Test
    void anIdempotencyKeyIsIgnoredOnEveryRouteThatHandsOutATokenAndNoStoredAnswerHoldsOne() {
        int before = storedBodies().size();
        Map<String, String> key = Map.of("Idempotency-Key", "same-key-1");
        var first = acme.send("POST", "/api/auth/login", null, login(TestServer.OWNER), key);
        var second = acme.send("POST", "/api/auth/login", null, login(TestServer.OWNER), key);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replay")).isNull();
        assertThat(second.json().get("accessToken")).isNotEqualTo(first.json().get("accessToken"));
        var refreshed = acme.send("POST", "/api/auth/refresh", null, Map.of("refreshToken", first.json().get("refreshToken").asText()),
                Map.of("Idempotency-Key", "same-key-2"));
        assertThat(refreshed.status()).isEqualTo(200);
        Map<String, String> management = Map.of("Idempotency-Key", "same-key-3", "X-Management-Key", MANAGEMENT_KEY);
        assertThat(managed.send("POST", "/internal/seed", null, Map.of("name", "Managed", "planId", "trial",
                "ownerEmail", "boss@managed.test", "ownerName", "Boss"), management).status()).isEqualTo(200);
        var invitation = managed.send("POST", "/internal/owner-invitation", null, Map.of(), management);
        assertThat(invitation.status()).isEqualTo(200);
        String link = invitation.json().get("setPasswordLink").asText();
        assertThat(link).contains("token=");
        assertThat(invitation.header("Idempotent-Replay")).isNull();
        assertThat(managed.app.repositories().idempotency().list(Query.all(10)).items()).isEmpty();
        String changer = acme.tokenFor("idem@acme.test", Role.USER, null);
        assertThat(acme.send("POST", "/api/auth/password", changer, Map.of("currentPassword", TestServer.PASSWORD,
                "newPassword", "another-secret-2026"), Map.of("Idempotency-Key", "same-key-4")).status()).isEqualTo(204);

        List<String> stored = storedBodies();
        assertThat(stored).hasSize(before);
        List<String> secrets = List.of(first.json().get("accessToken").asText(), first.json().get("refreshToken").asText(),
                second.json().get("accessToken").asText(), second.json().get("refreshToken").asText(),
                refreshed.json().get("accessToken").asText(), refreshed.json().get("refreshToken").asText());
        assertThat(stored).allSatisfy(body -> assertThat(body).doesNotContain("accessToken", "refreshToken", "setPasswordLink")
                .doesNotContain(secrets));
    }

    @Test
    void anIdempotencyKeyIsScopedToItsCaller() {
        String a = acme.tokenFor("scope-a@acme.test", Role.USER, null);
        String b = acme.tokenFor("scope-b@acme.test", Role.USER, null);
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key");
        var first = acme.send("POST", "/api/contacts", a, Map.of("lastName", "Alpha"), key);
        var other = acme.send("POST", "/api/contacts", b, Map.of("lastName", "Alpha"), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replay")).isNull();
        assertThat(other.json().get("id")).isNotEqualTo(first.json().get("id"));
    }
}
