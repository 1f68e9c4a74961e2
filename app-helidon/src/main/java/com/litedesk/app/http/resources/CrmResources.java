package com.litedesk.app.http.resources;

import com.litedesk.app.csv.CsvStreams;
import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.crm.activities.ActivityDraft;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.dashboards.Dashboard;
import com.litedesk.core.crm.dashboards.DashboardScope;
import com.litedesk.core.crm.dashboards.Dashboards;
import com.litedesk.core.crm.deals.DealBoard;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.crm.notes.NoteDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.core.records.ImportReport;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.Note;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Task;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** Contacts, companies, deals (moves, board), tasks (views), notes and activities over HTTP. */
public final class CrmResources implements HttpService {

    /** The body of a deal move. */
    public record Move(String stageId, @Nullable Integer position) {
    }

    private final Api api;
    private final LiteDesk crm;
    private final long maxImportBytes;

    public CrmResources(Api api, LiteDesk crm, long maxImportBytes) {
        this.api = api;
        this.crm = crm;
        this.maxImportBytes = maxImportBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        DuplicateResources duplicates = new DuplicateResources(api, crm);
        new RecordResource<>(api, crm, crm.contacts(), Contact.class, ContactDraft.class, RecordType.CONTACT, "/api/contacts", true)
                .routing(rules, r -> {
                    api.stream(r, importRoute("/api/contacts/import",
                                    "Import contacts from CSV (upsert by email; ?dryRun=true; ?map=Header:field,...)", "importContacts"),
                            (call, res) -> CsvStreams.importCsv(call, res, api.json(), maxImportBytes,
                                    (rows, mapping, dryRun) -> crm.imports().importContacts(call.actor(), rows, mapping, dryRun)));
                    duplicates.contacts(r);
                });
        new RecordResource<>(api, crm, crm.companies(), Company.class, CompanyDraft.class, RecordType.COMPANY, "/api/companies", true)
                .routing(rules, r -> {
                    api.stream(r, importRoute("/api/companies/import",
                                    "Import companies from CSV (upsert by domain; ?dryRun=true; ?map=Header:field,...)", "importCompanies"),
                            (call, res) -> CsvStreams.importCsv(call, res, api.json(), maxImportBytes,
                                    (rows, mapping, dryRun) -> crm.imports().importCompanies(call.actor(), rows, mapping, dryRun)));
                    duplicates.companies(r);
                });
        new RecordResource<>(api, crm, crm.deals(), Deal.class, DealDraft.class, RecordType.DEAL, "/api/deals", true)
                .routing(rules, r -> {
                    api.route(r, Route.get("/api/deals/board", "A pipeline as a board: per-stage counts, totals and first deals")
                                    .id("getDealBoard").returns(DealBoard.class)
                                    .query(Route.Param.text("pipelineId", "The pipeline (else the default one)"),
                                            Route.Param.number("perStage", "Deals shown per stage", 1, 200, 50)),
                            call -> Reply.ok(crm.deals().board(call.actor(), call.query("pipelineId"),
                                    call.intQuery("perStage", 50, 1, ListRequest.MAX_LIMIT))));
                    api.route(r, Route.post("/api/deals/{id}/move", "Move a deal to a stage and position (audited)").id("moveDeal")
                            .body(Move.class).ifMatch().returns(Deal.class).etag(), call -> {
                        Move move = call.body(Move.class);
                        if (move.stageId() == null) {
                            throw LiteDeskException.invalid("stageId", "is required");
                        }
                        var moved = crm.deals().move(call.actor(), call.path("id"), move.stageId(), move.position(), call.ifMatch());
                        return Reply.ok(moved).withVersion(moved.version());
                    });
                });
        api.route(rules, Route.get("/api/dashboard", "Dashboard figures for a scope and period: pipeline value by stage, "
                                + "weighted forecast, win rate, activity by user, deals won per month")
                        .id("getDashboard").returns(Dashboard.class)
                        .query(Route.Param.text("scope", "mine, team or all (else the role's default: mine for a User, team for a "
                                        + "Manager, all for the others); a scope the role is not offered is refused"),
                                Route.Param.number("months", "How many months, the current one included", 1, Dashboards.MAX_MONTHS, 12),
                                Route.Param.text("pipelineId", "The pipeline of the value by stage (else the default one)")),
                call -> Reply.ok(crm.dashboards().show(call.actor(), DashboardScope.parse(call.query("scope")),
                        call.intQuery("months", 12, 1, Dashboards.MAX_MONTHS), call.query("pipelineId"))));
        new RecordResource<>(api, crm, crm.tasks(), Task.class, TaskDraft.class, RecordType.TASK, "/api/tasks", false)
                .routing(rules, r -> {
                    api.route(r, Route.get("/api/tasks/mine", "My open tasks").id("listMyTasks").listed().returns(Route.pageOf(Task.class)),
                            call -> Reply.ok(crm.tasks().myOpen(call.actor(), call.listRequest())));
                    api.route(r, Route.get("/api/tasks/overdue", "Open tasks past their due date").id("listOverdueTasks").listed()
                                    .returns(Route.pageOf(Task.class)),
                            call -> Reply.ok(crm.tasks().overdue(call.actor(), call.listRequest())));
                });
        new RecordResource<>(api, crm, crm.notes(), Note.class, NoteDraft.class, RecordType.NOTE, "/api/notes", false)
                .routing(rules, r -> {
                });
        // a record's activities: filter=linkedRecord.id[eq]:"…" (and linkedRecord.type), sort=-occurredAt
        new RecordResource<>(api, crm, crm.activities(), Activity.class, ActivityDraft.class, RecordType.ACTIVITY, "/api/activities", false)
                .routing(rules, r -> {
                });
    }

    private static Route importRoute(String path, String summary, String id) {
        return Route.post(path, summary).id(id).csvBody().returns(ImportReport.class)
                .query(Route.Param.flag("dryRun", "Check the file and count what would happen, writing nothing"),
                        Route.Param.text("map", "Which CSV column fills which field: Header:field pairs joined by ','"));
    }
}
