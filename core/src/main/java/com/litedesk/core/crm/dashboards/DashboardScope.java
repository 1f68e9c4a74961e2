package com.litedesk.core.crm.dashboards;

import com.litedesk.core.access.Actor;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whose records a dashboard counts: the actor's own, their team's, or everyone's.
 *
 * <p>Every role reads all CRM records, so a dashboard could show anyone everything; the scopes offered follow what each
 * role is there for instead. A User sees their own figures (the default) or everyone's; a Manager their team's (the
 * default), their own or everyone's; an Owner or Admin everyone's (the default), their own or their team's; a Viewer,
 * who owns nothing, everyone's only. "My team" is offered only to someone in a team. Asking for a scope the role is
 * not offered is refused (FORBIDDEN, audited). Activity is broken down per user in every scope: everyone reads every
 * activity and task in lists already, so the breakdown tells nobody what they could not read.
 */
public enum DashboardScope {
    MINE, TEAM, ALL;

    /** The scopes offered to the actor, in the order a selector shows them. */
    public static List<DashboardScope> offeredTo(Actor actor) {
        List<DashboardScope> offered = new ArrayList<>();
        if (actor.role() != Role.VIEWER) {
            offered.add(MINE);
        }
        if (actor.teamId() != null && actor.role() != Role.USER && actor.role() != Role.VIEWER) {
            offered.add(TEAM);
        }
        offered.add(ALL);
        return List.copyOf(offered);
    }

    /** What the actor sees without choosing. */
    public static DashboardScope defaultFor(Actor actor) {
        return switch (actor.role()) {
            case USER -> MINE;
            case MANAGER -> actor.teamId() == null ? MINE : TEAM;
            case OWNER, ADMIN, VIEWER -> ALL;
        };
    }

    /** {@code mine}, {@code team} or {@code all} (any case); null when not given. VALIDATION otherwise. */
    public static DashboardScope parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "mine" -> MINE;
            case "team" -> TEAM;
            case "all" -> ALL;
            default -> throw LiteDeskException.invalid("scope", "must be mine, team or all");
        };
    }
}
