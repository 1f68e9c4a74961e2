package com.litedesk.core.crm.tasks;

import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.crm.LinkedRecords;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import com.litedesk.core.records.OwnedRecords;
import com.litedesk.core.records.RecordBase;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.crm.TaskPriority;
import com.litedesk.ports.crm.TaskRepository;
import com.litedesk.ports.crm.TaskStatus;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Use cases of tasks, with the "my open tasks" and "overdue" views. Assignees may edit their tasks. */
public final class Tasks extends OwnedRecords<Task, TaskDraft> {

    public static final FieldSet FIELDS = FieldSet.builder()
            .text("title").date("dueDate").enumeration("priority", TaskPriority.class)
            .enumeration("status", TaskStatus.class).text("assigneeId").text("linkedRecord.id")
            .enumeration("linkedRecord.type", RecordType.class).text("ownerId").text("teamId")
            .fullTextSearch()
            .build();

    private final LinkedRecords links;

    public Tasks(RecordContext context, TaskRepository tasks, LinkedRecords links) {
        super(context, tasks, Resource.TASKS, RecordType.TASK, FIELDS);
        this.links = links;
    }

    @Override
    protected Task build(TaskDraft d, RecordBase b) {
        Validation v = new Validation();
        String title = v.required("title", d.title(), 200);
        String description = v.optional("description", d.description(), 5000);
        String assignee = d.assigneeId() == null ? b.ownerId() : d.assigneeId();
        if (!assignee.equals(b.ownerId()) && context.users().findById(assignee).filter(u -> u.active()).isEmpty()) {
            v.error("assigneeId", "is not an active user of this instance");
        }
        links.checkTarget(v, "linkedRecord", d.linkedRecord(), false);
        v.throwIfInvalid();
        TaskStatus status = d.status() == null ? TaskStatus.OPEN : d.status();
        TaskPriority priority = d.priority() == null ? TaskPriority.NORMAL : d.priority();
        Instant completedAt = status == TaskStatus.DONE ? b.updatedAt() : null;
        return new Task(b.id(), b.version(), title, description, d.dueDate(), priority, status, assignee,
                d.linkedRecord(), completedAt, b.ownerId(), b.teamId(), b.createdAt(), b.createdBy(), b.updatedAt(), b.updatedBy());
    }

    @Override
    protected Task prepareUpdate(Actor actor, Task current, TaskDraft draft) {
        Task t = super.prepareUpdate(actor, current, draft);
        // completion time is when it was done, not when it was last edited
        Instant completedAt = t.status() == TaskStatus.DONE && current.status() == TaskStatus.DONE ? current.completedAt() : t.completedAt();
        return new Task(t.id(), t.version(), t.title(), t.description(), t.dueDate(), t.priority(), t.status(), t.assigneeId(),
                t.linkedRecord(), completedAt, t.ownerId(), t.teamId(), t.createdAt(), t.createdBy(), t.updatedAt(), t.updatedBy());
    }

    @Override
    protected String requestedOwner(TaskDraft draft) {
        return draft.ownerId();
    }

    @Override
    public TaskDraft draftOf(Task t) {
        return new TaskDraft(t.title(), t.description(), t.dueDate(), t.priority(), t.status(), t.assigneeId(),
                t.linkedRecord(), t.ownerId());
    }

    /** Open tasks assigned to the actor, by due date unless the request sorts otherwise. */
    public ListResult<Task> myOpen(Actor actor, ListRequest request) {
        return list(actor, request.sortedByDefault("dueDate"), myOpenConditions(actor));
    }

    /** What "my open tasks" fixes. */
    public static List<Condition> myOpenConditions(Actor actor) {
        return List.of(Condition.eq("assigneeId", actor.userId()), Condition.eq("status", TaskStatus.OPEN));
    }

    /** Open tasks whose due date has passed (UTC), most overdue first unless the request sorts otherwise. */
    public ListResult<Task> overdue(Actor actor, ListRequest request) {
        return list(actor, request.sortedByDefault("dueDate"), overdueConditions(LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC)));
    }

    /** What "overdue tasks" fixes on {@code today}. */
    public static List<Condition> overdueConditions(LocalDate today) {
        return List.of(Condition.eq("status", TaskStatus.OPEN),
                Condition.of("dueDate", Operator.LT, today), Condition.of("dueDate", Operator.NE, null));
    }

    /** Tasks linked to a record, newest first (for timelines). */
    public List<Task> linkedTo(com.litedesk.ports.crm.RecordRef ref, int limit) {
        return repository.list(new com.litedesk.ports.store.Query(
                List.of(Condition.eq("linkedRecord.type", ref.type()), Condition.eq("linkedRecord.id", ref.id())),
                List.of(com.litedesk.ports.store.SortKey.desc("id")), null, limit)).items();
    }
}
