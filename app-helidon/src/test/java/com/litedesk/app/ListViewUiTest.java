package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lists people shape, in the browser: the total, a filter built on the page and kept in the URL (a reload or a shared
 * link shows the same list), sorting by a column, choosing columns, and bulk work on selected rows — tagging, assigning
 * an owner, setting a field, exporting and deleting — with a User told which rows are not theirs to change; the deals
 * list filtered by a stage named as the board names it.
 */
class ListViewUiTest extends CrmBrowserTest {

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
        // the two come back with Undo
        button(page, "Undo").click();
        assertThat(page.getByText("5 contacts")).isVisible();
        org.assertj.core.api.Assertions.assertThat(server.get("/api/contacts?count=true&limit=1", token).json().get("total").asLong()).isEqualTo(all);
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

    @Test
    void theDealsListFiltersByStageAndSetsAFieldOnTheSelectedDeals() {
        String token = server.ownerToken();
        var pipeline = server.get("/api/pipelines", token).json().get("items").get(0);
        String first = pipeline.get("stages").get(0).get("id").asText();
        String firstName = pipeline.get("stages").get(0).get("name").asText();
        String second = pipeline.get("stages").get(1).get("id").asText();
        String secondName = pipeline.get("stages").get(1).get("name").asText();
        for (int i = 0; i < 3; i++) {
            server.post("/api/deals", token, Map.of("title", "Listed deal " + i, "value", 1000 + i, "currency", "EUR",
                    "pipelineId", pipeline.get("id").asText(), "stageId", i < 2 ? second : first));
        }
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deals").setExact(true)).click();
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Deal views"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("List")).click();
        label(page, "Search").fill("listed");
        assertThat(page.getByText("3 deals")).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Listed deal 2"))).containsText(firstName);

        button(page, "Add a filter").click();
        label(page, "Field").selectOption("stageId");
        label(page, "Value").selectOption(second);
        assertThat(page.getByText("2 deals")).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Listed deal 0"))).containsText(secondName);
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("stageId");

        page.getByLabel("Select Listed deal 0").check();
        page.getByLabel("Select Listed deal 1").check();
        label(page, "Field to set").selectOption("expectedCloseDate");
        label(page, "New value").fill("2027-03-31");
        button(page, "Set expected close").click();
        assertThat(page.getByText("2 changed.")).isVisible();
        check(page, "deals-list-view");
        var deals = server.get("/api/deals?q=listed&sort=title", token).json().get("items");
        org.assertj.core.api.Assertions.assertThat(deals.get(0).get("expectedCloseDate").asText()).isEqualTo("2027-03-31");
        org.assertj.core.api.Assertions.assertThat(deals.get(1).get("expectedCloseDate").asText()).isEqualTo("2027-03-31");
        org.assertj.core.api.Assertions.assertThat(deals.get(2).get("expectedCloseDate").isNull()).isTrue();
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
