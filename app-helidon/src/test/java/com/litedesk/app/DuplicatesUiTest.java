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
 * Duplicates in the browser: a second "Ada Lovelace" with her email is warned of before it is created (and created
 * anyway on request), and merged on the kept record's page, her notes moving with her.
 */
class DuplicatesUiTest extends CrmBrowserTest {

    @Test
    void aPossibleDuplicateIsWarnedOfAndThenMergedIntoTheRecordKept() {
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts")).click();
        page.locator("#fn").fill("Ada");
        page.locator("#ln").fill("Lovelace");
        page.locator("#em").fill("ada@engine.test");
        button(page, "Add contact").click();
        assertThat(page.getByText("Ada Lovelace added.")).isVisible();

        page.locator("#fn").fill("Ada");
        page.locator("#ln").fill("Lovelace");
        page.locator("#em").fill("ADA@engine.test");
        button(page, "Add contact").click();
        assertThat(page.getByText("This contact may already be here:")).isVisible();
        assertThat(page.getByText("(same email ADA@engine.test)")).isVisible();
        check(page, "duplicate-warning");
        org.assertj.core.api.Assertions.assertThat(server.get("/api/contacts?count=true", server.ownerToken()).json().get("total").asLong()).isEqualTo(1);
        page.locator("#em").fill("countess@engine.test");
        button(page, "Add contact").click();
        button(page, "Create anyway").click();
        assertThat(page.getByText("Ada Lovelace added.")).isVisible();

        var items = server.get("/api/contacts?sort=createdAt", server.ownerToken()).json().get("items");
        String kept = items.get(0).get("id").asText();
        String second = items.get(1).get("id").asText();
        server.post("/api/notes", server.ownerToken(), Map.of("text", "Met at the Royal Society", "target", Map.of("type", "CONTACT", "id", second)));
        assertThat(button(page, "Sign out")).isVisible();
        page.navigate(server.baseUrl() + "/#/contacts/" + kept);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Possible duplicates"))).isVisible();
        check(page, "record-duplicates");
        button(page, "Merge into this one").click();
        page.locator("dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Merge")).click();
        assertThat(page.getByText("Ada Lovelace merged into this contact.")).isVisible();
        assertThat(page.locator(".facts")).containsText("countess@engine.test");
        assertThat(page.getByText("Met at the Royal Society").first()).isVisible();
        assertThat(page.getByText("merged Ada Lovelace into this")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Possible duplicates"))).hasCount(0);
        context.close();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theCompaniesThatLookAlikeAreListedTogetherAndMergedIntoTheOneChosen() {
        String token = server.ownerToken();
        String older = server.post("/api/companies", token, Map.of("name", "Initech", "domain", "initech.test")).json().get("id").asText();
        String newer = server.post("/api/companies", token, Map.of("name", "INITECH")).json().get("id").asText();
        String third = server.post("/api/companies", token, Map.of("name", "Initech.")).json().get("id").asText();
        server.post("/api/companies", token, Map.of("name", "Umbrella"));
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Companies")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Look for duplicates")).click();
        Locator group = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Group of Initech"));
        assertThat(group).containsText("same name");
        assertThat(group).not().containsText("Umbrella");
        check(page, "company-duplicate-groups");
        // keep the second one this time
        group.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Keep INITECH").setExact(true)).check();
        group.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Merge Initech. into INITECH")).click();
        page.locator("dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Merge")).click();
        assertThat(page.getByText("Initech. merged into INITECH.")).isVisible();
        assertThat(group.getByRole(AriaRole.LINK)).hasCount(2);
        org.assertj.core.api.Assertions.assertThat(server.get("/api/companies/" + third, token).status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(server.get("/api/companies/" + newer, token).status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(server.get("/api/companies/" + older, token).status()).isEqualTo(200);
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
