package com.litedesk.core.notifications;

import com.litedesk.core.access.Actor;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.notifications.Notification;
import com.litedesk.ports.notifications.NotificationRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Each user's in-app inbox. Every signed-in user has one and sees only their own: another user's notification is
 * NOT_FOUND, exactly like one that does not exist.
 */
public final class Notifications {

    /** The newest notifications of a user and how many of all theirs are unread. */
    public record Inbox(List<Notification> items, long unreadCount) {
    }

    private final NotificationRepository notifications;
    private final Clock clock;

    public Notifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The actor's newest notifications (at most {@code limit}, up to 200), newest first, with the unread count. */
    public Inbox of(Actor actor, int limit) {
        int n = Math.max(1, Math.min(limit, 200));
        List<Notification> items = notifications.list(new Query(List.of(Condition.eq("userId", actor.userId())),
                List.of(SortKey.desc("createdAt")), null, n)).items();
        return new Inbox(items, unread(actor));
    }

    /** How many of the actor's notifications are unread. */
    public long unread(Actor actor) {
        return notifications.count(unreadOf(actor.userId()));
    }

    /** Marks one of the actor's notifications read (again: no change). NOT_FOUND when it is not theirs. */
    public Notification markRead(Actor actor, String id) {
        Notification current = own(actor, id);
        Notification read = current.markedRead(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (read != current) {
            try {
                notifications.replace(read, current.version());
            } catch (LiteDeskException e) {
                if (e.code() != com.litedesk.ports.ErrorCode.PRECONDITION_FAILED) {
                    throw e;
                }
                // read meanwhile, by another tab of the same user: it is read either way
                return notifications.findById(id).orElseThrow(() -> e);
            }
        }
        return read;
    }

    /** Marks every unread notification of the actor read; returns how many were. */
    public int markAllRead(Actor actor) {
        int marked = 0;
        List<Notification> page;
        do {
            page = notifications.list(Query.where(unreadOf(actor.userId()), 200)).items();
            for (Notification n : page) {
                markRead(actor, n.id());
                marked++;
            }
        } while (page.size() == 200);
        return marked;
    }

    private Notification own(Actor actor, String id) {
        if (id == null || id.isBlank() || id.length() > 128) {
            throw LiteDeskException.notFound("Notification", String.valueOf(id));
        }
        return notifications.findById(id).filter(n -> n.userId().equals(actor.userId()))
                .orElseThrow(() -> LiteDeskException.notFound("Notification", id));
    }

    private static List<Condition> unreadOf(String userId) {
        return List.of(Condition.eq("userId", userId), Condition.eq("read", false));
    }
}
