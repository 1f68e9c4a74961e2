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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Activities and reminders in the browser: a user logs a call on a contact and sees it in the timeline in words, edits
 * it; the bell shows the reminder of an overdue task assigned to them and leads to the task; a Viewer sees the call but
 * is offered neither the form nor edit and delete. Every screen passes axe at 1280 and 390 px and is photographed.
 */
class ActivityUiTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LITEDESK_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("target", "screenshots", "activity");
    static TestServer server;
    static Playwright playwright;
    static Browser browser;
    static String ada;
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
        String owner = server.ownerToken();
        String uma = server.post("/api/users", owner, Map.of("email", "uma@acme.test", "name", "Uma Ueda", "role", "USER",
                "password", TestServer.PASSWORD)).json().get("id").asText();
        server.post("/api/users", owner, Map.of("email", "vic@acme.test", "name", "Vic Viewer", "role", "VIEWER", "password", TestServer.PASSWORD));
        ada = server.post("/api/contacts", owner, Map.of("firstName", "Ada", "lastName", "Lovelace", "emails", List.of("ada@engines.example")))
                .json().get("id").asText();
        server.post("/api/tasks", owner, Map.of("title", "Call Ada back", "dueDate", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString(),
                "assigneeId", uma, "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        server.app.crm().reminders().sendDue(); // what the instance's schedule does every LITEDESK_REMINDER_INTERVAL
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

    private static Page open(int width) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        return page;
    }

    private static Locator label(Page page, String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator field(Locator form, String text) {
        return form.getByLabel(text, new Locator.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void signIn(Page page, String email) {
        page.navigate(server.baseUrl() + "/#/login");
        label(page, "Email").fill(email);
        label(page, "Password").fill(TestServer.PASSWORD);
        button(page, "Sign in").click();
        assertThat(button(page, "Sign out")).isVisible();
    }

    /** axe at 1280 and 390 px, no sideways scrolling, photographed at both. */
    private static void check(Page page, String name) {
        var size = page.viewportSize();
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, 900);
            for (Path dir : List.of(SHOTS, Path.of("/tmp/shots-activity"))) {
                page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + "-" + width + ".png")).setFullPage(true));
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

    @Test
    void aCallIsLoggedOnAContactShownInTheTimelineAndAnOverdueTaskRemindsThroughTheBell() {
        Page page = open(1280);
        signIn(page, "uma@acme.test");
        Locator bell = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications, 1 unread"));
        assertThat(bell).isVisible();

        page.navigate(server.baseUrl() + "/#/contacts/" + ada);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Log activity"));
        assertThat(field(form, "Type")).hasValue("CALL");
        field(form, "Subject").fill("Pricing follow-up");
        field(form, "Duration (minutes)").fill("15");
        field(form, "Outcome").fill("Left a voicemail");
        field(form, "Notes").fill("Asked about the yearly plan; call again on Monday.");
        check(page, "log-activity-form");
        button(page, "Log activity").click();

        Locator entry = page.locator("ol.timeline li.activity", new Page.LocatorOptions().setHasText("Pricing follow-up"));
        assertThat(entry).containsText("Call with Ada Lovelace — 15 min — Left a voicemail");
        assertThat(entry).containsText("Uma Ueda");
        assertThat(entry).containsText("Asked about the yearly plan");
        assertThat(entry).not().containsText("T0"); // no ISO timestamps shown
        assertThat(field(form, "Subject")).hasValue("");
        check(page, "contact-timeline");

        button(page, "Edit Pricing follow-up").click();
        field(page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit Pricing follow-up")), "Outcome").fill("Reached her");
        button(page, "Save activity").click();
        assertThat(entry).containsText("Call with Ada Lovelace — 15 min — Reached her");

        field(form, "Type").selectOption("EMAIL");
        assertThat(field(form, "Duration (minutes)")).hasCount(0);
        field(form, "Subject").fill("Sent the price list");
        button(page, "Log activity").click();
        assertThat(page.locator("ol.timeline li.activity", new Page.LocatorOptions().setHasText("Sent the price list")))
                .containsText("Email with Ada Lovelace");

        bell.click();
        Locator reminder = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Call Ada back").setExact(false));
        assertThat(reminder).containsText("Overdue since ");
        check(page, "bell-open");
        reminder.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The task you opened"))).isVisible();
        assertThat(page.locator("li.task.focused")).containsText("Call Ada back");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications").setExact(true))).isVisible();
        check(page, "task-from-reminder");
        assertThat(server.app.repositories().outbox().list(com.litedesk.ports.store.Query.all(100)).items())
                .filteredOn(m -> m.to().equals("uma@acme.test")).hasSize(1);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aViewerSeesActivitiesButIsOfferedNoWayToLogChangeOrDeleteThem() {
        String owner = server.ownerToken();
        server.post("/api/activities", owner, Map.of("type", "MEETING", "subject", "Quarterly review", "durationMinutes", 90,
                "outcome", "Renewal agreed", "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        Page page = open(390);
        signIn(page, "vic@acme.test");
        page.navigate(server.baseUrl() + "/#/contacts/" + ada);
        Locator entry = page.locator("ol.timeline li.activity", new Page.LocatorOptions().setHasText("Quarterly review"));
        assertThat(entry).containsText("Meeting with Ada Lovelace — 1 h 30 min — Renewal agreed");
        assertThat(button(page, "Log activity")).hasCount(0);
        assertThat(button(page, "Edit Quarterly review")).hasCount(0);
        assertThat(button(page, "Delete Quarterly review")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications").setExact(true))).isVisible();
        check(page, "viewer-contact");
        assertThat(consoleErrors).isEmpty();
    }
}
