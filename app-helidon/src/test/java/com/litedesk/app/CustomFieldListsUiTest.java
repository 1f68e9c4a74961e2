package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom fields in lists, in the browser: a column to choose, a field of the filter builder typed as the field is, and bulk work that sets one. */
class CustomFieldListsUiTest extends CrmBrowserTest {

    @Test
    void aContactsCustomFieldsAreColumnsFiltersAndFieldsToSet() {
        String token = server.ownerToken();
        var settings = server.get("/api/settings", token).json();
        var changed = server.patch("/api/settings", token, Map.of("customFields", Map.of("CONTACT", List.of(
                Map.of("key", "score", "label", "Score", "type", "NUMBER", "required", false),
                Map.of("key", "tier", "label", "Tier", "type", "SELECT", "options", List.of("Gold", "Silver"), "required", false),
                Map.of("key", "vip", "label", "VIP", "type", "BOOL", "required", false)))),
                Map.of("If-Match", "\"" + settings.get("version").asLong() + "\""));
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            var c = server.post("/api/contacts", token, Map.of("firstName", "Scored", "lastName", "Person" + i,
                    "customFields", Map.of("score", i * 3, "vip", i % 2 == 0)));
            assertThat(c.status()).as(c.raw().body()).isEqualTo(201);
        }
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts")).click();
        assertThat(page.getByText("4 contacts")).isVisible();

        page.locator("details.columns > summary").click();
        page.locator("details.columns").getByLabel("Show Score").check();
        assertThat(page.locator("thead")).containsText("Score");
        assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Person3"))).containsText("9");

        button(page, "Add a filter").click();
        label(page, "Field").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Score"));
        label(page, "Condition").selectOption("gte");
        label(page, "Value").fill("5");
        label(page, "Value").press("Enter");
        assertThat(page.getByText("2 contacts")).isVisible();
        assertThat(page.url()).contains("customFields.score");
        page.reload();
        assertThat(page.getByText("2 contacts")).isVisible();
        assertThat(label(page, "Value")).hasValue("5");

        button(page, "Add a filter").click();
        page.locator("#ff-1").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("VIP"));
        page.locator("#fv-1").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Yes"));
        assertThat(page.getByText("1 contact", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).nth(1)).containsText("Person2");

        page.getByLabel("Select Scored Person2").check();
        label(page, "Field to set").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Tier"));
        label(page, "New value").selectOption("Silver");
        button(page, "Set tier").click();
        assertThat(page.getByText("1 changed.")).isVisible();
        check(page, "contacts-custom-field-filter");
        var person2 = server.get("/api/contacts?q=Person2", token).json().get("items").get(0);
        assertThat(person2.get("customFields").get("tier").asText()).isEqualTo("Silver");
        assertThat(person2.get("customFields").get("score").asInt()).isEqualTo(6); // the other custom fields are kept
        context.close();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void anOwnerChangesAFieldsTypeAndIsToldWhichValuesDoNotConvert() {
        String token = server.ownerToken();
        var settings = server.get("/api/settings", token).json();
        var fields = new java.util.HashMap<String, Object>();
        settings.get("customFields").properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        fields.put("COMPANY", List.of(Map.of("key", "code", "label", "Code", "type", "TEXT", "required", false)));
        var changed = server.patch("/api/settings", token, Map.of("customFields", fields),
                Map.of("If-Match", "\"" + settings.get("version").asLong() + "\""));
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        String fine = server.post("/api/companies", token, Map.of("name", "Coded", "customFields", Map.of("code", "42"))).json().get("id").asText();
        String odd = server.post("/api/companies", token, Map.of("name", "Odd", "customFields", Map.of("code", "abc"))).json().get("id").asText();
        var context = context(1280);
        Page page = open(context);
        signIn(page, TestServer.OWNER, TestServer.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
        button(page, "Companies").click();
        button(page, "Edit Code").click();
        var form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit Code"));
        form.getByLabel("Type", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).selectOption("NUMBER");
        form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("1 company holds a Code that is not a number (such as 'abc')");
        check(page, "custom-field-type-refused");
        assertThat(server.patch("/api/companies/" + odd, token, Map.of("customFields", Map.of("code", "7")), Map.of()).status()).isEqualTo(200);
        form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Code saved.")).isVisible();
        assertThat(page.locator("#cf-heading ~ ul.plain")).containsText("Number");
        assertThat(server.get("/api/companies/" + fine, token).json().get("customFields").get("code").isNumber()).isTrue();
        assertThat(server.get("/api/companies/" + odd, token).json().get("customFields").get("code").asInt()).isEqualTo(7);
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
