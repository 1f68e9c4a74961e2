package com.litedesk.core.crm.timeline;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.audit.AuditLog;
import com.litedesk.core.crm.LinkedRecords;
import com.litedesk.core.crm.activities.Activities;
import com.litedesk.core.crm.notes.Notes;
import com.litedesk.core.crm.tasks.Tasks;
import com.litedesk.core.records.Guard;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.Note;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A record's history: its activities, notes, tasks, and its audited changes and moves, newest first. */
public final class Timeline {

    private final Guard guard;
    private final LinkedRecords links;
    private final Notes notes;
    private final Activities activities;
    private final Tasks tasks;
    private final AuditLog audit;
    private final com.litedesk.ports.crm.PipelineRepository pipelines;

    public Timeline(Guard guard, LinkedRecords links, Notes notes, Activities activities, Tasks tasks, AuditLog audit,
                    com.litedesk.ports.crm.PipelineRepository pipelines) {
        this.pipelines = pipelines;
        this.guard = guard;
        this.links = links;
        this.notes = notes;
        this.activities = activities;
        this.tasks = tasks;
        this.audit = audit;
    }

    public List<TimelineItem> of(Actor actor, RecordType type, String id, int limit) {
        Resource resource = switch (type) {
            case CONTACT -> Resource.CONTACTS;
            case COMPANY -> Resource.COMPANIES;
            case DEAL -> Resource.DEALS;
            default -> throw LiteDeskException.invalid("type", "timelines exist for contacts, companies and deals");
        };
        guard.require(actor, resource, Action.READ);
        RecordRef ref = new RecordRef(type, id);
        String name = links.nameOf(ref);
        if (name == null) {
            throw LiteDeskException.notFound(type.name().toLowerCase(), id);
        }
        int n = Math.max(1, Math.min(limit, 200));
        List<TimelineItem> items = new ArrayList<>();
        for (Activity activity : activities.about(ref, n)) {
            items.add(new TimelineItem("ACTIVITY", activity.occurredAt(), activity.ownerId(), activity.id(),
                    ActivityWords.describe(activity, name), ActivityWords.details(activity)));
        }
        for (Note note : notes.about(ref, n)) {
            items.add(new TimelineItem("NOTE", note.createdAt(), note.createdBy(), note.id(), note.text(), Map.of()));
        }
        for (Task task : tasks.linkedTo(ref, n)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("status", task.status().name());
            if (task.dueDate() != null) {
                details.put("dueDate", task.dueDate().toString());
            }
            details.put("assigneeId", task.assigneeId());
            items.add(new TimelineItem("TASK", task.createdAt(), task.createdBy(), task.id(), task.title(), details));
        }
        // stage names read once per timeline, and only when a move is in it
        java.util.function.Function<String, String> stageNames = new java.util.function.Function<>() {
            private Map<String, String> names;

            @Override
            public String apply(String stageId) {
                if (names == null) {
                    names = new java.util.HashMap<>();
                    pipelines.list(com.litedesk.ports.store.Query.all(200)).items()
                            .forEach(p -> p.stages().forEach(st -> names.put(st.id(), st.name())));
                }
                return stageId == null ? null : names.get(stageId);
            }
        };
        for (AuditEntry entry : audit.of(ref, n)) {
            if (entry.outcome() == AuditOutcome.SUCCESS) {
                items.add(new TimelineItem(entry.action(), entry.at(), entry.actorId(), entry.id(),
                        ChangeWords.describe(entry, stageNames::apply), entry.after()));
            }
        }
        items.sort(Comparator.comparing(TimelineItem::at).reversed());
        return items.size() > n ? items.subList(0, n) : items;
    }

}
