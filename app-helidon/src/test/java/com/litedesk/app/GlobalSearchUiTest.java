package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.litedesk.ports.identity.Role;
import com.microsoft.playwright.Browser;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The search box in a real browser, on the SQLite store: "/" focuses it, typing finds records of several kinds grouped
 * by kind, the keyboard opens one, and the search box then offers it among the recent records (Ctrl+K). Checked with
 * axe at 1280 and 390 px, without sideways scrolling, and photographed into target/screenshots/search.
 */
class GlobalSearchUiTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LITEDESK_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("target", "screenshots", "search");

    @TempDir
    static Path data;
    static TestServer server;
    static Playwright playwright;
    static Browser browser;
    static String adaId;
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
        server = TestServer.onDisk(data, Map.of("LITEDESK_PORT", Integer.toString(port), "LITEDESK_PUBLIC_URL", "http://127.0.0.1:" + port));
        String owner = server.ownerToken();
        server.tokenFor("user@acme.test", Role.USER, null);
        String acme = server.post("/api/companies", owner, Map.of("name", "Adastra Labs", "domain", "adastra.test")).json().get("id").asText();
        adaId = server.post("/api/contacts", owner, Map.of("firstName", "Ada", "lastName", "Lovelace", "emails", List.of("ada@analytical.test"),
                "companyId", acme)).json().get("id").asText();
        server.post("/api/deals", owner, Map.of("title", "Adastra renewal", "value", 12000, "currency", "EUR", "companyId", acme));
        server.post("/api/tasks", owner, Map.of("title", "Call Ada back", "dueDate", "2026-03-05",
                "linkedRecord", Map.of("type", "CONTACT", "id", adaId)));
        server.post("/api/notes", owner, Map.of("text", "Ada asked for a quote\nand more", "target", Map.of("type", "COMPANY", "id", acme)));
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

    /** axe at 1280 and 390 px, photographed at both, with no sideways scrolling. */
    private static void check(Page page, String name) {
        var size = page.viewportSize();
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, 900);
            for (Path dir : List.of(SHOTS, Path.of("/tmp/shots-search"))) {
                page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + "-" + width + ".png")));
            }
            var violations = new AxeBuilder(page).analyze().getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList()).toList();
            assertThat(violations).as("accessibility of " + name + " at " + width + " px").isEmpty();
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as(name + " needs no sideways scrolling at " + width + " px").isTrue();
        }
        page.setViewportSize(size.width, size.height);
    }

    private static Locator option(Page page, String name) {
        return page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator group(Page page, String name) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aPrefixTypedAfterTheShortcutFindsSeveralKindsTheKeyboardOpensOneAndItIsThenRecent() {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        page.navigate(server.baseUrl() + "/#/login");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("user@acme.test");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(TestServer.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        Locator box = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Search contacts, companies, deals, tasks and notes"));
        Locator results = page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Search results"));

        page.locator("main h1").click(); // somewhere that is not a field
        page.keyboard().press("/");
        assertThat(box).isFocused();
        assertThat(box).hasAttribute("aria-expanded", "true");
        assertThat(page.getByText("Records you open will be listed here.")).isVisible();

        page.keyboard().type("ada");
        assertThat(group(page, "Contacts")).isVisible();
        assertThat(results.getByRole(AriaRole.GROUP)).hasCount(5);
        Locator ada = group(page, "Contacts").getByRole(AriaRole.OPTION).first();
        assertThat(ada).containsText("Ada Lovelace");
        assertThat(ada).containsText("ada@analytical.test");
        assertThat(group(page, "Deals").getByRole(AriaRole.OPTION)).containsText("Adastra renewal · €12,000.00");
        assertThat(group(page, "Tasks").getByRole(AriaRole.OPTION)).containsText("Call Ada back · due Mar 5, 2026");
        assertThat(group(page, "Notes").getByRole(AriaRole.OPTION)).containsText("Ada asked for a quote");
        assertThat(group(page, "Companies").getByRole(AriaRole.OPTION)).containsText("adastra.test");
        page.keyboard().press("ArrowDown");
        assertThat(ada).hasAttribute("aria-selected", "true");
        assertThat(box).hasAttribute("aria-activedescendant", "search-option-0");
        check(page, "results");

        page.waitForResponse(r -> r.url().endsWith("/api/recent") && r.request().method().equals("POST"),
                () -> page.keyboard().press("Enter"));
        assertThat(page).hasURL(server.baseUrl() + "/#/contacts/" + adaId);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();
        assertThat(results).isHidden();

        page.keyboard().press("Control+k");
        assertThat(box).isFocused();
        assertThat(group(page, "Recent records").getByRole(AriaRole.OPTION)).hasCount(1);
        assertThat(group(page, "Recent records").getByRole(AriaRole.OPTION)).containsText("Ada Lovelace");
        assertThat(group(page, "Recent records").getByRole(AriaRole.OPTION)).containsText("Contact · ada@analytical.test");
        check(page, "recent");
        page.keyboard().press("Escape");
        assertThat(results).isHidden();
        assertThat(box).hasAttribute("aria-expanded", "false");

        // a task opens the record it is about, found by a prefix of its title
        page.keyboard().type("cal");
        assertThat(option(page, "Call Ada back")).isVisible();
        page.keyboard().press("ArrowDown");
        assertThat(option(page, "Call Ada back")).hasAttribute("aria-selected", "true");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(server.baseUrl() + "/#/contacts/" + adaId);
        page.keyboard().press("/");
        page.keyboard().type("a");
        assertThat(page.getByText("Type at least 2 characters.")).isVisible();
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
