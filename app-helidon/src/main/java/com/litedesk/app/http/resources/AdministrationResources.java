package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Items;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.RequestStats;
import com.litedesk.app.http.Route;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.access.Permissions;
import com.litedesk.core.audit.AuditVerification;
import com.litedesk.core.crm.pipelines.PipelineDraft;
import com.litedesk.core.identity.Invitation;
import com.litedesk.core.identity.NewUser;
import com.litedesk.core.identity.TeamDraft;
import com.litedesk.core.identity.TeamView;
import com.litedesk.core.identity.UserDraft;
import com.litedesk.core.identity.UserView;
import com.litedesk.core.settings.SettingsDraft;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.instance.InstanceSettings;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** Users and their invitations, teams, pipelines, settings, the audit log and this instance's usage metrics. */
public final class AdministrationResources implements HttpService {

    public record Transfer(String userId) {
    }

    /** This instance's usage as its Owner sees it. */
    public record InstanceMetrics(long users, long contacts, long companies, long deals, long openTasks, long notes, long storageBytes,
                                  long requests, double p95LatencyMs) {
    }

    /** The custom field definitions per kind of record (CONTACT, COMPANY, DEAL), in the order forms show them. */
    public record CustomFieldsView(java.util.Map<String, java.util.List<com.litedesk.ports.crm.CustomFieldDefinition>> customFields) {
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
        api.route(rules, Route.get("/api/auth/me/permissions",
                        "What the logged-in user may do: every resource and action with its scope (NONE, OWN, TEAM, ALL), as the server decides")
                .id("getMyPermissions").returns(Permissions.class), call -> Reply.ok(crm.permissions(call.actor())));
        api.route(rules, Route.get("/api/settings", "The instance's settings (name, plan, limits, custom fields)").id("getSettings")
                .returns(InstanceSettings.class).etag(), call -> {
            var s = crm.settings().get(call.actor());
            return Reply.ok(s).withVersion(s.version());
        });
        api.route(rules, Route.get("/api/settings/custom-fields", "The custom field definitions, for every signed-in user (forms and record pages)")
                .id("getCustomFields").returns(CustomFieldsView.class), call -> Reply.ok(new CustomFieldsView(crm.settings().customFields(call.actor()))));
        api.route(rules, Route.patch("/api/settings", "Change the name or the custom field definitions").id("updateSettings")
                .mergePatch(SettingsDraft.class).ifMatch().returns(InstanceSettings.class).etag(), call -> {
            var actor = call.actor();
            var current = crm.settings().get(actor);
            SettingsDraft draft = call.patch(crm.settings().draftOf(current), SettingsDraft.class);
            Long expected = call.ifMatch();
            var updated = crm.settings().update(actor, expected == null ? current.version() : expected, draft);
            return Reply.ok(updated).withVersion(updated.version());
        });
        api.route(rules, Route.get("/api/audit", "The audit log, newest first (filter by action, actorId, record.id …)").id("listAudit")
                        .listed().returns(Route.pageOf(AuditEntry.class)),
                call -> Reply.ok(crm.audit().list(call.actor(), call.listRequest())));
        api.route(rules, Route.get("/api/audit/verify", "Re-compute the audit hash chain").id("verifyAudit").returns(AuditVerification.class),
                call -> Reply.ok(crm.audit().verify(call.actor())));
        api.route(rules, Route.get("/api/metrics", "This instance's usage: records, storage, requests, p95 latency").id("getMetrics")
                .returns(InstanceMetrics.class), call -> {
            var usage = crm.usage().snapshot(call.actor());
            return Reply.ok(new InstanceMetrics(usage.activeUsers(), usage.contacts(), usage.companies(), usage.deals(), usage.openTasks(),
                    usage.notes(), usage.storageBytes(), stats.count(), stats.percentileMillis(95)));
        });
    }

    private void users(HttpRules rules) {
        api.route(rules, Route.get("/api/users", "List users, each with their status (pending, active, deactivated)").id("listUsers")
                        .listed().returns(Route.pageOf(UserView.class)),
                call -> Reply.ok(crm.users().listViews(call.actor(), call.listRequest())));
        api.route(rules, Route.post("/api/users", "Add a user (with a password, or invited by mail; while no mail provider delivers "
                        + "mail, the answer's invitation carries the link to hand over)").id("createUser").body(NewUser.class)
                .returns(UserView.class).created().etag(),
                call -> crm.users().requireMayCreate(call.actor()), // one who may not add users is told so (and audited) first
                call -> {
            NewUser input;
            try {
                input = call.body(NewUser.class);
            } catch (Exception malformed) {
                crm.users().requireMayCreate(call.actor()); // a malformed attempt by one who may not add users is a denial
                throw malformed;
            }
            var user = crm.users().create(call.actor(), input);
            return Reply.created(crm.users().view(call.actor(), user), "/api/users/" + user.id()).withVersion(user.version());
        });
        api.route(rules, Route.post("/api/users/transfer-ownership", "Pass ownership to another user (Owner only)").id("transferOwnership")
                .body(Transfer.class).returns(User.class), call -> {
            Transfer transfer = call.body(Transfer.class);
            if (transfer.userId() == null) {
                throw LiteDeskException.invalid("userId", "is required");
            }
            return Reply.ok(crm.users().transferOwnership(call.actor(), transfer.userId()));
        });
        api.route(rules, Route.get("/api/users/{id}", "Read a user, with their status and any pending invitation").id("getUser")
                .returns(UserView.class).etag(), call -> {
            var user = crm.users().get(call.actor(), call.path("id"));
            return Reply.ok(crm.users().view(call.actor(), user)).withVersion(user.version());
        });
        api.route(rules, Route.patch("/api/users/{id}", "Change a user's name, role, team or active flag").id("updateUser")
                .mergePatch(UserDraft.class).ifMatch().returns(UserView.class).etag(), call -> {
            var actor = call.actor();
            var current = crm.users().get(actor, call.path("id"));
            UserDraft draft = call.patch(crm.users().draftOf(current), UserDraft.class);
            Long expected = call.ifMatch();
            var updated = crm.users().update(actor, current.id(), expected == null ? current.version() : expected, draft);
            return Reply.ok(crm.users().view(actor, updated)).withVersion(updated.version());
        });
        api.route(rules, Route.delete("/api/users/{id}", "Deactivate a user: they cannot sign in, their sessions end at once "
                        + "(the Owner cannot be deactivated)").id("deactivateUser").ifMatch().noContent(), call -> {
            crm.users().deactivate(call.actor(), call.path("id"), call.ifMatch());
            return Reply.noContent();
        });
        api.route(rules, Route.post("/api/users/{id}/reactivate", "Let a deactivated user sign in again (one who never set a "
                        + "password is invited again)").id("reactivateUser").ifMatch().returns(UserView.class).etag(), call -> {
            var actor = call.actor();
            var user = crm.users().reactivate(actor, call.path("id"), call.ifMatch());
            return Reply.ok(crm.users().view(actor, user)).withVersion(user.version());
        });
        api.route(rules, Route.get("/api/invitations", "Pending invitations, newest first (Owner and Admin; the link only while no "
                        + "mail provider delivers mail)").id("listInvitations").returns(Route.itemsOf(Invitation.class)),
                call -> Reply.ok(new Items<>(crm.invitations().pending(call.actor()))));
        api.route(rules, Route.post("/api/invitations/{userId}/resend", "Mail a new invitation link; the earlier links stop working")
                .id("resendInvitation").returns(Invitation.class),
                call -> Reply.ok(crm.invitations().resend(call.actor(), call.path("userId"))));
        api.route(rules, Route.delete("/api/invitations/{userId}", "Revoke an invitation: its links stop working and the invited "
                        + "user is deactivated").id("revokeInvitation").noContent(), call -> {
            crm.invitations().revoke(call.actor(), call.path("userId"));
            return Reply.noContent();
        });
    }

    private void teams(HttpRules rules) {
        api.route(rules, Route.get("/api/teams", "List teams with their members").id("listTeams").returns(Route.itemsOf(TeamView.class)),
                call -> Reply.ok(new Items<>(crm.teams().list(call.actor()))));
        api.route(rules, Route.post("/api/teams", "Create a team").id("createTeam").body(TeamDraft.class).returns(TeamView.class)
                .created().etag(), call -> {
            var team = crm.teams().create(call.actor(), call.body(TeamDraft.class));
            return Reply.created(team, "/api/teams/" + team.id()).withVersion(team.version());
        });
        api.route(rules, Route.get("/api/teams/{id}", "Read a team").id("getTeam").returns(TeamView.class).etag(), call -> {
            var team = crm.teams().get(call.actor(), call.path("id"));
            return Reply.ok(team).withVersion(team.version());
        });
        api.route(rules, Route.patch("/api/teams/{id}", "Rename a team").id("updateTeam").body(TeamDraft.class).ifMatch()
                .returns(TeamView.class).etag(), call -> {
            var team = crm.teams().update(call.actor(), call.path("id"), call.ifMatch(), call.body(TeamDraft.class));
            return Reply.ok(team).withVersion(team.version());
        });
        api.route(rules, Route.delete("/api/teams/{id}", "Delete an empty team").id("deleteTeam").ifMatch().noContent(), call -> {
            crm.teams().delete(call.actor(), call.path("id"), call.ifMatch());
            return Reply.noContent();
        });
    }

    private void pipelines(HttpRules rules) {
        api.route(rules, Route.get("/api/pipelines", "List pipelines with their stages").id("listPipelines")
                        .returns(Route.itemsOf(Pipeline.class)),
                call -> Reply.ok(new Items<>(crm.pipelines().list(call.actor()))));
        api.route(rules, Route.post("/api/pipelines", "Create a pipeline").id("createPipeline").body(PipelineDraft.class)
                .returns(Pipeline.class).created().etag(), call -> {
            var p = crm.pipelines().create(call.actor(), call.body(PipelineDraft.class));
            return Reply.created(p, "/api/pipelines/" + p.id()).withVersion(p.version());
        });
        api.route(rules, Route.get("/api/pipelines/{id}", "Read a pipeline").id("getPipeline").returns(Pipeline.class).etag(), call -> {
            var p = crm.pipelines().get(call.actor(), call.path("id"));
            return Reply.ok(p).withVersion(p.version());
        });
        api.route(rules, Route.put("/api/pipelines/{id}", "Replace a pipeline's name and stages (keep stage ids to keep stages)")
                .id("replacePipeline").body(PipelineDraft.class).ifMatch().returns(Pipeline.class).etag(), call -> {
            var p = crm.pipelines().update(call.actor(), call.path("id"), call.ifMatch(), call.body(PipelineDraft.class));
            return Reply.ok(p).withVersion(p.version());
        });
        api.route(rules, Route.delete("/api/pipelines/{id}", "Delete a pipeline without deals").id("deletePipeline").ifMatch().noContent(),
                call -> {
                    crm.pipelines().delete(call.actor(), call.path("id"), call.ifMatch());
                    return Reply.noContent();
                });
    }
}
