package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.platform.ControlPlane;
import com.litedesk.core.platform.demo.DemoRequestDraft;
import com.litedesk.core.platform.demo.SubdomainAvailability;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What prospects reach without an account: the demo-request form (rate-limited per client address, answered
 * 429 with Retry-After), the confirmation of a repeat submission, and the subdomain check the form runs as one
 * types.
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

    /**
     * The answer to every accepted submission, whatever it led to: a new request, or one held until the mailed link
     * confirms it. Nothing in it (not even an id) tells whether the email had a request already.
     */
    public record Received(String status, String message) {
        static final Received ANSWER = new Received("received",
                "Thank you. We sent a mail to the address you gave: check your email (a repeat request changes nothing "
                        + "until you confirm it through the link in that mail).");
    }

    /** The token of a confirmation link. */
    public record Confirmation(String token) {
    }

    /** A confirmed submission: the request now asks for {@code subdomain}. */
    public record Confirmed(String status, String subdomain) {
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Route.post("/api/public/demo-requests",
                        "Ask for a demo instance (public): 202 alike for a first and a repeat submission; a repeat from one email "
                                + "changes the open request only once confirmed through the link mailed to that address").open()
                        .id("submitDemoRequest").body(DemoRequestDraft.class).returns(Received.class).accepted(),
                call -> {
                    limit(call.clientAddress());
                    platform.demoRequests().submit(call.body(DemoRequestDraft.class), call.requestId());
                    return Reply.accepted(Received.ANSWER);
                });
        api.route(rules, Route.post("/api/public/demo-requests/confirm",
                        "Confirm a repeat demo submission with the token of its mailed link (public; the link works once)").open()
                        .id("confirmDemoRequest").body(Confirmation.class).returns(Confirmed.class),
                call -> {
                    var request = platform.demoRequests().confirm(call.body(Confirmation.class).token(), call.requestId());
                    return Reply.ok(new Confirmed("confirmed", request.subdomain()));
                });
        api.route(rules, Route.get("/api/public/subdomains/{subdomain}", "Whether a subdomain can be asked for (public)").open()
                        .id("checkSubdomain").returns(SubdomainAvailability.class),
                call -> Reply.ok(platform.demoRequests().availability(call.path("subdomain"))));
    }

    private void limit(String clientAddress) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        var probe = buckets.computeIfAbsent(clientAddress, a -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build()).build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
            throw new LiteDeskException(ErrorCode.RATE_LIMITED, "too many demo requests from your address; retry after " + seconds + " s")
                    .withRetryAfter(seconds);
        }
    }
}
