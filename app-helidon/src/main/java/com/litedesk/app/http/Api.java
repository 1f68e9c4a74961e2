package com.litedesk.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.core.identity.Authentication;
import com.litedesk.core.support.Sha256;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.IdempotencyRepository;
import com.litedesk.ports.instance.StoredResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers routes and runs them the same way: bounded body reading, authentication on demand,
 * Idempotency-Key replays, the reply written as JSON, every failure as problem+json. Handlers
 * only parse, call the core and say what to answer.
 *
 * <p>An {@code Idempotency-Key} is honoured on authenticated routes only, and per caller (the key of one user never
 * replays another's answer). On routes without authentication (log in, refresh, set a password, the public demo
 * form, the management API) and on every route under {@code /auth/} it is ignored: the request runs as if the
 * header were not there, and nothing of it is stored — so a stored answer never holds a token.
 */
public final class Api {

    /** A handler that answers with a {@link Reply}. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Call call) throws Exception;
    }

    /** A handler that writes the response itself (streamed CSV). */
    @FunctionalInterface
    public interface StreamHandler {
        void handle(Call call, ServerResponse response) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger("litedesk.http");

    private final ObjectMapper json;
    private final Authentication auth;
    private final IdempotencyRepository idempotency;
    private final Clock clock;
    private final long maxBodyBytes;
    private final RouteCatalog catalog;

    public Api(ObjectMapper json, Authentication auth, IdempotencyRepository idempotency, Clock clock, long maxBodyBytes, RouteCatalog catalog) {
        this.json = json;
        this.auth = auth;
        this.idempotency = idempotency;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.catalog = catalog;
    }

    public ObjectMapper json() {
        return json;
    }

    public RouteCatalog catalog() {
        return catalog;
    }

    /** A JSON route as declared: the handler answers with a {@link Reply}. */
    public void route(HttpRules rules, Route route, Handler handler) {
        catalog.add(route);
        Method method = Method.create(route.method());
        boolean replayable = route.idempotent();
        rules.route(method, route.path(), (req, res) -> run(req, res, route, method, replayable, handler));
    }

    /** A streamed route: the handler reads the raw body and/or writes the response. */
    public void stream(HttpRules rules, Route route, StreamHandler handler) {
        catalog.add(route);
        rules.route(Method.create(route.method()), route.path(), (req, res) -> {
            String requestId = requestId(req);
            try {
                refuseUndeclaredQuery(req, route);
                handler.handle(new Call(req, json, auth, null, requestId), res);
            } catch (Exception e) {
                fail(res, e, requestId);
            }
        });
    }

    /**
     * A query parameter the route does not declare is a mistake of the client's (a typo would otherwise be ignored);
     * a declared number must be a whole number in its range, a declared flag true or false.
     */
    private static void refuseUndeclaredQuery(ServerRequest req, Route route) {
        for (Route.Param param : route.query()) {
            if (req.query().contains(param.name())) {
                checkValue(param, req.query().get(param.name()));
            }
        }
        for (String name : req.query().names()) {
            if (!route.hasQuery(name)) {
                throw LiteDeskException.invalid(name.length() > 64 ? name.substring(0, 64) + "…" : name,
                        route.query().isEmpty() ? "is not a query parameter of this route; it takes none"
                                : "is not a query parameter of this route; it takes " + String.join(", ",
                                route.query().stream().map(Route.Param::name).toList()));
            }
        }
    }

    private static void checkValue(Route.Param param, String raw) {
        if (param.type() == Integer.class) {
            String range = "must be a whole number from " + param.minimum() + " to " + param.maximum();
            try {
                int value = Integer.parseInt(raw.strip());
                if (value < param.minimum() || value > param.maximum()) {
                    throw LiteDeskException.invalid(param.name(), range);
                }
            } catch (NumberFormatException e) {
                throw LiteDeskException.invalid(param.name(), range);
            }
        } else if (param.type() == Boolean.class && !List.of("true", "false", "1", "0", "").contains(raw)) {
            throw LiteDeskException.invalid(param.name(), "must be true or false");
        }
    }

    private void run(ServerRequest req, ServerResponse res, Route route, Method method, boolean replayable, Handler handler) {
        String requestId = requestId(req);
        try {
            refuseUndeclaredQuery(req, route);
            boolean hasBody = method == Method.POST || method == Method.PATCH || method == Method.PUT;
            byte[] body = hasBody ? readBody(req.content().inputStream()) : new byte[0];
            Call call = new Call(req, json, auth, body, requestId);
            Optional<String> key = req.headers().first(HeaderNames.create("Idempotency-Key"));
            Reply reply = replayable && key.isPresent() && method != Method.GET
                    ? idempotent(call, key.get(), method, req.path().path(), body, handler)
                    : handler.handle(call);
            write(res, reply);
        } catch (Exception e) {
            fail(res, e, requestId);
        }
    }

    private Reply idempotent(Call call, String key, Method method, String path, byte[] body, Handler handler) throws Exception {
        if (key.isBlank() || key.length() > 200) {
            throw LiteDeskException.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
        String caller = call.actor().userId();
        String id = Sha256.hex(caller + "\n" + key);
        String fingerprint = method.text() + " " + path + " " + HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(body));
        var pending = new StoredResponse(id, 1, fingerprint, 0, null, null, null, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        try {
            idempotency.insert(pending);
        } catch (LiteDeskException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            StoredResponse first = idempotency.findById(id).orElseThrow(() -> e);
            if (!first.fingerprint().equals(fingerprint)) {
                throw new LiteDeskException(ErrorCode.CONFLICT, "this Idempotency-Key was used for a different request");
            }
            if (first.status() == 0) {
                throw new LiteDeskException(ErrorCode.CONFLICT, "a request with this Idempotency-Key is still in progress");
            }
            Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Idempotent-Replay", "true"));
            if (first.location() != null) {
                headers.put("Location", first.location());
            }
            JsonNode stored = first.body() == null ? null : json.readTree(first.body());
            if (stored != null && stored.path("version").isIntegralNumber()) {
                headers.put("ETag", "\"" + stored.get("version").asLong() + "\""); // as the first answer had it
            }
            return new Reply(first.status(), stored, headers);
        }
        try {
            Reply reply = handler.handle(call);
            String stored = reply.body() == null ? null : json.writeValueAsString(reply.body());
            idempotency.replace(new StoredResponse(id, 2, fingerprint, reply.status(), "application/json", stored,
                    reply.headers().get("Location"), pending.createdAt()), 1);
            return reply;
        } catch (Exception failure) {
            idempotency.delete(id, 1); // a failed request may be retried with the same key
            throw failure;
        }
    }

    private byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (bytes.length > maxBodyBytes) {
            throw new Problems.BodyTooLarge(maxBodyBytes);
        }
        return bytes;
    }

    private void write(ServerResponse res, Reply reply) throws IOException {
        res.status(reply.status());
        reply.headers().forEach(res::header);
        if (!reply.cookies().isEmpty()) {
            res.header(HeaderNames.SET_COOKIE, reply.cookies().toArray(String[]::new));
        }
        if (reply.body() == null) {
            res.send();
        } else {
            res.header("Content-Type", "application/json");
            res.send(json.writeValueAsBytes(reply.body()));
        }
    }

    /** Writes a failure as problem+json (also used by the routing's fallbacks). */
    public void fail(ServerResponse res, Throwable e, String requestId) {
        if (e instanceof io.helidon.http.HttpException http && http.status().code() < 500) {
            if (!res.isSent()) { // static content's answers (304 Not Modified, 404 of a missing file) are not failures
                res.status(http.status()).send();
            }
            return;
        }
        if (!(e instanceof LiteDeskException) && !(e instanceof com.fasterxml.jackson.core.JsonProcessingException)
                && !(e instanceof Problems.BodyTooLarge)) {
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
        }
        Problems.Problem problem = Problems.of(e, requestId);
        if (res.isSent()) {
            return;
        }
        try {
            res.status(problem.status());
            problem.headers().forEach(res::header);
            res.header("Content-Type", "application/problem+json");
            res.send(json.writeValueAsBytes(problem.body()));
        } catch (IOException io) {
            res.status(500).send();
        }
    }

    /** 404 for unknown paths, 405 (with Allow) for known paths and other methods. */
    public void fallback(ServerRequest req, ServerResponse res) {
        String requestId = requestId(req);
        List<String> methods = catalog.methodsAt(req.path().path());
        var problem = methods.isEmpty()
                ? Problems.problem(404, "NOT_FOUND", "no such resource: " + req.path().path(), List.of(), requestId, Map.of())
                : Problems.problem(405, "METHOD_NOT_ALLOWED", req.prologue().method().text() + " is not served here",
                List.of(), requestId, Map.of("Allow", String.join(", ", methods)));
        try {
            res.status(problem.status());
            problem.headers().forEach(res::header);
            res.header("Content-Type", "application/problem+json");
            res.send(json.writeValueAsBytes(problem.body()));
        } catch (IOException e) {
            res.status(500).send();
        }
    }

    static String requestId(ServerRequest req) {
        return req.context().get(RequestPipeline.RequestId.class).map(RequestPipeline.RequestId::value)
                .orElseGet(RequestPipeline::newRequestId);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
