package com.litedesk.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.pipelines.PipelineDraft;
import com.litedesk.core.crm.pipelines.StageDraft;
import com.litedesk.core.identity.NewUser;
import com.litedesk.core.identity.TeamDraft;
import com.litedesk.core.identity.UserDraft;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action an instance refuses — by the permission table (403) or as a privilege change no one may make (400) —
 * leaves one DENIED entry in the audit log naming the actor, the action, its target and what was asked.
 */
class DeniedActionsAuditTest {

    /** What one case does: the target it aims at, and the attempt. */
    record Attempt(RecordRef target, Runnable call) {
    }

    record Case(String name, Role as, ErrorCode code, String action, Map<String, String> asked, Function<TestInstance, Attempt> attempt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> deniedActions() {
        return Stream.of(
                new Case("a viewer creates a contact", Role.VIEWER, ErrorCode.FORBIDDEN, "contacts.create", Map.of(),
                        t -> new Attempt(null, () -> t.crm.contacts().create(t.as(Role.VIEWER), ContactDraft.named("Ada", "L", "a@x.test")))),
                new Case("a user edits someone else's contact", Role.USER, ErrorCode.FORBIDDEN, "contacts.edit", Map.of(), t -> {
                    String id = t.crm.contacts().create(t.owner, ContactDraft.named("Ada", "L", "a@x.test")).id();
                    return new Attempt(new RecordRef(RecordType.CONTACT, id), () -> t.crm.contacts().update(t.as(Role.USER), id, null, d -> d));
                }),
                new Case("a manager deletes another team's contact", Role.MANAGER, ErrorCode.FORBIDDEN, "contacts.delete", Map.of(), t -> {
                    String id = t.crm.contacts().create(t.southUser, ContactDraft.named("Bo", "S", "b@x.test")).id();
                    return new Attempt(new RecordRef(RecordType.CONTACT, id), () -> t.crm.contacts().delete(t.as(Role.MANAGER), id, null));
                }),
                new Case("a manager imports contacts", Role.MANAGER, ErrorCode.FORBIDDEN, "contacts.import", Map.of(),
                        t -> new Attempt(null, () -> t.crm.imports().importContacts(t.as(Role.MANAGER), List.<Map<String, String>>of().iterator(),
                                Map.of(), false))),
                new Case("a viewer reads the audit log", Role.VIEWER, ErrorCode.FORBIDDEN, "audit.read", Map.of(),
                        t -> new Attempt(null, () -> t.crm.audit().list(t.as(Role.VIEWER), ListRequest.firstPage()))),
                new Case("a viewer lists users", Role.VIEWER, ErrorCode.FORBIDDEN, "users.read", Map.of(),
                        t -> new Attempt(null, () -> t.crm.users().list(t.as(Role.VIEWER), ListRequest.firstPage()))),
                new Case("a manager creates a team", Role.MANAGER, ErrorCode.FORBIDDEN, "teams.create", Map.of(),
                        t -> new Attempt(null, () -> t.crm.teams().create(t.as(Role.MANAGER), new TeamDraft("mine")))),
                new Case("a user renames a team", Role.USER, ErrorCode.FORBIDDEN, "teams.edit", Map.of(), t -> {
                    String id = t.as(Role.USER).teamId();
                    return new Attempt(new RecordRef(RecordType.TEAM, id), () -> t.crm.teams().update(t.as(Role.USER), id, null, new TeamDraft("ours")));
                }),
                new Case("a manager changes the settings", Role.MANAGER, ErrorCode.FORBIDDEN, "settings.edit", Map.of(),
                        t -> new Attempt(null, () -> t.crm.settings().update(t.as(Role.MANAGER), null, t.crm.settings().draftOf(t.crm.settings().current())))),
                new Case("a user creates a pipeline", Role.USER, ErrorCode.FORBIDDEN, "pipelines.create", Map.of(),
                        t -> new Attempt(null, () -> t.crm.pipelines().create(t.as(Role.USER),
                                new PipelineDraft("P", List.of(new StageDraft(null, "Open", 10, null)))))),
                new Case("a user adds an admin", Role.USER, ErrorCode.FORBIDDEN, "users.create", Map.of("email", "new@acme.test", "role", "ADMIN"),
                        t -> new Attempt(null, () -> t.crm.users().create(t.as(Role.USER),
                                new NewUser("new@acme.test", "New", Role.ADMIN, null, "correct-horse-battery")))),
                new Case("a user makes themselves an admin", Role.USER, ErrorCode.FORBIDDEN, "users.edit", Map.of("role", "ADMIN"), t -> {
                    Actor user = t.as(Role.USER);
                    return new Attempt(userRef(user.userId()), () -> t.crm.users().update(user, user.userId(), null,
                            new UserDraft("user", Role.ADMIN, user.teamId(), true)));
                }),
                new Case("an admin edits the owner", Role.ADMIN, ErrorCode.FORBIDDEN, "users.edit", Map.of(), t -> new Attempt(
                        userRef(t.owner.userId()), () -> t.crm.users().update(t.as(Role.ADMIN), t.owner.userId(), null,
                        new UserDraft("Renamed", Role.OWNER, null, true)))),
                new Case("an admin takes ownership", Role.ADMIN, ErrorCode.FORBIDDEN, "users.edit", Map.of("role", "OWNER"), t -> new Attempt(
                        userRef(t.as(Role.ADMIN).userId()), () -> t.crm.users().transferOwnership(t.as(Role.ADMIN), t.as(Role.ADMIN).userId()))),
                new Case("an admin makes a user a second owner", Role.ADMIN, ErrorCode.VALIDATION, "users.edit", Map.of("role", "OWNER"), t -> {
                    Actor user = t.as(Role.USER);
                    return new Attempt(userRef(user.userId()), () -> t.crm.users().update(t.as(Role.ADMIN), user.userId(), null,
                            new UserDraft("user", Role.OWNER, user.teamId(), true)));
                }),
                new Case("an admin adds a second owner", Role.ADMIN, ErrorCode.VALIDATION, "users.create",
                        Map.of("email", "boss@acme.test", "role", "OWNER"), t -> new Attempt(null, () -> t.crm.users().create(t.as(Role.ADMIN),
                        new NewUser("boss@acme.test", "Boss", Role.OWNER, null, "correct-horse-battery")))),
                new Case("the owner demotes themselves", Role.OWNER, ErrorCode.VALIDATION, "users.edit", Map.of("role", "ADMIN"), t -> new Attempt(
                        userRef(t.owner.userId()), () -> t.crm.users().update(t.owner, t.owner.userId(), null,
                        new UserDraft("Olivia Owner", Role.ADMIN, null, true)))),
                new Case("the owner deactivates themselves", Role.OWNER, ErrorCode.VALIDATION, "users.edit", Map.of("active", "false"),
                        t -> new Attempt(userRef(t.owner.userId()), () -> t.crm.users().deactivate(t.owner, t.owner.userId(), null))),
                new Case("the owner passes ownership to a deactivated user", Role.OWNER, ErrorCode.VALIDATION, "users.edit",
                        Map.of("role", "OWNER"), t -> {
                    Actor gone = t.add("gone@acme.test", Role.USER, null);
                    t.crm.users().deactivate(t.owner, gone.userId(), null);
                    return new Attempt(userRef(gone.userId()), () -> t.crm.users().transferOwnership(t.owner, gone.userId()));
                }));
    }

    private static RecordRef userRef(String id) {
        return new RecordRef(RecordType.USER, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deniedActions")
    void everyRefusedActionIsAuditedAsDeniedWithItsActorActionAndTarget(Case c) {
        TestInstance instance = new TestInstance();
        Attempt attempt = c.attempt().apply(instance);
        long deniedBefore = denied(instance).size();

        assertThatThrownBy(attempt.call()::run).isInstanceOfSatisfying(LiteDeskException.class,
                e -> assertThat(e.code()).isEqualTo(c.code()));

        List<AuditEntry> denied = denied(instance);
        assertThat(denied).hasSize((int) deniedBefore + 1);
        AuditEntry entry = denied.getFirst(); // newest first
        assertThat(entry.actorId()).isEqualTo(instance.as(c.as()).userId());
        assertThat(entry.action()).isEqualTo(c.action());
        assertThat(entry.record()).isEqualTo(attempt.target());
        assertThat(entry.after()).containsAllEntriesOf(c.asked());
        assertThat(instance.crm.audit().verify(instance.owner).valid()).isTrue();
    }

    private static List<AuditEntry> denied(TestInstance instance) {
        return instance.crm.audit().list(Actor.system("test"), new ListRequest("outcome[eq]:\"DENIED\"", null, null, null, 200)).items();
    }
}
