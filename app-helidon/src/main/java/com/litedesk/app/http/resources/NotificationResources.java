package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.notifications.Notifications;
import com.litedesk.ports.notifications.Notification;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** The signed-in user's own notifications: read, mark read one by one or all at once. */
public final class NotificationResources implements HttpService {

    private final Api api;
    private final Notifications notifications;

    public NotificationResources(Api api, Notifications notifications) {
        this.api = api;
        this.notifications = notifications;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Route.get("/api/notifications", "My newest notifications, newest first, and how many are unread")
                        .id("listMyNotifications").query(Route.Param.number("limit", "How many notifications", 1, 200, 50))
                        .returns(Notifications.Inbox.class),
                call -> Reply.ok(notifications.of(call.actor(), call.limit(50))));
        api.route(rules, Route.post("/api/notifications/read-all", "Mark all my notifications read").id("readAllMyNotifications")
                        .returns(Notifications.Inbox.class),
                call -> {
                    notifications.markAllRead(call.actor());
                    return Reply.ok(notifications.of(call.actor(), 50));
                });
        api.route(rules, Route.post("/api/notifications/{id}/read", "Mark one of my notifications read (404 for anyone else's)")
                        .id("readMyNotification").returns(Notification.class),
                call -> Reply.ok(notifications.markRead(call.actor(), call.path("id"))));
    }
}
