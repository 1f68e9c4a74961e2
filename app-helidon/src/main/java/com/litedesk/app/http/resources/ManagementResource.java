package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Call;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.RequestStats;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.access.Actor;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.PlanLimits;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The management API the control plane calls on an instance, under {@code /internal}: seeding, the Owner's
 * invitation link, plan changes and usage. It answers only requests carrying the instance's management key in
 * {@code X-Management-Key}; without a configured key it does not exist. The front door never forwards
 * {@code /internal} from outside.
 */
public final class ManagementResource implements HttpService {

    public static final String HEADER = "X-Management-Key";

    public record Seed(String name, String planId, PlanLimits limits, String ownerEmail, String ownerName) {
    }

    public record PlanChange(String planId, PlanLimits limits) {
    }

    private final Api api;
    private final LiteDesk crm;
    private final RequestStats stats;
    private final byte[] key;
    private final com.litedesk.app.security.SigningKeys signingKeys;

    public ManagementResource(Api api, LiteDesk crm, RequestStats stats, String managementKey,
                              com.litedesk.app.security.SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
        this.api = api;
        this.crm = crm;
        this.stats = stats;
        this.key = managementKey == null ? null : managementKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Method.POST, "/internal/seed", "Control plane: create the Owner and default pipeline unless present; apply the plan", false,
                call -> {
                    check(call);
                    Seed seed = call.body(Seed.class);
                    var owner = crm.seedForProvisioning(seed.name(), seed.planId(), seed.limits() == null ? PlanLimits.UNLIMITED : seed.limits(),
                            seed.ownerEmail(), seed.ownerName());
                    return Reply.ok(Map.of("ownerId", owner.id()));
                });
        api.route(rules, Method.POST, "/internal/owner-invitation", "Control plane: a fresh set-password link for the Owner (null once set)", false,
                call -> {
                    check(call);
                    var owner = crm.users().owner().orElseThrow(() -> LiteDeskException.conflict("the instance has no Owner yet"));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("ownerId", owner.id());
                    out.put("setPasswordLink", crm.ownerInvitationLink());
                    return Reply.ok(out);
                });
        api.route(rules, Method.POST, "/internal/signing-keys/rotate",
                "Control plane: sign with a new key from now on; the old one verifies until its tokens expire", false, call -> {
                    check(call);
                    String kid = signingKeys.rotate();
                    return Reply.ok(Map.of("kid", kid, "keys", signingKeys.ids()));
                });
        api.route(rules, Method.PUT, "/internal/plan", "Control plane: apply a plan's limits now, without a restart", false, call -> {
            check(call);
            PlanChange change = call.body(PlanChange.class);
            if (change.planId() == null || change.planId().isBlank()) {
                throw LiteDeskException.invalid("planId", "is required");
            }
            return Reply.ok(crm.settings().applyPlan(Actor.system(call.requestId()), change.planId(),
                    change.limits() == null ? PlanLimits.UNLIMITED : change.limits()));
        });
        api.route(rules, Method.GET, "/internal/usage", "Control plane: usage now (users, records, storage, requests, p95)", false, call -> {
            check(call);
            var usage = crm.usage().snapshot();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("users", usage.activeUsers());
            out.put("contacts", usage.contacts());
            out.put("companies", usage.companies());
            out.put("deals", usage.deals());
            out.put("tasks", usage.openTasks());
            out.put("storageBytes", usage.storageBytes());
            out.put("requests", stats.count());
            out.put("p95Millis", Math.round(stats.percentileMillis(95)));
            return Reply.ok(out);
        });
    }

    private void check(Call call) {
        String presented = call.header(HEADER);
        if (key == null || presented == null
                || !MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            throw LiteDeskException.notFound("Route", call.request().path().path());
        }
    }
}
