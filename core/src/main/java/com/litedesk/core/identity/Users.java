package com.litedesk.core.identity;

import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.access.Resource;
import com.litedesk.core.listing.FieldSet;
import com.litedesk.core.listing.ListQueries;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.listing.ListResult;
import com.litedesk.core.records.Changes;
import com.litedesk.core.records.RecordContext;
import com.litedesk.core.records.Validation;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.identity.TeamRepository;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.identity.UserRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.util.List;
import java.util.Map;

/**
 * The people of an instance. Exactly one Owner: it is created with the instance, cannot be
 * demoted, deactivated or edited by anyone else, and only passes ownership on. Admins manage
 * everyone else. Active users count against the plan's seats.
 */
public final class Users {

    public static final FieldSet FIELDS = FieldSet.builder()
            .text("email").text("name").enumeration("role", Role.class).text("teamId").bool("active")
            .fullTextSearch()
            .build();

    private final RecordContext context;
    private final UserRepository users;
    private final TeamRepository teams;
    private final Authentication authentication;
    private final Invitations invitations;
    private final ListQueries queries = new ListQueries(FIELDS);

    public Users(RecordContext context, UserRepository users, TeamRepository teams, Authentication authentication,
                 Invitations invitations) {
        this.context = context;
        this.users = users;
        this.teams = teams;
        this.authentication = authentication;
        this.invitations = invitations;
    }

    /** Refuses (and audits) one who may not add users at all, before anything else about the request is looked at. */
    public void requireMayCreate(Actor actor) {
        context.guard().require(actor, Resource.USERS, Action.CREATE);
    }

    public User create(Actor actor, NewUser input) {
        Role role = input.role() == null ? Role.USER : input.role();
        Map<String, String> asked = asked(input.email(), role, null);
        context.guard().require(actor, Resource.USERS, Action.CREATE, null, asked);
        Validation v = new Validation();
        String email = v.email("email", input.email());
        if (email == null) {
            v.error("email", "is required");
        }
        String name = v.required("name", input.name(), 100);
        if (role == Role.OWNER) {
            v.error("role", "there is one Owner; transfer ownership instead");
            context.guard().refused(actor, Resource.USERS, Action.CREATE, null, asked);
        }
        checkTeam(v, input.teamId());
        v.throwIfInvalid();
        if (input.password() != null) {
            Passwords.check("password", input.password(), email, name);
        }
        if (users.findByEmail(email).isPresent()) {
            throw LiteDeskException.conflict("a user with the email " + email + " exists already");
        }
        requireSeat();
        var now = context.now();
        User user = new User(context.ids().newId(), 1, email, name, role, input.teamId(), true, now, actor.userId(), now, actor.userId());
        users.insert(user);
        context.audit().recordSuccess(actor, "user.create", ref(user.id()), Map.of(), Changes.of(user));
        welcome(actor, user, input.password());
        return user;
    }

    /** The Owner, once there is one. */
    public java.util.Optional<User> owner() {
        return users.list(Query.where(List.of(Condition.eq("role", Role.OWNER)), 1)).items().stream().findFirst();
    }

    /** Creates the Owner on an instance's first start; does nothing when an Owner exists. */
    public User bootstrapOwner(String email, String name, String password) {
        return bootstrapOwner(email, name, password, true);
    }

    /**
     * As {@link #bootstrapOwner(String, String, String)}; without a password, {@code mailInvitation} false leaves
     * the invitation to the caller ({@link #ownerInvitationLink()}), e.g. the control plane's own mailer.
     */
    public User bootstrapOwner(String email, String name, String password, boolean mailInvitation) {
        var existing = owner();
        if (existing.isPresent()) {
            return existing.get();
        }
        Validation v = new Validation();
        String normalized = v.email("ownerEmail", email);
        if (normalized == null) {
            v.error("ownerEmail", "is required");
        }
        v.throwIfInvalid();
        if (password != null) {
            Passwords.check("ownerPassword", password, normalized, name);
        }
        var now = context.now();
        User owner = users.findByEmail(normalized).orElse(null);
        if (owner == null) {
            owner = new User(context.ids().newId(), 1, normalized, name == null || name.isBlank() ? normalized : name,
                    Role.OWNER, null, true, now, "system", now, "system");
            users.insert(owner);
        } else {
            User promoted = new User(owner.id(), owner.version() + 1, owner.email(), owner.name(), Role.OWNER, owner.teamId(),
                    true, owner.createdAt(), owner.createdBy(), now, "system");
            users.replace(promoted, owner.version());
            authentication.forget(promoted.id());
            owner = promoted;
        }
        context.audit().recordSuccess(Actor.system(null), "user.create", ref(owner.id()), Map.of(), Changes.of(owner));
        if (password != null || mailInvitation) {
            welcome(Actor.system(null), owner, password);
        }
        return owner;
    }

    /** A fresh one-time set-password link for the Owner, or null when the Owner has set a password (or is missing). */
    public String ownerInvitationLink() {
        var owner = owner();
        if (owner.isEmpty() || authentication.hasPassword(owner.get().id())) {
            return null;
        }
        return invitations.link(owner.get());
    }

    public User get(Actor actor, String id) {
        context.guard().require(actor, Resource.USERS, Action.READ);
        return require(id);
    }

    public ListResult<User> list(Actor actor, ListRequest request) {
        context.guard().require(actor, Resource.USERS, Action.READ);
        Query query = queries.toQuery(request, List.of());
        return queries.page(users, query, request);
    }

    /** As {@link #list}, each user with their status. */
    public ListResult<UserView> listViews(Actor actor, ListRequest request) {
        return list(actor, request).map(u -> UserView.of(u, statusOf(u), null));
    }

    /** A user with their status and, to those who may see invitations, their pending invitation. */
    public UserView view(Actor actor, User user) {
        return UserView.of(user, statusOf(user), invitations.of(actor, user).orElse(null));
    }

    /** Pending (invited, no password yet), active, or deactivated. */
    public UserStatus statusOf(User user) {
        if (!user.active()) {
            return UserStatus.DEACTIVATED;
        }
        return authentication.hasPassword(user.id()) ? UserStatus.ACTIVE : UserStatus.PENDING;
    }

    public UserDraft draftOf(User user) {
        return new UserDraft(user.name(), user.role(), user.teamId(), user.active());
    }

    public User update(Actor actor, String id, Long expectedVersion, UserDraft draft) {
        User current = require(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw LiteDeskException.stale("User", id);
        }
        boolean self = actor.userId().equals(id);
        Role role = draft.role() == null ? current.role() : draft.role();
        boolean active = draft.active() == null ? current.active() : draft.active();
        Map<String, String> asked = asked(null, role == current.role() ? null : role, active == current.active() ? null : active);
        if (!self || draft.role() != current.role() || !java.util.Objects.equals(draft.teamId(), current.teamId())
                || Boolean.FALSE.equals(draft.active())) {
            context.guard().require(actor, Resource.USERS, Action.EDIT, ref(id), asked);
        }
        if (current.role() == Role.OWNER && !self) {
            throw context.guard().deny(actor, Resource.USERS, Action.EDIT, ref(id), asked);
        }
        Validation v = new Validation();
        String name = v.required("name", draft.name(), 100);
        if (role == Role.OWNER && current.role() != Role.OWNER) {
            v.error("role", "there is one Owner; transfer ownership instead");
        }
        if (current.role() == Role.OWNER && role != Role.OWNER) {
            v.error("role", "the Owner keeps that role until ownership is transferred");
        }
        if (current.role() == Role.OWNER && !active) {
            v.error("active", "the Owner cannot be deactivated");
        }
        if (v.hasErrorOn("role") || v.hasErrorOn("active")) {
            context.guard().refused(actor, Resource.USERS, Action.EDIT, ref(id), asked);
        }
        checkTeam(v, draft.teamId());
        v.throwIfInvalid();
        if (active && !current.active()) {
            requireSeat();
        }
        User updated = new User(id, current.version() + 1, current.email(), name, role, draft.teamId(), active,
                current.createdAt(), current.createdBy(), context.now(), actor.userId());
        users.replace(updated, current.version());
        authentication.forget(updated.id());
        if (!active && current.active() || role != current.role()) {
            // a session's access tokens were given for the role of its login: neither outlives a change
            if (self) {
                authentication.endSessions(id, actor.sessionId());
            } else {
                authentication.endSessions(id);
            }
        }
        if (!active && current.active()) {
            invitations.revokeLinks(id); // a deactivated user's invitation stops working with them
        }
        var diff = Changes.diff(current, updated);
        String action = active == current.active() ? "user.update" : active ? "user.reactivate" : "user.deactivate";
        context.audit().recordSuccess(actor, action, ref(id), diff.before(), diff.after());
        if (active && !current.active() && !authentication.hasPassword(id)) {
            invite(actor, updated); // reactivated before ever signing in: invited again, with a new link
        }
        return updated;
    }

    /**
     * Users are never erased (their records and audit entries keep pointing at them): deactivated. They cannot sign
     * in, their sessions end at once and their invitation links stop working; the Owner cannot be deactivated.
     */
    public User deactivate(Actor actor, String id, Long expectedVersion) {
        User current = require(id);
        return update(actor, id, expectedVersion, new UserDraft(current.name(), current.role(), current.teamId(), false));
    }

    /** Lets a deactivated user sign in again (a seat is needed); one who never set a password is invited again. */
    public User reactivate(Actor actor, String id, Long expectedVersion) {
        User current = require(id);
        return update(actor, id, expectedVersion, new UserDraft(current.name(), current.role(), current.teamId(), true));
    }

    /**
     * Passes ownership to another active user; the old Owner becomes an Admin. The new Owner is
     * promoted first, so a crash between the two writes leaves two Owners (visible and fixable),
     * never none.
     */
    public User transferOwnership(Actor actor, String newOwnerId) {
        User owner = require(actor.userId());
        if (owner.role() != Role.OWNER) {
            throw context.guard().deny(actor, Resource.USERS, Action.EDIT, ref(newOwnerId == null ? "-" : newOwnerId),
                    asked(null, Role.OWNER, null));
        }
        User next = require(newOwnerId);
        if (next.id().equals(owner.id())) {
            throw LiteDeskException.invalid("userId", "you are the Owner already");
        }
        if (!next.active()) {
            context.guard().refused(actor, Resource.USERS, Action.EDIT, ref(next.id()), asked(null, Role.OWNER, null));
            throw LiteDeskException.invalid("userId", "ownership can only pass to an active user");
        }
        var now = context.now();
        User promoted = new User(next.id(), next.version() + 1, next.email(), next.name(), Role.OWNER, next.teamId(), true,
                next.createdAt(), next.createdBy(), now, actor.userId());
        users.replace(promoted, next.version());
        authentication.forget(promoted.id());
        User demoted = new User(owner.id(), owner.version() + 1, owner.email(), owner.name(), Role.ADMIN, owner.teamId(), true,
                owner.createdAt(), owner.createdBy(), now, actor.userId());
        users.replace(demoted, owner.version());
        authentication.forget(demoted.id());
        authentication.endSessions(promoted.id());
        authentication.endSessions(demoted.id(), actor.sessionId());
        context.audit().recordSuccess(actor, "user.transfer-ownership", ref(next.id()),
                Map.of("ownerId", owner.id()), Map.of("ownerId", next.id()));
        return promoted;
    }

    public User require(String id) {
        if (id == null || id.length() > 64) {
            throw LiteDeskException.notFound("User", String.valueOf(id));
        }
        return users.findById(id).orElseThrow(() -> LiteDeskException.notFound("User", id));
    }

    /** Active users of a team. */
    public List<User> membersOf(String teamId) {
        return users.list(Query.where(List.of(Condition.eq("teamId", teamId), Condition.eq("active", true)), 200)).items();
    }

    private void welcome(Actor actor, User user, String password) {
        if (password != null) {
            authentication.setInitialPassword(user, password);
        } else {
            invite(actor, user);
        }
    }

    private void invite(Actor actor, User user) {
        invitations.invite(user, actor.isSystem() ? null : actor.userId());
        context.audit().recordSuccess(actor, "invitation.create", ref(user.id()), Map.of(), Map.of("email", user.email()));
    }

    private void requireSeat() {
        context.plan().requireSeat(() -> users.count(List.of(Condition.eq("active", true))));
    }

    private void checkTeam(Validation v, String teamId) {
        if (teamId != null && (teamId.length() > 64 || teams.findById(teamId).isEmpty())) {
            v.error("teamId", "is not a team of this instance");
        }
    }

    /** What an attempted user change asks for, as the audit log keeps it (unasked parts left out). */
    private static Map<String, String> asked(String email, Role role, Boolean active) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (email != null) {
            out.put("email", email.length() > 200 ? email.substring(0, 200) : email);
        }
        if (role != null) {
            out.put("role", role.name());
        }
        if (active != null) {
            out.put("active", active.toString());
        }
        return out;
    }

    private static RecordRef ref(String id) {
        return new RecordRef(RecordType.USER, id);
    }
}
