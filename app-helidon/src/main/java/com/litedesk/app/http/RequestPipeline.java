package com.litedesk.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.config.TrustedProxies;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * What every request goes through: a request id (the client's if it is sane), the check of its target
 * ({@link RequestTargets}), the rate limits, one structured log line, and the request statistics.
 *
 * <p>Rate limits are buckets per caller: an authenticated request (a bearer token this server signed) counts
 * against its user, anything else against the client's address. A user's bucket holds the plan's requests per
 * minute (or the per-client limit when the plan sets none); an address's bucket the smaller of the two. So one
 * anonymous client can exhaust only its own budget, never the instance's for every user. Pages and their static files
 * are not counted: the limits are the API's.
 */
public final class RequestPipeline implements Filter {

    private static final Pattern SANE_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final io.helidon.http.HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final int MAX_CALLERS = 20_000;

    private final String instanceId;
    private final int perClientPerMinute;
    private final IntSupplier perCallerCeiling;
    private final Function<String, String> userOfToken;
    private final TrustedProxies proxies;
    private final RequestStats stats;
    private final ObjectMapper json;
    private final RequestLog log;
    private final Map<String, Limit> callers = new ConcurrentHashMap<>();

    /** A caller's bucket and the size it was made with (a plan change makes a new one). */
    private record Limit(Bucket bucket, int perMinute) {
    }

    /** The client address of a request, as the pipeline worked it out (kept in the request context). */
    public record ClientAddress(String value) {
    }

    /**
     * @param perClientPerMinute the per-client limit (LITEDESK_RATE_LIMIT_PER_MINUTE); 0: none of its own
     * @param perCallerCeiling the plan's requests per minute, read per request (0 or less: none)
     * @param userOfToken the user a bearer token was signed for, or null when it is not a valid token here
     * @param proxies the peers whose X-Forwarded-For is believed
     */
    public RequestPipeline(String instanceId, int perClientPerMinute, IntSupplier perCallerCeiling,
                           Function<String, String> userOfToken, TrustedProxies proxies, RequestStats stats,
                           ObjectMapper json, RequestLog log) {
        this.instanceId = instanceId;
        this.perClientPerMinute = perClientPerMinute;
        this.perCallerCeiling = perCallerCeiling;
        this.userOfToken = userOfToken;
        this.proxies = proxies;
        this.stats = stats;
        this.json = json;
        this.log = log;
    }

    /**
     * The client's address: the one this request's pipeline worked out, else the peer (a request that did not go
     * through a pipeline believes no forwarding header).
     */
    public static String clientOf(io.helidon.webserver.http.ServerRequest req) {
        return req.context().get(ClientAddress.class).map(ClientAddress::value).orElseGet(() -> req.remotePeer().host());
    }

    private String resolveClient(RoutingRequest req) {
        String peer = req.remotePeer().host();
        return proxies.clientOf(peer, req.headers().first(HeaderNames.X_FORWARDED_FOR).orElse(null));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String requestId = req.headers().first(REQUEST_ID).filter(id -> SANE_ID.matcher(id).matches())
                .orElseGet(RequestPipeline::newRequestId);
        req.context().register(new RequestId(requestId));
        res.header("X-Request-Id", requestId);
        SecurityHeaders.apply(res, req.isSecure() || (proxies.trusts(req.remotePeer().host())
                && req.headers().first(HeaderNames.X_FORWARDED_PROTO).map("https"::equalsIgnoreCase).orElse(false)));
        String client = resolveClient(req);
        req.context().register(new ClientAddress(client));
        try {
            Problems.Problem refused = RequestTargets.refusal(req, requestId);
            Long retryAfter = refused == null ? limited(req, client) : null;
            if (refused != null) {
                Problems.write(res, json, refused);
            } else if (retryAfter != null) {
                Problems.write(res, json, Problems.problem(429, "RATE_LIMITED", "too many requests; retry after " + retryAfter + " s",
                        List.of(), requestId, Map.of("Retry-After", Long.toString(retryAfter))));
            } else {
                chain.proceed();
            }
        } catch (io.helidon.http.HttpException e) {
            if (!res.isSent() && e.status().code() == 304) {
                res.status(e.status()).send();
            } else if (!res.isSent()) {
                Problems.write(res, json, Problems.of(e, requestId));
            }
        } catch (Exception e) {
            if (!res.isSent()) {
                Problems.write(res, json, Problems.of(e, requestId));
            }
        } finally {
            long nanos = System.nanoTime() - start;
            stats.record(nanos);
            writeLog(req, res, requestId, client, nanos);
        }
    }

    private Long limited(RoutingRequest req, String client) {
        String path = req.path().path();
        if (path.equals("/health") || path.equals("/health/status") || isPageOrAsset(req, path)) {
            return null;
        }
        int plan = Math.max(0, perCallerCeiling.getAsInt());
        String user = userOf(req);
        int perMinute = user != null
                ? (plan > 0 ? plan : perClientPerMinute)
                : (plan > 0 && perClientPerMinute > 0 ? Math.min(plan, perClientPerMinute) : Math.max(plan, perClientPerMinute));
        if (perMinute <= 0) {
            return null;
        }
        String key = user != null ? "user " + user : "address " + client;
        if (callers.size() > MAX_CALLERS) {
            callers.clear(); // a crude bound: forgetting a bucket only forgives a caller
        }
        Limit limit = callers.compute(key, (k, known) -> known != null && known.perMinute() == perMinute
                ? known : new Limit(bucket(perMinute), perMinute)); // the plan changed: its new limit applies at once
        return take(limit.bucket());
    }

    /**
     * The pages and their scripts, styles and images: static files served from the jar, which a browser fetches by the
     * dozen on every first load. They do not count against a caller's requests per minute (which are for the API), or a
     * few reloads in a minute would leave a person a blank page.
     */
    private static boolean isPageOrAsset(RoutingRequest req, String path) {
        String method = req.prologue().method().text();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/internal") || path.startsWith("/openapi")
                || path.startsWith("/metrics"));
    }

    /** The user of a valid bearer token (signature and expiry checked, nothing read), or null. */
    private String userOf(RoutingRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (header == null || header.length() < 8 || header.length() > 4096 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        try {
            return userOfToken.apply(header.substring(7).strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Long take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? null : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }

    private void writeLog(RoutingRequest req, RoutingResponse res, String requestId, String client, long nanos) {
        try {
            log.request(requestId, instanceId, req.prologue().method().text(), req.path().path(), res.status().code(), nanos, client);
        } catch (RuntimeException ignored) {
            // logging must never fail a request
        }
    }

    /** A random id in UUID form; request ids need to be unique, not unpredictable, so no SecureRandom here. */
    static String newRequestId() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The id of the request being served, kept in the request context. */
    public record RequestId(String value) {
    }
}
