package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.identity.Role;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search box in a real browser, on the SQLite store: "/" focuses it, typing finds records of several kinds grouped
 * by kind, the keyboard opens one, and the search box then offers it among the recent records (Ctrl+K). Checked with
 * axe at 1280 and 390 px, without sideways scrolling, and photographed into target/screenshots (search-*).
 */
class GlobalSearchUiTest extends CrmBrowserTest {

    @TempDir
    static Path data;
    static String adaId;

    @BeforeAll
    static void startOnDiskAndSeed() throws Exception {
        useServer(TestServer.onDisk(data, freePort()));
        String owner = server.ownerToken();
        server.tokenFor("user@acme.test", Role.USER, null);
        String acme = server.post("/api/companies", owner, Map.of("name", "Adastra Labs", "domain", "adastra.test")).json().get("id").asText();
        adaId = server.post("/api/contacts", owner, Map.of("firstName", "Ada", "lastName", "Lovelace", "emails", List.of("ada@analytical.test"),
                "companyId", acme)).json().get("id").asText();
        server.post("/api/deals", owner, Map.of("title", "Adastra renewal", "value", 12000, "currency", "EUR", "companyId", acme));
        server.post("/api/tasks", owner, Map.of("title", "Call Ada back", "dueDate", "2026-03-05",
                "linkedRecord", Map.of("type", "CONTACT", "id", adaId)));
        server.post("/api/notes", owner, Map.of("text", "Ada asked for a quote\nand more", "target", Map.of("type", "COMPANY", "id", acme)));
    }

    private static Locator option(Page page, String name) {
        return page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator group(Page page, String name) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aPrefixTypedAfterTheShortcutFindsSeveralKindsTheKeyboardOpensOneAndItIsThenRecent() {
        var context = context(1280);
        Page page = openStrict(context); // this test provokes no 4xx answer: every console error counts
        signIn(page, "user@acme.test", TestServer.PASSWORD);
        Locator box = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Search contacts, companies, deals, tasks and notes"));
        Locator results = page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Search results"));

        page.locator("main h1").click(); // somewhere that is not a field
        page.keyboard().press("/");
        assertThat(box).isFocused();
        assertThat(box).hasAttribute("aria-expanded", "true");
        assertThat(page.getByText("Records you open will be listed here.")).isVisible();

        page.keyboard().type("ada");
        assertThat(group(page, "Contacts")).isVisible();
        assertThat(results.getByRole(AriaRole.GROUP)).hasCount(5);
        Locator ada = group(page, "Contacts").getByRole(AriaRole.OPTION).first();
        assertThat(ada).containsText("Ada Lovelace");
        assertThat(ada).containsText("ada@analytical.test");
        assertThat(group(page, "Deals").getByRole(AriaRole.OPTION)).containsText("Adastra renewal · €12,000.00");
        assertThat(group(page, "Tasks").getByRole(AriaRole.OPTION)).containsText("Call Ada back · due Mar 5, 2026");
        assertThat(group(page, "Notes").getByRole(AriaRole.OPTION)).containsText("Ada asked for a quote");
        assertThat(group(page, "Companies").getByRole(AriaRole.OPTION)).containsText("adastra.test");
        page.keyboard().press("ArrowDown");
        assertThat(ada).hasAttribute("aria-selected", "true");
        assertThat(box).hasAttribute("aria-activedescendant", "search-option-0");
        check(page, "search-results");

        page.waitForResponse(r -> r.url().endsWith("/api/recent") && r.request().method().equals("POST"),
                () -> page.keyboard().press("Enter"));
        assertThat(page).hasURL(server.baseUrl() + "/#/contacts/" + adaId);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();
        assertThat(results).isHidden();

        page.keyboard().press("Control+k");
        assertThat(box).isFocused();
        assertThat(group(page, "Recent records").getByRole(AriaRole.OPTION)).hasCount(1);
        assertThat(group(page, "Recent records").getByRole(AriaRole.OPTION)).containsText("Ada Lovelace");
        assertThat(group(page, "Recent records").getByRole(AriaRole.OPTION)).containsText("Contact · ada@analytical.test");
        check(page, "search-recent");
        page.keyboard().press("Escape");
        assertThat(results).isHidden();
        assertThat(box).hasAttribute("aria-expanded", "false");

        // a task opens the record it is about, found by a prefix of its title
        page.keyboard().type("cal");
        assertThat(option(page, "Call Ada back")).isVisible();
        page.keyboard().press("ArrowDown");
        assertThat(option(page, "Call Ada back")).hasAttribute("aria-selected", "true");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(server.baseUrl() + "/#/contacts/" + adaId);
        page.keyboard().press("/");
        page.keyboard().type("a");
        assertThat(page.getByText("Type at least 2 characters.")).isVisible();
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
