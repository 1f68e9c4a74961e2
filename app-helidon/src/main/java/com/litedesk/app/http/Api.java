package com.litedesk.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.core.identity.Authentication;
import com.litedesk.core.support.Sha256;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.IdempotencyRepository;
import com.litedesk.ports.instance.StoredResponse;
import io.helidon.http.BadRequestException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
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

    /** Who may call a route: checked before a complaint about the headers or body, so that a refusal is 403 first. */
    @FunctionalInterface
    public interface Permission {
        void check(Call call);
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
        route(rules, route, null, handler);
    }

    /** A declared route whose {@code permission} is checked before what is wrong with its headers or body. */
    public void route(HttpRules rules, Route route, Permission permission, Handler handler) {
        catalog.add(route);
        Method method = Method.create(route.method());
        boolean replayable = route.idempotent();
        rules.route(method, route.path(), (req, res) -> run(req, res, route, permission, method, replayable, handler));
    }

    /** A streamed route: the handler reads the raw body and/or writes the response. */
    public void stream(HttpRules rules, Route route, StreamHandler handler) {
        catalog.add(route);
        rules.route(Method.create(route.method()), route.path(), (req, res) -> {
            if (!catalog.serves(route.path(), req.path().path())) {
                res.next();
                return;
            }
            String requestId = requestId(req);
            try {
                Call call = new Call(req, json, auth, requestId);
                if (route.authenticated()) {
                    call.actor();
                }
                refuseUndeclaredQuery(req, route);
                handler.handle(call, res);
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

    /**
     * Runs a JSON route in one order: who asks (401), then the query (undeclared parameters, declared ranges), then the
     * headers (Content-Type, If-Match), then the body (413, then the one rule of a JSON body), then the handler; a
     * route's stated permission is checked before a complaint about headers or body. A path that a more specific route
     * owns ({@code /api/deals/board} under {@code /api/deals/{id}}) is not this route's: it goes on, to 405 when no
     * route serves that method there.
     */
    private void run(ServerRequest req, ServerResponse res, Route route, Permission permission, Method method, boolean replayable,
                     Handler handler) {
        if (!catalog.serves(route.path(), req.path().path())) {
            res.next();
            return;
        }
        String requestId = requestId(req);
        try {
            Call call = new Call(req, json, auth, requestId);
            if (route.authenticated()) {
                call.actor();
            }
            refuseUndeclaredQuery(req, route);
            boolean hasBody = method == Method.POST || method == Method.PATCH || method == Method.PUT;
            byte[] body;
            try {
                call.checkHeaders(hasBody, method != Method.GET);
                body = hasBody ? readBody(Call.framed(req.content().inputStream())) : new byte[0];
                call.receive(body);
            } catch (LiteDeskException | com.fasterxml.jackson.core.JsonProcessingException | Problems.BodyTooLarge e) {
                if (permission != null) {
                    permission.check(call); // one who may not call the route at all is told so (and audited) first
                }
                throw e;
            }
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
        if (e instanceof HttpException http && http.status().code() == 304) {
            if (!res.isSent()) { // static content's Not Modified is an answer, not a failure
                res.status(http.status()).send();
            }
            return;
        }
        boolean expected = e instanceof LiteDeskException || e instanceof com.fasterxml.jackson.core.JsonProcessingException
                || e instanceof Problems.BodyTooLarge || e instanceof RequestException
                || e instanceof HttpException http && http.status().code() < 500;
        if (!expected) {
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
        }
        if (res.isSent()) {
            return;
        }
        if (e instanceof RequestException || e instanceof BadRequestException) {
            res.header(HeaderValues.CONNECTION_CLOSE); // what is left of a body that cannot be read is not read again
        }
        Problems.write(res, json, Problems.of(e, requestId));
    }

    /**
     * What no route took: {@code OPTIONS} on a known path (204 with {@code Allow}), another method there (405 with
     * {@code Allow}), or an unknown path (404). {@code Allow} names the methods of the most specific route at the path.
     */
    public void fallback(ServerRequest req, ServerResponse res) {
        String requestId = requestId(req);
        String path = req.path().path();
        List<String> methods = path.equals("*") ? catalog.methods() : catalog.methodsAt(path);
        if (methods.isEmpty()) {
            Problems.write(res, json, Problems.problem(404, "NOT_FOUND", "no such resource: " + path, List.of(), requestId, Map.of()));
        } else if (req.prologue().method() == Method.OPTIONS) {
            res.status(204).header("Allow", allow(methods)).send();
        } else {
            Problems.write(res, json, Problems.problem(405, "METHOD_NOT_ALLOWED", req.prologue().method().text() + " is not served here",
                    List.of(), requestId, Map.of("Allow", allow(methods))));
        }
    }

    private static String allow(List<String> methods) {
        return String.join(", ", methods) + ", OPTIONS";
    }

    static String requestId(ServerRequest req) {
        return req.context().get(RequestPipeline.RequestId.class).map(RequestPipeline.RequestId::value)
                .orElseGet(RequestPipeline::newRequestId);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
