package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What a browser test of the CRM starts from: an instance ("Acme", in memory, on a port of its own) and Debian's
 * Chromium driven by Playwright — required under {@code CI=true}, else the test is skipped without it. Pages report
 * console errors (the 4xx answers a test provokes aside); {@link #check} runs axe at 1280 and 390 px, asks for no
 * sideways scrolling and takes a screenshot at both into {@code target/screenshots}.
 */
abstract class CrmBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LITEDESK_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** How Chromium logs a 4xx answer; {@link #open} does not count those as console errors. */
    private static final String CLIENT_ERROR_LOGGED = "Failed to load resource: the server responded with a status of 4";
    static TestServer server;
    static Playwright playwright;
    static Browser browser;
    static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void startBrowserAndInstance() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true needs Chromium at " + CHROMIUM + " (apt-get install chromium)");
            }
            assumeTrue(false, "no Chromium at " + CHROMIUM);
        }
        Files.createDirectories(SHOTS);
        consoleErrors.clear();
        var env = new HashMap<>(freePort());
        env.put("LITEDESK_INSTANCE_NAME", "Acme");
        server = TestServer.inMemory(env);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-sync")));
    }

    /**
     * A port nobody listens on as {@code LITEDESK_PORT}, and {@code LITEDESK_PUBLIC_URL} {@code http://127.0.0.1:<port>}
     * to go with it: the environment for a {@link TestServer} of a test's own, given to {@link #useServer}.
     */
    static Map<String, String> freePort() throws IOException {
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        return Map.of("LITEDESK_PORT", Integer.toString(port), "LITEDESK_PUBLIC_URL", "http://127.0.0.1:" + port);
    }

    /**
     * For a test that needs an instance other than the one started here (on disk, say): closes that one and makes
     * {@code replacement} the {@link #server}, stopped with the browser. Called from the test's own {@code @BeforeAll},
     * which JUnit runs after this class's.
     */
    static void useServer(TestServer replacement) {
        if (server != null) {
            server.close();
        }
        server = replacement;
    }

    @AfterAll
    static void stopBrowserAndInstance() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static BrowserContext context(int width) {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"), new BrowserContext.GrantPermissionsOptions()
                .setOrigin(server.baseUrl()));
        return context;
    }

    static Page open(BrowserContext context) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().startsWith(CLIENT_ERROR_LOGGED)) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        return page;
    }

    /** As {@link #open}, for a test that provokes no 4xx answer: those logged count as console errors too. */
    static Page openStrict(BrowserContext context) {
        Page page = open(context);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && m.text().startsWith(CLIENT_ERROR_LOGGED)) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        return page;
    }

    static Locator label(Page page, String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** axe at 1280 and at 390 px, no sideways scrolling, a screenshot at both. */
    static void check(Page page, String name) {
        check(page, name, () -> {});
    }

    /** As {@link #check(Page, String)}, running {@code afterResize} (letting the page settle) after each change of width. */
    static void check(Page page, String name, Runnable afterResize) {
        var size = page.viewportSize();
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, 900);
            afterResize.run();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-" + width + ".png")).setFullPage(true));
            var violations = new AxeBuilder(page).analyze().getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .map(v -> v.getId() + ": " + v.getHelp()).toList();
            assertThat(violations).as("accessibility of " + name + " at " + width + " px").isEmpty();
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as(name + " needs no sideways scrolling at " + width + " px").isTrue();
        }
        page.setViewportSize(size.width, size.height);
    }

    /** Signs in and waits for the signed-in shell, so that a navigation right after is not overtaken by the sign-in's own. */
    static void signIn(Page page, String email, String password) {
        page.navigate(server.baseUrl() + "/#/login");
        label(page, "Email").fill(email);
        label(page, "Password").fill(password);
        button(page, "Sign in").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(button(page, "Sign out")).isVisible();
    }
}
