package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Items;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.crm.views.SavedViews;
import com.litedesk.ports.crm.SavedView;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code /api/views}: saved list views, one's own and those shared with everyone. */
public final class SavedViewResources implements HttpService {

    private final Api api;
    private final LiteDesk crm;

    public SavedViewResources(Api api, LiteDesk crm) {
        this.api = api;
        this.crm = crm;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Route.get("/api/views", "My saved views of a list and those shared with everyone, by name").id("listSavedViews")
                .query(Route.Param.text("list", "contacts, companies or deals")).returns(Route.itemsOf(SavedView.class)),
                call -> Reply.ok(new Items<>(crm.savedViews().of(call.actor(), call.query("list")))));
        api.route(rules, Route.post("/api/views", "Save a list view (shared: for everyone, Owners, Admins and Managers only)").id("saveView")
                .body(SavedViews.Draft.class).returns(SavedView.class).created(), call -> {
            SavedView view = crm.savedViews().save(call.actor(), call.body(SavedViews.Draft.class));
            return Reply.created(view, "/api/views/" + view.id());
        });
        api.route(rules, Route.get("/api/views/{id}", "One of my saved views, or a shared one").id("getView").returns(SavedView.class),
                call -> Reply.ok(crm.savedViews().get(call.actor(), call.path("id"))));
        api.route(rules, Route.delete("/api/views/{id}", "Remove a saved view (a shared one of someone else: Owners, Admins and Managers)")
                .id("deleteView").noContent(), call -> {
            crm.savedViews().delete(call.actor(), call.path("id"));
            return Reply.noContent();
        });
    }
}
