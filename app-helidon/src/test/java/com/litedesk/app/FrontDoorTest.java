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
}
