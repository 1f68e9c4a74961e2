package com.litedesk.app;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole journey in a real browser (Debian's Chromium driven by Playwright): the demo form, the operator
 * converting it with live steps, the Owner setting a password at {@code acme.localhost}, a contact, a deal
 * dragged to another stage with its totals, a reload that keeps it, a Viewer's read-only screens and the
 * phone width. Every screen is checked with axe (no serious or critical violation) and photographed into
 * {@code target/screenshots}.
 */
class UiJourneyTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LITEDESK_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path data;
    static PlatformServer server;
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
        server = PlatformServer.start(data, Map.of());
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

    private static String base(String host) {
        return "http://" + host + ":" + server.app.port();
    }

    private static Page open(BrowserContext context) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        return page;
    }

    private static com.microsoft.playwright.Locator label(Page page, String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private static void check(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
        var violations = new AxeBuilder(page).analyze().getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp()).toList();
        assertThat(violations).as("accessibility of " + name).isEmpty();
    }

    /**
     * Nothing a script can read holds a token: Web Storage keeps at most a signed-in hint, and the refresh token's
     * cookie is HttpOnly (absent from document.cookie) and SameSite=Strict.
     */
    private static void assertNoTokenKeptByScripts(Page page) {
        @SuppressWarnings("unchecked")
        var stored = (List<String>) page.evaluate("() => [localStorage, sessionStorage].flatMap(s => Object.keys(s).map(k => s.getItem(k)))");
        assertThat(stored).allSatisfy(value -> assertThat(value).isEqualTo("1"));
        assertThat((String) page.evaluate("() => document.cookie")).doesNotContain("litedesk_refresh");
        var cookies = page.context().cookies();
        assertThat(cookies).filteredOn(c -> c.name.equals("litedesk_refresh")).isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.httpOnly).isTrue();
                    assertThat(c.sameSite).isEqualTo(com.microsoft.playwright.options.SameSiteAttribute.STRICT);
                    assertThat(c.path).matches("/api(/admin)?/auth/(refresh|logout)");
                });
    }

    @Test
    void aRepeatedDemoRequestTakesEffectOnlyThroughTheLinkMailedToItsAddress() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = open(context);
        for (String company : List.of("Hooli", "Hooli XYZ")) {
            page.navigate(base("localhost") + "/");
            label(page, "Company").fill(company);
            label(page, "Your name").fill("Gavin");
            label(page, "Work email").fill("gavin@hooli.test");
            label(page, "Your address").fill(company.equals("Hooli") ? "hooli" : "hooli-xyz");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request my CRM")).click();
            assertThat(page.getByText("Check your email")).isVisible();
        }
        check(page, "public-form-sent");
        String admin = server.adminToken();
        String id = server.requestIdOf(admin, "gavin@hooli.test");
        org.assertj.core.api.Assertions.assertThat(server.admin("GET", "/api/admin/demo-requests/" + id, admin, null).json()
                .get("companyName").asText()).isEqualTo("Hooli");
        String token = null;
        for (var mail : server.admin("GET", "/api/admin/outbox", admin, null).json().get("items")) {
            var m = java.util.regex.Pattern.compile("\\?confirm=([A-Za-z0-9_-]+)").matcher(mail.get("text").asText());
            if (token == null && m.find()) {
                token = m.group(1);
            }
        }

        page.navigate(base("localhost") + "/?confirm=" + token);
        assertThat(page.getByTestId("confirmation")).containsText("hooli-xyz");
        org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain("confirm=");
        check(page, "public-form-confirmed");
        org.assertj.core.api.Assertions.assertThat(server.admin("GET", "/api/admin/demo-requests/" + id, admin, null).json()
                .get("companyName").asText()).isEqualTo("Hooli XYZ");
        page.navigate(base("localhost") + "/?confirm=" + token);
        assertThat(page.getByTestId("confirmation")).containsText("no longer valid");
        consoleErrors.removeIf(e -> e.contains("status of 400")); // the browser reports the refused second use of the link
        context.close();
        org.assertj.core.api.Assertions.assertThat(consoleErrors).isEmpty();
        server.admin("POST", "/api/admin/demo-requests/" + id + "/reject", admin, null); // out of the console journey's way
    }

    @Test
    void fromTheDemoFormToADealMovedOnTheBoard() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = open(context);

        page.navigate(base("localhost") + "/");
        label(page, "Company").fill("Acme Ltd");
        label(page, "Your name").fill("Olivia Owner");
        label(page, "Work email").fill("olivia@acme.test");
        label(page, "Your address").fill("acme");
        assertThat(page.getByText("acme is available")).isVisible();
        check(page, "public-form");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request my CRM")).click();
        assertThat(page.getByText("Thank you!")).isVisible();

        page.navigate(base("localhost") + "/console/");
        label(page, "Email").fill(PlatformServer.ADMIN);
        label(page, "Password").fill(PlatformServer.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByText("Acme Ltd")).isVisible();
        check(page, "console-requests");
        page.setViewportSize(390, 844); // on a phone every request still shows its state and its actions
        check(page, "console-requests-390");
        org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .as("the page fits a phone's width").isLessThanOrEqualTo(390);
        page.setViewportSize(1280, 900);
        page.reload(); // the console keeps its session through the cookie: the access token was in memory only
        assertThat(page.getByText("Acme Ltd")).isVisible();
        assertNoTokenKeptByScripts(page);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convert")).click();
        assertThat(page.getByTestId("instance-state")).hasText("Ready", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.getByText("Invitation mail")).isVisible();
        assertThat(page.getByText("INVITATION", new Page.GetByTextOptions().setExact(true))).hasCount(0); // steps and states in words, not codes
        check(page, "console-instance");

        String token = server.mailedToken(server.adminToken(), "olivia@acme.test");
        page.navigate(base("acme.localhost") + "/set-password?token=" + token);
        page.getByLabel("New password").fill("correct-horse-battery");
        label(page, "Repeat it").fill("correct-horse-battery");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        assertThat(page.getByText("Your password is set")).isVisible();
        page.navigate(base("acme.localhost") + "/#/login");
        label(page, "Email").fill("olivia@acme.test");
        label(page, "Password").fill("correct-horse-battery");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        label(page, "First name").fill("Ada");
        label(page, "Last name").fill("Lovelace");
        label(page, "Email").fill("ada@example.com");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add contact")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.CELL, new Page.GetByRoleOptions().setName("Ada Lovelace").setExact(true))).isVisible();
        check(page, "contacts");

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Deals")).click();
        label(page, "Deal").fill("Analytical engine");
        label(page, "Value").fill("25000");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add deal")).click();
        var card = page.locator("article.card", new Page.LocatorOptions().setHasText("Analytical engine"));
        assertThat(page.getByTestId("totals-lead")).containsText("1 deal");
        card.dragTo(page.locator("section[data-stage=qualified]"));
        assertThat(page.getByTestId("totals-qualified")).containsText("1 deal");
        assertThat(page.getByTestId("totals-qualified")).containsText("25,000");
        assertThat(page.getByTestId("totals-lead")).containsText("0 deals");
        assertNoTokenKeptByScripts(page);
        page.reload();
        assertThat(page.locator("section[data-stage=qualified] article.card")).hasText(java.util.regex.Pattern.compile("Analytical engine"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        assertNoTokenKeptByScripts(page);
        page.locator("section[data-stage=qualified] article.card").focus();
        page.keyboard().press("ArrowRight");
        assertThat(page.getByTestId("totals-proposal")).containsText("1 deal");
        check(page, "deal-board");
        context.close();

        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aViewerSeesNoEditingAndThePhoneWidthNeedsNoSidewaysScrolling() {
        String admin = server.adminToken();
        server.provision(admin, "viewco", "vera@viewco.test");
        String token = server.mailedToken(admin, "vera@viewco.test");
        server.send("viewco.localhost", "POST", "/api/auth/set-password", null, Map.of("token", token, "password", PlatformServer.PASSWORD), Map.of());
        String owner = server.login("viewco.localhost", "/api", "vera@viewco.test", PlatformServer.PASSWORD);
        server.send("viewco.localhost", "POST", "/api/users", owner, Map.of("email", "vic@viewco.test", "name", "Vic Viewer", "role", "VIEWER",
                "password", PlatformServer.PASSWORD), Map.of());

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page page = open(phone);
        page.navigate(base("viewco.localhost") + "/#/login");
        label(page, "Email").fill("vic@viewco.test");
        label(page, "Password").fill(PlatformServer.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByText("No contacts yet")).isVisible();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add contact"))).hasCount(0);
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        check(page, "contacts-phone-viewer");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Deals")).click();
        assertThat(page.getByText("No deals.").first()).isVisible();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add deal"))).hasCount(0);
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        phone.close();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void everyOtherScreenWorksAndPassesAxe() {
        String admin = server.adminToken();
        server.provision(admin, "moreco", "mo@moreco.test");
        String token = server.mailedToken(admin, "mo@moreco.test");
        server.send("moreco.localhost", "POST", "/api/auth/set-password", null, Map.of("token", token, "password", PlatformServer.PASSWORD), Map.of());

        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = open(context);
        page.navigate(base("moreco.localhost") + "/#/login");
        label(page, "Email").fill("mo@moreco.test");
        label(page, "Password").fill(PlatformServer.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByText("No contacts yet")).isVisible();

        page.locator("#csv").setInputFiles(new com.microsoft.playwright.options.FilePayload("contacts.csv", "text/csv",
                "firstName,lastName,email\nGrace,Hopper,grace@navy.test\nNo,,not-an-email\n".getBytes()));
        assertThat(page.getByText("Preview: 2 rows — 1 new, 0 updated, 1 failed.")).isVisible();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.CELL, new Page.GetByRoleOptions().setName("3").setExact(true)).first()).isVisible();
        check(page, "contacts-import-preview");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 1 contacts")).click();
        assertThat(page.getByText("Imported: 2 rows — 1 new, 0 updated, 1 failed.")).isVisible();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.CELL, new Page.GetByRoleOptions().setName("Grace Hopper").setExact(true))).isVisible();

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Grace Hopper")).click();
        label(page, "Note").fill("Met at the conference");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
        assertThat(page.locator("ol.panel")).containsText("Met at the conference");
        check(page, "contact-page");

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Pipelines")).click();
        label(page, "New pipeline").fill("Renewals");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING, new Page.GetByRoleOptions().setName("Renewals"))).isVisible();
        page.locator("div.panel", new Page.LocatorOptions().setHasText("Renewals")).getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Edit stages")).click();
        label(page, "Stage 2").fill("Talking");
        check(page, "pipeline-edit");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save pipeline")).click();
        assertThat(page.locator("div.panel", new Page.LocatorOptions().setHasText("Renewals"))).containsText("Talking (50 %)");
        check(page, "pipelines");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Deals")).click();
        label(page, "Pipeline").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Renewals"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING, new Page.GetByRoleOptions().setName("Talking"))).isVisible();

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Companies")).click();
        label(page, "Name").fill("Initech");
        label(page, "Domain").fill("initech.test");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add company")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.CELL, new Page.GetByRoleOptions().setName("Initech").setExact(true))).isVisible();
        check(page, "companies");

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Tasks")).click();
        label(page, "Task").fill("Call Grace");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add task")).click();
        assertThat(page.getByText("Call Grace")).isVisible();
        check(page, "tasks");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done").setExact(true)).first().click();
        assertThat(page.getByText("Nothing here.")).isVisible();

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")).click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.CELL, new Page.GetByRoleOptions().setName("mo@moreco.test"))).isVisible();
        label(page, "New team").fill("North");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
        assertThat(page.getByText("North — 0 members")).isVisible();
        check(page, "users");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit")).click();
        assertThat(page.getByText("contact.import").first()).isVisible();
        check(page, "audit");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Olivia")).click();
        label(page, "Current password").fill(PlatformServer.PASSWORD);
        label(page, "New password").fill("an-even-longer-password");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        assertThat(page.getByText("Your password is changed")).isVisible();
        check(page, "account");

        page.navigate(base("localhost") + "/console/");
        label(page, "Email").fill(PlatformServer.ADMIN);
        label(page, "Password").fill(PlatformServer.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Instances")).click();
        assertThat(page.getByText("moreco Ltd")).isVisible();
        label(page, "State").selectOption("SUSPENDED");
        assertThat(page.getByText("No instances match these filters.")).isVisible();
        label(page, "State").selectOption("READY");
        assertThat(page.getByText("moreco Ltd")).isVisible();
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("moreco Ltd")).click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back up now")).click();
        assertThat(page.getByText("Backup taken.")).isVisible();
        page.getByPlaceholder("new subdomain").first().fill("moreco-copy");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore as new instance")).first().click();
        assertThat(page.getByText("Restoring into a new instance")).isVisible();
        // from one instance's page straight to another's (the same screen): the page shows the second one
        String shown = page.url().substring(page.url().lastIndexOf('/') + 1);
        String other = null;
        for (var i : server.admin("GET", "/api/admin/instances", server.adminToken(), null).json().get("items")) {
            if (!i.get("id").asText().equals(shown)) {
                other = i.get("id").asText();
                page.navigate(base("localhost") + "/console/#/instances/" + other);
                assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions()
                        .setName(i.get("url").asText()).setExact(true))).isVisible();
                break;
            }
        }
        org.assertj.core.api.Assertions.assertThat(other).as("a second instance to switch to").isNotNull();
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Instances")).click();
        check(page, "console-instances");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Metrics")).click();
        assertThat(page.locator("canvas")).isVisible();
        page.waitForFunction("() => { const c = document.querySelector('canvas'); return c && window.Chart && window.Chart.getChart(c); }");
        check(page, "console-metrics");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Outbox")).click();
        assertThat(page.getByText("to mo@moreco.test").first()).isVisible();
        check(page, "console-outbox");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit")).click();
        assertThat(page.getByText("converted a demo request into an instance").first()).isVisible();
        assertThat(page.getByText("instance.convert", new Page.GetByTextOptions().setExact(true))).hasCount(0);
        check(page, "console-audit");
        context.close();
        assertThat(consoleErrors).isEmpty();
    }

    /**
     * Measures (does not assert) how long the first load of each entry page takes with the server warm, from
     * navigation to the page's first heading, and writes the figures to {@code target/ui-first-load.txt}.
     */
    @Test
    void firstLoadsAreMeasured() throws Exception {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = open(context);
        List<String> lines = new ArrayList<>();
        for (String url : List.of(base("localhost") + "/", base("localhost") + "/console/", base("localhost") + "/console/")) {
            page.navigate(url); // warm-up
        }
        server.provision(server.adminToken(), "loadco", "lo@loadco.test");
        page.navigate(base("loadco.localhost") + "/#/login"); // warm-up of the CRM
        for (var entry : Map.of("demo form", base("localhost") + "/", "console sign-in", base("localhost") + "/console/#/login",
                "CRM sign-in", base("loadco.localhost") + "/#/login").entrySet()) {
            long best = Long.MAX_VALUE;
            long worst = 0;
            for (int i = 0; i < 5; i++) {
                BrowserContext fresh = browser.newContext();
                Page p = fresh.newPage();
                long start = System.nanoTime();
                p.navigate(entry.getValue());
                p.locator("h1").first().waitFor();
                long ms = (System.nanoTime() - start) / 1_000_000;
                best = Math.min(best, ms);
                worst = Math.max(worst, ms);
                fresh.close();
            }
            lines.add(entry.getKey() + ": first load (empty cache) " + best + "–" + worst + " ms over 5");
        }
        context.close();
        Files.write(Path.of("target", "ui-first-load.txt"), lines);
        System.out.println(String.join("\n", lines));
        assertThat(lines).hasSize(3);
    }
}
