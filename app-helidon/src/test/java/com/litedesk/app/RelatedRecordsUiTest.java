package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Related records linkable from either side: a deal linked to a contact from the contact's page, and unlinked with undo. */
class RelatedRecordsUiTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LITEDESK_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("target", "screenshots");
    static TestServer server;
    static Playwright playwright;
    static Browser browser;
    static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true needs Chromium at " + CHROMIUM + " (apt-get install chromium)");
            }
            assumeTrue(false, "no Chromium at " + CHROMIUM);
        }
        Files.createDirectories(SHOTS);
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = TestServer.inMemory(Map.of("LITEDESK_PORT", Integer.toString(port), "LITEDESK_PUBLIC_URL", "http://127.0.0.1:" + port,
                "LITEDESK_INSTANCE_NAME", "Acme"));
        Files.createDirectories(Path.of("/tmp/shots-related"));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
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

    private static BrowserContext context(int width) {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"), new BrowserContext.GrantPermissionsOptions()
                .setOrigin(server.baseUrl()));
        return context;
    }

    private static Page open(BrowserContext context) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            // the browser logs every 4xx answer; those this test provokes (a refused address, a used link, a session
            // ended by deactivation) are checked on the page instead
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource: the server responded with a status of 4")) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        return page;
    }

    private static Locator label(Page page, String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** axe at the current width and at 390 px, photographed at both. */
    private static void check(Page page, String name) {
        var size = page.viewportSize();
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, 900);
            for (Path dir : List.of(SHOTS, Path.of("/tmp/shots-related"))) {
                page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + "-" + width + ".png")).setFullPage(true));
            }
            var violations = new AxeBuilder(page).analyze().getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .map(v -> v.getId() + ": " + v.getHelp()).toList();
            assertThat(violations).as("accessibility of " + name + " at " + width + " px").isEmpty();
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as(name + " needs no sideways scrolling at " + width + " px").isTrue();
        }
        page.setViewportSize(size.width, size.height);
    }

    private static void signIn(Page page, String email, String password) {
        page.navigate(server.baseUrl() + "/#/login");
        label(page, "Email").fill(email);
        label(page, "Password").fill(password);
        button(page, "Sign in").click();
    }

    @Test
    void aContactsPageLinksADealAndUnlinksItWithUndo() {
        String token = server.ownerToken();
        String ada = server.post("/api/contacts", token, Map.of("firstName", "Ada", "lastName", "Lovelace")).json().get("id").asText();
        String deal = server.post("/api/deals", token, Map.of("title", "Difference engine", "value", 1200, "currency", "EUR")).json().get("id").asText();
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        assertThat(button(page, "Sign out")).isVisible();
        page.navigate(server.baseUrl() + "/#/contacts/" + ada);
        label(page, "Link a deal").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Difference engine"));
        button(page, "Link").click();
        assertThat(page.getByText("Ada Lovelace linked to Difference engine.")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Difference engine"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(server.get("/api/deals/" + deal, token).json().get("contactIds").toString()).contains(ada);
        check(page, "contact-linked-deal");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlink Difference engine")).click();
        assertThat(page.getByText("Ada Lovelace unlinked from Difference engine.")).isVisible();
        org.assertj.core.api.Assertions.assertThat(server.get("/api/deals/" + deal, token).json().get("contactIds").size()).isZero();
        button(page, "Undo").click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Difference engine"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(server.get("/api/deals/" + deal, token).json().get("contactIds").toString()).contains(ada);
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
