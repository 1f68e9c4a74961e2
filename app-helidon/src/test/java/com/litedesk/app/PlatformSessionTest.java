package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.store.Query;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control plane's own accounts follow the instance's rules: session cookie, session-bound tokens, password rules, idempotency. */
class PlatformSessionTest {

    @TempDir
    static Path data;
    static PlatformServer server;
    static final String ORIGIN = "http://localhost:8080";

    @BeforeAll
    static void start() {
        server = PlatformServer.start(data, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final Map<String, String> LOGIN = Map.of("email", PlatformServer.ADMIN, "password", PlatformServer.PASSWORD);

    private static String cookieOf(TestServer.Answer answer) {
        String first = answer.raw().headers().allValues("Set-Cookie").getFirst();
        return first.substring(first.indexOf('=') + 1, first.indexOf(';'));
    }

    @Test
    void theConsoleKeepsTheRefreshTokenInACookieOfItsOwnRoutesAndLogoutStopsItsAccessToken() {
        var login = server.send("localhost", "POST", "/api/admin/auth/login", null, LOGIN, Map.of("Origin", ORIGIN));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().has("refreshToken")).isFalse();
        List<String> cookies = login.raw().headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(2).allSatisfy(c -> assertThat(c).contains("; HttpOnly", "; SameSite=Strict", "; Secure"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).contains("; Path=/api/admin/auth/refresh;"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).contains("; Path=/api/admin/auth/logout;"));
        Map<String, String> withCookie = Map.of("Cookie", "litedesk_refresh=" + cookieOf(login), "X-CSRF", "1", "Origin", ORIGIN);
        assertThat(server.send("localhost", "POST", "/api/admin/auth/refresh", null, Map.of(), Map.of("Cookie",
                "litedesk_refresh=" + cookieOf(login))).status()).isEqualTo(403);
        var refreshed = server.send("localhost", "POST", "/api/admin/auth/refresh", null, Map.of(), withCookie);
        assertThat(refreshed.status()).isEqualTo(200);
        String access = refreshed.json().get("accessToken").asText();
        assertThat(server.admin("GET", "/api/admin/auth/me", access, null).status()).isEqualTo(200);
        var out = server.send("localhost", "POST", "/api/admin/auth/logout", null, Map.of(),
                Map.of("Cookie", "litedesk_refresh=" + cookieOf(refreshed), "X-CSRF", "1", "Origin", ORIGIN));
        assertThat(out.status()).isEqualTo(204);
        assertThat(server.admin("GET", "/api/admin/auth/me", access, null).status()).isEqualTo(401);
    }

    @Test
    void aPlatformTokenCarriesTheControlPlanesOwnIssuerAndASession() throws Exception {
        String token = server.adminToken();
        var payload = server.json.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload.get("iss").asText()).isEqualTo("litedesk:platform");
        assertThat(payload.get("aud").asText()).isEqualTo("litedesk:platform");
        assertThat(payload.get("sid").asText()).isNotBlank();
    }

    @Test
    void aPlatformAccountRefusesACommonPasswordOrItsOwnEmailOrName() {
        String admin = server.adminToken();
        var common = server.admin("POST", "/api/admin/admins", admin, Map.of("email", "ops@litedesk.test", "name", "Ops Person",
                "role", "platform-viewer", "password", "qwertyuiop"));
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        var ownEmail = server.admin("POST", "/api/admin/admins", admin, Map.of("email", "ops@litedesk.test", "name", "Ops Person",
                "role", "platform-viewer", "password", "ops@litedesk.test!"));
        assertThat(ownEmail.status()).isEqualTo(400);
        assertThat(ownEmail.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
    }

    @Test
    void anIdempotencyKeyIsIgnoredOnTheConsolesTokenRoutesAndOnThePublicFormAndNothingIsStored() {
        var store = server.app.storage().repositories().accounts().idempotency();
        int before = store.list(Query.all(1000)).items().size();
        Map<String, String> key = Map.of("Idempotency-Key", "console-key-1");
        var first = server.send("localhost", "POST", "/api/admin/auth/login", null, LOGIN, key);
        var second = server.send("localhost", "POST", "/api/admin/auth/login", null, LOGIN, key);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replay")).isNull();
        assertThat(second.json().get("accessToken")).isNotEqualTo(first.json().get("accessToken"));
        var refreshed = server.send("localhost", "POST", "/api/admin/auth/refresh", null,
                Map.of("refreshToken", first.json().get("refreshToken").asText()), key);
        assertThat(refreshed.status()).isEqualTo(200);
        for (String email : List.of("first@prospect.test", "second@prospect.test")) {
            var demo = server.send("localhost", "POST", "/api/public/demo-requests", null, Map.of("companyName", "Prospect Ltd",
                    "contactName", "Pro Spect", "email", email, "subdomain", "prospect" + email.charAt(0)), Map.of("Idempotency-Key", "form-key"));
            assertThat(demo.status()).isBetween(200, 299);
            assertThat(demo.header("Idempotent-Replay")).isNull();
        }
        var stored = store.list(Query.all(1000)).items();
        assertThat(stored).hasSize(before);
        assertThat(stored).allSatisfy(r -> assertThat(String.valueOf(r.body())).doesNotContain("accessToken", "refreshToken"));
    }
}
