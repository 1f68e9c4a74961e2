package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Call;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.RequestStats;
import com.litedesk.app.http.Route;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.access.Actor;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.instance.InstanceSettings;
import com.litedesk.ports.instance.PlanLimits;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The management API the control plane calls on an instance, under {@code /internal}: seeding, the Owner's
 * invitation link, plan changes and usage. It answers only requests carrying the instance's management key in
 * {@code X-Management-Key}; without a configured key it does not exist. The front door never forwards
 * {@code /internal} from outside.
 */
public final class ManagementResource implements HttpService {

    public static final String HEADER = "X-Management-Key";

    public record Seed(String name, String planId, @Nullable PlanLimits limits, String ownerEmail, @Nullable String ownerName) {
    }

    public record PlanChange(String planId, @Nullable PlanLimits limits) {
    }

    /** The Owner a seed made or found. */
    public record Seeded(String ownerId) {
    }

    /** The Owner's set-password link, null once the Owner has a password. */
    public record OwnerInvitation(String ownerId, @Nullable String setPasswordLink) {
    }

    /** The key tokens are signed with from now on, and every key that still verifies. */
    public record SigningKeyRotation(String kid, List<String> keys) {
    }

    /** The instance's usage now, as the control plane samples it. */
    public record UsageNow(long users, long contacts, long companies, long deals, long tasks, long storageBytes, long requests,
                           long p95Millis) {
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
        api.route(rules, Route.post("/internal/seed", "Control plane: create the Owner and default pipeline unless present; apply the plan")
                .managementKey().id("seedInstance").body(Seed.class).returns(Seeded.class), call -> {
            check(call);
            Seed seed = call.body(Seed.class);
            var owner = crm.seedForProvisioning(seed.name(), seed.planId(), seed.limits() == null ? PlanLimits.UNLIMITED : seed.limits(),
                    seed.ownerEmail(), seed.ownerName());
            return Reply.ok(new Seeded(owner.id()));
        });
        api.route(rules, Route.post("/internal/owner-invitation", "Control plane: a fresh set-password link for the Owner (null once set)")
                .managementKey().id("ownerInvitation").returns(OwnerInvitation.class), call -> {
            check(call);
            var owner = crm.users().owner().orElseThrow(() -> LiteDeskException.conflict("the instance has no Owner yet"));
            return Reply.ok(new OwnerInvitation(owner.id(), crm.ownerInvitationLink()));
        });
        api.route(rules, Route.post("/internal/signing-keys/rotate",
                "Control plane: sign with a new key from now on; the old one verifies until its tokens expire").managementKey()
                .id("rotateSigningKey").returns(SigningKeyRotation.class), call -> {
            check(call);
            String kid = signingKeys.rotate();
            return Reply.ok(new SigningKeyRotation(kid, signingKeys.ids()));
        });
        api.route(rules, Route.put("/internal/plan", "Control plane: apply a plan's limits now, without a restart").managementKey()
                .id("applyPlan").body(PlanChange.class).returns(InstanceSettings.class), call -> {
            check(call);
            PlanChange change = call.body(PlanChange.class);
            if (change.planId() == null || change.planId().isBlank()) {
                throw LiteDeskException.invalid("planId", "is required");
            }
            return Reply.ok(crm.settings().applyPlan(Actor.system(call.requestId()), change.planId(),
                    change.limits() == null ? PlanLimits.UNLIMITED : change.limits()));
        });
        api.route(rules, Route.get("/internal/usage", "Control plane: usage now (users, records, storage, requests, p95)").managementKey()
                .id("usageNow").returns(UsageNow.class), call -> {
            check(call);
            var usage = crm.usage().snapshot();
            return Reply.ok(new UsageNow(usage.activeUsers(), usage.contacts(), usage.companies(), usage.deals(), usage.openTasks(),
                    usage.storageBytes(), stats.count(), Math.round(stats.percentileMillis(95))));
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
