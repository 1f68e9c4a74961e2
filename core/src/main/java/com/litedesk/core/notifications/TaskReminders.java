package com.litedesk.core.notifications;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.crm.TaskRepository;
import com.litedesk.ports.crm.TaskStatus;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.identity.UserRepository;
import com.litedesk.ports.instance.Mail;
import com.litedesk.ports.instance.Mailer;
import com.litedesk.ports.notifications.Notification;
import com.litedesk.ports.notifications.NotificationKind;
import com.litedesk.ports.notifications.NotificationRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reminds assignees of their open tasks that are due today or overdue (dates in UTC, like the "overdue" view): one
 * in-app notification and one mail per task and due date. The notification's id is made of the task and its due date,
 * so it is stored once whoever runs first — a second run, a restart or another process finds it and sends nothing;
 * moving the due date makes a new id and so a new reminder; done tasks are never reminded of. The notification is the
 * claim: a mail the provider refuses releases it, to be tried again by the next run.
 */
public final class TaskReminders {

    private static final int PAGE = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final TaskRepository tasks;
    private final UserRepository users;
    private final NotificationRepository notifications;
    private final Mailer mailer;
    private final Clock clock;
    private final String publicUrl;
    private final Supplier<String> instanceName;

    public TaskReminders(TaskRepository tasks, UserRepository users, NotificationRepository notifications, Mailer mailer, Clock clock,
                         String publicUrl, Supplier<String> instanceName) {
        this.tasks = tasks;
        this.users = users;
        this.notifications = notifications;
        this.mailer = mailer;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.instanceName = instanceName;
    }

    /** Sends the reminders that are due and not sent yet; returns how many were sent now. */
    public int sendDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Query query = new Query(List.of(Condition.eq("status", TaskStatus.OPEN), Condition.of("dueDate", Operator.LTE, today),
                Condition.of("dueDate", Operator.NE, null)), List.of(), null, PAGE);
        int sent = 0;
        while (true) {
            Page<Task> page = tasks.list(query);
            for (Task task : page.items()) {
                sent += remind(task, today) ? 1 : 0;
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return sent;
            }
            query = query.withAfter(List.of(page.items().getLast().id()));
        }
    }

    /** The id of the reminder of a task for one due date. */
    public static String reminderId(Task task) {
        return "reminder-" + task.id() + "-" + task.dueDate();
    }

    private boolean remind(Task task, LocalDate today) {
        String id = reminderId(task);
        if (notifications.findById(id).isPresent()) {
            return false;
        }
        User assignee = users.findById(task.assigneeId()).filter(User::active).orElse(null);
        if (assignee == null) {
            return false;
        }
        boolean overdue = task.dueDate().isBefore(today);
        String title = (overdue ? "Overdue since " + DAY.format(task.dueDate()) + ": " : "Due today: ") + task.title();
        Notification notification = new Notification(id, 1, assignee.id(), NotificationKind.TASK_DUE, title, task.description(),
                new RecordRef(RecordType.TASK, task.id()), false, clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        try {
            notifications.insert(notification);
        } catch (LiteDeskException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                return false; // another run stored it first, and mails it
            }
            throw e;
        }
        try {
            mailer.send(new Mail(assignee.email(), title, mailText(assignee, task, title), id));
        } catch (RuntimeException e) {
            notifications.delete(id, 1);
            throw e;
        }
        return true;
    }

    private String mailText(User assignee, Task task, String title) {
        StringBuilder text = new StringBuilder("Hello ").append(assignee.name()).append(",\n\na task assigned to you on ")
                .append(instanceName.get()).append(" needs doing.\n\n").append(title).append('\n');
        if (task.description() != null) {
            text.append('\n').append(task.description()).append('\n');
        }
        return text.append("\nSee your tasks: ").append(publicUrl).append("/#/tasks?task=").append(task.id()).append('\n').toString();
    }
}
