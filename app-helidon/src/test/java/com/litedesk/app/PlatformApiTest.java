package com.litedesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane over real HTTP with the embedded database and in-process instances: from the public form
 * to a working CRM at {@code <subdomain>.localhost}, lifecycle, isolation between tokens, limits and backups.
 */
class PlatformApiTest {

    @TempDir
    static Path data;
    static PlatformServer server;
    static String admin;
    static String acme;
    static String acmeOwner;

    @BeforeAll
    static void start() {
        server = PlatformServer.start(data, Map.of());
        admin = server.adminToken();
        acme = server.provision(admin, "acme", "olivia@acme.test");
        String token = server.mailedToken(admin, "olivia@acme.test");
        var set = server.send("acme.localhost", "POST", "/api/auth/set-password", null,
                Map.of("token", token, "password", PlatformServer.PASSWORD), Map.of());
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        acmeOwner = server.login("acme.localhost", "/api", "olivia@acme.test", PlatformServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aConvertedRequestBecomesAWorkingCrmAtItsSubdomain() {
        var steps = server.admin("GET", "/api/admin/instances/" + acme + "/provisioning", admin, null).json().get("steps");
        assertThat(steps).hasSize(7).allSatisfy(s -> {
            assertThat(s.get("state").asText()).isEqualTo("DONE");
            assertThat(s.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
        });
        var created = server.send("acme.localhost", "POST", "/api/contacts", acmeOwner,
                Map.of("firstName", "Ada", "lastName", "Lovelace", "emails", List.of("ada@example.com")), Map.of());
        assertThat(created.status()).isEqualTo(201);
        assertThat(server.send("acme.localhost", "GET", "/api/contacts", acmeOwner, null, Map.of()).json().get("items"))
                .extracting(c -> c.get("lastName").asText()).contains("Lovelace");
        var instance = server.admin("GET", "/api/admin/instances/" + acme, admin, null).json();
        assertThat(instance.get("url").asText()).isEqualTo("http://acme.localhost:8080");
        assertThat(instance.get("planId").asText()).isEqualTo("trial");
        var status = server.admin("GET", "/health/status", null, null).json();
        assertThat(status.get("fleet").get("byState").get("READY").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void tokensWorkOnlyWhereTheyWereMinted() {
        String globex = server.provision(admin, "globex", "gina@globex.test");
        assertThat(globex).isNotEqualTo(acme);
        assertThat(server.send("globex.localhost", "GET", "/api/contacts", acmeOwner, null, Map.of()).status()).isEqualTo(401);
        assertThat(server.admin("GET", "/api/admin/instances", acmeOwner, null).status()).isEqualTo(401);
        assertThat(server.send("acme.localhost", "GET", "/api/contacts", admin, null, Map.of()).status()).isEqualTo(401);
        assertThat(server.send("acme.localhost", "GET", "/api/admin/instances", acmeOwner, null, Map.of()).status()).isEqualTo(404);
        assertThat(server.send("acme.localhost", "GET", "/internal/usage", null, null,
                Map.of("X-Management-Key", "x".repeat(40))).status()).isEqualTo(404);
        assertThat(server.send("nowhere.localhost", "GET", "/api/contacts", acmeOwner, null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theTrialsFourthUserIsRefusedWithLimitReached() {
        for (int i = 1; i <= 2; i++) {
            var added = server.send("acme.localhost", "POST", "/api/users", acmeOwner, Map.of("email", "user" + i + "@acme.test",
                    "name", "User " + i, "role", "USER", "password", PlatformServer.PASSWORD), Map.of());
            assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        }
        var fourth = server.send("acme.localhost", "POST", "/api/users", acmeOwner, Map.of("email", "user3@acme.test",
                "name", "User 3", "role", "USER", "password", PlatformServer.PASSWORD), Map.of());
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.json().get("code").asText()).isEqualTo("LIMIT_REACHED");
    }

    @Test
    void aTrialInstanceAnswers429BeyondItsPlansRequestsPerMinute() {
        server.provision(admin, "chatty", "carl@chatty.test");
        String owner = server.login("chatty.localhost", "/api", "carl@chatty.test", setPassword("chatty", "carl@chatty.test"));
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 125; i++) {
            var answer = server.send("chatty.localhost", "GET", "/api/contacts?limit=1", owner, null, Map.of());
            if (answer.status() == 429) {
                limited++;
                retryAfter = answer.header("Retry-After");
                assertThat(answer.json().get("code").asText()).isEqualTo("RATE_LIMITED");
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(1);
        assertThat(retryAfter).isNotNull();
        assertThat(server.send("acme.localhost", "GET", "/api/contacts?limit=1", acmeOwner, null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void publicFormErrorsAreProblemsAndRepeatsFromOneAddressAreLimited() {
        var bad = server.send("localhost", "POST", "/api/public/demo-requests", null,
                Map.of("companyName", "", "contactName", "X", "email", "nope", "subdomain", "admin"), Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText()).contains("companyName", "email", "subdomain");
        var taken = server.send("localhost", "POST", "/api/public/demo-requests", null,
                Map.of("companyName", "Other", "contactName", "X", "email", "x@other.test", "subdomain", "acme"), Map.of());
        assertThat(taken.json().get("errors").get(0).get("message").asText()).isEqualTo("is taken");
        assertThat(server.admin("GET", "/api/public/subdomains/acme", null, null).json().get("available").asBoolean()).isFalse();

        int limited = 0;
        String retryAfter = null;
        try (var limitedServer = PlatformServer.start(data.resolve("limited"), Map.of("LITEDESK_DEMO_REQUESTS_PER_HOUR", "2",
                "LITEDESK_TRUSTED_PROXIES", "127.0.0.1"))) {
            for (int i = 0; i < 3; i++) {
                var answer = limitedServer.send("localhost", "POST", "/api/public/demo-requests", null, Map.of("companyName", "C" + i,
                        "contactName", "X", "email", "p" + i + "@x.test", "subdomain", "company" + i), Map.of("X-Forwarded-For", "203.0.113.9"));
                if (answer.status() == 429) {
                    limited++;
                    retryAfter = answer.header("Retry-After");
                }
            }
            var other = limitedServer.send("localhost", "POST", "/api/public/demo-requests", null, Map.of("companyName", "D",
                    "contactName", "X", "email", "d@x.test", "subdomain", "company9"), Map.of("X-Forwarded-For", "203.0.113.10"));
            assertThat(other.status()).isEqualTo(202);
        }
        assertThat(limited).isEqualTo(1);
        assertThat(retryAfter).isNotNull();
    }

    @Test
    void suspendResumeAndDeleteWithClearAnswers() {
        String initech = server.provision(admin, "initech", "bill@initech.test");
        String owner = server.login("initech.localhost", "/api", "bill@initech.test", setPassword("initech", "bill@initech.test"));
        server.send("initech.localhost", "POST", "/api/companies", owner, Map.of("name", "Initrode", "domain", "initrode.test"), Map.of());

        assertThat(server.admin("POST", "/api/admin/instances/" + initech + "/suspend", admin, Map.of("reason", "unpaid invoice")).status())
                .isEqualTo(200);
        var suspended = server.send("initech.localhost", "GET", "/api/companies", owner, null, Map.of());
        assertThat(suspended.status()).isEqualTo(503);
        assertThat(suspended.json().get("detail").asText()).contains("suspended").contains("unpaid invoice");
        assertThat(server.admin("POST", "/api/admin/instances/" + initech + "/resume", admin, null).status()).isEqualTo(200);
        assertThat(server.send("initech.localhost", "GET", "/api/companies", owner, null, Map.of()).json().get("items"))
                .extracting(c -> c.get("name").asText()).contains("Initrode");

        assertThat(server.admin("DELETE", "/api/admin/instances/" + initech, admin, null).status()).isEqualTo(202);
        server.awaitState(admin, initech, Set.of("DELETED"));
        assertThat(server.send("initech.localhost", "GET", "/api/companies", owner, null, Map.of()).status()).isEqualTo(404);
        assertThat(server.admin("DELETE", "/api/admin/instances/" + initech, admin, null).status()).isEqualTo(409);
        assertThat(server.admin("POST", "/api/admin/instances/" + initech + "/resume", admin, null).status()).isEqualTo(409);
        assertThat(server.app.storage().databases().exists(initech)).isFalse();
        assertThat(server.app.platform().provisioning().isWorkingOn(initech)).isFalse();
        var audit = server.admin("GET", "/api/admin/audit?limit=200", admin, null).json().get("items");
        assertThat(audit).extracting(e -> e.get("action").asText()).contains("instance.suspend", "instance.resume", "instance.delete", "instance.deleted");
    }

    @Test
    void aRejectedRequestCannotBeConvertedAndAViewerChangesNothing() {
        String id = server.submit(admin, "hooli", "gavin@hooli.test");
        assertThat(server.admin("POST", "/api/admin/demo-requests/" + id + "/reject", admin, Map.of("note", "competitor")).status()).isEqualTo(200);
        var convert = server.admin("POST", "/api/admin/demo-requests/" + id + "/convert", admin, null);
        assertThat(convert.status()).isEqualTo(409);
        assertThat(convert.json().get("code").asText()).isEqualTo("CONFLICT");

        var added = server.admin("POST", "/api/admin/admins", admin, Map.of("email", "vic@litedesk.test", "name", "Vic",
                "role", "platform-viewer", "password", PlatformServer.PASSWORD));
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        String viewer = server.login("localhost", "/api/admin", "vic@litedesk.test", PlatformServer.PASSWORD);
        assertThat(server.admin("GET", "/api/admin/instances", viewer, null).status()).isEqualTo(200);
        assertThat(server.admin("POST", "/api/admin/instances/" + acme + "/suspend", viewer, null).status()).isEqualTo(403);
        assertThat(server.admin("GET", "/api/admin/instances/" + acme, admin, null).json().get("state").asText()).isEqualTo("READY");
    }

    @Test
    void aBackupRestoresIntoANewInstanceWithEveryRecord() {
        for (int i = 0; i < 25; i++) {
            server.send("acme.localhost", "POST", "/api/contacts", acmeOwner,
                    Map.of("firstName", "Backup", "lastName", "Person " + i, "emails", List.of("b" + i + "@example.com")), Map.of());
        }
        JsonNode before = server.send("acme.localhost", "GET", "/api/contacts?limit=200", acmeOwner, null, Map.of()).json().get("items");
        var backup = server.admin("POST", "/api/admin/instances/" + acme + "/backups", admin, null);
        assertThat(backup.status()).as(backup.raw().body()).isEqualTo(201);
        assertThat(server.admin("GET", "/api/admin/instances/" + acme + "/backups", admin, null).json().get("items")).isNotEmpty();

        var restored = server.admin("POST", "/api/admin/instances/" + acme + "/backups/" + backup.json().get("id").asText() + "/restore",
                admin, Map.of("subdomain", "acme-restored"));
        assertThat(restored.status()).as(restored.raw().body()).isEqualTo(202);
        server.awaitState(admin, restored.json().get("instanceId").asText(), Set.of("READY"));
        String owner = server.login("acme-restored.localhost", "/api", "olivia@acme.test", PlatformServer.PASSWORD);
        JsonNode after = server.send("acme-restored.localhost", "GET", "/api/contacts?limit=200", owner, null, Map.of()).json().get("items");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void planChangesReachTheRunningInstanceAndMetricsAggregate() {
        var changed = server.admin("PUT", "/api/admin/instances/" + acme + "/plan", admin, Map.of("planId", "professional"));
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        var settings = server.send("acme.localhost", "GET", "/api/settings", acmeOwner, null, Map.of()).json();
        assertThat(settings.get("plan").asText()).isEqualTo("professional");
        assertThat(settings.get("limits").get("seats").asInt()).isEqualTo(25);
        assertThat(server.admin("PUT", "/api/admin/instances/" + acme + "/plan", admin, Map.of("planId", "gold")).status()).isEqualTo(400);

        server.app.platform().monitor().collectUsage();
        server.app.platform().monitor().checkHealth();
        var metrics = server.admin("GET", "/api/metrics/aggregated", admin, null).json();
        assertThat(metrics.get("totals").get("instances").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.get("byPlan").has("professional")).isTrue();
        assertThat(server.admin("GET", "/api/admin/instances/" + acme + "/health", admin, null).json().get("items")).isNotEmpty();
        assertThat(server.admin("GET", "/api/admin/instances/" + acme + "/metrics", admin, null).json().get("items")).isNotEmpty();
    }

    @Test
    void theDevelopmentOutboxSaysWhatItIsAndOnlyPlatformAdminsReadIt() {
        var read = server.admin("GET", "/api/admin/outbox", admin, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("mode").asText()).isEqualTo("development");
        assertThat(read.json().get("note").asText()).contains("No mail provider is configured").contains("only platform admins");
        assertThat(read.json().get("items")).anySatisfy(m -> assertThat(m.get("to").asText()).isEqualTo("olivia@acme.test"));

        String viewer = viewer("vera@litedesk.test");
        var refused = server.admin("GET", "/api/admin/outbox", viewer, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.raw().body()).doesNotContain("token=");
        String viewerId = server.admin("GET", "/api/admin/auth/me", viewer, null).json().get("id").asText();
        assertThat(deniedEntries()).anySatisfy(e -> {
            assertThat(e.get("actorId").asText()).isEqualTo(viewerId);
            assertThat(e.get("action").asText()).isEqualTo("outbox.read");
        });
    }

    @Test
    void platformAccountsHoldNoCredentialThatWorksInsideAnInstance() throws Exception {
        String viewer = viewer("val@litedesk.test");
        for (String platformToken : List.of(admin, viewer)) {
            // through the front door, at the instance's host
            assertThat(server.send("acme.localhost", "GET", "/api/contacts", platformToken, null, Map.of()).status()).isEqualTo(401);
            assertThat(server.send("acme.localhost", "GET", "/api/users", platformToken, null, Map.of()).status()).isEqualTo(401);
            assertThat(server.send("acme.localhost", "GET", "/api/auth/me", platformToken, null, Map.of()).status()).isEqualTo(401);
            // directly at the instance's own server, past the front door
            String endpoint = server.app.runtime().find(acme).orElseThrow().endpoint();
            for (String path : List.of("/api/contacts", "/api/users", "/internal/usage")) {
                var direct = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint + path))
                        .header("Authorization", "Bearer " + platformToken).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(direct.statusCode()).as(path).isIn(401, 404);
            }
        }
        // a platform admin's email and password are no account of the instance
        var login = server.send("acme.localhost", "POST", "/api/auth/login", null,
                Map.of("email", PlatformServer.ADMIN, "password", PlatformServer.PASSWORD), Map.of());
        assertThat(login.status()).isEqualTo(401);

        // the control plane keeps no credential of an instance user: every stored password, session and one-time
        // token is a platform account's
        var accounts = server.app.storage().repositories().accounts();
        String ownerId = server.send("acme.localhost", "GET", "/api/auth/me", acmeOwner, null, Map.of()).json().get("id").asText();
        var everything = com.litedesk.ports.store.Query.all(500);
        assertThat(accounts.credentials().list(everything).items())
                .allSatisfy(c -> assertThat(accounts.users().findById(c.id())).isPresent());
        assertThat(accounts.refreshTokens().list(everything).items())
                .allSatisfy(t -> assertThat(accounts.users().findById(t.userId())).isPresent());
        assertThat(accounts.oneTimeTokens().list(everything).items()).noneSatisfy(t -> assertThat(t.userId()).isEqualTo(ownerId));

        // and no answer to a platform account holds the keys the control plane keeps for the instance
        var spec = server.app.platform().provisioning().specOf(server.app.platform().instances().get(
                server.app.platform().actorOf(accounts.users().findByEmail(PlatformServer.ADMIN).orElseThrow()), acme));
        for (String path : List.of("/api/admin/instances", "/api/admin/instances/" + acme, "/api/admin/instances/" + acme + "/provisioning",
                "/api/admin/instances/" + acme + "/backups", "/api/admin/instances/" + acme + "/health", "/api/admin/subscriptions",
                "/api/admin/demo-requests", "/api/admin/admins", "/api/admin/audit?limit=200", "/api/admin/outbox?limit=200")) {
            String body = server.admin("GET", path, admin, null).raw().body();
            assertThat(body).as(path).doesNotContain(spec.managementKey()).doesNotContain(spec.signingKey());
        }
    }

    @Test
    void refusedPlatformAccountChangesAreAuditedAsDenied() {
        String viewer = viewer("vince@litedesk.test");
        String viewerId = server.admin("GET", "/api/admin/auth/me", viewer, null).json().get("id").asText();
        String adminId = server.admin("GET", "/api/admin/auth/me", admin, null).json().get("id").asText();

        var byViewer = server.admin("POST", "/api/admin/admins", viewer, Map.of("email", "eve@litedesk.test", "name", "Eve",
                "role", "platform-admin", "password", PlatformServer.PASSWORD));
        assertThat(byViewer.status()).isEqualTo(403);
        var malformedByViewer = server.admin("POST", "/api/admin/admins", viewer, "{\"email\":");
        assertThat(malformedByViewer.status()).isEqualTo(403);
        var escalation = server.admin("POST", "/api/admin/admins", admin, Map.of("email", "eve@litedesk.test", "name", "Eve",
                "role", "platform-owner", "password", PlatformServer.PASSWORD));
        assertThat(escalation.status()).isEqualTo(400);
        assertThat(escalation.json().get("errors").get(0).get("field").asText()).isEqualTo("role");
        assertThat(server.admin("GET", "/api/admin/admins", admin, null).json().get("items"))
                .noneSatisfy(a -> assertThat(a.get("email").asText()).isEqualTo("eve@litedesk.test"));

        var denied = deniedEntries();
        assertThat(denied).filteredOn(e -> e.get("action").asText().equals("admin.create") && e.get("actorId").asText().equals(viewerId))
                .hasSize(2).anySatisfy(e -> assertThat(e.path("after").path("email").asText()).isEqualTo("eve@litedesk.test"));
        assertThat(denied).filteredOn(e -> e.get("action").asText().equals("admin.create") && e.get("actorId").asText().equals(adminId))
                .singleElement().satisfies(e -> assertThat(e.path("after").path("role").asText()).isEqualTo("platform-owner"));
    }

    @Test
    void refusedInstanceRoleChangesAreAuditedAsDeniedInTheInstance() {
        String ownerId = server.send("acme.localhost", "GET", "/api/auth/me", acmeOwner, null, Map.of()).json().get("id").asText();
        var secondOwner = server.send("acme.localhost", "POST", "/api/users", acmeOwner, Map.of("email", "boss@acme.test",
                "name", "Boss", "role", "OWNER", "password", PlatformServer.PASSWORD), Map.of());
        assertThat(secondOwner.status()).isEqualTo(400);
        var entries = server.send("acme.localhost", "GET", "/api/audit?limit=50&filter="
                + java.net.URLEncoder.encode("outcome[eq]:\"DENIED\"", java.nio.charset.StandardCharsets.UTF_8), acmeOwner, null, Map.of());
        assertThat(entries.status()).as(entries.raw().body()).isEqualTo(200);
        assertThat(entries.json().get("items")).anySatisfy(e -> {
            assertThat(e.get("actorId").asText()).isEqualTo(ownerId);
            assertThat(e.get("action").asText()).isEqualTo("users.create");
            assertThat(e.get("after").get("role").asText()).isEqualTo("OWNER");
        });
    }

    /** A new platform viewer's token. */
    private static String viewer(String email) {
        var added = server.admin("POST", "/api/admin/admins", admin, Map.of("email", email, "name", "Viewer",
                "role", "platform-viewer", "password", PlatformServer.PASSWORD));
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        return server.login("localhost", "/api/admin", email, PlatformServer.PASSWORD);
    }

    private static JsonNode deniedEntries() {
        return server.admin("GET", "/api/admin/audit?limit=200&filter="
                + java.net.URLEncoder.encode("outcome[eq]:\"DENIED\"", java.nio.charset.StandardCharsets.UTF_8), admin, null).json().get("items");
    }

    private static String setPassword(String subdomain, String email) {
        String token = server.mailedToken(admin, email);
        var set = server.send(subdomain + ".localhost", "POST", "/api/auth/set-password", null,
                Map.of("token", token, "password", PlatformServer.PASSWORD), Map.of());
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        return PlatformServer.PASSWORD;
    }
}
