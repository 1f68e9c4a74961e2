package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The refresh token kept by browsers as an HttpOnly, SameSite=Strict cookie of the refresh and logout routes, the
 * access token in memory only, and the anti-forgery rules of the calls the cookie authenticates.
 */
class SessionCookieTest {

    static TestServer acme;
    static String origin;

    @BeforeAll
    static void start() {
        acme = TestServer.inMemory(Map.of());
        origin = acme.baseUrl();
    }

    @AfterAll
    static void stop() {
        acme.close();
    }

    private static final Map<String, String> LOGIN = Map.of("email", TestServer.OWNER, "password", TestServer.PASSWORD);

    private TestServer.Answer browserLogin() {
        var login = acme.send("POST", "/api/auth/login", null, LOGIN, Map.of("Origin", origin, "Sec-Fetch-Site", "same-origin"));
        assertThat(login.status()).isEqualTo(200);
        return login;
    }

    private static List<String> setCookies(TestServer.Answer answer) {
        return answer.raw().headers().allValues("Set-Cookie");
    }

    /** The refresh token a Set-Cookie carries. */
    private static String cookieValue(TestServer.Answer answer) {
        String first = setCookies(answer).getFirst();
        return first.substring(first.indexOf('=') + 1, first.indexOf(';'));
    }

    private static Map<String, String> withCookie(String token, Map<String, String> more) {
        var headers = new java.util.HashMap<>(more);
        headers.put("Cookie", "litedesk_refresh=" + token);
        return headers;
    }

    @Test
    void aBrowserLoginKeepsTheRefreshTokenInAnHttpOnlyStrictCookieOfTheRefreshAndLogoutRoutesAndNotInTheAnswer() {
        var login = browserLogin();
        assertThat(login.json().get("accessToken").asText()).isNotBlank();
        assertThat(login.json().has("refreshToken")).isFalse();
        assertThat(login.raw().body()).doesNotContain(cookieValue(login));
        List<String> cookies = setCookies(login);
        assertThat(cookies).hasSize(2);
        assertThat(cookies).allSatisfy(c -> assertThat(c).startsWith("litedesk_refresh=").contains("; HttpOnly", "; SameSite=Strict",
                "; Secure", "; Max-Age=1209600"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).contains("; Path=/api/auth/refresh;"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).contains("; Path=/api/auth/logout;"));
    }

    @Test
    void aClientThatIsNotABrowserGetsTheRefreshTokenInTheAnswerToSendBackInTheBody() {
        var login = acme.post("/api/auth/login", null, LOGIN);
        String refresh = login.json().get("refreshToken").asText();
        assertThat(refresh).isEqualTo(cookieValue(login));
        var next = acme.post("/api/auth/refresh", null, Map.of("refreshToken", refresh));
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().get("refreshToken").asText()).isNotEqualTo(refresh);
    }

    @Test
    void theCookieRefreshesOnlyWithTheAntiForgeryHeaderAndFromTheSameSite() {
        String token = cookieValue(browserLogin());
        var noHeader = acme.send("POST", "/api/auth/refresh", null, Map.of(), withCookie(token, Map.of("Origin", origin)));
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(noHeader.header("Content-Type")).isEqualTo("application/problem+json");
        var otherSite = acme.send("POST", "/api/auth/refresh", null, Map.of(),
                withCookie(token, Map.of("X-CSRF", "1", "Origin", "https://evil.example")));
        assertThat(otherSite.status()).isEqualTo(403);
        var crossSite = acme.send("POST", "/api/auth/refresh", null, Map.of(),
                withCookie(token, Map.of("X-CSRF", "1", "Sec-Fetch-Site", "cross-site")));
        assertThat(crossSite.status()).isEqualTo(403);

        var refreshed = acme.send("POST", "/api/auth/refresh", null, Map.of(), withCookie(token, Map.of("X-CSRF", "1", "Origin", origin)));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().has("refreshToken")).isFalse();
        String next = cookieValue(refreshed);
        assertThat(next).isNotEqualTo(token);
        assertThat(acme.get("/api/auth/me", refreshed.json().get("accessToken").asText()).status()).isEqualTo(200);
        // the refused attempts used nothing up; the rotated cookie is now spent
        assertThat(acme.send("POST", "/api/auth/refresh", null, Map.of(), withCookie(next, Map.of("X-CSRF", "1"))).status()).isEqualTo(200);
    }

    @Test
    void aRefreshWithoutBodyOrCookieIsUnauthenticated() {
        var answer = acme.send("POST", "/api/auth/refresh", null, Map.of(), Map.of("X-CSRF", "1"));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(acme.raw("POST", "/api/auth/refresh", null, null, "application/json", Map.of("X-CSRF", "1")).status()).isEqualTo(401);
    }

    @Test
    void logoutWithTheCookieEndsTheSessionAndItsAccessTokenAndClearsTheCookie() {
        var login = browserLogin();
        String access = login.json().get("accessToken").asText();
        String token = cookieValue(login);
        assertThat(acme.send("POST", "/api/auth/logout", null, Map.of(), withCookie(token, Map.of())).status()).isEqualTo(403);
        assertThat(acme.get("/api/auth/me", access).status()).isEqualTo(200);
        var out = acme.send("POST", "/api/auth/logout", null, Map.of(), withCookie(token, Map.of("X-CSRF", "1", "Origin", origin)));
        assertThat(out.status()).isEqualTo(204);
        assertThat(setCookies(out)).hasSize(2).allSatisfy(c -> assertThat(c).startsWith("litedesk_refresh=;").contains("Max-Age=0"));
        assertThat(acme.get("/api/auth/me", access).status()).isEqualTo(401);
        assertThat(acme.send("POST", "/api/auth/refresh", null, Map.of(), withCookie(token, Map.of("X-CSRF", "1"))).status()).isEqualTo(401);
    }

    @Test
    void aLoginStartedByAnotherSiteIsRefused() {
        var answer = acme.send("POST", "/api/auth/login", null, LOGIN, Map.of("Origin", "https://evil.example"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theCookieIsSecureOverTlsAndOnLocalhostButNotOnAnotherPlainHttpHost() {
        var tls = acme.send("POST", "/api/auth/login", null, LOGIN, Map.of("X-Forwarded-Proto", "https"));
        assertThat(setCookies(tls)).allSatisfy(c -> assertThat(c).contains("; Secure"));
        var plain = acme.send("POST", "/api/auth/login", null, LOGIN, Map.of("Host", "crm.internal:" + acme.app.port()));
        assertThat(setCookies(plain)).hasSize(2).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }
}
