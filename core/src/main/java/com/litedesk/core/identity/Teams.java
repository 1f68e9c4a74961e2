package com.litedesk.core.identity;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.records.Changes;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Team;
import com.litedesk.ports.identity.TeamRepository;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.store.Query;
import java.util.List;
import java.util.Map;

/** Teams: small named groups that scope what Managers may edit. */
public final class Teams {

    private final RecordContext context;
    private final TeamRepository teams;
    private final Users users;

    public Teams(RecordContext context, TeamRepository teams, Users users) {
        this.context = context;
        this.teams = teams;
        this.users = users;
    }

    public List<TeamView> list(Actor actor) {
        context.guard().require(actor, Resource.TEAMS, Action.READ);
        return teams.list(Query.all(200)).items().stream().map(this::view).toList();
    }

    public TeamView get(Actor actor, String id) {
        context.guard().require(actor, Resource.TEAMS, Action.READ);
        return view(require(id));
    }

    public TeamView create(Actor actor, TeamDraft draft) {
        context.guard().require(actor, Resource.TEAMS, Action.CREATE);
        var now = context.now();
        Team team = new Team(context.ids().newId(), 1, name(draft), now, actor.userId(), now, actor.userId());
        teams.insert(team);
        context.audit().recordSuccess(actor, "team.create", ref(team.id()), Map.of(), Changes.of(team));
        return view(team);
    }

    public TeamView update(Actor actor, String id, Long expectedVersion, TeamDraft draft) {
        context.guard().require(actor, Resource.TEAMS, Action.EDIT, ref(id), Map.of());
        Team current = require(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw LiteDeskException.stale("Team", id);
        }
        Team updated = new Team(id, current.version() + 1, name(draft), current.createdAt(), current.createdBy(),
                context.now(), actor.userId());
        teams.replace(updated, current.version());
        var diff = Changes.diff(current, updated);
        context.audit().recordSuccess(actor, "team.update", ref(id), diff.before(), diff.after());
        return view(updated);
    }

    public void delete(Actor actor, String id, Long expectedVersion) {
        context.guard().require(actor, Resource.TEAMS, Action.DELETE, ref(id), Map.of());
        Team current = require(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw LiteDeskException.stale("Team", id);
        }
        if (!users.membersOf(id).isEmpty()) {
            throw LiteDeskException.conflict("the team still has members; move them to another team first");
        }
        teams.delete(id, current.version());
        context.audit().recordSuccess(actor, "team.delete", ref(id), Changes.of(current), Map.of());
    }

    private Team require(String id) {
        if (id == null || id.length() > 64) {
            throw LiteDeskException.notFound("Team", String.valueOf(id));
        }
        return teams.findById(id).orElseThrow(() -> LiteDeskException.notFound("Team", id));
    }

    private TeamView view(Team team) {
        return TeamView.of(team, users.membersOf(team.id()).stream().map(User::id).toList());
    }

    private static String name(TeamDraft draft) {
        Validation v = new Validation();
        String name = v.required("name", draft == null ? null : draft.name(), 100);
        v.throwIfInvalid();
        return name;
    }

    private static RecordRef ref(String id) {
        return new RecordRef(RecordType.TEAM, id);
    }
}
