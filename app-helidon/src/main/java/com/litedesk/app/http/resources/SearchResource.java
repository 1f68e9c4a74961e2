package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Items;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.crm.search.GlobalSearch;
import com.litedesk.core.crm.search.RecordSummary;
import com.litedesk.core.crm.search.SearchResults;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * The search box: one search over every kind of CRM record, and the records the user opened lately. A record counts
 * as opened when the web UI says so ({@code POST /api/recent} as a record's page opens), not whenever the API reads
 * it: integrations and the UI's own look-ups of related records would otherwise fill a person's list.
 */
public final class SearchResource implements HttpService {

    /** Which record the user opened. */
    public record OpenedRecord(RecordType type, @MaxLength(64) String id) {
    }

    private final Api api;
    private final LiteDesk crm;

    public SearchResource(Api api, LiteDesk crm) {
        this.api = api;
        this.crm = crm;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Route.get("/api/search", "Search contacts, companies, deals, tasks and notes at once: the best few of each "
                                + "kind, the kind with the best match first (fewer than 2 characters find nothing)")
                        .id("search").tag("Search").returns(SearchResults.class)
                        .query(Route.Param.text("q", "What to look for (at most 100 characters, 5 words)"),
                                Route.Param.number("limit", "Hits per kind", 1, GlobalSearch.MAX_PER_KIND, GlobalSearch.DEFAULT_PER_KIND)),
                call -> Reply.ok(crm.search().search(call.actor(), call.query("q"),
                        call.intQuery("limit", GlobalSearch.DEFAULT_PER_KIND, 1, GlobalSearch.MAX_PER_KIND))));
        api.route(rules, Route.get("/api/recent", "The records the logged-in user opened lately, newest first (at most 10)")
                        .id("listRecentRecords").tag("Search").returns(Route.itemsOf(RecordSummary.class)),
                call -> Reply.ok(new Items<>(crm.recentRecords().of(call.actor()))));
        api.route(rules, Route.post("/api/recent", "Note that the logged-in user opened a record (its page in the web UI)")
                        .id("recordOpened").tag("Search").body(OpenedRecord.class).noContent(),
                call -> {
                    OpenedRecord opened = call.body(OpenedRecord.class);
                    if (opened.type() == null || opened.id() == null || opened.id().isBlank()) {
                        throw LiteDeskException.invalid(opened.type() == null ? "type" : "id", "is required");
                    }
                    crm.recentRecords().opened(call.actor(), new RecordRef(opened.type(), opened.id()));
                    return Reply.noContent();
                });
    }
}
