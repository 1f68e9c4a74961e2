package com.litedesk.core.crm.dashboards;

import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.identity.UserRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Activity per user: calls, meetings and emails they logged, tasks they completed. */
final class ActivityFigures {

    /** calls, meetings, emails, tasks completed */
    private final Map<String, long[]> perUser = new HashMap<>();

    void logged(Activity activity) {
        long[] counts = perUser.computeIfAbsent(activity.ownerId(), u -> new long[4]);
        switch (activity.type()) {
            case CALL -> counts[0]++;
            case MEETING -> counts[1]++;
            case EMAIL -> counts[2]++;
        }
    }

    /** A task counts for whom it was assigned to: the one who had to do it. */
    void completed(Task task) {
        perUser.computeIfAbsent(task.assigneeId(), u -> new long[4])[3]++;
    }

    /** The busiest first (all four counts together), then by name. */
    List<Dashboard.UserActivity> byUser(UserRepository users) {
        List<Dashboard.UserActivity> out = new ArrayList<>();
        perUser.forEach((userId, c) -> out.add(new Dashboard.UserActivity(userId, name(users, userId), c[0], c[1], c[2], c[3])));
        out.sort(Comparator.comparingLong(ActivityFigures::total).reversed().thenComparing(Dashboard.UserActivity::userName));
        return out;
    }

    private static long total(Dashboard.UserActivity a) {
        return a.calls() + a.meetings() + a.emails() + a.tasksCompleted();
    }

    private static String name(UserRepository users, String userId) {
        return users.findById(userId).map(User::name).orElse("A former user");
    }
}
