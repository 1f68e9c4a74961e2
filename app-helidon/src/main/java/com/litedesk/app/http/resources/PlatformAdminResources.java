package com.litedesk.app.http.resources;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.litedesk.app.http.Api;
import com.litedesk.app.http.Items;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.audit.AuditVerification;
import com.litedesk.core.platform.ControlPlane;
import com.litedesk.core.platform.DevelopmentOutbox;
import com.litedesk.core.platform.context.PlatformAccess;
import com.litedesk.core.platform.monitoring.AggregatedMetrics;
import com.litedesk.core.platform.plans.Plan;
import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.platform.Backup;
import com.litedesk.ports.platform.DemoRequest;
import com.litedesk.ports.platform.HealthSample;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.Subscription;
import com.litedesk.ports.platform.UsageSample;
import com.litedesk.ports.platform.Workflow;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.time.Instant;

/**
 * The platform console's API under {@code /api/admin}: demo requests and their conversion, instances and their
 * lifecycle, provisioning steps, health and usage history, backups, plans, subscriptions, platform admins, the
 * audit log and the development outbox; and {@code /api/metrics/aggregated}. Platform admins change things;
 * platform viewers read.
 */
public final class PlatformAdminResources implements HttpService {

    public record Rejection(@Nullable String note) {
    }

    public record Suspension(@Nullable String reason) {
    }

    public record PlanChange(String planId) {
    }

    public record Restore(@Nullable String subdomain) {
    }

    public record NewAdmin(String email, String name, String role, @Nullable String password) {
    }

    /** The instance a conversion or a restore works on, answered at once (202) while it is carried out. */
    public record InstanceRef(String instanceId) {
    }

    /** The key an instance signs its tokens with from now on. */
    public record SigningKey(String kid) {
    }

    /** An instance with the address it answers at. */
    public record InstanceView(@JsonUnwrapped Instance instance, String url) {
    }

    /** A platform admin or viewer ({@code role} is platform-admin or platform-viewer). */
    public record PlatformAccount(String id, String email, String name, String role, boolean active, Instant createdAt) {
    }

    private final Api api;
    private final ControlPlane platform;

    private final java.util.function.Supplier<String> rotatePlatformKey;

    /** @param rotatePlatformKey makes a new signing key for platform tokens and returns its id */
    public PlatformAdminResources(Api api, ControlPlane platform, java.util.function.Supplier<String> rotatePlatformKey) {
        this.api = api;
        this.platform = platform;
        this.rotatePlatformKey = rotatePlatformKey;
    }

    @Override
    public void routing(HttpRules rules) {
        demoRequests(rules);
        instances(rules);
        backups(rules);
        admins(rules);
        api.route(rules, Route.get("/api/admin/plans", "The plans and their limits").id("listPlans").returns(Route.itemsOf(Plan.class)),
                call -> {
                    call.actor(); // any platform account may read the catalogue
                    return Reply.ok(new Items<>(platform.plans()));
                });
        api.route(rules, Route.get("/api/admin/subscriptions", "Every subscription with its plan, status and trial end")
                        .id("listSubscriptions").returns(Route.itemsOf(Subscription.class)),
                call -> Reply.ok(new Items<>(platform.instances().subscriptions(call.actor()))));
        api.route(rules, Route.get("/api/metrics/aggregated", "Usage totals over all instances, per plan and per state").tag("Metrics")
                        .id("getAggregatedMetrics").returns(AggregatedMetrics.class),
                call -> Reply.ok(platform.monitor().aggregated(call.actor())));
        api.route(rules, Route.get("/api/admin/audit", "The control plane's audit log, newest first").id("listAudit").listed()
                        .returns(Route.pageOf(AuditEntry.class)),
                call -> Reply.ok(platform.audit(call.actor(), call.listRequest())));
        api.route(rules, Route.get("/api/admin/audit/verify", "Re-compute the control plane's audit hash chain").id("verifyAudit")
                        .returns(AuditVerification.class),
                call -> Reply.ok(platform.verifyAudit(call.actor())));
        api.route(rules, Route.get("/api/admin/outbox",
                        "The development outbox, newest first (mode, note, items: to, subject, text, sentAt); platform admins only, "
                                + "404 when a mail provider delivers mail").id("listOutbox")
                        .query(Route.LIMIT).returns(DevelopmentOutbox.class),
                call -> Reply.ok(platform.outbox(call.actor(), call.limit(50))));
    }

    private void demoRequests(HttpRules rules) {
        var requests = platform.demoRequests();
        api.route(rules, Route.get("/api/admin/demo-requests", "Demo requests, newest first (filter by state, q searches)")
                        .id("listDemoRequests").listed().returns(Route.pageOf(DemoRequest.class)),
                call -> Reply.ok(requests.list(call.actor(), call.listRequest())));
        api.route(rules, Route.get("/api/admin/demo-requests/{id}", "One demo request").id("getDemoRequest").returns(DemoRequest.class),
                call -> Reply.ok(requests.get(call.actor(), call.path("id"))));
        api.route(rules, Route.post("/api/admin/demo-requests/{id}/contact", "Mark a NEW request CONTACTED").id("markDemoRequestContacted")
                        .returns(DemoRequest.class),
                call -> Reply.ok(requests.markContacted(call.actor(), call.path("id"))));
        api.route(rules, Route.post("/api/admin/demo-requests/{id}/qualify", "Mark a request QUALIFIED").id("qualifyDemoRequest")
                        .returns(DemoRequest.class),
                call -> Reply.ok(requests.qualify(call.actor(), call.path("id"))));
        api.route(rules, Route.post("/api/admin/demo-requests/{id}/reject", "Reject a request (with an optional note)").id("rejectDemoRequest")
                        .optionalBody(Rejection.class).returns(DemoRequest.class),
                call -> Reply.ok(requests.reject(call.actor(), call.path("id"), call.optionalBody(Rejection.class, new Rejection(null)).note())));
        api.route(rules, Route.post("/api/admin/demo-requests/{id}/convert",
                        "Convert into customer + trial + instance; 202 with the instance id at once (again: the same id)")
                        .id("convertDemoRequest").returns(InstanceRef.class).accepted(),
                call -> Reply.accepted(new InstanceRef(platform.instances().convert(call.actor(), call.path("id")))));
    }

    private void instances(HttpRules rules) {
        var instances = platform.instances();
        api.route(rules, Route.get("/api/admin/instances", "Instances with state, plan, health and usage (filter by state, planId)")
                        .id("listInstances").listed().returns(Route.pageOf(InstanceView.class)),
                call -> Reply.ok(instances.list(call.actor(), call.listRequest()).map(this::view)));
        api.route(rules, Route.get("/api/admin/instances/{id}", "One instance").id("getInstance").returns(InstanceView.class),
                call -> Reply.ok(view(instances.get(call.actor(), call.path("id")))));
        api.route(rules, Route.get("/api/admin/instances/{id}/provisioning",
                        "The provisioning (or deletion) steps: state, attempts, timings, last error").id("getProvisioning").returns(Workflow.class),
                call -> Reply.ok(instances.provisioning(call.actor(), call.path("id"))));
        api.route(rules, Route.post("/api/admin/instances/{id}/suspend", "Stop a READY instance; it answers 503 until resumed")
                        .id("suspendInstance").optionalBody(Suspension.class).returns(InstanceView.class),
                call -> Reply.ok(view(instances.suspend(call.actor(), call.path("id"),
                        call.optionalBody(Suspension.class, new Suspension(null)).reason()))));
        api.route(rules, Route.post("/api/admin/instances/{id}/resume", "Start a SUSPENDED instance again").id("resumeInstance")
                        .returns(InstanceView.class),
                call -> Reply.ok(view(instances.resume(call.actor(), call.path("id")))));
        api.route(rules, Route.post("/api/admin/instances/{id}/retry", "Run a FAILED instance's workflow again from the failed step")
                        .id("retryInstance").returns(InstanceView.class).accepted(),
                call -> Reply.accepted(view(instances.retry(call.actor(), call.path("id")))));
        api.route(rules, Route.delete("/api/admin/instances/{id}", "Delete: workload, database, DNS name and secrets (202; watch the steps)")
                        .id("deleteInstance").returns(InstanceView.class).accepted(),
                call -> Reply.accepted(view(instances.delete(call.actor(), call.path("id")))));
        api.route(rules, Route.put("/api/admin/instances/{id}/plan", "Move to another plan; the running instance applies it at once")
                        .id("changeInstancePlan").body(PlanChange.class).returns(InstanceView.class),
                call -> Reply.ok(view(instances.changePlan(call.actor(), call.path("id"), call.body(PlanChange.class).planId()))));
        api.route(rules, Route.post("/api/admin/signing-keys/rotate",
                        "Sign platform tokens with a new key; tokens signed with the old one work until they expire")
                        .id("rotatePlatformSigningKey").returns(SigningKey.class),
                call -> Reply.ok(new SigningKey(platform.rotateSigningKey(call.actor(), rotatePlatformKey))));
        api.route(rules, Route.post("/api/admin/instances/{id}/signing-keys/rotate",
                        "Have the instance sign with a new key; tokens signed with the old one work until they expire")
                        .id("rotateInstanceSigningKey").returns(SigningKey.class),
                call -> Reply.ok(new SigningKey(instances.rotateSigningKey(call.actor(), call.path("id")))));
        api.route(rules, Route.get("/api/admin/instances/{id}/health", "Recent health checks, oldest first").id("getInstanceHealth")
                        .returns(Route.itemsOf(HealthSample.class)),
                call -> Reply.ok(new Items<>(platform.monitor().history(call.actor(), call.path("id")).health())));
        api.route(rules, Route.get("/api/admin/instances/{id}/metrics", "Recent usage samples, oldest first").id("getInstanceMetrics")
                        .returns(Route.itemsOf(UsageSample.class)),
                call -> Reply.ok(new Items<>(platform.monitor().history(call.actor(), call.path("id")).usage())));
    }

    private void backups(HttpRules rules) {
        api.route(rules, Route.post("/api/admin/instances/{id}/backups", "Back the instance's database up now").id("createBackup")
                        .returns(Backup.class).created(),
                call -> {
                    var backup = platform.backups().create(call.actor(), call.path("id"), "manual");
                    return Reply.created(backup, "/api/admin/instances/" + call.path("id") + "/backups/" + backup.id());
                });
        api.route(rules, Route.get("/api/admin/instances/{id}/backups", "The instance's backups, newest first").id("listBackups")
                        .returns(Route.itemsOf(Backup.class)),
                call -> Reply.ok(new Items<>(platform.backups().list(call.actor(), call.path("id")))));
        api.route(rules, Route.get("/api/admin/instances/{id}/backups/{backupId}", "One backup of the instance").id("getBackup")
                        .returns(Backup.class),
                call -> Reply.ok(platform.backups().get(call.actor(), call.path("id"), call.path("backupId"))));
        api.route(rules, Route.post("/api/admin/instances/{id}/backups/{backupId}/restore",
                        "Restore into the same instance, or into a new one at {\"subdomain\"} (202 with its id)").id("restoreBackup")
                        .optionalBody(Restore.class).returns(InstanceRef.class).accepted(),
                call -> Reply.accepted(new InstanceRef(platform.backups().restore(call.actor(), call.path("id"), call.path("backupId"),
                        call.optionalBody(Restore.class, new Restore(null)).subdomain()))));
    }

    private void admins(HttpRules rules) {
        api.route(rules, Route.get("/api/admin/admins", "Platform admins and viewers").id("listAdmins").listed()
                        .returns(Route.pageOf(PlatformAccount.class)),
                call -> Reply.ok(platform.admins().list(call.actor(), call.listRequest()).map(PlatformAdminResources::account)));
        api.route(rules, Route.get("/api/admin/admins/{id}", "One platform admin or viewer").id("getAdmin")
                        .returns(PlatformAccount.class),
                call -> Reply.ok(account(platform.admins().get(call.actor(), call.path("id")))));
        api.route(rules, Route.post("/api/admin/admins", "Add a platform admin or viewer (with a password, or invited by mail)")
                        .id("createAdmin").body(NewAdmin.class).returns(PlatformAccount.class).created(),
                call -> platform.requireAdmin(call.actor(), "admin.create"), // a viewer's malformed attempt is refused (and audited)
                call -> {
                    NewAdmin input = call.body(NewAdmin.class);
                    User created = platform.addAdmin(call.actor(), input.email(), input.name(), input.role(), input.password());
                    return Reply.created(account(created), "/api/admin/admins/" + created.id());
                });
    }

    private static PlatformAccount account(User user) {
        return new PlatformAccount(user.id(), user.email(), user.name(), PlatformAccess.roleName(user.role()), user.active(), user.createdAt());
    }

    private InstanceView view(Instance instance) {
        return new InstanceView(instance, platform.settings().urlOf(instance.subdomain()));
    }
}
