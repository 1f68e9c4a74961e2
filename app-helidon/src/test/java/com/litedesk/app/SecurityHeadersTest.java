package com.litedesk.app;

import com.litedesk.app.http.SecurityHeaders;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every answer carries the browser hardening headers, and the pages work under their policy in a real browser. */
class SecurityHeadersTest {

    @TempDir
    Path data;

    private static void assertHardened(TestServer.Answer answer) {
        assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.POLICY)
                .contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("'unsafe-inline'");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void pagesApiAnswersAndErrorsAllCarryThemAndHstsOnlyOverTls() {
        try (TestServer server = TestServer.inMemory(Map.of())) {
            for (var answer : List.of(server.get("/", null), server.get("/assets/crm/main.js", null), server.get("/api/contacts", null),
                    server.get("/no/such/thing", null), server.get("/api/contacts", server.ownerToken()),
                    server.post("/api/auth/login", null, Map.of("email", "x@y.test", "password", "nope")))) {
                assertHardened(answer);
                assertThat(answer.header("Strict-Transport-Security")).as("plain http").isNull();
            }
            // a client claiming TLS is not believed: only a trusted proxy says how the request arrived
            assertThat(server.send("GET", "/", null, null, Map.of("X-Forwarded-Proto", "https")).header("Strict-Transport-Security"))
                    .isNull();
        }
        try (TestServer behindTls = TestServer.inMemory(Map.of("LITEDESK_TRUSTED_PROXIES", "127.0.0.1,::1"))) {
            assertThat(behindTls.send("GET", "/", null, null, Map.of("X-Forwarded-Proto", "https")).header("Strict-Transport-Security"))
                    .startsWith("max-age=");
        }
    }

    @Test
    void theControlPlanesPagesAndTheFrontDoorCarryThem() {
        try (PlatformServer server = PlatformServer.start(data, Map.of())) {
            assertHardened(server.send("localhost", "GET", "/", null, null, Map.of()));
            assertHardened(server.send("localhost", "GET", "/console/", null, null, Map.of()));
            assertHardened(server.send("nowhere.localhost", "GET", "/api/contacts", null, null, Map.of()));
        }
    }

    @Test
    void everyPageRendersUnderThePolicyInABrowser() {
        Path chromium = Path.of(System.getenv().getOrDefault("LITEDESK_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true needs Chromium at " + chromium + " (apt-get install chromium)");
            }
            assumeTrue(false, "no Chromium at " + chromium);
        }
        List<String> violations = new ArrayList<>();
        try (PlatformServer server = PlatformServer.start(data, Map.of());
             TestServer instance = TestServer.inMemory(Map.of());
             Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
            Page page = browser.newPage();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy") || m.text().contains("Content-Security-Policy")) {
                    violations.add(page.url() + ": " + m.text());
                }
            });
            String platform = "http://localhost:" + server.app.port();
            String crm = "http://127.0.0.1:" + instance.app.port();
            for (String url : List.of(platform + "/", platform + "/console/", crm + "/")) {
                page.navigate(url);
                page.waitForFunction("() => !document.body.innerText.includes('Loading…')");
                assertThat(page.locator("input").count()).as("a form rendered at " + url).isPositive();
            }
        }
        assertThat(violations).isEmpty();
    }
}
