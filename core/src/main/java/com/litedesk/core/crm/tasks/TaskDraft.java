package com.litedesk.core.crm.tasks;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.TaskPriority;
import com.litedesk.ports.crm.TaskStatus;
import java.time.LocalDate;

/** The fields of a task a client writes; assignee null: the owner; priority null: NORMAL. */
public record TaskDraft(
        @MaxLength(200) String title,
        @Nullable @MaxLength(5000) String description,
        @Nullable LocalDate dueDate,
        @Nullable TaskPriority priority,
        @Nullable TaskStatus status,
        @Nullable String assigneeId,
        @Nullable RecordRef linkedRecord,
        @Nullable String ownerId) {

    public static TaskDraft of(String title, LocalDate dueDate) {
        return new TaskDraft(title, null, dueDate, null, null, null, null, null);
    }
}
