package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.identity.Role;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/dashboard: the figures of the scope a role may ask for, refusals audited, bad parameters answered 400. */
class DashboardApiTest {

    static TestServer server;
    static String owner;
    static String alice;
    static String bob;
    static String mia;
    static String viewer;
    static final LocalDate NEXT_MONTH = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(10);

    @BeforeAll
    static void start() {
        server = TestServer.inMemory(Map.of());
        owner = server.ownerToken();
        String north = server.post("/api/teams", owner, Map.of("name", "North")).json().get("id").asText();
        alice = server.tokenFor("alice@acme.test", Role.USER, north);
        bob = server.tokenFor("bob@acme.test", Role.USER, null);
        mia = server.tokenFor("mia@acme.test", Role.MANAGER, north);
        viewer = server.tokenFor("vic@acme.test", Role.VIEWER, null);
        deal(alice, "Alice's proposal", "1000", "proposal");
        deal(bob, "Bob's lead", "400", "lead");
        deal(mia, "Mia's qualified", "300.50", "qualified");
        String won = deal(mia, "Mia's win", "2500", "negotiation");
        assertThat(server.post("/api/deals/" + won + "/move", mia, Map.of("stageId", "won")).status()).isEqualTo(200);
        String ada = server.post("/api/contacts", alice, Map.of("firstName", "Ada", "lastName", "Lovelace")).json().get("id").asText();
        var call = server.post("/api/activities", alice, Map.of("type", "CALL", "subject", "Intro",
                "linkedRecord", Map.of("type", "CONTACT", "id", ada)));
        assertThat(call.status()).as(call.raw().body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String deal(String token, String title, String value, String stageId) {
        var created = server.post("/api/deals", token, Map.of("title", title, "value", new java.math.BigDecimal(value), "currency", "EUR", "stageId", stageId,
                "expectedCloseDate", NEXT_MONTH.toString()));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static JsonNode stage(JsonNode dashboard, String stageId) {
        for (JsonNode s : dashboard.get("pipelineValue").get("stages")) {
            if (s.get("stageId").asText().equals(stageId)) {
                return s;
            }
        }
        throw new AssertionError(stageId);
    }

    @Test
    void aUserSeesTheirOwnFiguresByDefaultAndEveryonesWhenAsked() {
        var answer = server.get("/api/dashboard", alice);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        JsonNode mine = answer.json();
        assertThat(mine.get("scope").asText()).isEqualTo("MINE");
        assertThat(mine.get("scopes").toString()).isEqualTo("[\"MINE\",\"ALL\"]");
        assertThat(mine.get("currency").asText()).isEqualTo("EUR");
        assertThat(stage(mine, "proposal").get("count").asLong()).isEqualTo(1);
        assertThat(stage(mine, "proposal").get("value").get("EUR").decimalValue()).isEqualByComparingTo("1000");
        assertThat(stage(mine, "lead").get("count").asLong()).isZero();
        assertThat(mine.get("forecast").get(1).get("weighted").get("EUR").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(mine.get("winRate").get("won").asLong()).isZero();
        assertThat(mine.get("winRate").get("byMonth").size()).isEqualTo(12);
        assertThat(mine.get("activityByUser").get(0).get("userName").asText()).isEqualTo("alice@acme.test");
        assertThat(mine.get("activityByUser").get(0).get("calls").asLong()).isEqualTo(1);

        JsonNode all = server.get("/api/dashboard?scope=all&months=3", alice).json();
        assertThat(all.get("scope").asText()).isEqualTo("ALL");
        assertThat(stage(all, "lead").get("value").get("EUR").decimalValue()).isEqualByComparingTo("400");
        assertThat(all.get("winRate").get("won").asLong()).isEqualTo(1);
        assertThat(all.get("winRate").get("percent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(all.get("wonByMonth").size()).isEqualTo(3);
        assertThat(all.get("wonByMonth").get(2).get("value").get("EUR").decimalValue()).isEqualByComparingTo("2500");
    }

    @Test
    void aManagerSeesTheirTeamByDefault() {
        JsonNode team = server.get("/api/dashboard", mia).json();
        assertThat(team.get("scope").asText()).isEqualTo("TEAM");
        assertThat(team.get("scopes").toString()).isEqualTo("[\"MINE\",\"TEAM\",\"ALL\"]");
        assertThat(stage(team, "proposal").get("count").asLong()).isEqualTo(1);
        assertThat(stage(team, "qualified").get("value").get("EUR").decimalValue()).isEqualByComparingTo("300.50");
        assertThat(stage(team, "lead").get("count").asLong()).isZero(); // Bob has no team
        assertThat(team.get("winRate").get("won").asLong()).isEqualTo(1);
        JsonNode own = server.get("/api/dashboard?scope=mine", mia).json();
        assertThat(stage(own, "proposal").get("count").asLong()).isZero();
    }

    @Test
    void aScopeBeyondTheRoleIsForbiddenAndAudited() {
        var refused = server.get("/api/dashboard?scope=team", alice);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        var denied = server.app.repositories().audit().last().orElseThrow();
        assertThat(denied.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(denied.action()).isEqualTo("deals.read");
        assertThat(server.get("/api/dashboard?scope=mine", viewer).status()).isEqualTo(403);
        assertThat(server.get("/api/dashboard", viewer).json().get("scope").asText()).isEqualTo("ALL");
        assertThat(server.get("/api/dashboard?scope=team", owner).status()).isEqualTo(403); // the Owner is in no team
    }

    @Test
    void theSqliteStoreGivesTheSameFigures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (TestServer disk = TestServer.onDisk(dir, Map.of())) {
            String token = disk.ownerToken();
            String user = disk.tokenFor("sam@acme.test", Role.USER, null);
            for (String[] d : new String[][] {{token, "lead", "100.10"}, {token, "lead", "0.20"}, {user, "proposal", "50"}, {token, "proposal", "7"}}) {
                var created = disk.post("/api/deals", d[0], Map.of("title", "D", "value", new java.math.BigDecimal(d[2]), "currency", "EUR",
                        "stageId", d[1], "expectedCloseDate", NEXT_MONTH.toString()));
                assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
            }
            String lost = disk.post("/api/deals", user, Map.of("title", "L", "value", 1, "currency", "EUR")).json().get("id").asText();
            disk.post("/api/deals/" + lost + "/move", user, Map.of("stageId", "lost"));
            JsonNode all = disk.get("/api/dashboard?scope=all", token).json();
            assertThat(stage(all, "lead").get("value").get("EUR").decimalValue()).isEqualByComparingTo("100.30");
            assertThat(stage(all, "proposal").get("count").asLong()).isEqualTo(2);
            assertThat(all.get("forecast").get(1).get("weighted").get("EUR").decimalValue()).isEqualByComparingTo("38.53"); // 10.01 + 0.02 + 25 + 3.50
            assertThat(all.get("winRate").get("lost").asLong()).isEqualTo(1);
            JsonNode mine = disk.get("/api/dashboard", user).json();
            assertThat(stage(mine, "lead").get("count").asLong()).isZero();
            assertThat(stage(mine, "proposal").get("value").get("EUR").decimalValue()).isEqualByComparingTo("50");
            assertThat(mine.get("winRate").get("percent").decimalValue()).isEqualByComparingTo("0.0");
        }
    }

    @Test
    void badParametersAreAnsweredWithAProblemAndNoTokenWith401() {
        for (String query : new String[] {"months=0", "months=25", "months=twelve", "scope=ours", "pipelineId=nope"}) {
            var bad = server.get("/api/dashboard?" + query, owner);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.header("Content-Type")).isEqualTo("application/problem+json");
        }
        assertThat(server.get("/api/dashboard", null).status()).isEqualTo(401);
    }
}
