package com.litedesk.app;

import com.litedesk.app.config.TrustedProxies;
import com.litedesk.app.http.Json;
import com.litedesk.app.platform.FrontDoor;
import com.litedesk.core.memory.InMemoryPlatformRepositories;
import com.litedesk.ports.platform.HealthStatus;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.Workload;
import com.litedesk.ports.platform.WorkloadSpec;
import com.litedesk.ports.platform.WorkloadState;
import com.sun.net.httpserver.HttpServer;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The front door in front of a stand-in workload that records what reaches it. */
class FrontDoorTest {

    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer workload;
    private WebServer door;
    @BeforeEach
    void start() throws Exception {
        workload = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        workload.createContext("/", exchange -> {
            seen.put("host", exchange.getRequestHeaders().getFirst("Host"));
            seen.put("for", String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            seen.put("proto", String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")));
            seen.put("uri", exchange.getRequestURI().toString());
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"7\"");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        workload.start();
        var stores = InMemoryPlatformRepositories.create();
        Instant now = Instant.now();
        stores.instances().insert(instance("i1", "acme", InstanceState.READY, null, now));
        stores.instances().insert(instance("i2", "globex", InstanceState.SUSPENDED, "unpaid invoice", now));
        stores.instances().insert(instance("i3", "initech", InstanceState.DELETING, null, now));
        String endpoint = "http://127.0.0.1:" + workload.getAddress().getPort();
        InstanceRuntime runtime = runningAt(endpoint);
        door = door(stores, runtime, TrustedProxies.NONE);
    }

    /** A runtime whose every workload runs at {@code endpoint}. */
    private static InstanceRuntime runningAt(String endpoint) {
        return new InstanceRuntime() {
            public Workload deploy(WorkloadSpec spec) { throw new UnsupportedOperationException(); }
            public void stop(String id) { }
            public void start(String id) { }
            public void remove(String id) { }
            public Optional<Workload> find(String id) { return Optional.of(new Workload(id, endpoint, WorkloadState.RUNNING, null)); }
            public List<Workload> list() { return List.of(); }
        };
    }

    private static WebServer door(com.litedesk.ports.platform.PlatformRepositories stores, InstanceRuntime runtime, TrustedProxies proxies) {
        var frontDoor = new FrontDoor("localhost", "https", stores.instances(), runtime, Json.mapper(), null, proxies);
        return WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.addFilter(frontDoor).any((req, res) -> res.send("control plane"))).build().start();
    }

    private static Instance instance(String id, String subdomain, InstanceState state, String reason, Instant now) {
        return new Instance(id, 1, subdomain, subdomain, id, id, id, "trial", state, reason, "o@x.test", "O", HealthStatus.UNKNOWN,
                null, now, now, now);
    }

    @AfterEach
    void stop() {
        door.stop();
        workload.stop(0);
    }

    /** What the door answers itself, for an instance's host, is what the instance document allows. */
    private final OpenApiContract instanceContract = OpenApiContract.committed("instance.json");

    private HttpResponse<String> send(String host, String method, String path, String body) throws Exception {
        return send(door, host, method, path, body, Map.of());
    }

    private HttpResponse<String> send(WebServer door, String host, String method, String path, String body,
                                      Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + door.port() + path));
        headers.forEach(request::header);
        var answer = http.send(request.header("Host", host)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (!seen.containsKey("uri") && !host.startsWith("localhost")) { // the stand-in workload's answers are not an instance's
            instanceContract.check(method, path, answer);
        }
        return answer;
    }

    @Test
    void anInstanceHostIsForwardedWithItsHostClientSchemeBodyAndAnswer() throws Exception {
        var answer = send("acme.localhost:8080", "POST", "/api/contacts?limit=5&q=a%20b", "{\"firstName\":\"Ada\"}");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("{\"ok\":true}");
        assertThat(answer.headers().firstValue("ETag")).contains("\"7\"");
        assertThat(seen).containsEntry("host", "acme.localhost:8080").containsEntry("for", "127.0.0.1")
                .containsEntry("proto", "https").containsEntry("uri", "/api/contacts?limit=5&q=a%20b")
                .containsEntry("body", "{\"firstName\":\"Ada\"}");
    }

    @Test
    void aClaimedXForwardedForIsDroppedUnlessThePeerIsATrustedProxy() throws Exception {
        send(door, "acme.localhost", "GET", "/api/contacts", null, Map.of("X-Forwarded-For", "198.51.100.7"));
        assertThat(seen).containsEntry("for", "127.0.0.1"); // a client on loopback is not a proxy by default

        var stores = InMemoryPlatformRepositories.create();
        stores.instances().insert(instance("i1", "acme", InstanceState.READY, null, Instant.now()));
        String endpoint = "http://127.0.0.1:" + workload.getAddress().getPort();
        InstanceRuntime runtime = runningAt(endpoint);
        WebServer behindProxy = door(stores, runtime, TrustedProxies.parse("127.0.0.0/8, 10.0.0.0/8"));
        try {
            send(behindProxy, "acme.localhost", "GET", "/api/contacts", null, Map.of("X-Forwarded-For", "198.51.100.7, 10.1.2.3"));
            assertThat(seen).containsEntry("for", "198.51.100.7"); // the right-most hop that is not a trusted proxy
            send(behindProxy, "acme.localhost", "GET", "/api/contacts", null,
                    Map.of("X-Forwarded-For", "203.0.113.66, 198.51.100.7"));
            assertThat(seen).containsEntry("for", "198.51.100.7"); // what the client itself claimed is not believed
        } finally {
            behindProxy.stop();
        }
    }

    @Test
    void unknownHostsSuspendedInstancesAndTheManagementApiAreAnsweredAtTheDoor() throws Exception {
        var unknown = send("nowhere.localhost:8080", "GET", "/api/contacts", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");

        var suspended = send("globex.localhost:8080", "GET", "/api/contacts", null);
        assertThat(suspended.statusCode()).isEqualTo(503);
        assertThat(suspended.body()).contains("suspended").contains("unpaid invoice");
        assertThat(suspended.headers().firstValue("Retry-After")).isPresent();

        assertThat(send("acme.localhost:8080", "GET", "/internal/usage", null).statusCode()).isEqualTo(404);
        assertThat(seen).doesNotContainKey("uri");
        assertThat(send("localhost:8080", "GET", "/anything", null).body()).isEqualTo("control plane");
    }

    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

    /** A browser opening a CRM that cannot serve it gets a page for people: what happened, in words, and when to come back. */
    @Test
    void browsersGetDesignedPagesForUnknownSuspendedAndDeletedInstancesAndApiClientsProblems() throws Exception {
        var unknown = send(door, "nowhere.localhost:8080", "GET", "/", null, BROWSER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("text/html; charset=UTF-8");
        assertThat(unknown.body()).contains("<h1>There is no CRM here</h1>").contains("nowhere.localhost").doesNotContain(":8080")
                .doesNotContain("NOT_FOUND").doesNotContain("<script");

        var suspended = send(door, "globex.localhost", "GET", "/", null, BROWSER);
        assertThat(suspended.statusCode()).isEqualTo(503);
        assertThat(suspended.headers().firstValue("Retry-After")).contains("60");
        assertThat(suspended.body()).contains("<h1>This CRM is suspended</h1>").contains("unpaid invoice")
                .doesNotContain("UNAVAILABLE").doesNotContain("i2");

        var deleted = send(door, "initech.localhost", "GET", "/contacts", null, BROWSER);
        assertThat(deleted.body()).contains("<h1>This CRM has been deleted</h1>").contains("initech.localhost");
        assertThat(deleted.headers().firstValue("Content-Type")).contains("text/html; charset=UTF-8");

        // the page's stylesheet comes from the door too, so the page is styled where the CRM is not served
        var css = send(door, "globex.localhost", "GET", "/assets/ui.css", null, Map.of("Accept", "text/css"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).contains("text/css; charset=UTF-8");
        assertThat(css.body()).contains("prefers-color-scheme");

        // API clients, and a browser's own API calls, still get problem+json
        for (var host : List.of("nowhere.localhost", "globex.localhost", "initech.localhost")) {
            var api = send(door, host, "GET", "/api/contacts", null, BROWSER);
            assertThat(api.headers().firstValue("Content-Type")).as(host).contains("application/problem+json");
            var plain = send(door, host, "GET", "/", null, Map.of("Accept", "application/json"));
            assertThat(plain.headers().firstValue("Content-Type")).as(host).contains("application/problem+json");
        }
        assertThat(seen).doesNotContainKey("uri");
    }

    @Test
    void retryAfterIsToldInWords() {
        assertThat(com.litedesk.app.platform.DoorPage.tryAgainIn(416)).isEqualTo("try again in 7 minutes");
        assertThat(com.litedesk.app.platform.DoorPage.tryAgainIn(60)).isEqualTo("try again in a minute");
        assertThat(com.litedesk.app.platform.DoorPage.tryAgainIn(5)).isEqualTo("try again in a few seconds");
    }
}
