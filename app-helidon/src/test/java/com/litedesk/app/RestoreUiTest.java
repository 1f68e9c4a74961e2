package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A delete in the browser is taken back with Undo: the record, its links and its place on screen come back. */
class RestoreUiTest extends CrmBrowserTest {

    @Test
    void aDeletedContactComesBackWithUndoAndItsDealStillLinksIt() {
        String token = server.ownerToken();
        String ada = server.post("/api/contacts", token, Map.of("firstName", "Ada", "lastName", "Lovelace", "emails", List.of("ada@undo.test")))
                .json().get("id").asText();
        String deal = server.post("/api/deals", token, Map.of("title", "Analytical engine", "value", 900, "currency", "EUR",
                "contactIds", List.of(ada))).json().get("id").asText();
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        assertThat(button(page, "Sign out")).isVisible();
        page.navigate(server.baseUrl() + "/#/contacts/" + ada);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();
        button(page, "Delete").click();
        Locator dialog = page.locator("dialog.confirm");
        assertThat(dialog.getByText("Undo brings it back.")).isVisible();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete contact")).click();
        assertThat(page.getByText("Ada Lovelace deleted.")).isVisible();
        assertThat(server.get("/api/contacts/" + ada, token).status()).isEqualTo(404);
        check(page, "contact-deleted-with-undo");
        button(page, "Undo").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();
        assertThat(page.getByText("restored")).isVisible();
        assertThat(server.get("/api/contacts/" + ada, token).status()).isEqualTo(200);
        page.navigate(server.baseUrl() + "/#/deals/" + deal);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();
        context.close();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aDeletedTaskComesBackOnTheTasksPageWithUndo() {
        String token = server.ownerToken();
        server.post("/api/tasks", token, Map.of("title", "Send the engine plans", "dueDate", "2026-05-01"));
        var context = context(390);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        page.navigate(server.baseUrl() + "/#/tasks");
        assertThat(page.getByText("Send the engine plans")).isVisible();
        button(page, "Delete Send the engine plans").click();
        page.locator("dialog.confirm").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete task")).click();
        assertThat(page.getByText("Send the engine plans deleted.")).isVisible();
        assertThat(page.locator("li").getByText("Send the engine plans")).hasCount(0);
        button(page, "Undo").click();
        assertThat(page.locator("li").getByText("Send the engine plans")).isVisible();
        check(page, "task-restored");
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
