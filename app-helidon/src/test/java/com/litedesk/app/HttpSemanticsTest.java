package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.litedesk.app.http.RouteCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP semantics every route keeps, walked over the route catalogs of an instance (on SQLite) and of the control plane:
 * a body that is not a JSON object is 400 on every write, a NUL never reaches the database, {@code limit} is checked
 * alike everywhere, {@code OPTIONS} and {@code Allow} name exactly the methods of the resource at a path (fixed
 * sub-paths are resources of their own), who asks is checked before anything they sent, and every {@code Location}
 * answers.
 */
class HttpSemanticsTest {

    private static final List<String> BAD_BODIES = List.of("null", "[]", "\"x\"", "42", "true");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @TempDir
    static Path data;
    static TestServer server;
    static String owner;
    static PlatformServer platform;
    static String admin;
    static String acme;

    @BeforeAll
    static void start() {
        server = TestServer.onDisk(data.resolve("instance"), Map.of("LITEDESK_MAX_BODY_BYTES", "65536"));
        owner = server.ownerToken();
        platform = PlatformServer.start(data.resolve("platform"), Map.of());
        admin = platform.adminToken();
        acme = platform.provision(admin, "acme", "olivia@acme.test");
    }

    @AfterAll
    static void stop() {
        server.close();
        platform.close();
    }

    // --- bodies ---------------------------------------------------------------------------------------------------

    @Test
    void aBodyThatIsNotAJsonObjectIsAProblemOnEveryWriteOfAnInstance() {
        long contacts = count("/api/contacts");
        int walked = 0;
        for (com.litedesk.app.http.Route route : writes(server.app.routes().routes())) {
            for (String body : BAD_BODIES) {
                var answer = server.raw(route.method(), concrete(route.path()), owner, body, "application/json", Map.of());
                assertProblem(answer, 400, route.method() + " " + route.path() + " " + body);
                assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
            }
            walked++;
        }
        assertThat(walked).isGreaterThan(25);
        assertThat(count("/api/contacts")).isEqualTo(contacts);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsAProblemOnEveryWriteOfTheControlPlane() {
        int walked = 0;
        for (com.litedesk.app.http.Route route : writes(platform.app.routes().routes())) {
            String path = concrete(route.path()).replace("/instances/probe", "/instances/" + acme);
            for (String body : BAD_BODIES) {
                var answer = platform.send("localhost", route.method(), path, admin, body, Map.of());
                assertProblem(answer, 400, route.method() + " " + route.path() + " " + body);
            }
            walked++;
        }
        assertThat(walked).isGreaterThan(15);
        assertThat(platform.admin("GET", "/api/admin/instances/" + acme, admin, null).json().get("state").asText()).isEqualTo("READY");
    }

    @Test
    void aStreamedUploadRefusesAJsonBody() {
        for (com.litedesk.app.http.Route route : server.app.routes().routes()) {
            if (route.method().equals("POST") && "text/csv".equals(route.requestType())) {
                var answer = server.raw("POST", route.path(), owner, "null", "application/json", Map.of());
                assertProblem(answer, 400, route.path());
            }
        }
    }

    @Test
    void aNulCharacterIsRefusedBeforeItReachesTheDatabase() {
        long before = count("/api/contacts");
        List<Object> bodies = List.of(
                Map.of("lastName", "Nul\u0000"),
                Map.of("lastName", "Ok", "emails", List.of("a\u0000@example.com")),
                Map.of("lastName", "Ok", "customFields", Map.of("tier", "gold\u0000")),
                Map.of("lastName", "Ok", "address", Map.of("city", "\u0000")));
        for (Object body : bodies) {
            var answer = server.post("/api/contacts", owner, body);
            assertProblem(answer, 400, body.toString());
            assertThat(answer.json().get("errors").get(0).get("message").asText()).contains("NUL");
        }
        String id = server.post("/api/contacts", owner, Map.of("lastName", "Clean")).json().get("id").asText();
        assertProblem(server.patch("/api/contacts/" + id, owner, Map.of("title", "x\u0000y"), Map.of()), 400, "patch");
        for (String query : List.of("q=%00", "q=ada%00lovelace", "filter=" + HttpContractTest.enc("lastName[eq]:\"a\u0000\""),
                "filter=" + HttpContractTest.enc("lastName[prefix]:\"\u0000\""), "sort=%00lastName", "cursor=%00")) {
            assertProblem(server.get("/api/contacts?" + query, owner), 400, query);
            assertProblem(server.get("/api/contacts/export?" + query, owner), 400, "export " + query);
        }
        assertThat(count("/api/contacts")).isEqualTo(before + 1);
        assertThat(server.get("/api/contacts/" + id, owner).json().get("title").isNull()).isTrue();
    }

    @Test
    void aCsvCellWithANulIsARowErrorWithoutDatabaseText() {
        var answer = server.raw("POST", "/api/contacts/import", owner, "lastName,email\nNul\u0000Row,nul@csv.example\n", "text/csv",
                Map.of());
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.json().get("failed").asInt()).isEqualTo(1);
        assertThat(answer.json().get("errors").get(0).toString()).contains("lastName");
        MalformedRequestsTest.assertNothingInternal(answer.raw().body());
    }

    // --- limit ----------------------------------------------------------------------------------------------------

    @Test
    void limitIsAWholeNumberFromOneToTheMaximumOnEveryRouteThatTakesIt() {
        String contact = server.post("/api/contacts", owner, Map.of("lastName", "Limited")).json().get("id").asText();
        List<String> instanceRoutes = List.of("/api/contacts", "/api/companies", "/api/deals", "/api/tasks", "/api/notes",
                "/api/activities", "/api/notifications", "/api/tasks/mine", "/api/tasks/overdue", "/api/audit", "/api/users",
                "/api/contacts/" + contact + "/timeline");
        for (String path : instanceRoutes) {
            assertLimitChecked(path, (p, q) -> server.get(p + q, owner));
        }
        for (String path : List.of("/api/admin/demo-requests", "/api/admin/instances", "/api/admin/admins", "/api/admin/audit",
                "/api/admin/outbox")) {
            assertLimitChecked(path, (p, q) -> platform.admin("GET", p + q, admin, null));
        }
        for (String bad : List.of("0", "201", "x")) {
            var answer = server.get("/api/deals/board?perStage=" + bad, owner);
            assertProblem(answer, 400, "perStage=" + bad);
            assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("perStage");
        }
    }

    private static void assertLimitChecked(String path, java.util.function.BiFunction<String, String, TestServer.Answer> get) {
        for (String bad : List.of("0", "-1", "201", "100000", "1.5", "ten", "", "%20")) {
            var answer = get.apply(path, "?limit=" + bad);
            assertProblem(answer, 400, path + "?limit=" + bad);
            assertThat(answer.json().get("errors").get(0).get("field").asText()).as(path).isEqualTo("limit");
            assertThat(answer.json().get("errors").get(0).get("message").asText()).as(path).contains("1", "200");
        }
        for (String good : List.of("1", "200")) {
            assertThat(get.apply(path, "?limit=" + good).status()).as(path + "?limit=" + good).isEqualTo(200);
        }
    }

    // --- OPTIONS, Allow and 405 -----------------------------------------------------------------------------------

    @Test
    void optionsNamesExactlyTheMethodsOfTheResourceAtEveryPath() {
        assertAllowEverywhere(server.app.routes().routes(), (method, path) -> server.send(method, path, owner, null, Map.of()));
        assertAllowEverywhere(platform.app.routes().routes(), (method, path) -> platform.send("localhost", method,
                path.replace("/instances/probe", "/instances/" + acme), admin, null, Map.of()));
    }

    @Test
    void fixedSubPathsAreResourcesOfTheirOwn() {
        Map<String, Set<String>> expected = Map.of(
                "/api/deals/board", Set.of("GET", "OPTIONS"),
                "/api/contacts/import", Set.of("POST", "OPTIONS"),
                "/api/contacts/export", Set.of("GET", "OPTIONS"),
                "/api/tasks/mine", Set.of("GET", "OPTIONS"),
                "/api/users/transfer-ownership", Set.of("POST", "OPTIONS"),
                "/api/auth/login", Set.of("POST", "OPTIONS"),
                "/api/deals/some-deal", Set.of("GET", "PATCH", "DELETE", "OPTIONS"));
        expected.forEach((path, methods) -> {
            var options = server.send("OPTIONS", path, null, null, Map.of());
            assertThat(options.status()).as(path).isEqualTo(204);
            assertThat(allow(options)).as(path).isEqualTo(methods);
        });
        long deals = count("/api/deals");
        for (String method : List.of("PATCH", "DELETE", "PUT")) {
            var answer = server.send(method, "/api/deals/board", owner, method.equals("DELETE") ? null : "{\"title\":\"Board\"}", Map.of());
            assertProblem(answer, 405, method + " /api/deals/board");
            assertThat(allow(answer)).isEqualTo(Set.of("GET", "OPTIONS"));
        }
        var getImport = server.get("/api/contacts/import", owner);
        assertProblem(getImport, 405, "GET /api/contacts/import");
        assertThat(allow(getImport)).isEqualTo(Set.of("POST", "OPTIONS"));
        assertProblem(server.patch("/api/users/transfer-ownership", owner, Map.of("name", "x"), Map.of()), 405, "PATCH transfer");
        assertThat(count("/api/deals")).isEqualTo(deals);
    }

    @Test
    void theFrontDoorAnswersOptionsAndUnservedMethodsAsTheInstanceDoes() {
        var options = platform.send("acme.localhost", "OPTIONS", "/api/deals/board", null, null, Map.of());
        assertThat(options.status()).isEqualTo(204);
        assertThat(allow(options)).isEqualTo(Set.of("GET", "OPTIONS"));
        var patch = platform.send("acme.localhost", "PATCH", "/api/deals/board", null, Map.of("title", "x"), Map.of());
        assertProblem(patch, 405, "PATCH /api/deals/board through the front door");
        assertThat(allow(patch)).isEqualTo(Set.of("GET", "OPTIONS"));
        var deal = platform.send("acme.localhost", "OPTIONS", "/api/deals/some-deal", null, null, Map.of());
        assertThat(allow(deal)).isEqualTo(Set.of("GET", "PATCH", "DELETE", "OPTIONS"));
    }

    private static void assertAllowEverywhere(List<com.litedesk.app.http.Route> routes,
                                              java.util.function.BiFunction<String, String, TestServer.Answer> send) {
        Map<String, Set<String>> byPath = new java.util.LinkedHashMap<>();
        for (com.litedesk.app.http.Route route : routes) {
            byPath.computeIfAbsent(route.path(), p -> new TreeSet<>()).add(route.method());
        }
        byPath.forEach((template, methods) -> {
            String path = concrete(template);
            Set<String> allowed = new TreeSet<>(methods);
            allowed.add("OPTIONS");
            var options = send.apply("OPTIONS", path);
            assertThat(options.status()).as("OPTIONS %s", template).isEqualTo(204);
            assertThat(allow(options)).as("OPTIONS %s", template).isEqualTo(allowed);
            for (String method : METHODS) {
                if (!methods.contains(method)) {
                    var refused = send.apply(method, path);
                    assertProblem(refused, 405, method + " " + template);
                    assertThat(allow(refused)).as("%s %s", method, template).isEqualTo(allowed);
                }
            }
        });
    }

    // --- order: who asks, then headers, then body -----------------------------------------------------------------

    @Test
    void aStrangerIsToldToAuthenticateWhateverElseIsWrongWithTheRequest() {
        List<Map<String, String>> badHeaders = List.of(Map.of("If-Match", "not-an-etag"), Map.of("Idempotency-Key", "k".repeat(300)),
                Map.of("Content-Type", "text/plain"), Map.of());
        long contacts = count("/api/contacts");
        int walked = 0;
        for (com.litedesk.app.http.Route route : server.app.routes().routes()) {
            if (!route.authenticated()) {
                continue;
            }
            for (Map<String, String> headers : badHeaders) {
                for (String token : java.util.Arrays.asList(null, "not-a-token")) {
                    String contentType = headers.getOrDefault("Content-Type", "application/json");
                    Map<String, String> rest = new java.util.HashMap<>(headers);
                    rest.remove("Content-Type");
                    String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "null";
                    var answer = server.raw(route.method(), concrete(route.path()) + (route.method().equals("GET") ? "?limit=0" : ""),
                            token, body, contentType, rest);
                    assertProblem(answer, 401, route.method() + " " + route.path() + " " + headers);
                    assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
                }
            }
            walked++;
        }
        assertThat(walked).isGreaterThan(40);
        var oversize = server.raw("POST", "/api/contacts", null, "{\"lastName\":\"" + "x".repeat(100_000) + "\"}", "application/json",
                Map.of());
        assertProblem(oversize, 401, "an oversize body from a stranger");
        assertThat(count("/api/contacts")).isEqualTo(contacts);
    }

    @Test
    void aSignedInCallerIsToldWhatIsWrongInOrderHeadersThenBody() {
        var badContentType = server.raw("POST", "/api/contacts", owner, "null", "text/plain", Map.of());
        assertProblem(badContentType, 400, "content type");
        assertThat(badContentType.json().get("errors").get(0).get("field").asText()).isEqualTo("Content-Type");
        var badIfMatch = server.raw("PATCH", "/api/contacts/x", owner, "null", "application/json", Map.of("If-Match", "nope"));
        assertProblem(badIfMatch, 400, "If-Match");
        assertThat(badIfMatch.json().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        var badBody = server.raw("POST", "/api/contacts", owner, "null", "application/json", Map.of());
        assertThat(badBody.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
        for (String stillRefused : List.of("{\"lastName\":\"a\"} {}", "{\"lastName\":\"a\",\"lastName\":\"b\"}", "{\"lastName\":")) {
            assertProblem(server.raw("POST", "/api/contacts", owner, stillRefused, "application/json", Map.of()), 400, stillRefused);
        }
    }

    @Test
    void publicRoutesStillAnswerWithoutAToken() {
        assertProblem(server.raw("POST", "/api/auth/login", null, "null", "application/json", Map.of()), 400, "login null");
        assertProblem(server.raw("POST", "/api/auth/login", null, "{}", "text/plain", Map.of()), 400, "login text");
        assertThat(server.get("/health", null).status()).isEqualTo(200);
        assertThat(server.get("/openapi", null).status()).isEqualTo(200);
        assertThat(platform.send("localhost", "GET", "/api/public/subdomains/free-one", null, null, Map.of()).status()).isEqualTo(200);
    }

    // --- Location -------------------------------------------------------------------------------------------------

    @Test
    void everyLocationOfAnInstanceAnswersForTheSameCaller() {
        String company = server.post("/api/companies", owner, Map.of("name", "Located Ltd")).json().get("id").asText();
        List<TestServer.Answer> created = new ArrayList<>();
        created.add(server.post("/api/contacts", owner, Map.of("lastName", "Located")));
        created.add(server.post("/api/companies", owner, Map.of("name", "Located Too")));
        created.add(server.post("/api/deals", owner, Map.of("title", "Located deal", "value", 10, "currency", "EUR")));
        created.add(server.post("/api/tasks", owner, Map.of("title", "Located task")));
        created.add(server.post("/api/notes", owner, Map.of("text", "Located note", "target", Map.of("type", "COMPANY", "id", company))));
        created.add(server.post("/api/users", owner, Map.of("email", "located@acme.test", "name", "Located", "role", "USER",
                "password", TestServer.PASSWORD)));
        created.add(server.post("/api/teams", owner, Map.of("name", "Located team")));
        created.add(server.post("/api/pipelines", owner, Map.of("name", "Located pipeline", "stages",
                List.of(Map.of("name", "Open"), Map.of("name", "Won", "kind", "WON")))));
        var key = Map.of("Idempotency-Key", "located-once");
        created.add(server.send("POST", "/api/contacts", owner, Map.of("lastName", "Replayed"), key));
        created.add(server.send("POST", "/api/contacts", owner, Map.of("lastName", "Replayed"), key));
        for (TestServer.Answer answer : created) {
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
            assertLocationAnswers(answer, location -> server.get(location, owner));
        }
    }

    @Test
    void everyLocationOfTheControlPlaneAnswersForTheSameCaller() {
        List<TestServer.Answer> seen = new ArrayList<>();
        seen.add(platform.admin("POST", "/api/admin/instances/" + acme + "/backups", admin, null));
        seen.add(platform.admin("POST", "/api/admin/admins", admin, Map.of("email", "located@litedesk.test", "name", "Located",
                "role", "platform-viewer", "password", PlatformServer.PASSWORD)));
        seen.add(platform.send("localhost", "POST", "/api/public/demo-requests", null, Map.of("companyName", "Located Ltd",
                "contactName", "Lou Located", "email", "lou@located.test", "subdomain", "located"), Map.of()));
        String request = platform.requestIdOf(admin, "lou@located.test");
        seen.add(platform.admin("POST", "/api/admin/demo-requests/" + request + "/convert", admin, null));
        int located = 0;
        for (TestServer.Answer answer : seen) {
            assertThat(answer.status()).as(answer.raw().body()).isIn(200, 201, 202);
            if (answer.header("Location") != null) {
                assertLocationAnswers(answer, location -> platform.admin("GET", location, admin, null));
                located++;
            }
        }
        assertThat(located).as("the backup and the platform account name where they are").isGreaterThanOrEqualTo(2);
    }

    private static void assertLocationAnswers(TestServer.Answer answer, java.util.function.Function<String, TestServer.Answer> get) {
        String location = answer.header("Location");
        assertThat(location).as(answer.raw().body()).isNotBlank().startsWith("/");
        var followed = get.apply(location);
        assertThat(followed.status()).as("GET %s", location).isEqualTo(200);
        assertThat(followed.json().get("id").asText()).as(location).isEqualTo(answer.json().get("id").asText());
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static List<com.litedesk.app.http.Route> writes(List<com.litedesk.app.http.Route> routes) {
        return routes.stream().filter(r -> Set.of("POST", "PUT", "PATCH").contains(r.method()))
                .filter(r -> !"text/csv".equals(r.requestMedia())).toList();
    }

    private static String concrete(String template) {
        return template.replaceAll("\\{[^/]+}", "probe");
    }

    private static long count(String path) {
        long n = 0;
        String cursor = null;
        do {
            JsonNode page = server.get(path + "?limit=200" + (cursor == null ? "" : "&cursor=" + HttpContractTest.enc(cursor)), owner).json();
            n += page.get("items").size();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return n;
    }

    private static Set<String> allow(TestServer.Answer answer) {
        String allow = answer.header("Allow");
        assertThat(allow).as("Allow of %s", answer.raw().uri()).isNotNull();
        Set<String> methods = new TreeSet<>();
        for (String m : allow.split(",")) {
            methods.add(m.strip());
        }
        return methods;
    }

    static void assertProblem(TestServer.Answer answer, int status, String what) {
        assertThat(answer.status()).as("%s: %s", what, answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what).isEqualTo("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("code").asText()).isNotBlank();
        assertThat(answer.json().get("detail").asText()).isNotBlank();
        MalformedRequestsTest.assertNothingInternal(answer.raw().body());
    }
}
