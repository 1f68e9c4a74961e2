package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that are not sound HTTP, written by hand on a socket: every one is answered with a problem+json body (never
 * 500, never an empty body, never internal text), by a standalone instance, by the control plane for itself, and by
 * the control plane's front door for an in-process instance.
 */
class MalformedRequestsTest {

    @TempDir
    static Path data;
    static TestServer instance;
    static String instanceToken;
    static PlatformServer platform;
    static String adminToken;
    static String acmeToken;

    /** Where a request goes: a port and the Host it names. */
    record Door(String name, int port, String host) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        instance = TestServer.inMemory(Map.of());
        instanceToken = instance.ownerToken();
        platform = PlatformServer.start(data, Map.of());
        adminToken = platform.adminToken();
        platform.provision(adminToken, "acme", "olivia@acme.test");
        var set = platform.send("acme.localhost", "POST", "/api/auth/set-password", null,
                Map.of("token", platform.mailedToken(adminToken, "olivia@acme.test"), "password", PlatformServer.PASSWORD), Map.of());
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        acmeToken = platform.login("acme.localhost", "/api", "olivia@acme.test", PlatformServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        instance.close();
        platform.close();
    }

    static List<Door> doors() {
        return List.of(new Door("instance", instance.app.port(), "localhost"),
                new Door("control plane", platform.app.port(), "localhost:8080"),
                new Door("front door to an instance", platform.app.port(), "acme.localhost:8080"));
    }

    static Stream<Arguments> malformedTargets() {
        List<String> targets = List.of(
                "/api/contacts/%zz", "/api/contacts?q=%zz", "/api/contacts?q=%4", "/api/contacts\\x", "/api/^", "/api/{",
                "/api/contacts?q={", "/api/contacts?q=a\"b", "http://localhost/api/contacts", "http://evil.example/api/contacts",
                "*", "api/contacts", "/api/contacts#top", "/api/contacts?q=%C3%28", "/api/contacts/%C3%28", "/api/contacts/%00",
                "/api/contacts?q=%00", "/api/contacts?filter=lastName%5Beq%5D%3A%22a%00%22", "/api/contacts?sort=%00",
                "/api/contacts/\u00e9", "/api/contacts?q=\u00e9");
        return doors().stream().flatMap(door -> targets.stream().map(target -> Arguments.of(door, target)));
    }

    @ParameterizedTest(name = "{0}: GET {1}")
    @MethodSource("malformedTargets")
    void aMalformedTargetIsABadRequestProblem(Door door, String target) {
        var answer = RawHttp.send(door.port(), "GET " + target + " HTTP/1.1", door.host(), auth(door), null);
        assertProblem(answer, 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doors")
    void aNulInAQueryValueNamesTheParameter(Door door) {
        var answer = RawHttp.send(door.port(), "GET /api/contacts?q=ada%00 HTTP/1.1", door.host(), auth(door), null);
        assertProblem(answer, 400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doors")
    void aRawColonInAQueryIsAllowedAsRfc3986HasIt(Door door) {
        String target = door.name().equals("control plane") ? "/api/admin/demo-requests?filter=state%5Beq%5D:%22NEW%22&q=a:b"
                : "/api/contacts?filter=lastName%5Beq%5D:%22Lovelace%22&q=a:b";
        var answer = RawHttp.send(door.port(), "GET " + target + " HTTP/1.1", door.host(), auth(door), null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doors")
    void optionsStarAnswersWithTheServersMethods(Door door) {
        var answer = RawHttp.send(door.port(), "OPTIONS * HTTP/1.1", door.host(), "", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        assertThat(answer.header("Allow")).contains("GET", "POST", "PUT", "DELETE", "OPTIONS");
    }

    static Stream<Arguments> transportErrors() {
        String big = "a".repeat(5_000);
        return doors().stream().flatMap(door -> {
            String writes = door.name().equals("control plane") ? "/api/admin/admins" : "/api/contacts";
            return Stream.of(
                Arguments.of(door, "a request line over 4 KB", "GET /api/contacts?q=" + big + " HTTP/1.1", "", null, 414),
                Arguments.of(door, "a path over 4 KB", "GET /" + big + " HTTP/1.1", "", null, 414),
                Arguments.of(door, "20 KB of headers", "GET /api/contacts HTTP/1.1", "X-Padding: " + "b".repeat(20_000), null, 431),
                Arguments.of(door, "a header without a colon", "GET /api/contacts HTTP/1.1", "Bad Header Line", null, 400),
                Arguments.of(door, "a header name with a space", "GET /api/contacts HTTP/1.1", "Bad Header: x", null, 400),
                Arguments.of(door, "a Content-Length that is not a number", "POST " + writes + " HTTP/1.1", "Content-Length: abc", "{}", 400),
                Arguments.of(door, "a Content-Length over the server's maximum", "POST " + writes + " HTTP/1.1",
                        "Content-Length: 999999999999", "{}", 413),
                Arguments.of(door, "a chunk size that is not hex", "POST " + writes + " HTTP/1.1",
                        "Transfer-Encoding: chunked\r\nContent-Type: application/json", "zz\r\n{}\r\n0\r\n\r\n", 400),
                Arguments.of(door, "an unknown content encoding", "POST " + writes + " HTTP/1.1",
                        "Content-Encoding: br\r\nContent-Type: application/json", "{}", 400),
                Arguments.of(door, "a method that is not a token", "G@T /api/contacts HTTP/1.1", "", null, 400),
                Arguments.of(door, "a space in the target", "GET /api/con tacts HTTP/1.1", "", null, 400));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("transportErrors")
    void whatTheHttpLayerRefusesIsAProblemToo(Door door, String name, String line, String headers, String body, int status) {
        String withAuth = headers.isEmpty() ? auth(door) : headers + (auth(door).isEmpty() ? "" : "\r\n" + auth(door));
        var answer = RawHttp.send(door.port(), line, door.host(), withAuth, body);
        assertProblem(answer, status);
    }

    @Test
    void aRequestWithoutHostIsAProblem() {
        for (Door door : doors()) {
            var answer = RawHttp.exchange(door.port(), "GET /api/contacts HTTP/1.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII), null);
            assertProblem(answer, 400);
        }
    }

    @Test
    void aMalformedTargetChangesNothingAndTheServerGoesOnServing() {
        long before = instance.get("/api/contacts?limit=200", instanceToken).json().get("items").size();
        var refused = RawHttp.send(instance.app.port(), "POST http://localhost/api/contacts HTTP/1.1", "localhost",
                auth(doors().getFirst()) + "\r\nContent-Type: application/json", "{\"lastName\":\"Absolute\"}");
        assertProblem(refused, 400);
        assertThat(instance.get("/api/contacts?limit=200", instanceToken).json().get("items").size()).isEqualTo(before);
        assertThat(instance.get("/health", null).status()).isEqualTo(200);
    }

    private static String auth(Door door) {
        if (door.name().equals("control plane")) {
            return "Authorization: Bearer " + adminToken;
        }
        return "Authorization: Bearer " + (door.name().equals("instance") ? instanceToken : acmeToken);
    }

    /** A problem+json answer of that status, with the fields every problem has and nothing internal in it. */
    static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).isEqualTo("application/problem+json");
        assertThat(answer.header("X-Request-Id")).as(answer.toString()).isNotBlank();
        assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).startsWith("https://litedesk.dev/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("code").asText()).matches("[A-Z_]+");
        assertNothingInternal(answer.body());
    }

    static void assertNothingInternal(String body) {
        assertThat(body).doesNotContain("Exception", "SQL", "sqlite", "org.", "java.", "helidon", "at com.");
    }
}
