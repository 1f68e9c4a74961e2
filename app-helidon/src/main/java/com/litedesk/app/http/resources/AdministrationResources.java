package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.RequestStats;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.crm.pipelines.PipelineDraft;
import com.litedesk.core.identity.NewUser;
import com.litedesk.core.identity.TeamDraft;
import com.litedesk.core.identity.UserDraft;
import com.litedesk.core.settings.SettingsDraft;
import com.litedesk.ports.LiteDeskException;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.LinkedHashMap;
import java.util.Map;

/** Users, teams, pipelines, settings, the audit log and this instance's usage metrics. */
public final class AdministrationResources implements HttpService {

    public record Transfer(String userId) {
    }

    private final Api api;
    private final LiteDesk crm;
    private final RequestStats stats;

    public AdministrationResources(Api api, LiteDesk crm, RequestStats stats) {
        this.api = api;
        this.crm = crm;
        this.stats = stats;
    }

    @Override
    public void routing(HttpRules rules) {
        users(rules);
        teams(rules);
        pipelines(rules);
        api.route(rules, Method.GET, "/api/settings", "The instance's settings (name, plan, limits, custom fields)", call -> {
            var s = crm.settings().get(call.actor());
            return Reply.ok(s).withVersion(s.version());
        });
        api.route(rules, Method.PATCH, "/api/settings", "Change the name or the custom field definitions", call -> {
            var actor = call.actor();
            var current = crm.settings().get(actor);
            SettingsDraft draft = call.patch(crm.settings().draftOf(current), SettingsDraft.class);
            Long expected = call.ifMatch();
            var updated = crm.settings().update(actor, expected == null ? current.version() : expected, draft);
            return Reply.ok(updated).withVersion(updated.version());
        });
        api.route(rules, Method.GET, "/api/audit", "The audit log, newest first (filter by action, actorId, record.id …)",
                call -> Reply.ok(crm.audit().list(call.actor(), call.listRequest())));
        api.route(rules, Method.GET, "/api/audit/verify", "Re-compute the audit hash chain",
                call -> Reply.ok(crm.audit().verify(call.actor())));
        api.route(rules, Method.GET, "/api/metrics", "This instance's usage: records, storage, requests, p95 latency", call -> {
            var usage = crm.usage().snapshot(call.actor());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("users", usage.activeUsers());
            out.put("contacts", usage.contacts());
            out.put("companies", usage.companies());
            out.put("deals", usage.deals());
            out.put("openTasks", usage.openTasks());
            out.put("notes", usage.notes());
            out.put("storageBytes", usage.storageBytes());
            out.put("requests", stats.count());
            out.put("p95LatencyMs", stats.percentileMillis(95));
            return Reply.ok(out);
        });
    }

    private void users(HttpRules rules) {
        api.route(rules, Method.GET, "/api/users", "List users", call -> Reply.ok(crm.users().list(call.actor(), call.listRequest())));
        api.route(rules, Method.POST, "/api/users", "Add a user (with a password, or invited by mail)", call -> {
            var user = crm.users().create(call.actor(), call.body(NewUser.class));
            return Reply.created(user, "/api/users/" + user.id()).withVersion(user.version());
        });
        api.route(rules, Method.POST, "/api/users/transfer-ownership", "Pass ownership to another user (Owner only)", call -> {
            Transfer transfer = call.body(Transfer.class);
            if (transfer.userId() == null) {
                throw LiteDeskException.invalid("userId", "is required");
            }
            return Reply.ok(crm.users().transferOwnership(call.actor(), transfer.userId()));
        });
        api.route(rules, Method.GET, "/api/users/{id}", "Read a user", call -> {
            var user = crm.users().get(call.actor(), call.path("id"));
            return Reply.ok(user).withVersion(user.version());
        });
        api.route(rules, Method.PATCH, "/api/users/{id}", "Change a user's name, role, team or active flag", call -> {
            var actor = call.actor();
            var current = crm.users().get(actor, call.path("id"));
            UserDraft draft = call.patch(crm.users().draftOf(current), UserDraft.class);
            Long expected = call.ifMatch();
            var updated = crm.users().update(actor, current.id(), expected == null ? current.version() : expected, draft);
            return Reply.ok(updated).withVersion(updated.version());
        });
        api.route(rules, Method.DELETE, "/api/users/{id}", "Deactivate a user and end their sessions", call -> {
            crm.users().deactivate(call.actor(), call.path("id"), call.ifMatch());
            return Reply.noContent();
        });
    }

    private void teams(HttpRules rules) {
        api.route(rules, Method.GET, "/api/teams", "List teams with their members",
                call -> Reply.ok(Map.of("items", crm.teams().list(call.actor()))));
        api.route(rules, Method.POST, "/api/teams", "Create a team", call -> {
            var team = crm.teams().create(call.actor(), call.body(TeamDraft.class));
            return Reply.created(team, "/api/teams/" + team.id()).withVersion(team.version());
        });
        api.route(rules, Method.GET, "/api/teams/{id}", "Read a team", call -> Reply.ok(crm.teams().get(call.actor(), call.path("id"))));
        api.route(rules, Method.PATCH, "/api/teams/{id}", "Rename a team", call -> {
            var team = crm.teams().update(call.actor(), call.path("id"), call.ifMatch(), call.body(TeamDraft.class));
            return Reply.ok(team).withVersion(team.version());
        });
        api.route(rules, Method.DELETE, "/api/teams/{id}", "Delete an empty team", call -> {
            crm.teams().delete(call.actor(), call.path("id"), call.ifMatch());
            return Reply.noContent();
        });
    }

    private void pipelines(HttpRules rules) {
        api.route(rules, Method.GET, "/api/pipelines", "List pipelines with their stages",
                call -> Reply.ok(Map.of("items", crm.pipelines().list(call.actor()))));
        api.route(rules, Method.POST, "/api/pipelines", "Create a pipeline", call -> {
            var p = crm.pipelines().create(call.actor(), call.body(PipelineDraft.class));
            return Reply.created(p, "/api/pipelines/" + p.id()).withVersion(p.version());
        });
        api.route(rules, Method.GET, "/api/pipelines/{id}", "Read a pipeline", call -> {
            var p = crm.pipelines().get(call.actor(), call.path("id"));
            return Reply.ok(p).withVersion(p.version());
        });
        api.route(rules, Method.PUT, "/api/pipelines/{id}", "Replace a pipeline's name and stages (keep stage ids to keep stages)", call -> {
            var p = crm.pipelines().update(call.actor(), call.path("id"), call.ifMatch(), call.body(PipelineDraft.class));
            return Reply.ok(p).withVersion(p.version());
        });
        api.route(rules, Method.DELETE, "/api/pipelines/{id}", "Delete a pipeline without deals", call -> {
            crm.pipelines().delete(call.actor(), call.path("id"), call.ifMatch());
            return Reply.noContent();
        });
    }
}
