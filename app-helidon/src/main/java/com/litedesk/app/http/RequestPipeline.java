package com.litedesk.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * What every request goes through: a request id (the client's if it is sane), the per-client and
 * per-instance rate limits, one structured log line, and the request statistics.
 */
public final class RequestPipeline implements Filter {

    private static final Pattern SANE_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final io.helidon.http.HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final int MAX_CLIENTS = 10_000;

    private final String instanceId;
    private final int perClientPerMinute;
    private final IntSupplier perInstancePerMinute;
    private final RequestStats stats;
    private final ObjectMapper json;
    private final RequestLog log;
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();
    private volatile Bucket instanceBucket;
    private volatile int instanceBucketSize = -1;

    /**
     * @param perClientPerMinute 0 disables the per-client limit
     * @param perInstancePerMinute the plan's limit, read per request (0 or less: unlimited)
     */
    public RequestPipeline(String instanceId, int perClientPerMinute, IntSupplier perInstancePerMinute, RequestStats stats,
                           ObjectMapper json, RequestLog log) {
        this.instanceId = instanceId;
        this.perClientPerMinute = perClientPerMinute;
        this.perInstancePerMinute = perInstancePerMinute;
        this.stats = stats;
        this.json = json;
        this.log = log;
    }

    /**
     * The client's address. Behind the control plane's front door (a loopback peer), the first address of
     * X-Forwarded-For, which the front door sets; from anywhere else the header is not trusted.
     */
    public static String clientOf(io.helidon.webserver.http.ServerRequest req) {
        String peer = req.remotePeer().host();
        if (peer.startsWith("127.") || peer.equals("0:0:0:0:0:0:0:1") || peer.equals("::1")) {
            var forwarded = req.headers().first(HeaderNames.X_FORWARDED_FOR);
            if (forwarded.isPresent()) {
                String first = forwarded.get().split(",")[0].strip();
                if (!first.isEmpty() && first.length() <= 64) {
                    return first;
                }
            }
        }
        return peer;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String requestId = req.headers().first(REQUEST_ID).filter(id -> SANE_ID.matcher(id).matches())
                .orElseGet(RequestPipeline::newRequestId);
        req.context().register(new RequestId(requestId));
        res.header("X-Request-Id", requestId);
        String client = clientOf(req);
        try {
            Long retryAfter = limited(client, req.path().path());
            if (retryAfter != null) {
                var problem = Problems.problem(429, "RATE_LIMITED", "too many requests; retry after " + retryAfter + " s",
                        List.of(), requestId, Map.of());
                res.status(429).header("Retry-After", Long.toString(retryAfter)).header("Content-Type", "application/problem+json");
                res.send(json.writeValueAsBytes(problem.body()));
            } else {
                chain.proceed();
            }
        } catch (io.helidon.http.HttpException e) {
            if (!res.isSent()) {
                res.status(e.status()).send();
            }
        } catch (Exception e) {
            if (!res.isSent()) {
                res.status(500).send();
            }
        } finally {
            long nanos = System.nanoTime() - start;
            stats.record(nanos);
            writeLog(req, res, requestId, client, nanos);
        }
    }

    private Long limited(String client, String path) {
        if (path.equals("/health") || path.equals("/health/status")) {
            return null;
        }
        int instanceLimit = perInstancePerMinute.getAsInt();
        if (instanceLimit > 0) {
            if (instanceLimit != instanceBucketSize) {
                instanceBucket = bucket(instanceLimit); // the plan changed: take the new limit at once
                instanceBucketSize = instanceLimit;
            }
            Long wait = take(instanceBucket);
            if (wait != null) {
                return wait;
            }
        }
        if (perClientPerMinute <= 0) {
            return null;
        }
        if (clients.size() > MAX_CLIENTS) {
            clients.clear();
        }
        return take(clients.computeIfAbsent(client, c -> bucket(perClientPerMinute)));
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
