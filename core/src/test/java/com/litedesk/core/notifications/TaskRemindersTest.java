package com.litedesk.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.crm.TaskStatus;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.notifications.Notification;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaskRemindersTest {

    private final TestInstance instance = new TestInstance(); // the clock reads 2026-03-01T09:00Z
    private final com.litedesk.core.LiteDesk crm = instance.crm;
    private final LocalDate today = LocalDate.parse("2026-03-01");

    private Task taskFor(Role role, String title, LocalDate due) {
        return crm.tasks().create(instance.owner, new TaskDraft(title, "Bring the figures", due, null, null, instance.as(role).userId(),
                null, null));
    }

    private int mailsTo(String address) {
        return (int) instance.mailer.sent.stream().filter(m -> m.to().equals(address)).count();
    }

    @Test
    void eachOpenTaskDueTodayOrOverdueRemindsItsAssigneeOnceInTheAppAndByMail() {
        Task overdue = taskFor(Role.USER, "Call Ada back", today.minusDays(2));
        taskFor(Role.USER, "Send the contract", today);
        taskFor(Role.USER, "Plan the demo", today.plusDays(1));
        taskFor(Role.USER, "No date", null);
        instance.mailer.sent.clear();

        assertThat(crm.reminders().sendDue()).isEqualTo(2);

        var user = instance.as(Role.USER);
        var inbox = crm.notifications().of(user, 50);
        assertThat(inbox.unreadCount()).isEqualTo(2);
        assertThat(inbox.items()).extracting(Notification::title)
                .containsExactlyInAnyOrder("Overdue since Friday 27 February 2026: Call Ada back", "Due today: Send the contract");
        assertThat(inbox.items()).extracting(Notification::link).contains(new RecordRef(RecordType.TASK, overdue.id()));
        assertThat(mailsTo("user@acme.test")).isEqualTo(2);
        var mail = instance.mailer.sent.stream().filter(m -> m.subject().contains("Call Ada back")).findFirst().orElseThrow();
        assertThat(mail.text()).contains("Hello user,", "Bring the figures", "http://acme.localhost:8080/#/tasks?task=" + overdue.id());
        assertThat(crm.notifications().of(instance.owner, 50).items()).isEmpty();
    }

    @Test
    void aSecondRunOrARestartSendsNothingTwice() {
        taskFor(Role.USER, "Call Ada back", today);
        crm.reminders().sendDue();
        instance.clock.advance(Duration.ofHours(3));
        assertThat(crm.reminders().sendDue()).isZero();
        var restarted = new TaskReminders(instance.stores.tasks(), instance.stores.users(), instance.stores.notifications(),
                instance.mailer, instance.clock, "http://acme.localhost:8080", () -> "Acme");
        assertThat(restarted.sendDue()).isZero();
        instance.clock.advance(Duration.ofDays(1)); // overdue now, for the same due date: reminded once already
        assertThat(crm.reminders().sendDue()).isZero();
        assertThat(mailsTo("user@acme.test")).isEqualTo(1);
        assertThat(crm.notifications().unread(instance.as(Role.USER))).isEqualTo(1);
    }

    @Test
    void movingTheDueDateRearmsTheReminderAndDoneTasksNeverRemind() {
        Task task = taskFor(Role.USER, "Call Ada back", today);
        Task done = taskFor(Role.MANAGER, "Already done", today.minusDays(1));
        var d = crm.tasks().draftOf(done);
        crm.tasks().update(instance.owner, done.id(), null, new TaskDraft(d.title(), d.description(), d.dueDate(), d.priority(),
                TaskStatus.DONE, d.assigneeId(), d.linkedRecord(), d.ownerId()));
        assertThat(crm.reminders().sendDue()).isEqualTo(1);

        var t = crm.tasks().draftOf(crm.tasks().get(instance.owner, task.id()));
        crm.tasks().update(instance.owner, task.id(), null, new TaskDraft(t.title(), t.description(), today.plusDays(2), t.priority(),
                t.status(), t.assigneeId(), t.linkedRecord(), t.ownerId()));
        assertThat(crm.reminders().sendDue()).isZero();
        instance.clock.advance(Duration.ofDays(2));
        assertThat(crm.reminders().sendDue()).isEqualTo(1);
        assertThat(mailsTo("user@acme.test")).isEqualTo(2);
        assertThat(mailsTo("manager@acme.test")).isZero();
    }

    @Test
    void aMailTheProviderRefusesIsTriedAgainByTheNextRun() {
        taskFor(Role.USER, "Call Ada back", today);
        var refusing = new TaskReminders(instance.stores.tasks(), instance.stores.users(), instance.stores.notifications(), mail -> {
            throw LiteDeskException.unavailable("the provider is down", null);
        }, instance.clock, "http://acme.localhost:8080", () -> "Acme");
        assertThatThrownBy(refusing::sendDue).isInstanceOf(LiteDeskException.class);
        assertThat(crm.notifications().unread(instance.as(Role.USER))).isZero();
        assertThat(crm.reminders().sendDue()).isEqualTo(1);
    }

    @Test
    void aUserReadsOnlyTheirOwnNotificationsAndMarksThemRead() {
        taskFor(Role.USER, "Call Ada back", today);
        taskFor(Role.USER, "Send the contract", today.minusDays(1));
        taskFor(Role.MANAGER, "Review the pipeline", today);
        crm.reminders().sendDue();
        var user = instance.as(Role.USER);
        var manager = instance.as(Role.MANAGER);
        Notification first = crm.notifications().of(user, 50).items().getFirst();
        assertThatThrownBy(() -> crm.notifications().markRead(manager, first.id())).isInstanceOfSatisfying(LiteDeskException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        instance.clock.advance(Duration.ofMinutes(5));
        Notification read = crm.notifications().markRead(user, first.id());
        assertThat(read.read()).isTrue();
        assertThat(read.readAt()).isEqualTo(instance.clock.instant());
        assertThat(crm.notifications().markRead(user, first.id())).isEqualTo(read);
        assertThat(crm.notifications().unread(user)).isEqualTo(1);
        assertThat(crm.notifications().markAllRead(user)).isEqualTo(1);
        assertThat(crm.notifications().unread(user)).isZero();
        assertThat(crm.notifications().unread(manager)).isEqualTo(1);
    }
}
