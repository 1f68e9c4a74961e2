package com.litedesk.app.http.resources;

import com.litedesk.app.csv.CsvStreams;
import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.crm.notes.NoteDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordType;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** Contacts, companies, deals (moves, board), tasks (views) and notes over HTTP. */
public final class CrmResources implements HttpService {

    /** The body of a deal move. */
    public record Move(String stageId, Integer position) {
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
        new RecordResource<>(api, crm, crm.contacts(), ContactDraft.class, RecordType.CONTACT, "/api/contacts", true)
                .routing(rules, r -> api.stream(r, Method.POST, "/api/contacts/import",
                        "Import contacts from CSV (upsert by email; ?dryRun=true; ?map=Header:field,...)", "text/csv", "application/json",
                        (call, res) -> CsvStreams.importCsv(call, res, api.json(), maxImportBytes,
                                (rows, mapping, dryRun) -> crm.imports().importContacts(call.actor(), rows, mapping, dryRun))));
        new RecordResource<>(api, crm, crm.companies(), CompanyDraft.class, RecordType.COMPANY, "/api/companies", true)
                .routing(rules, r -> api.stream(r, Method.POST, "/api/companies/import",
                        "Import companies from CSV (upsert by domain; ?dryRun=true; ?map=Header:field,...)", "text/csv", "application/json",
                        (call, res) -> CsvStreams.importCsv(call, res, api.json(), maxImportBytes,
                                (rows, mapping, dryRun) -> crm.imports().importCompanies(call.actor(), rows, mapping, dryRun))));
        new RecordResource<>(api, crm, crm.deals(), DealDraft.class, RecordType.DEAL, "/api/deals", true)
                .routing(rules, r -> {
                    api.route(r, Method.GET, "/api/deals/board", "A pipeline as a board: per-stage counts, totals and first deals",
                            call -> Reply.ok(crm.deals().board(call.actor(), call.query("pipelineId"),
                                    call.intQuery("perStage", 50, 1, ListRequest.MAX_LIMIT))));
                    api.route(r, Method.POST, "/api/deals/{id}/move", "Move a deal to a stage and position (audited)", call -> {
                        Move move = call.body(Move.class);
                        if (move.stageId() == null) {
                            throw LiteDeskException.invalid("stageId", "is required");
                        }
                        var moved = crm.deals().move(call.actor(), call.path("id"), move.stageId(), move.position(), call.ifMatch());
                        return Reply.ok(moved).withVersion(moved.version());
                    });
                });
        new RecordResource<>(api, crm, crm.tasks(), TaskDraft.class, RecordType.TASK, "/api/tasks", false)
                .routing(rules, r -> {
                    api.route(r, Method.GET, "/api/tasks/mine", "My open tasks",
                            call -> Reply.ok(crm.tasks().myOpen(call.actor(), call.listRequest())));
                    api.route(r, Method.GET, "/api/tasks/overdue", "Open tasks past their due date",
                            call -> Reply.ok(crm.tasks().overdue(call.actor(), call.listRequest())));
                });
        new RecordResource<>(api, crm, crm.notes(), NoteDraft.class, RecordType.NOTE, "/api/notes", false)
                .routing(rules, r -> {
                });
    }
}
