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

/**
 * Lists people shape, in the browser: the total, a filter built on the page and kept in the URL (a reload or a shared
 * link shows the same list), sorting by a column, choosing columns, and bulk work on selected rows — tagging, assigning
 * an owner, exporting and deleting — with a User told which rows are not theirs to change.
 */
class ListViewUiTest {

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
        Files.createDirectories(Path.of("/tmp/shots-lists"));
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
            for (Path dir : List.of(SHOTS, Path.of("/tmp/shots-lists"))) {
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
    void anOwnerFiltersSortsChoosesColumnsAndWorksOnSelectedRowsAndTheViewSurvivesAReload() {
        String token = server.ownerToken();
        for (int i = 0; i < 30; i++) {
            server.post("/api/contacts", token, Map.of("firstName", "Person", "lastName", String.format("Zed%02d", i),
                    "tags", i < 5 ? List.of("vip") : List.of()));
        }
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts")).click();
        long all = server.get("/api/contacts?count=true&limit=1", token).json().get("total").asLong();
        assertThat(page.getByText(java.text.NumberFormat.getIntegerInstance(java.util.Locale.US).format(all) + " contacts")).isVisible();

        button(page, "Add a filter").click();
        label(page, "Field").selectOption("tags");
        label(page, "Value").fill("vip");
        label(page, "Value").press("Enter");
        assertThat(page.getByText("5 contacts")).isVisible();
        assertThat(page.getByRole(AriaRole.ROW)).hasCount(6);
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("filter=").contains("vip");
        page.reload();
        assertThat(page.getByText("5 contacts")).isVisible();
        assertThat(label(page, "Value")).hasValue("vip");

        // sort by name, descending on a second click
        button(page, "Name").click();
        assertThat(page.getByRole(AriaRole.ROW).nth(1)).containsText("Zed00");
        button(page, "Name").click();
        assertThat(page.getByRole(AriaRole.ROW).nth(1)).containsText("Zed04");
        assertThat(page.locator("th[aria-sort=descending]")).containsText("Name");

        // a column more, kept in the URL too
        page.locator("details.columns > summary").click();
        page.locator("details.columns").getByLabel("Show Tags").check();
        assertThat(page.locator("thead")).containsText("Tags");
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("tags");
        page.locator("details.columns > summary").click();
        check(page, "contacts-list-view");

        // bulk: tag two, then delete them
        page.getByLabel("Select Person Zed04").check();
        page.getByLabel("Select Person Zed03").check();
        assertThat(page.getByText("2 selected")).isVisible();
        label(page, "Tag").fill("hot");
        button(page, "Add tag").click();
        assertThat(page.getByText("2 tagged.")).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Zed04"))).containsText("hot");
        check(page, "contacts-bulk");
        page.getByLabel("Select Person Zed04").check();
        page.getByLabel("Select Person Zed03").check();
        var download = page.waitForDownload(() -> button(page, "Export selected").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("contacts.csv");
        button(page, "Delete selected").click();
        page.locator("dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete 2")).click();
        assertThat(page.getByText("2 deleted.")).isVisible();
        assertThat(page.getByText("3 contacts")).isVisible();
        org.assertj.core.api.Assertions.assertThat(server.get("/api/contacts?count=true&limit=1", token).json().get("total").asLong()).isEqualTo(all - 2);
        context.close();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aUserIsToldWhichSelectedRowsAreNotTheirsToChangeAndAViewerIsOfferedNoBulkChange() {
        server.tokenFor("user@acme.test", com.litedesk.ports.identity.Role.USER, null);
        server.tokenFor("viewer@acme.test", com.litedesk.ports.identity.Role.VIEWER, null);
        String userToken = server.login("user@acme.test", TestServer.PASSWORD);
        server.post("/api/contacts", userToken, Map.of("firstName", "Mine", "lastName", "Aaron"));
        server.post("/api/contacts", server.ownerToken(), Map.of("firstName", "Theirs", "lastName", "Aaronson"));
        var context = context(1280);
        Page page = open(context);
        signIn(page, "user@acme.test", TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts")).click();
        label(page, "Search").fill("aaron");
        assertThat(page.getByText("2 contacts")).isVisible();
        page.getByLabel("Select Mine Aaron").check();
        page.getByLabel("Select Theirs Aaronson").check();
        label(page, "Tag").fill("mine");
        button(page, "Add tag").click();
        assertThat(page.getByText("1 tagged, 1 not yours to change.")).isVisible();
        assertThat(button(page, "Export selected")).hasCount(0);
        button(page, "Sign out").click();
        signIn(page, "viewer@acme.test", TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts")).click();
        page.getByLabel("Select Mine Aaron").check();
        assertThat(page.getByText("1 selected")).isVisible();
        assertThat(button(page, "Add tag")).hasCount(0);
        assertThat(button(page, "Delete selected")).hasCount(0);
        context.close();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void anImportPreviewShowsWhichFieldEachColumnFillsAndThePersonCanChangeIt() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("people", ".csv");
        java.nio.file.Files.writeString(file, "\uFEFFFirst Name;Surname;E-mail Address;Tags\r\nGrace;Hopper;grace@navy.test;admiral\r\n"
                + "Katherine;Johnson;kj@nasa.test;orbit\r\n");
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts")).click();
        page.getByLabel("CSV file (firstName, lastName, email, title, tags, …)").setInputFiles(file);
        assertThat(page.getByText("Preview: 2 rows — 2 new", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(page.getByLabel("Field for E-mail Address")).hasValue("email");
        assertThat(page.getByLabel("Field for Surname")).hasValue("lastname");
        page.getByLabel("Field for Tags").selectOption("");
        assertThat(page.getByLabel("Field for Tags")).hasValue("");
        check(page, "import-mapping");
        button(page, "Import 2 contacts").click();
        assertThat(page.getByText("Imported: 2 rows — 2 new", new Page.GetByTextOptions().setExact(false))).isVisible();
        var hopper = server.get("/api/contacts?q=hopper", server.ownerToken()).json().get("items").get(0);
        org.assertj.core.api.Assertions.assertThat(hopper.get("emails").get(0).asText()).isEqualTo("grace@navy.test");
        org.assertj.core.api.Assertions.assertThat(hopper.get("tags").size()).isZero();
        context.close();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aSharedViewIsSavedByTheOwnerAndPickedByAUserWhoKeepsViewsOfTheirOwnButSharesNone() {
        String token = server.ownerToken();
        for (String last : List.of("Ng", "Okafor", "Park")) {
            server.post("/api/contacts", token, Map.of("lastName", last, "tags", List.of("berlin")));
        }
        server.tokenFor("user3@acme.test", com.litedesk.ports.identity.Role.USER, null);
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts")).click();
        button(page, "Add a filter").click();
        label(page, "Value").fill("berlin");
        label(page, "Value").press("Enter");
        assertThat(page.getByText("3 contacts")).isVisible();
        button(page, "Save this view").click();
        label(page, "Name of the view").fill("Berlin");
        page.getByLabel("Share with everyone").check();
        button(page, "Save view").click();
        assertThat(page.getByText("View “Berlin” saved.")).isVisible();
        check(page, "saved-view");
        button(page, "Sign out").click();

        signIn(page, "user3@acme.test", TestServer.PASSWORD);
        page.navigate(server.baseUrl() + "/#/contacts");
        assertThat(label(page, "View")).isVisible();
        label(page, "View").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Berlin"));
        assertThat(page.getByText("3 contacts")).isVisible();
        assertThat(label(page, "Value")).hasValue("berlin");
        assertThat(button(page, "Remove this view")).hasCount(0);
        button(page, "Save this view").click();
        assertThat(page.getByLabel("Share with everyone")).hasCount(0);
        label(page, "Name of the view").fill("My Berlin");
        button(page, "Save view").click();
        assertThat(page.getByText("View “My Berlin” saved.")).isVisible();
        assertThat(button(page, "Remove this view")).isVisible();
        label(page, "View").selectOption("");
        assertThat(label(page, "Value")).hasCount(0);
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
