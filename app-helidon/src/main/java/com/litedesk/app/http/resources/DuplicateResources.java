package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Items;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.LiteDesk;
import com.litedesk.core.crm.duplicates.Duplicates;
import com.litedesk.core.crm.duplicates.Duplicates.Candidate;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.Contact;
import io.helidon.webserver.http.HttpRules;
import java.util.List;

/**
 * Possible duplicates of contacts and companies — of one being written (before it is created) or of an existing one —
 * and merging a duplicate into the record kept: fixed sub-paths of the records, routed by {@link CrmResources} among
 * the records' own extras, ahead of their {@code /{id}}.
 */
final class DuplicateResources {

    /** What a merge names: the duplicate that goes into the record of the path. */
    public record Merge(String duplicateId) {
    }

    private final Api api;
    private final LiteDesk crm;

    DuplicateResources(Api api, LiteDesk crm) {
        this.api = api;
        this.crm = crm;
    }

    void contacts(HttpRules rules) {
        api.route(rules, Route.get("/api/contacts/duplicates", "Contacts that look like the one described (same email, phone or name)")
                .id("findContactDuplicates").returns(Route.itemsOf(Candidate.class))
                .query(Route.Param.text("firstName", "First name"), Route.Param.text("lastName", "Last name"),
                        Route.Param.text("email", "An email address"), Route.Param.text("phone", "A phone number")),
                call -> Reply.ok(new Items<>(crm.duplicates().ofContact(call.actor(), call.query("firstName"), call.query("lastName"),
                        listOf(call.query("email")), listOf(call.query("phone")), null))));
        api.route(rules, Route.get("/api/contacts/duplicate-groups", "Every group of contacts that look alike (a shared email, phone or "
                        + "name), the largest first (at most " + Duplicates.MAX_GROUPS + ")").id("listContactDuplicateGroups")
                .returns(Route.itemsOf(Duplicates.Group.class)), call -> Reply.ok(new Items<>(crm.duplicates().contactGroups(call.actor()))));
        api.route(rules, Route.get("/api/contacts/{id}/duplicates", "Contacts that look like this one").id("listContactDuplicates")
                .returns(Route.itemsOf(Candidate.class)), call -> Reply.ok(new Items<>(crm.duplicates().ofContact(call.actor(), call.path("id")))));
        api.route(rules, Route.post("/api/contacts/{id}/merge", "Merge a duplicate into this contact (its links, notes, tasks and activities move here)")
                .id("mergeContact").body(Merge.class).returns(Contact.class).etag(), call -> {
            Contact merged = crm.merges().mergeContacts(call.actor(), call.path("id"), duplicate(call.body(Merge.class)));
            return Reply.ok(merged).withVersion(merged.version());
        });
    }

    void companies(HttpRules rules) {
        api.route(rules, Route.get("/api/companies/duplicates", "Companies that look like the one described (same domain or name)")
                .id("findCompanyDuplicates").returns(Route.itemsOf(Candidate.class))
                .query(Route.Param.text("name", "Name"), Route.Param.text("domain", "Domain or website")),
                call -> Reply.ok(new Items<>(crm.duplicates().ofCompany(call.actor(), call.query("name"), call.query("domain"), null))));
        api.route(rules, Route.get("/api/companies/duplicate-groups", "Every group of companies that look alike (the same domain or "
                        + "name), the largest first (at most " + Duplicates.MAX_GROUPS + ")").id("listCompanyDuplicateGroups")
                .returns(Route.itemsOf(Duplicates.Group.class)), call -> Reply.ok(new Items<>(crm.duplicates().companyGroups(call.actor()))));
        api.route(rules, Route.get("/api/companies/{id}/duplicates", "Companies that look like this one").id("listCompanyDuplicates")
                .returns(Route.itemsOf(Candidate.class)), call -> Reply.ok(new Items<>(crm.duplicates().ofCompany(call.actor(), call.path("id")))));
        api.route(rules, Route.post("/api/companies/{id}/merge", "Merge a duplicate into this company (its contacts, deals and notes move here)")
                .id("mergeCompany").body(Merge.class).returns(Company.class).etag(), call -> {
            Company merged = crm.merges().mergeCompanies(call.actor(), call.path("id"), duplicate(call.body(Merge.class)));
            return Reply.ok(merged).withVersion(merged.version());
        });
    }

    private static String duplicate(Merge merge) {
        if (merge == null || merge.duplicateId() == null || merge.duplicateId().isBlank()) {
            throw LiteDeskException.invalid("duplicateId", "is required");
        }
        return merge.duplicateId();
    }

    private static List<String> listOf(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }
}
