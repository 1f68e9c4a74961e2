package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.core.platform.ControlPlane;
import com.litedesk.core.platform.demo.DemoRequestDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What prospects reach without an account: the demo-request form (rate-limited per client address, answered
 * 429 with Retry-After) and the subdomain check the form runs as one types.
 */
public final class PublicResource implements HttpService {

    private static final int MAX_TRACKED = 100_000;

    private final Api api;
    private final ControlPlane platform;
    private final int perHour;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public PublicResource(Api api, ControlPlane platform, int requestsPerHourPerAddress) {
        this.api = api;
        this.platform = platform;
        this.perHour = requestsPerHourPerAddress;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Method.POST, "/api/public/demo-requests", "Ask for a demo instance (public; a repeat from one email merges)", false,
                call -> {
                    if (buckets.size() > MAX_TRACKED) {
                        buckets.clear();
                    }
                    var probe = buckets.computeIfAbsent(call.clientAddress(), a -> Bucket.builder()
                            .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build()).build())
                            .tryConsumeAndReturnRemaining(1);
                    if (!probe.isConsumed()) {
                        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
                        throw new LiteDeskException(ErrorCode.RATE_LIMITED,
                                "too many demo requests from your address; retry after " + seconds + " s")
                                .withRetryAfter(seconds);
                    }
                    var request = platform.demoRequests().submit(call.body(DemoRequestDraft.class), call.requestId());
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", request.id());
                    out.put("state", request.state());
                    out.put("subdomain", request.subdomain());
                    out.put("submissions", request.submissions());
                    out.put("createdAt", request.createdAt());
                    return request.submissions() > 1 ? Reply.ok(out) : Reply.created(out, "/api/public/demo-requests/" + request.id());
                });
        api.route(rules, Method.GET, "/api/public/subdomains/{subdomain}", "Whether a subdomain can be asked for (public)", false,
                call -> Reply.ok(platform.demoRequests().availability(call.path("subdomain"))));
    }
}
