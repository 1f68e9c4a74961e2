package com.litedesk.core;

import com.litedesk.core.access.Actor;
import com.litedesk.core.identity.NewUser;
import com.litedesk.core.identity.TeamDraft;
import com.litedesk.core.memory.InMemoryInstanceRepositories;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.instance.PlanLimits;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * An instance on in-memory stores with one user per role: the Owner, an Admin, two Managers, two
 * Users and a Viewer. Team "north" holds manager, user and viewer; team "south" holds the other
 * manager and user.
 */
public final class TestInstance {
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    public final TestMailer mailer = new TestMailer();
    public final InstanceRepositories stores;
    public final LiteDesk crm;
    public final Actor owner;
    public final Map<Role, Actor> north = new EnumMap<>(Role.class);
    public final Actor southManager;
    public final Actor southUser;

    public TestInstance() {
        this(PlanLimits.UNLIMITED);
    }

    public TestInstance(PlanLimits limits) {
        stores = InMemoryInstanceRepositories.create();
        crm = LiteDesk.builder().repositories(stores).passwordHasher(new TestHasher())
                .tokenService(new TestTokens("key-a", "litedesk:instance:a", clock)).mailer(mailer).clock(clock)
                .publicUrl("http://acme.localhost:8080").build();
        User o = crm.bootstrap("Acme", "plan", limits, "owner@acme.test", "Olivia Owner", "correct-horse-battery");
        owner = crm.actorOf(o);
        String northTeam = crm.teams().create(owner, new TeamDraft("north")).id();
        String southTeam = crm.teams().create(owner, new TeamDraft("south")).id();
        north.put(Role.OWNER, owner);
        north.put(Role.ADMIN, add("admin@acme.test", Role.ADMIN, null));
        north.put(Role.MANAGER, add("manager@acme.test", Role.MANAGER, northTeam));
        north.put(Role.USER, add("user@acme.test", Role.USER, northTeam));
        north.put(Role.VIEWER, add("viewer@acme.test", Role.VIEWER, northTeam));
        southManager = add("manager2@acme.test", Role.MANAGER, southTeam);
        southUser = add("user2@acme.test", Role.USER, southTeam);
    }

    public Actor add(String email, Role role, String teamId) {
        return crm.actorOf(crm.users().create(owner, new NewUser(email, email.substring(0, email.indexOf('@')), role, teamId, "correct-horse-battery")));
    }

    public Actor as(Role role) {
        return north.get(role);
    }
}
