package com.litedesk.core.crm.transfer;

import com.litedesk.core.access.Actor;
import com.litedesk.core.crm.companies.Companies;
import com.litedesk.core.crm.contacts.Contacts;
import com.litedesk.core.crm.deals.Deals;
import com.litedesk.core.crm.notes.Notes;
import com.litedesk.core.crm.tasks.Tasks;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.core.crm.activities.Activities;
import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.Note;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Task;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * CSV exports of any list view: the same filter, search and sort as the list, the export
 * permission of the role, every matching record streamed page by page. Text that a spreadsheet
 * would run as a formula (starting with = + - @) is prefixed with a quote.
 */
public final class Exports {

    private final Contacts contacts;
    private final Companies companies;
    private final Deals deals;
    private final Tasks tasks;
    private final Notes notes;
    private final Activities activities;

    public Exports(Contacts contacts, Companies companies, Deals deals, Tasks tasks, Notes notes, Activities activities) {
        this.contacts = contacts;
        this.companies = companies;
        this.deals = deals;
        this.tasks = tasks;
        this.notes = notes;
        this.activities = activities;
    }

    public void export(Actor actor, RecordType type, ListRequest request, ExportSink sink) {
        switch (type) {
            case CONTACT -> {
                sink.header(List.of("id", "firstName", "lastName", "emails", "phones", "title", "companyId", "tags", "ownerId", "createdAt", "updatedAt"));
                contacts.forEach(actor, request, (Contact c) -> sink.row(safe(c.id(), c.firstName(), c.lastName(), join(c.emails()),
                        join(c.phones()), c.title(), c.companyId(), join(c.tags()), c.ownerId(), c.createdAt(), c.updatedAt())));
            }
            case COMPANY -> {
                sink.header(List.of("id", "name", "domain", "industry", "size", "city", "country", "ownerId", "createdAt", "updatedAt"));
                companies.forEach(actor, request, (Company c) -> sink.row(safe(c.id(), c.name(), c.domain(), c.industry(), c.size(),
                        c.address() == null ? null : c.address().city(), c.address() == null ? null : c.address().country(),
                        c.ownerId(), c.createdAt(), c.updatedAt())));
            }
            case DEAL -> {
                sink.header(List.of("id", "title", "value", "currency", "pipelineId", "stageId", "status", "expectedCloseDate", "companyId", "contactIds", "ownerId", "createdAt", "updatedAt"));
                deals.forEach(actor, request, (Deal d) -> sink.row(safe(d.id(), d.title(), d.value(), d.currency(), d.pipelineId(),
                        d.stageId(), d.status(), d.expectedCloseDate(), d.companyId(), join(d.contactIds()), d.ownerId(), d.createdAt(), d.updatedAt())));
            }
            case TASK -> {
                sink.header(List.of("id", "title", "dueDate", "priority", "status", "assigneeId", "linkedType", "linkedId", "ownerId", "createdAt", "completedAt"));
                tasks.forEach(actor, request, (Task t) -> sink.row(safe(t.id(), t.title(), t.dueDate(), t.priority(), t.status(), t.assigneeId(),
                        t.linkedRecord() == null ? null : t.linkedRecord().type(), t.linkedRecord() == null ? null : t.linkedRecord().id(),
                        t.ownerId(), t.createdAt(), t.completedAt())));
            }
            case NOTE -> {
                sink.header(List.of("id", "text", "targetType", "targetId", "ownerId", "createdAt"));
                notes.forEach(actor, request, (Note n) -> sink.row(safe(n.id(), n.text(), n.target().type(), n.target().id(), n.ownerId(), n.createdAt())));
            }
            case ACTIVITY -> {
                sink.header(List.of("id", "type", "subject", "body", "occurredAt", "durationMinutes", "outcome", "linkedType", "linkedId", "ownerId", "createdAt"));
                activities.forEach(actor, request, (Activity a) -> sink.row(safe(a.id(), a.type(), a.subject(), a.body(), a.occurredAt(),
                        a.durationMinutes(), a.outcome(), a.linkedRecord().type(), a.linkedRecord().id(), a.ownerId(), a.createdAt())));
            }
            default -> throw LiteDeskException.invalid("entity", "exports exist for contacts, companies, deals, tasks, notes and activities");
        }
    }

    private static String join(List<String> values) {
        return String.join(";", values);
    }

    private static List<String> safe(Object... values) {
        List<String> out = new ArrayList<>(values.length);
        for (Object value : values) {
            if (value == null) {
                out.add("");
            } else if (value instanceof BigDecimal d) {
                out.add(d.toPlainString());
            } else {
                String s = value.toString();
                out.add(!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s);
            }
        }
        return out;
    }

    static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).filter(Objects::nonNull).toList();
    }
}
