package com.litedesk.core.crm.duplicates;

import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.ActivityRepository;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.ContactRepository;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.DealRepository;
import com.litedesk.ports.crm.Note;
import com.litedesk.ports.crm.NoteRepository;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.crm.TaskRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.Repository;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Makes everything that points at a merged duplicate point at the record kept instead: deals (their contacts and
 * company), contacts (their company), notes, tasks and activities. Part of a merge, whose permission covers it.
 */
public final class Repointing {

    private static final int PAGE = 200;

    private final ContactRepository contacts;
    private final DealRepository deals;
    private final NoteRepository notes;
    private final TaskRepository tasks;
    private final ActivityRepository activities;

    public Repointing(ContactRepository contacts, DealRepository deals, NoteRepository notes, TaskRepository tasks, ActivityRepository activities) {
        this.contacts = contacts;
        this.deals = deals;
        this.notes = notes;
        this.tasks = tasks;
        this.activities = activities;
    }

    /** Returns how many records now point at {@code keepId}. */
    int contact(String fromId, String keepId) {
        int moved = each(deals, Condition.eq("contactIds", fromId), d -> withContacts(d, d.contactIds().stream()
                .map(id -> id.equals(fromId) ? keepId : id).distinct().toList()));
        return moved + attached(fromId, keepId);
    }

    int company(String fromId, String keepId) {
        int moved = each(deals, Condition.eq("companyId", fromId), d -> withCompany(d, keepId));
        moved += each(contacts, Condition.eq("companyId", fromId), c -> new Contact(c.id(), c.version() + 1, c.firstName(), c.lastName(),
                c.emails(), c.phones(), c.title(), keepId, c.tags(), c.ownerId(), c.teamId(), c.customFields(), c.createdAt(), c.createdBy(),
                c.updatedAt(), c.updatedBy()));
        return moved + attached(fromId, keepId);
    }

    private int attached(String fromId, String keepId) {
        int moved = each(notes, Condition.eq("target.id", fromId), n -> new Note(n.id(), n.version() + 1, n.text(),
                new RecordRef(n.target().type(), keepId), n.ownerId(), n.teamId(), n.createdAt(), n.createdBy(), n.updatedAt(), n.updatedBy()));
        moved += each(tasks, Condition.eq("linkedRecord.id", fromId), t -> new Task(t.id(), t.version() + 1, t.title(), t.description(),
                t.dueDate(), t.priority(), t.status(), t.assigneeId(), new RecordRef(t.linkedRecord().type(), keepId), t.completedAt(),
                t.ownerId(), t.teamId(), t.createdAt(), t.createdBy(), t.updatedAt(), t.updatedBy()));
        moved += each(activities, Condition.eq("linkedRecord.id", fromId), a -> new Activity(a.id(), a.version() + 1, a.type(), a.subject(),
                a.body(), a.occurredAt(), a.durationMinutes(), a.outcome(), new RecordRef(a.linkedRecord().type(), keepId), a.ownerId(),
                a.teamId(), a.createdAt(), a.createdBy(), a.updatedAt(), a.updatedBy()));
        return moved;
    }

    private static Deal withContacts(Deal d, List<String> contactIds) {
        return new Deal(d.id(), d.version() + 1, d.title(), d.value(), d.currency(), d.pipelineId(), d.stageId(), d.rank(), d.status(), d.closedAt(),
                d.expectedCloseDate(), contactIds, d.companyId(), d.ownerId(), d.teamId(), d.customFields(), d.createdAt(), d.createdBy(),
                d.updatedAt(), d.updatedBy());
    }

    private static Deal withCompany(Deal d, String companyId) {
        return new Deal(d.id(), d.version() + 1, d.title(), d.value(), d.currency(), d.pipelineId(), d.stageId(), d.rank(), d.status(), d.closedAt(),
                d.expectedCloseDate(), d.contactIds(), companyId, d.ownerId(), d.teamId(), d.customFields(), d.createdAt(), d.createdBy(),
                d.updatedAt(), d.updatedBy());
    }

    /** Rewrites every record matching {@code where}; each rewrite moves it out of the match, so the first page is read again. */
    private static <T extends Entity> int each(Repository<T> store, Condition where, UnaryOperator<T> change) {
        int moved = 0;
        while (true) {
            List<T> page = store.list(Query.where(List.of(where), PAGE)).items();
            if (page.isEmpty()) {
                return moved;
            }
            for (T record : page) {
                store.replace(change.apply(record), record.version());
                moved++;
            }
        }
    }
}
