package com.litedesk.app.http.resources;

import com.fasterxml.jackson.core.type.TypeReference;
import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.core.listing.ListResult;
import com.litedesk.core.platform.ControlPlane;
import com.litedesk.core.platform.context.PlatformAccess;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.platform.Instance;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform console's API under {@code /api/admin}: demo requests and their conversion, instances and their
 * lifecycle, provisioning steps, health and usage history, backups, plans, subscriptions, platform admins, the
 * audit log and the development outbox; and {@code /api/metrics/aggregated}. Platform admins change things;
 * platform viewers read.
 */
public final class PlatformAdminResources implements HttpService {

    public record Rejection(String note) {
    }

    public record Suspension(String reason) {
    }

    public record PlanChange(String planId) {
    }

    public record Restore(String subdomain) {
    }

    public record NewAdmin(String email, String name, String role, String password) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Api api;
    private final ControlPlane platform;

    public PlatformAdminResources(Api api, ControlPlane platform) {
        this.api = api;
        this.platform = platform;
    }

    @Override
    public void routing(HttpRules rules) {
        demoRequests(rules);
        instances(rules);
        backups(rules);
        admins(rules);
        api.route(rules, Method.GET, "/api/admin/plans", "The plans and their limits",
                call -> {
                    call.actor(); // any platform account may read the catalogue
                    return Reply.ok(Map.of("items", platform.plans()));
                });
        api.route(rules, Method.GET, "/api/admin/subscriptions", "Every subscription with its plan, status and trial end",
                call -> Reply.ok(Map.of("items", platform.instances().subscriptions(call.actor()))));
        api.route(rules, Method.GET, "/api/metrics/aggregated", "Usage totals over all instances, per plan and per state",
                call -> Reply.ok(platform.monitor().aggregated(call.actor())));
        api.route(rules, Method.GET, "/api/admin/audit", "The control plane's audit log, newest first",
                call -> Reply.ok(platform.audit(call.actor(), call.listRequest())));
        api.route(rules, Method.GET, "/api/admin/audit/verify", "Re-compute the control plane's audit hash chain",
                call -> Reply.ok(platform.verifyAudit(call.actor())));
        api.route(rules, Method.GET, "/api/admin/outbox",
                "The development outbox, newest first (mode, note, items: to, subject, text, sentAt); platform admins only, "
                        + "404 when a mail provider delivers mail",
                call -> Reply.ok(platform.outbox(call.actor(), call.limit(50))));
    }

    private void demoRequests(HttpRules rules) {
        var requests = platform.demoRequests();
        api.route(rules, Method.GET, "/api/admin/demo-requests", "Demo requests, newest first (filter by state, q searches)",
                call -> Reply.ok(requests.list(call.actor(), call.listRequest())));
        api.route(rules, Method.GET, "/api/admin/demo-requests/{id}", "One demo request",
                call -> Reply.ok(requests.get(call.actor(), call.path("id"))));
        api.route(rules, Method.POST, "/api/admin/demo-requests/{id}/contact", "Mark a NEW request CONTACTED",
                call -> Reply.ok(requests.markContacted(call.actor(), call.path("id"))));
        api.route(rules, Method.POST, "/api/admin/demo-requests/{id}/qualify", "Mark a request QUALIFIED",
                call -> Reply.ok(requests.qualify(call.actor(), call.path("id"))));
        api.route(rules, Method.POST, "/api/admin/demo-requests/{id}/reject", "Reject a request (with an optional note)",
                call -> Reply.ok(requests.reject(call.actor(), call.path("id"), call.optionalBody(Rejection.class, new Rejection(null)).note())));
        api.route(rules, Method.POST, "/api/admin/demo-requests/{id}/convert",
                "Convert into customer + trial + instance; 202 with the instance id at once (again: the same id)",
                call -> Reply.accepted(Map.of("instanceId", platform.instances().convert(call.actor(), call.path("id")))));
    }

    private void instances(HttpRules rules) {
        var instances = platform.instances();
        api.route(rules, Method.GET, "/api/admin/instances", "Instances with state, plan, health and usage (filter by state, planId)",
                call -> {
                    ListResult<Instance> page = instances.list(call.actor(), call.listRequest());
                    return Reply.ok(new ListResult<>(page.items().stream().map(this::view).toList(), page.nextCursor()));
                });
        api.route(rules, Method.GET, "/api/admin/instances/{id}", "One instance",
                call -> Reply.ok(view(instances.get(call.actor(), call.path("id")))));
        api.route(rules, Method.GET, "/api/admin/instances/{id}/provisioning",
                "The provisioning (or deletion) steps: state, attempts, timings, last error",
                call -> Reply.ok(instances.provisioning(call.actor(), call.path("id"))));
        api.route(rules, Method.POST, "/api/admin/instances/{id}/suspend", "Stop a READY instance; it answers 503 until resumed",
                call -> Reply.ok(view(instances.suspend(call.actor(), call.path("id"),
                        call.optionalBody(Suspension.class, new Suspension(null)).reason()))));
        api.route(rules, Method.POST, "/api/admin/instances/{id}/resume", "Start a SUSPENDED instance again",
                call -> Reply.ok(view(instances.resume(call.actor(), call.path("id")))));
        api.route(rules, Method.POST, "/api/admin/instances/{id}/retry", "Run a FAILED instance's workflow again from the failed step",
                call -> Reply.accepted(view(instances.retry(call.actor(), call.path("id")))));
        api.route(rules, Method.DELETE, "/api/admin/instances/{id}", "Delete: workload, database, DNS name and secrets (202; watch the steps)",
                call -> Reply.accepted(view(instances.delete(call.actor(), call.path("id")))));
        api.route(rules, Method.PUT, "/api/admin/instances/{id}/plan", "Move to another plan; the running instance applies it at once",
                call -> Reply.ok(view(instances.changePlan(call.actor(), call.path("id"), call.body(PlanChange.class).planId()))));
        api.route(rules, Method.POST, "/api/admin/instances/{id}/signing-keys/rotate",
                "Have the instance sign with a new key; tokens signed with the old one work until they expire",
                call -> Reply.ok(Map.of("kid", instances.rotateSigningKey(call.actor(), call.path("id")))));
        api.route(rules, Method.GET, "/api/admin/instances/{id}/health", "Recent health checks, oldest first",
                call -> Reply.ok(Map.of("items", platform.monitor().history(call.actor(), call.path("id")).health())));
        api.route(rules, Method.GET, "/api/admin/instances/{id}/metrics", "Recent usage samples, oldest first",
                call -> Reply.ok(Map.of("items", platform.monitor().history(call.actor(), call.path("id")).usage())));
    }

    private void backups(HttpRules rules) {
        api.route(rules, Method.POST, "/api/admin/instances/{id}/backups", "Back the instance's database up now",
                call -> {
                    var backup = platform.backups().create(call.actor(), call.path("id"), "manual");
                    return Reply.created(backup, "/api/admin/instances/" + call.path("id") + "/backups/" + backup.id());
                });
        api.route(rules, Method.GET, "/api/admin/instances/{id}/backups", "The instance's backups, newest first",
                call -> Reply.ok(Map.of("items", platform.backups().list(call.actor(), call.path("id")))));
        api.route(rules, Method.GET, "/api/admin/instances/{id}/backups/{backupId}", "One backup of the instance",
                call -> Reply.ok(platform.backups().get(call.actor(), call.path("id"), call.path("backupId"))));
        api.route(rules, Method.POST, "/api/admin/instances/{id}/backups/{backupId}/restore",
                "Restore into the same instance, or into a new one at {\"subdomain\"} (202 with its id)",
                call -> Reply.accepted(Map.of("instanceId", platform.backups().restore(call.actor(), call.path("id"), call.path("backupId"),
                        call.optionalBody(Restore.class, new Restore(null)).subdomain()))));
    }

    private void admins(HttpRules rules) {
        api.route(rules, Method.GET, "/api/admin/admins", "Platform admins and viewers",
                call -> {
                    var page = platform.admins().list(call.actor(), call.listRequest());
                    return Reply.ok(new ListResult<>(page.items().stream().map(PlatformAdminResources::adminView).toList(), page.nextCursor()));
                });
        api.route(rules, Method.GET, "/api/admin/admins/{id}", "One platform admin or viewer",
                call -> Reply.ok(adminView(platform.admins().get(call.actor(), call.path("id")))));
        api.route(rules, Method.POST, "/api/admin/admins", "Add a platform admin or viewer (with a password, or invited by mail)",
                call -> platform.requireAdmin(call.actor(), "admin.create"), // a viewer's malformed attempt is refused (and audited)
                call -> {
                    NewAdmin input = call.body(NewAdmin.class);
                    User created = platform.addAdmin(call.actor(), input.email(), input.name(), input.role(), input.password());
                    return Reply.created(adminView(created), "/api/admin/admins/" + created.id());
                });
    }

    private static Map<String, Object> adminView(User user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id());
        out.put("email", user.email());
        out.put("name", user.name());
        out.put("role", PlatformAccess.roleName(user.role()));
        out.put("active", user.active());
        out.put("createdAt", user.createdAt());
        return out;
    }

    private Map<String, Object> view(Instance instance) {
        Map<String, Object> out = api.json().convertValue(instance, MAP);
        out.put("url", platform.settings().urlOf(instance.subdomain()));
        return out;
    }
}
