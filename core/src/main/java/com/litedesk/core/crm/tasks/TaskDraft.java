package com.litedesk.core.crm.tasks;

import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.TaskPriority;
import com.litedesk.ports.crm.TaskStatus;
import java.time.LocalDate;

/** The fields of a task a client writes; assignee null: the owner; priority null: NORMAL. */
public record TaskDraft(String title, String description, LocalDate dueDate, TaskPriority priority,
                        TaskStatus status, String assigneeId, RecordRef linkedRecord, String ownerId) {

    public static TaskDraft of(String title, LocalDate dueDate) {
        return new TaskDraft(title, null, dueDate, null, null, null, null, null);
    }
}
