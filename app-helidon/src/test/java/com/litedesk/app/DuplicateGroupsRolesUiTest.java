package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole list's possible duplicates as a User sees them: merges offered only where the server lets them merge. */
class DuplicateGroupsRolesUiTest extends CrmBrowserTest {

    @Test
    void aUserIsOfferedToMergeOnlyTheirOwnRecordsAndTheServerAgrees() {
        String token = server.ownerToken();
        assertThat(server.post("/api/users", token, Map.of("email", "ulla@acme.test", "name", "Ulla User", "role", "USER",
                "password", TestServer.PASSWORD)).status()).isEqualTo(201);
        String ulla = server.login("ulla@acme.test", TestServer.PASSWORD);
        String theirs = server.post("/api/contacts", token, Map.of("firstName", "Mary", "lastName", "Jackson")).json().get("id").asText();
        String mine = server.post("/api/contacts", ulla, Map.of("firstName", "Mary", "lastName", "Jackson")).json().get("id").asText();
        server.post("/api/contacts", ulla, Map.of("firstName", "Dorothy", "lastName", "Vaughan"));
        server.post("/api/contacts", ulla, Map.of("firstName", "dorothy", "lastName", "VAUGHAN"));
        var context = context(1280);
        Page page = open(context);
        signIn(page, "ulla@acme.test", TestServer.PASSWORD);
        page.navigate(server.baseUrl() + "/#/contacts/duplicates");
        Locator mary = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Group of Mary Jackson"));
        assertThat(mary).containsText("same name");
        assertThat(mary.getByRole(AriaRole.BUTTON)).hasCount(0); // the other one is the Owner's: not Ulla's to merge either way
        assertThat(mary).containsText("not all yours to change");
        mary.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Keep Mary Jackson").setExact(true)).last().check();
        assertThat(mary.getByRole(AriaRole.BUTTON)).hasCount(0);
        Locator dorothy = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Group of Dorothy Vaughan"));
        assertThat(dorothy.getByRole(AriaRole.BUTTON)).hasCount(1);
        check(page, "duplicate-groups-user");
        org.assertj.core.api.Assertions.assertThat(server.post("/api/contacts/" + mine + "/merge", ulla, Map.of("duplicateId", theirs)).status())
                .isEqualTo(403);
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
