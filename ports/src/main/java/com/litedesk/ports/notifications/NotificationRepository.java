package com.litedesk.ports.notifications;

import com.litedesk.ports.store.Repository;

/** Storage of {@link Notification}s, every user's in one collection (always queried by {@code userId}). */
public interface NotificationRepository extends Repository<Notification> {
}
