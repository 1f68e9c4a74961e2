package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Activities and reminders in the browser: a user logs a call on a contact and sees it in the timeline in words, edits
 * it; the bell shows the reminder of an overdue task assigned to them and leads to the task; a Viewer sees the call but
 * is offered neither the form nor edit and delete. Every screen passes axe at 1280 and 390 px and is photographed.
 */
class ActivityUiTest extends CrmBrowserTest {

    static String ada;

    @BeforeAll
    static void seed() {
        String owner = server.ownerToken();
        String uma = server.post("/api/users", owner, Map.of("email", "uma@acme.test", "name", "Uma Ueda", "role", "USER",
                "password", TestServer.PASSWORD)).json().get("id").asText();
        server.post("/api/users", owner, Map.of("email", "vic@acme.test", "name", "Vic Viewer", "role", "VIEWER", "password", TestServer.PASSWORD));
        ada = server.post("/api/contacts", owner, Map.of("firstName", "Ada", "lastName", "Lovelace", "emails", List.of("ada@engines.example")))
                .json().get("id").asText();
        server.post("/api/tasks", owner, Map.of("title", "Call Ada back", "dueDate", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString(),
                "assigneeId", uma, "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        server.app.crm().reminders().sendDue(); // what the instance's schedule does every LITEDESK_REMINDER_INTERVAL
    }

    /** A page of its own at {@code width}, on which every console error counts (this test provokes no 4xx answer). */
    private static Page open(int width) {
        return openStrict(context(width));
    }

    private static Locator field(Locator form, String text) {
        return form.getByLabel(text, new Locator.GetByLabelOptions().setExact(true));
    }

    @Test
    void aCallIsLoggedOnAContactShownInTheTimelineAndAnOverdueTaskRemindsThroughTheBell() {
        Page page = open(1280);
        signIn(page, "uma@acme.test", TestServer.PASSWORD);
        Locator bell = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications, 1 unread"));
        assertThat(bell).isVisible();

        page.navigate(server.baseUrl() + "/#/contacts/" + ada);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Log activity"));
        assertThat(field(form, "Type")).hasValue("CALL");
        field(form, "Subject").fill("Pricing follow-up");
        field(form, "Duration (minutes)").fill("15");
        field(form, "Outcome").fill("Left a voicemail");
        field(form, "Notes").fill("Asked about the yearly plan; call again on Monday.");
        check(page, "activity-log-activity-form");
        button(page, "Log activity").click();

        Locator entry = page.locator("ol.timeline li.activity", new Page.LocatorOptions().setHasText("Pricing follow-up"));
        assertThat(entry).containsText("Call with Ada Lovelace — 15 min — Left a voicemail");
        assertThat(entry).containsText("Uma Ueda");
        assertThat(entry).containsText("Asked about the yearly plan");
        assertThat(entry).not().containsText("T0"); // no ISO timestamps shown
        assertThat(field(form, "Subject")).hasValue("");
        check(page, "activity-contact-timeline");

        button(page, "Edit Pricing follow-up").click();
        field(page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit Pricing follow-up")), "Outcome").fill("Reached her");
        button(page, "Save activity").click();
        assertThat(entry).containsText("Call with Ada Lovelace — 15 min — Reached her");

        field(form, "Type").selectOption("EMAIL");
        assertThat(field(form, "Duration (minutes)")).hasCount(0);
        field(form, "Subject").fill("Sent the price list");
        button(page, "Log activity").click();
        assertThat(page.locator("ol.timeline li.activity", new Page.LocatorOptions().setHasText("Sent the price list")))
                .containsText("Email with Ada Lovelace");

        bell.click();
        Locator reminder = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Call Ada back").setExact(false));
        assertThat(reminder).containsText("Overdue since ");
        check(page, "activity-bell-open");
        reminder.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The task you opened"))).isVisible();
        assertThat(page.locator("li.task.focused")).containsText("Call Ada back");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications").setExact(true))).isVisible();
        check(page, "activity-task-from-reminder");
        assertThat(server.app.repositories().outbox().list(com.litedesk.ports.store.Query.all(100)).items())
                .filteredOn(m -> m.to().equals("uma@acme.test")).hasSize(1);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aViewerSeesActivitiesButIsOfferedNoWayToLogChangeOrDeleteThem() {
        String owner = server.ownerToken();
        server.post("/api/activities", owner, Map.of("type", "MEETING", "subject", "Quarterly review", "durationMinutes", 90,
                "outcome", "Renewal agreed", "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        Page page = open(390);
        signIn(page, "vic@acme.test", TestServer.PASSWORD);
        page.navigate(server.baseUrl() + "/#/contacts/" + ada);
        Locator entry = page.locator("ol.timeline li.activity", new Page.LocatorOptions().setHasText("Quarterly review"));
        assertThat(entry).containsText("Meeting with Ada Lovelace — 1 h 30 min — Renewal agreed");
        assertThat(button(page, "Log activity")).hasCount(0);
        assertThat(button(page, "Edit Quarterly review")).hasCount(0);
        assertThat(button(page, "Delete Quarterly review")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications").setExact(true))).isVisible();
        check(page, "activity-viewer-contact");
        assertThat(consoleErrors).isEmpty();
    }
}
