package com.litedesk.app;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.litedesk.ports.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CRM in a real browser for each role: it offers exactly what the server's permissions allow (menu, forms,
 * import, export, edit and delete, invitations, teams, pipelines) and what it offers succeeds. Every screen is checked
 * with axe at 1280 and 390 px, with no sideways scrolling on the phone, and photographed into target/screenshots/roles.
 */
class CrmRolesUiTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LITEDESK_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("target", "screenshots", "roles");
    private static final String HOST = "roleco.localhost";

    @TempDir
    static Path data;
    static PlatformServer server;
    static Playwright playwright;
    static Browser browser;
    static String ownerToken;
    static String sharedContactId;
    static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true needs Chromium at " + CHROMIUM + " (apt-get install chromium)");
            }
            assumeTrue(false, "no Chromium at " + CHROMIUM);
        }
        server = PlatformServer.start(data, Map.of());
        String admin = server.adminToken();
        String instance = server.provision(admin, "roleco", "rosa@roleco.test");
        server.admin("PUT", "/api/admin/instances/" + instance + "/plan", admin, Map.of("planId", "professional")); // seats for every role
        String token = server.mailedToken(admin, "rosa@roleco.test");
        server.send(HOST, "POST", "/api/auth/set-password", null, Map.of("token", token, "password", PlatformServer.PASSWORD), Map.of());
        ownerToken = server.login(HOST, "/api", "rosa@roleco.test", PlatformServer.PASSWORD);
        for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.USER, Role.VIEWER)) {
            var added = server.send(HOST, "POST", "/api/users", ownerToken, Map.of("email", email(role), "name", "Pat " + role.name().charAt(0)
                    + role.name().substring(1).toLowerCase(Locale.ROOT), "role", role.name(), "password", PlatformServer.PASSWORD), Map.of());
            assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        }
        sharedContactId = server.send(HOST, "POST", "/api/contacts", ownerToken, Map.of("firstName", "Grace", "lastName", "Hopper",
                "emails", List.of("grace@navy.test")), Map.of()).json().get("id").asText();
        server.send(HOST, "POST", "/api/deals", ownerToken, Map.of("title", "Seed deal", "value", 1000, "currency", "EUR"), Map.of());
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run")));
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

    private static String email(Role role) {
        return role == Role.OWNER ? "rosa@roleco.test" : role.name().toLowerCase(Locale.ROOT) + "@roleco.test";
    }

    private static String base() {
        return "http://" + HOST + ":" + server.app.port();
    }

    /** The server's answer: resource → action → scope. */
    private static Map<String, Map<String, String>> permissionsOf(String token) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (JsonNode p : server.send(HOST, "GET", "/api/auth/me/permissions", token, null, Map.of()).json().get("permissions")) {
            out.computeIfAbsent(p.get("resource").asText(), k -> new HashMap<>()).put(p.get("action").asText(), p.get("scope").asText());
        }
        return out;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void check(Page page, String name, int width) {
        page.waitForFunction("() => !document.querySelector('[role=status]') || !document.body.innerText.includes('Loading…')");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-" + width + ".png")).setFullPage(true));
        var violations = new AxeBuilder(page).analyze().getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList()).toList();
        assertThat(violations).as("accessibility of " + name + " at " + width + " px").isEmpty();
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).as("sideways scrolling of " + name + " at " + width)
                .isLessThanOrEqualTo(width);
    }

    private static Page signIn(BrowserContext context, Role role) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().contains("status of 4")) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        page.navigate(base() + "/#/login");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email(role));
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PlatformServer.PASSWORD);
        button(page, "Sign in").click();
        assertThat(button(page, "Sign out")).isVisible();
        return page;
    }

    private static boolean allowed(Map<String, Map<String, String>> p, String resource, String action) {
        return !"NONE".equals(p.get(resource).get(action));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleIsOfferedExactlyWhatTheServerAllowsAndItWorks(Role role) {
        String token = server.login(HOST, "/api", email(role), PlatformServer.PASSWORD);
        var p = permissionsOf(token);
        String who = role.name().toLowerCase(Locale.ROOT);
        for (int width : List.of(1280, 390)) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, width == 390 ? 844 : 900));
            Page page = signIn(context, role);

            var menu = Map.of("Contacts", "CONTACTS", "Companies", "COMPANIES", "Deals", "DEALS", "Tasks", "TASKS",
                    "Pipelines", "PIPELINES", "Users", "USERS", "Audit", "AUDIT");
            Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
            menu.forEach((label, resource) -> assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(label).setExact(true)))
                    .hasCount(allowed(p, resource, "READ") ? 1 : 0));

            // contacts: create, import, export as allowed
            assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Grace Hopper").setExact(true))).isVisible();
            assertThat(button(page, "Add contact")).hasCount(allowed(p, "CONTACTS", "CREATE") ? 1 : 0);
            assertThat(button(page, "Export CSV")).hasCount(allowed(p, "CONTACTS", "EXPORT") ? 1 : 0);
            assertThat(page.locator("#csv")).hasCount(allowed(p, "CONTACTS", "IMPORT") ? 1 : 0);
            check(page, who + "-contacts", width);
            if (allowed(p, "CONTACTS", "EXPORT")) {
                var download = page.waitForDownload(() -> button(page, "Export CSV").click());
                assertThat(download.suggestedFilename()).isEqualTo("contacts.csv");
            }
            String mine = null;
            if (allowed(p, "CONTACTS", "CREATE")) {
                mine = "Own" + who + width;
                page.getByLabel("Last name", new Page.GetByLabelOptions().setExact(true)).fill(mine);
                page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("+44 20 7946 0000");
                button(page, "Add contact").click();
                assertThat(link(page, mine)).isVisible();
            }

            // someone else's contact: edit and delete only where the scope reaches it
            page.navigate(base() + "/#/contacts/" + sharedContactId);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Grace Hopper"))).isVisible();
            boolean editsAll = "ALL".equals(p.get("CONTACTS").get("EDIT"));
            assertThat(button(page, "Edit")).hasCount(editsAll ? 1 : 0);
            assertThat(button(page, "Delete")).hasCount("ALL".equals(p.get("CONTACTS").get("DELETE")) ? 1 : 0);
            assertThat(button(page, "Add note")).hasCount(allowed(p, "NOTES", "CREATE") ? 1 : 0);
            assertThat(button(page, "Log activity")).hasCount(allowed(p, "ACTIVITIES", "CREATE") ? 1 : 0);
            check(page, who + "-contact", width);
            if (editsAll) {
                button(page, "Edit").click();
                page.getByLabel("Job title", new Page.GetByLabelOptions().setExact(true)).fill("Rear admiral " + who);
                check(page, who + "-contact-edit", width);
                button(page, "Save").click();
                assertThat(page.locator(".facts")).containsText("Rear admiral " + who);
            }
            if (mine != null) {
                // one's own record is always one's to edit and delete (OWN, TEAM or ALL)
                page.navigate(base() + "/#/contacts");
                link(page, mine).click();
                button(page, "Edit").click();
                page.getByLabel("Job title", new Page.GetByLabelOptions().setExact(true)).fill("Buyer");
                button(page, "Save").click();
                assertThat(page.locator(".facts")).containsText("Buyer");
                assertThat(page.locator(".facts")).containsText("+44 20 7946 0000");
                button(page, "Delete").click();
                check(page, who + "-confirm", width);
                page.locator("dialog.confirm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete contact")).click();
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contacts"))).isVisible();
                assertThat(link(page, mine)).hasCount(0);
            }

            // deals: the form and the stage picker as allowed
            link(nav.page(), "Deals").first().click();
            assertThat(page.getByText("Seed deal").first()).isVisible();
            assertThat(button(page, "Add deal")).hasCount(allowed(p, "DEALS", "CREATE") ? 1 : 0);
            assertThat(page.getByLabel("Stage of Seed deal")).hasCount("ALL".equals(p.get("DEALS").get("EDIT")) ? 1 : 0);
            check(page, who + "-deals", width);

            page.navigate(base() + "/#/tasks");
            assertThat(button(page, "Add task")).hasCount(allowed(p, "TASKS", "CREATE") ? 1 : 0);
            check(page, who + "-tasks", width);
            page.navigate(base() + "/#/companies");
            assertThat(button(page, "Add company")).hasCount(allowed(p, "COMPANIES", "CREATE") ? 1 : 0);
            check(page, who + "-companies", width);

            if (allowed(p, "PIPELINES", "READ")) {
                link(page, "Pipelines").click();
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sales"))).isVisible();
                assertThat(button(page, "Create")).hasCount(allowed(p, "PIPELINES", "CREATE") ? 1 : 0);
                assertThat(button(page, "Edit stages")).hasCount(allowed(p, "PIPELINES", "EDIT") ? 1 : 0);
                check(page, who + "-pipelines", width);
            }
            if (allowed(p, "USERS", "READ")) {
                link(page, "Users").click();
                assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Pat Viewer").setExact(true))).isVisible();
                assertThat(button(page, "Invite")).hasCount(allowed(p, "USERS", "CREATE") ? 1 : 0);
                assertThat(button(page, "Create team")).hasCount(allowed(p, "TEAMS", "CREATE") ? 1 : 0);
                check(page, who + "-users", width);
                if (allowed(p, "TEAMS", "CREATE")) {
                    String team = "Team " + who + width;
                    page.getByLabel("New team", new Page.GetByLabelOptions().setExact(true)).fill(team);
                    button(page, "Create team").click();
                    assertThat(page.getByText(team + " — 0 members")).isVisible();
                }
            }
            if (allowed(p, "AUDIT", "READ")) {
                link(page, "Audit").click();
                assertThat(page.getByRole(AriaRole.TABLE)).isVisible();
                check(page, who + "-audit", width);
            }
            page.navigate(base() + "/#/account");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My account"))).isVisible();
            check(page, who + "-account", width);
            context.close();
        }
        assertThat(consoleErrors).isEmpty();
    }

    /** On a phone, a deal changes stage from the picker on its card, and a value is read the way the browser writes numbers. */
    @Test
    void aDealsStageIsPickedOnAPhoneAndItsValueIsReadPerLocale() {
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("en-US"));
        Page page = signIn(phone, Role.OWNER);
        page.navigate(base() + "/#/deals");
        page.getByLabel("Deal", new Page.GetByLabelOptions().setExact(true)).fill("Phone deal");
        page.getByLabel("Value", new Page.GetByLabelOptions().setExact(true)).fill("12,5x");
        button(page, "Add deal").click();
        assertThat(page.getByTestId("value-error")).containsText("Enter a number, such as 12,500.5");
        assertThat(page.getByText("Phone deal")).hasCount(0);
        page.getByLabel("Value", new Page.GetByLabelOptions().setExact(true)).fill("12,500");
        button(page, "Add deal").click();
        Locator card = page.locator("article.card", new Page.LocatorOptions().setHasText("Phone deal"));
        assertThat(card).containsText("€12,500.00");
        page.getByLabel("Stage of Phone deal").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Qualified"));
        assertThat(page.locator("section[data-stage=qualified] article.card", new Page.LocatorOptions().setHasText("Phone deal"))).isVisible();
        assertThat(page.getByTestId("totals-qualified")).containsText("12,500");
        check(page, "owner-board-moved", 390);
        button(page, "Undo").click();
        assertThat(page.locator("section[data-stage=lead] article.card", new Page.LocatorOptions().setHasText("Phone deal"))).isVisible();

        link(page, "Phone deal").click();
        assertThat(page.locator(".facts")).containsText("€12,500.00");
        page.getByLabel("Stage", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Proposal"));
        assertThat(page.locator(".facts")).containsText("Proposal");
        button(page, "Edit").click();
        page.getByLabel("Value", new Page.GetByLabelOptions().setExact(true)).fill("13,000");
        page.getByLabel("Expected close", new Page.GetByLabelOptions().setExact(true)).fill("2031-03-15");
        page.getByLabel("Company", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(0));
        button(page, "Save").click();
        assertThat(page.locator(".facts")).containsText("€13,000.00");
        assertThat(page.locator(".facts")).containsText("Mar 15, 2031");
        page.getByLabel("Link a contact").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Grace Hopper"));
        button(page, "Link").click();
        assertThat(link(page, "Grace Hopper")).isVisible();
        check(page, "owner-deal", 390);
        link(page, "Grace Hopper").click();
        assertThat(link(page, "Phone deal")).isVisible(); // the link shows from the contact's side too
        phone.close();
        var deals = server.send(HOST, "GET", "/api/deals?q=Phone", ownerToken, null, Map.of()).json().get("items");
        assertThat(deals.get(0).get("value").decimalValue()).isEqualByComparingTo("13000");
        assertThat(consoleErrors).isEmpty();
    }
}
