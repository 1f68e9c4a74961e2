package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.ports.identity.Role;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: deals and activities seeded through the API, the figures the page tells (its
 * charts' summaries) are those the API computed, for the Owner (everyone's by default) and for a User (their own by
 * default), switching scope and period; axe clean at 1280 and 390 px with no sideways scrolling, photographed into
 * target/screenshots (dashboard-*).
 */
class DashboardUiTest extends CrmBrowserTest {

    static String owner;
    static String alice;
    static String ownersWin;

    @BeforeAll
    static void seed() {
        owner = server.ownerToken();
        String north = server.post("/api/teams", owner, Map.of("name", "North")).json().get("id").asText();
        alice = server.tokenFor("alice@acme.test", Role.USER, north);
        server.tokenFor("mia@acme.test", Role.MANAGER, north);
        server.tokenFor("vic@acme.test", Role.VIEWER, null);
        String nextMonth = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(12).toString();
        deal(alice, "Alice's proposal", "1000", "proposal", nextMonth);
        deal(alice, "Alice's lead", "250", "lead", nextMonth);
        ownersWin = deal(owner, "Owner's big win", "2500", "negotiation", null);
        move(ownersWin, "won");
        move(deal(alice, "Alice's loss", "400", "proposal", null), "lost");
        String ada = server.post("/api/contacts", alice, Map.of("firstName", "Ada", "lastName", "Lovelace")).json().get("id").asText();
        for (String type : List.of("CALL", "CALL", "MEETING")) {
            server.post("/api/activities", alice, Map.of("type", type, "subject", "Touch", "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        }
        server.post("/api/activities", owner, Map.of("type", "EMAIL", "subject", "Hello", "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
    }

    private static String deal(String token, String title, String value, String stageId, String expectedClose) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "value", new BigDecimal(value), "currency", "EUR",
                "stageId", stageId));
        if (expectedClose != null) {
            body.put("expectedCloseDate", expectedClose);
        }
        var created = server.post("/api/deals", token, body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void move(String dealId, String stageId) {
        assertThat(server.post("/api/deals/" + dealId + "/move", owner, Map.of("stageId", stageId)).status()).isEqualTo(200);
    }

    /** Signs in on a page of its own (en-US; every console error counts, as no 4xx is provoked) and opens the dashboard. */
    private static Page signIn(String email) {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"));
        Page page = openStrict(context);
        signIn(page, email, TestServer.PASSWORD);
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        assertThat(nav.getByRole(AriaRole.LINK).first()).hasText("Dashboard");
        nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Dashboard").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard").setLevel(1))).isVisible();
        return page;
    }

    /** The sentence a chart says about itself (shown, and the name of its image). */
    private static Locator summary(Page page, String chart) {
        return page.locator("[data-chart=" + chart + "] .summary");
    }

    private static JsonNode dashboard(String token, String query) {
        var answer = server.get("/api/dashboard" + query, token);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json();
    }

    /** The base's check, once the figures are loaded, giving the charts time to redraw for each width. */
    private static void checkDashboard(Page page, String name) {
        page.waitForFunction("() => !document.body.innerText.includes('Loading…')");
        check(page, "dashboard-" + name, () -> page.waitForTimeout(200));
    }

    @Test
    void theOwnerSeesEveryonesFiguresAsTheApiComputesThemAndThenTheirOwn() {
        JsonNode api = dashboard(owner, "");
        assertThat(api.get("scope").asText()).isEqualTo("ALL");
        Page page = signIn(TestServer.OWNER);
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Everyone"))).isChecked();
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("My team"))).hasCount(0); // the Owner is in no team
        assertThat(summary(page, "pipeline")).hasText("2 open deals worth €1,250.00 in Sales.");
        assertThat(summary(page, "winRate")).hasText("Win rate 50% over 12 months: 1 deal won, 1 lost.");
        assertThat(api.get("winRate").get("percent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(summary(page, "won")).hasText("1 deal won worth €2,500.00 over 12 months.");
        assertThat(summary(page, "forecast")).containsText("€525.00 weighted by stage probability, from 2 deals"); // 1000 × 50 % + 250 × 10 %
        assertThat(summary(page, "activity")).hasText("2 calls, 1 meeting, 1 email and 0 tasks completed by 2 people over 12 months.");
        assertThat(page.locator("[data-chart=pipeline] canvas")).hasAttribute("aria-label", "2 open deals worth €1,250.00 in Sales.");
        checkDashboard(page, "owner-everyone");

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Mine")).check();
        assertThat(summary(page, "pipeline")).hasText("0 open deals worth €0.00 in Sales.");
        assertThat(page.getByText("No open deals in this pipeline yet.")).isVisible();
        assertThat(page.locator("[data-chart=pipeline] canvas")).hasCount(0);
        assertThat(summary(page, "winRate")).hasText("Win rate 100% over 12 months: 1 deal won, 0 lost.");
        checkDashboard(page, "owner-mine");

        page.navigate(server.baseUrl() + "/#/deals/" + ownersWin); // the deal tells when it was won
        assertThat(page.locator("dt").filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^Won$")))).hasCount(1);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aViewerIsShownEveryonesFiguresAndAManagerTheirTeamsByDefault() {
        Page viewer = signIn("vic@acme.test");
        assertThat(viewer.getByRole(AriaRole.RADIO)).hasCount(0);
        assertThat(viewer.getByText("Everyone's figures")).isVisible();
        assertThat(summary(viewer, "pipeline")).hasText("2 open deals worth €1,250.00 in Sales.");
        checkDashboard(viewer, "viewer");

        Page manager = signIn("mia@acme.test");
        assertThat(manager.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("My team"))).isChecked();
        assertThat(manager.getByRole(AriaRole.RADIO)).hasCount(3);
        assertThat(summary(manager, "pipeline")).hasText("2 open deals worth €1,250.00 in Sales."); // Alice's, of the team
        assertThat(summary(manager, "winRate")).hasText("Win rate 0% over 12 months: 0 deals won, 1 lost.");
        manager.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Mine")).check();
        assertThat(summary(manager, "activity")).hasText("0 calls, 0 meetings, 0 emails and 0 tasks completed by 0 people over 12 months.");
        assertThat(manager.getByText("No calls, meetings, emails or completed tasks in this period.")).isVisible();
        checkDashboard(manager, "manager-mine");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aUserSeesTheirOwnFiguresByDefaultAndEveryonesOverAShorterPeriod() {
        JsonNode api = dashboard(alice, "");
        assertThat(api.get("scope").asText()).isEqualTo("MINE");
        Page page = signIn("alice@acme.test");
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Mine"))).isChecked();
        assertThat(page.getByRole(AriaRole.RADIO)).hasCount(2);
        assertThat(summary(page, "pipeline")).hasText("2 open deals worth €1,250.00 in Sales.");
        assertThat(summary(page, "winRate")).hasText("Win rate 0% over 12 months: 0 deals won, 1 lost.");
        assertThat(summary(page, "won")).hasText("0 deals won worth €0.00 over 12 months.");
        assertThat(page.getByText("No deals were won in this period.")).isVisible();
        assertThat(summary(page, "activity")).hasText("2 calls, 1 meeting, 0 emails and 0 tasks completed by 1 person over 12 months.");
        checkDashboard(page, "user-mine");

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Everyone")).check();
        page.getByLabel("Period").selectOption("3");
        assertThat(summary(page, "winRate")).hasText("Win rate 50% over 3 months: 1 deal won, 1 lost.");
        JsonNode everyone = dashboard(alice, "?scope=all&months=3");
        assertThat(everyone.get("winRate").get("byMonth").size()).isEqualTo(3);
        assertThat(page.locator("[data-chart=winRate] canvas")).isVisible();
        checkDashboard(page, "user-everyone-3-months");
        assertThat(consoleErrors).isEmpty();
    }
}
