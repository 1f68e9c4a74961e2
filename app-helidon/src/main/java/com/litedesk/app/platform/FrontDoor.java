package com.litedesk.app.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.http.Problems;
import com.litedesk.app.http.RequestPipeline;
import com.litedesk.app.http.RequestTargets;
import com.litedesk.ports.platform.InstanceRepository;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.WorkloadState;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The control plane's front door: a request for {@code <subdomain>.<base domain>} goes to that instance's
 * workload — streamed both ways, with the original {@code Host} (and {@code X-Forwarded-Host}), the client in
 * {@code X-Forwarded-For} and the scheme in {@code X-Forwarded-Proto}. Unknown hosts get 404; instances that are not serving (being set up, suspended,
 * failed) answer 503 with the reason. The management API ({@code /internal}) is never forwarded. Anything else
 * (the base domain itself, an address) is the control plane's own. A serving in-process instance is not forwarded over
 * HTTP at all: the request goes through the instance's own routing (its filters log and limit it) on the same connection.
 * A request whose target no route may see ({@link RequestTargets}) is never handed on.
 */
public final class FrontDoor implements Filter {

    /** How long an instance that is not serving is expected to take, told to clients as Retry-After. */
    private static final long RETRY_AFTER_SECONDS = 60;

    private static final System.Logger LOG = System.getLogger("litedesk.front-door");

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "http2-settings");

    /**
     * The JDK's HTTP client sets Host itself unless {@code jdk.httpclient.allowRestrictedHeaders} names it;
     * {@link com.litedesk.app.Main} sets that before any client exists, so instances see the host users asked for.
     */
    private static final boolean HOST_FORWARDING = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "")
            .toLowerCase(Locale.ROOT).contains("host");

    private final String suffix;
    private final InstanceRepository instances;
    private final InstanceRuntime runtime;
    private final ObjectMapper json;
    private final String scheme;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final java.util.function.Function<String, io.helidon.webserver.http.HttpRouting> inProcess;
    private final java.util.concurrent.ConcurrentHashMap<String, Serving> serving = new java.util.concurrent.ConcurrentHashMap<>();
    private final FairShare fairShare = FairShare.perCore();

    /** A subdomain seen serving, and until when that answer is trusted without reading the instance again. */
    private record Serving(String instanceId, long untilNanos) {
    }

    /** How long "this subdomain's instance is serving" is remembered; a stopped in-process instance is noticed at once. */
    private final com.litedesk.app.config.TrustedProxies proxies;

    private static final long SERVING_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * @param inProcess the routing of a running in-process instance by its id (null: every instance is forwarded)
     */
    public FrontDoor(String baseDomain, String scheme, InstanceRepository instances, InstanceRuntime runtime, ObjectMapper json,
                     java.util.function.Function<String, io.helidon.webserver.http.HttpRouting> inProcess,
                     com.litedesk.app.config.TrustedProxies proxies) {
        this.proxies = proxies;
        this.suffix = "." + baseDomain.toLowerCase(Locale.ROOT);
        this.scheme = scheme;
        this.instances = instances;
        this.runtime = runtime;
        this.json = json;
        this.inProcess = inProcess;
    }

    /** The serving in-process instance a request is for, or null (the filter below decides). */
    private Serving direct(RoutingRequest req) {
        if (inProcess == null) {
            return null;
        }
        String subdomain = subdomainOf(req.headers().first(HeaderNames.HOST).orElse(null));
        if (subdomain == null || subdomain.contains(".") || req.path().path().startsWith("/internal")) {
            return null;
        }
        long now = System.nanoTime();
        Serving known = serving.get(subdomain);
        if (known == null || now - known.untilNanos() > 0) {
            var instance = instances.findBySubdomain(subdomain).filter(i -> i.state().isServing());
            if (instance.isEmpty()) {
                serving.remove(subdomain);
                return null;
            }
            if (serving.size() > 10_000) {
                serving.clear();
            }
            known = new Serving(instance.get().id(), now + SERVING_NANOS);
            serving.put(subdomain, known);
        }
        return known;
    }

    /** The subdomain a Host header names, or null when it is not an instance host. */
    String subdomainOf(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        String host = hostHeader.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            host = host.substring(0, colon);
        }
        if (!host.endsWith(suffix)) {
            return null;
        }
        String sub = host.substring(0, host.length() - suffix.length());
        return sub.isEmpty() ? null : sub;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (RequestTargets.refusal(req, null) != null) { // never handed on: the control plane's own pipeline answers it 400
            chain.proceed();
            return;
        }
        Serving target = direct(req);
        if (target != null) { // a serving in-process instance: its own routing, on this connection, within its share of the box
            io.helidon.webserver.http.HttpRouting routing = inProcess.apply(target.instanceId());
            if (routing != null) {
                fairShare.run(target.instanceId(), () -> routing.route(new RequestConnection(req), req, res));
                return;
            }
        }
        String hostHeader = req.headers().first(HeaderNames.HOST).orElse(null);
        String subdomain = subdomainOf(hostHeader);
        if (subdomain == null) {
            chain.proceed();
            return;
        }
        String requestId = req.headers().first(HeaderNames.create("X-Request-Id")).orElseGet(() -> UUID.randomUUID().toString());
        var instance = subdomain.contains(".") ? java.util.Optional.<com.litedesk.ports.platform.Instance>empty()
                : instances.findBySubdomain(subdomain);
        if ((instance.isEmpty() || !instance.get().state().isServing()) && serveDoorAsset(req, res)) {
            return;
        }
        if (instance.isEmpty()) {
            refuse(req, res, 404, "NOT_FOUND", "there is no LiteDesk instance at " + hostHeader, requestId,
                    new DoorPage("There is no CRM here", List.of("No LiteDesk CRM answers at " + hostName(hostHeader)
                            + ": the address may be mistyped, or the CRM that was here has been deleted.",
                            "Check the address you were given, or ask the person who invited you for the right one.")));
            return;
        }
        var state = instance.get().state();
        if (!state.isServing()) {
            String detail = switch (state) {
                case PROVISIONING -> "this LiteDesk instance is being set up; try again in a minute";
                case SUSPENDED -> "this LiteDesk instance is suspended"
                        + (instance.get().stateReason() == null ? "" : ": " + instance.get().stateReason())
                        + ". Contact your administrator or LiteDesk support.";
                case DELETING, DELETED -> "this LiteDesk instance has been deleted";
                default -> "this LiteDesk instance is not available at the moment";
            };
            String reason = instance.get().stateReason();
            DoorPage page = switch (state) {
                case PROVISIONING -> new DoorPage("This CRM is being set up",
                        List.of("It will be ready shortly; " + DoorPage.tryAgainIn(RETRY_AFTER_SECONDS) + "."));
                case SUSPENDED -> new DoorPage("This CRM is suspended", reason == null
                        ? List.of("Its data is kept, but nobody can sign in for now.", "Contact your administrator or LiteDesk support.")
                        : List.of("Its data is kept, but nobody can sign in for now. The reason given: " + reason + ".",
                                "Contact your administrator or LiteDesk support."));
                case DELETING, DELETED -> new DoorPage("This CRM has been deleted",
                        List.of("The CRM that was at " + hostName(hostHeader) + " no longer exists.",
                                "If you think this is a mistake, contact your administrator or LiteDesk support."));
                default -> new DoorPage("This CRM is not available",
                        List.of("It cannot be reached at the moment; " + DoorPage.tryAgainIn(RETRY_AFTER_SECONDS) + "."));
            };
            refuse(req, res, state == com.litedesk.ports.platform.InstanceState.DELETING ? 404 : 503,
                    state == com.litedesk.ports.platform.InstanceState.DELETING ? "NOT_FOUND" : "UNAVAILABLE", detail, requestId, page);
            return;
        }
        if (req.path().path().startsWith("/internal")) {
            problem(res, 404, "NOT_FOUND", "no route " + req.path().path(), requestId);
            return;
        }
        var workload = runtime.find(instance.get().id());
        if (workload.isEmpty() || workload.get().state() != WorkloadState.RUNNING || workload.get().endpoint() == null) {
            refuse(req, res, 503, "UNAVAILABLE", "this LiteDesk instance is not running at the moment", requestId,
                    new DoorPage("This CRM is not available", List.of("It is not running at the moment; "
                            + DoorPage.tryAgainIn(RETRY_AFTER_SECONDS) + ".")));
            return;
        }
        forward(req, res, workload.get().endpoint(), hostHeader, requestId);
    }

    private void forward(RoutingRequest req, RoutingResponse res, String endpoint, String host, String requestId) {
        String query = req.query().rawValue();
        URI target = URI.create(endpoint + req.path().rawPath() + (query == null || query.isEmpty() ? "" : "?" + query));
        var builder = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(5));
        for (var header : req.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !name.startsWith("x-forwarded-")) {
                for (String value : header.allValues()) {
                    builder.header(header.name(), value);
                }
            }
        }
        if (HOST_FORWARDING) {
            builder.header("Host", host);
        }
        // the client as this server's own trusted proxies report it; what a client claims beyond them is dropped
        builder.header("X-Forwarded-For", proxies.clientOf(req.remotePeer().host(),
                req.headers().first(HeaderNames.X_FORWARDED_FOR).orElse(null)));
        builder.header("X-Forwarded-Host", host);
        builder.header("X-Forwarded-Proto", scheme);
        builder.header("X-Request-Id", requestId);
        boolean hasBody = req.content().hasEntity();
        InputStream body = hasBody ? req.content().inputStream() : null;
        builder.method(req.prologue().method().text(), hasBody
                ? HttpRequest.BodyPublishers.ofInputStream(() -> body) : HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<InputStream> answer = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            res.status(Status.create(answer.statusCode()));
            answer.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(lower) || lower.equals("content-length")) {
                    res.header(HeaderNames.create(name), values.toArray(String[]::new));
                }
            });
            try (InputStream in = answer.body(); OutputStream out = res.outputStream()) {
                in.transferTo(out);
            }
        } catch (IOException e) {
            if (!res.isSent()) {
                LOG.log(System.Logger.Level.WARNING, "request " + requestId + " to " + endpoint + " got no answer: " + e);
                problem(res, 502, "UNAVAILABLE", "the instance did not answer; try again in a moment", requestId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!res.isSent()) {
                problem(res, 503, "UNAVAILABLE", "interrupted", requestId);
            }
        }
    }

    /** A browser asking for a page gets a page for people; anyone else the problem+json. */
    private void refuse(RoutingRequest req, RoutingResponse res, int status, String code, String detail, String requestId, DoorPage page) {
        if (!wantsPage(req)) {
            problem(res, status, code, detail, requestId);
            return;
        }
        com.litedesk.app.http.SecurityHeaders.apply(res, false);
        res.status(Status.create(status)).header("Content-Type", "text/html; charset=UTF-8").header("X-Request-Id", requestId)
                .header("Cache-Control", "no-store");
        if (status == 503) {
            res.header("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
        }
        res.send(page.html().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A page load by a browser: GET or HEAD outside the API, accepting HTML. */
    private static boolean wantsPage(RoutingRequest req) {
        String method = req.prologue().method().text();
        String path = req.path().path();
        return (method.equals("GET") || method.equals("HEAD")) && !path.startsWith("/api/") && !path.equals("/api")
                && req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/html")).orElse(false);
    }

    /** The stylesheet and icon of the door's pages, for a host whose instance cannot serve them. */
    private static boolean serveDoorAsset(RoutingRequest req, RoutingResponse res) {
        String type = switch (req.path().path()) {
            case "/assets/ui.css" -> "text/css; charset=UTF-8";
            case "/assets/favicon.svg" -> "image/svg+xml";
            default -> null;
        };
        if (type == null || !req.prologue().method().text().equals("GET")) {
            return false;
        }
        com.litedesk.app.http.SecurityHeaders.apply(res, false);
        res.status(Status.OK_200).header("Content-Type", type).send(DoorPage.resource("web" + req.path().path()));
        return true;
    }

    /** The host a person typed, without its port. */
    private static String hostName(String hostHeader) {
        int colon = hostHeader.lastIndexOf(':');
        return colon > 0 && hostHeader.indexOf(']') < colon ? hostHeader.substring(0, colon) : hostHeader;
    }

    private void problem(RoutingResponse res, int status, String code, String detail, String requestId) {
        var problem = Problems.problem(status, code, detail, List.of(), requestId,
                status == 503 ? Map.of("Retry-After", Long.toString(RETRY_AFTER_SECONDS)) : Map.of());
        com.litedesk.app.http.SecurityHeaders.apply(res, false);
        res.header("X-Request-Id", requestId);
        Problems.write(res, json, problem);
    }

    /**
     * The connection a request came in on, as the routing of the instance it is handed to needs it (to log and to
     * answer errors); that routing reads and writes through the request and response, never the raw socket.
     */
    private record RequestConnection(RoutingRequest req) implements io.helidon.webserver.ConnectionContext {
        @Override
        public io.helidon.webserver.ListenerContext listenerContext() {
            return req.listenerContext();
        }

        @Override
        public java.util.concurrent.ExecutorService executor() {
            return req.listenerContext().executor();
        }

        @Override
        public io.helidon.common.buffers.DataWriter dataWriter() {
            throw new UnsupportedOperationException("a request handed to an instance has no raw connection");
        }

        @Override
        public io.helidon.common.buffers.DataReader dataReader() {
            throw new UnsupportedOperationException("a request handed to an instance has no raw connection");
        }

        @Override
        public io.helidon.webserver.Router router() {
            return io.helidon.webserver.Router.empty();
        }

        @Override
        public io.helidon.common.socket.PeerInfo remotePeer() {
            return req.remotePeer();
        }

        @Override
        public io.helidon.common.socket.PeerInfo localPeer() {
            return req.localPeer();
        }

        @Override
        public boolean isSecure() {
            return req.isSecure();
        }

        @Override
        public String socketId() {
            return req.serverSocketId();
        }

        @Override
        public String childSocketId() {
            return req.socketId();
        }
    }
}
