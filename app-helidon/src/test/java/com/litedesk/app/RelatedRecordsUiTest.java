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

/** Related records linkable from either side: a deal linked to a contact from the contact's page, and unlinked with undo. */
class RelatedRecordsUiTest extends CrmBrowserTest {

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
