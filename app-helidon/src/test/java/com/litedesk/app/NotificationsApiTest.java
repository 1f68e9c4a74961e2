package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.ports.identity.Role;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reminders of due tasks as the running instance sends them on its schedule (every 200 ms here), and each user's own
 * notifications over HTTP.
 */
class NotificationsApiTest {

    static TestServer server;
    static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.inMemory(Map.of("LITEDESK_REMINDER_INTERVAL", "PT0.2S"));
        owner = server.ownerToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode inbox(String token) {
        var answer = server.get("/api/notifications", token);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode waitForUnread(String token, int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode inbox = inbox(token);
            if (inbox.get("unreadCount").asInt() >= count) {
                return inbox;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no reminder arrived: " + inbox(token));
    }

    private static long outboxTo(String address) {
        return server.app.repositories().outbox().list(com.litedesk.ports.store.Query.all(1000)).items().stream()
                .filter(m -> m.to().equals(address)).count();
    }

    @Test
    void anOverdueTaskRemindsItsAssigneeOnceInTheBellAndByMailAndOnlyThem() throws Exception {
        String ursula = server.tokenFor("ursula@acme.test", Role.USER, null);
        String victor = server.tokenFor("victor@acme.test", Role.USER, null);
        String ursulaId = server.get("/api/auth/me", ursula).json().get("id").asText();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        var task = server.post("/api/tasks", owner, Map.of("title", "Call Ada back", "dueDate", yesterday, "assigneeId", ursulaId));
        assertThat(task.status()).as(task.raw().body()).isEqualTo(201);
        String taskId = task.json().get("id").asText();

        JsonNode mine = waitForUnread(ursula, 1);
        JsonNode reminder = mine.get("items").get(0);
        assertThat(reminder.get("title").asText()).startsWith("Overdue since ").endsWith(": Call Ada back");
        assertThat(reminder.get("link").get("type").asText()).isEqualTo("TASK");
        assertThat(reminder.get("link").get("id").asText()).isEqualTo(taskId);
        assertThat(reminder.get("read").asBoolean()).isFalse();

        Thread.sleep(600); // three more runs of the schedule
        assertThat(inbox(ursula).get("items")).hasSize(1);
        assertThat(outboxTo("ursula@acme.test")).isEqualTo(1);

        String id = reminder.get("id").asText();
        assertThat(inbox(victor).get("items")).isEmpty();
        var notTheirs = server.post("/api/notifications/" + id + "/read", victor, Map.of());
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(inbox(ursula).get("unreadCount").asInt()).isEqualTo(1);

        var read = server.post("/api/notifications/" + id + "/read", ursula, Map.of());
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        assertThat(read.json().get("read").asBoolean()).isTrue();
        assertThat(inbox(ursula).get("unreadCount").asInt()).isZero();
    }

    @Test
    void readAllMarksEveryOneOfMineAndNoOneElses() throws Exception {
        String wanda = server.tokenFor("wanda@acme.test", Role.MANAGER, null);
        String xavier = server.tokenFor("xavier@acme.test", Role.USER, null);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String who : List.of(wanda, wanda, xavier)) {
            String userId = server.get("/api/auth/me", who).json().get("id").asText();
            server.post("/api/tasks", owner, Map.of("title", "Due today " + System.nanoTime(), "dueDate", today, "assigneeId", userId));
        }
        waitForUnread(wanda, 2);
        waitForUnread(xavier, 1);
        var all = server.post("/api/notifications/read-all", wanda, Map.of());
        assertThat(all.status()).as(all.raw().body()).isEqualTo(200);
        assertThat(all.json().get("unreadCount").asInt()).isZero();
        assertThat(inbox(xavier).get("unreadCount").asInt()).isEqualTo(1);
        assertThat(server.get("/api/notifications", null).status()).isEqualTo(401);
    }
}
