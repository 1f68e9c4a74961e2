package com.litedesk.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.companies.CompanyDraft;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.crm.notes.NoteDraft;
import com.litedesk.core.crm.tasks.TaskDraft;
import com.litedesk.core.crm.transfer.ExportSink;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.identity.Role;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole permission table of SPEC §2 for CRM records, through the Java API: every role ×
 * record type × action, on the actor's own records, a teammate's and another team's. Each case
 * checks the outcome and, when denied, the audit entry that records the denial.
 */
@org.junit.jupiter.api.TestInstance(Lifecycle.PER_CLASS)
class AccessMatrixTest {

    enum Whose { OWN, TEAM, OTHER }

    private TestInstance instance;

    @BeforeAll
    void setUp() {
        instance = new TestInstance();
    }

    static boolean expected(Role role, Action action, Whose whose) {
        return switch (role) {
            case OWNER, ADMIN -> true;
            case MANAGER -> switch (action) {
                case READ, CREATE, EXPORT -> true;
                case EDIT, DELETE -> whose != Whose.OTHER;
                case IMPORT -> false;
            };
            case USER -> switch (action) {
                case READ, CREATE -> true;
                case EDIT, DELETE -> whose == Whose.OWN;
                case EXPORT, IMPORT -> false;
            };
            case VIEWER -> action == Action.READ;
        };
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Role role : Role.values()) {
            for (RecordType type : List.of(RecordType.CONTACT, RecordType.COMPANY, RecordType.DEAL, RecordType.TASK, RecordType.NOTE, RecordType.ACTIVITY)) {
                for (Action action : Action.values()) {
                    if (action == Action.IMPORT && type != RecordType.CONTACT && type != RecordType.COMPANY) {
                        continue;
                    }
                    boolean perRecord = action == Action.EDIT || action == Action.DELETE;
                    for (Whose whose : perRecord ? Whose.values() : new Whose[] {Whose.OWN}) {
                        cases.add(Arguments.of(role, type, action, whose));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2} {1} ({3}) → allowed as in the table")
    @MethodSource("matrix")
    void everyRoleMayDoExactlyWhatThePermissionTableSays(Role role, RecordType type, Action action, Whose whose) {
        Actor actor = instance.as(role);
        String recordId = recordOwnedBy(type, ownerFor(actor, whose));
        long auditBefore = lastSeq();
        boolean allowed = expected(role, action, whose);
        Runnable call = () -> perform(actor, type, action, recordId);
        if (allowed) {
            call.run();
        } else {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
            AuditEntry denial = instance.stores.audit().last().orElseThrow();
            assertThat(denial.seq()).isGreaterThan(auditBefore);
            assertThat(denial.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(denial.actorId()).isEqualTo(actor.userId());
        }
    }

    private long lastSeq() {
        return instance.stores.audit().last().map(AuditEntry::seq).orElse(0L);
    }

    private Actor ownerFor(Actor actor, Whose whose) {
        return switch (whose) {
            case OWN -> actor;
            case TEAM -> actor.role() == Role.MANAGER ? instance.as(Role.USER) : instance.as(Role.MANAGER);
            case OTHER -> instance.southUser;
        };
    }

    private String recordOwnedBy(RecordType type, Actor owner) {
        Actor creator = instance.owner;
        String ownerId = owner.userId();
        String unique = Long.toString(System.nanoTime());
        return switch (type) {
            case CONTACT -> instance.crm.contacts().create(creator, new ContactDraft("Ada", "L" + unique,
                    List.of("ada" + unique + "@example.com"), List.of(), null, null, List.of(), ownerId, Map.of())).id();
            case COMPANY -> instance.crm.companies().create(creator, new CompanyDraft("Co " + unique, "co" + unique + ".example",
                    null, null, null, ownerId, Map.of())).id();
            case DEAL -> instance.crm.deals().create(creator, new DealDraft("Deal " + unique, new BigDecimal("100"), "EUR",
                    null, null, null, List.of(), null, ownerId, Map.of())).id();
            case TASK -> instance.crm.tasks().create(creator, new TaskDraft("Call " + unique, null, null, null, null, null, null, ownerId)).id();
            case NOTE -> {
                String contact = instance.crm.contacts().create(creator, ContactDraft.named("Note", "Target" + unique, null)).id();
                yield instance.crm.notes().create(creator, new NoteDraft("hello", new RecordRef(RecordType.CONTACT, contact), ownerId)).id();
            }
            case ACTIVITY -> {
                // the author owns an activity: stored as logged by the owner chosen (a Viewer, say, who could not log it)
                String contact = instance.crm.contacts().create(creator, ContactDraft.named("Call", "Target" + unique, null)).id();
                var at = instance.clock.instant();
                yield instance.stores.activities().insert(new com.litedesk.ports.crm.Activity("a" + unique, 1,
                        com.litedesk.ports.crm.ActivityType.CALL, "Call " + unique, null, at, 5, null,
                        new RecordRef(RecordType.CONTACT, contact), ownerId, owner.teamId(), at, ownerId, at, ownerId)).id();
            }
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    private void perform(Actor actor, RecordType type, Action action, String id) {
        var crm = instance.crm;
        String unique = Long.toString(System.nanoTime());
        switch (action) {
            case READ -> {
                switch (type) {
                    case CONTACT -> crm.contacts().get(actor, id);
                    case COMPANY -> crm.companies().get(actor, id);
                    case DEAL -> crm.deals().get(actor, id);
                    case TASK -> crm.tasks().get(actor, id);
                    case ACTIVITY -> crm.activities().get(actor, id);
                    default -> crm.notes().get(actor, id);
                }
            }
            case CREATE -> {
                switch (type) {
                    case CONTACT -> crm.contacts().create(actor, ContactDraft.named("New", unique, null));
                    case COMPANY -> crm.companies().create(actor, CompanyDraft.named("New " + unique, null));
                    case DEAL -> crm.deals().create(actor, DealDraft.of("New " + unique, BigDecimal.ONE, "USD"));
                    case TASK -> crm.tasks().create(actor, TaskDraft.of("New " + unique, null));
                    case ACTIVITY -> crm.activities().create(actor, com.litedesk.core.crm.activities.ActivityDraft.call("New " + unique,
                            crm.activities().get(instance.owner, id).linkedRecord(), 10, null));
                    default -> crm.notes().create(actor, new NoteDraft("new", crm.notes().get(instance.owner, id).target(), null));
                }
            }
            case EDIT -> {
                switch (type) {
                    case CONTACT -> {
                        var c = crm.contacts().get(actor, id);
                        var d = crm.contacts().draftOf(c);
                        crm.contacts().update(actor, id, c.version(), new ContactDraft(d.firstName(), "Edited", d.emails(), d.phones(),
                                d.title(), d.companyId(), d.tags(), d.ownerId(), d.customFields()));
                    }
                    case COMPANY -> {
                        var c = crm.companies().get(actor, id);
                        var d = crm.companies().draftOf(c);
                        crm.companies().update(actor, id, c.version(), new CompanyDraft("Edited " + unique, d.domain(), d.industry(),
                                d.size(), d.address(), d.ownerId(), d.customFields()));
                    }
                    case DEAL -> {
                        var deal = crm.deals().get(actor, id);
                        crm.deals().move(actor, id, "qualified", 0, deal.version());
                    }
                    case TASK -> {
                        var t = crm.tasks().get(actor, id);
                        var d = crm.tasks().draftOf(t);
                        crm.tasks().update(actor, id, t.version(), new TaskDraft("Edited", d.description(), d.dueDate(), d.priority(),
                                d.status(), d.assigneeId(), d.linkedRecord(), d.ownerId()));
                    }
                    case ACTIVITY -> {
                        var a = crm.activities().get(actor, id);
                        var d = crm.activities().draftOf(a);
                        crm.activities().update(actor, id, a.version(), new com.litedesk.core.crm.activities.ActivityDraft(d.type(), "Edited",
                                d.body(), d.occurredAt(), d.durationMinutes(), "Reached", d.linkedRecord()));
                    }
                    default -> {
                        var n = crm.notes().get(actor, id);
                        crm.notes().update(actor, id, n.version(), new NoteDraft("edited", n.target(), n.ownerId()));
                    }
                }
            }
            case DELETE -> {
                switch (type) {
                    case CONTACT -> crm.contacts().delete(actor, id, null);
                    case COMPANY -> crm.companies().delete(actor, id, null);
                    case DEAL -> crm.deals().delete(actor, id, null);
                    case TASK -> crm.tasks().delete(actor, id, null);
                    case ACTIVITY -> crm.activities().delete(actor, id, null);
                    default -> crm.notes().delete(actor, id, null);
                }
            }
            case EXPORT -> crm.exports().export(actor, type, ListRequest.filtered("id[eq]:\"" + id + "\""), new ExportSink() {
                @Override
                public void header(List<String> columns) {
                }

                @Override
                public void row(List<String> values) {
                }
            });
            case IMPORT -> {
                Iterator<Map<String, String>> rows = List.of(type == RecordType.CONTACT
                        ? Map.of("firstName", "Imp", "lastName", unique, "email", "imp" + unique + "@example.com")
                        : Map.of("name", "Imp " + unique, "domain", "imp" + unique + ".example")).iterator();
                var report = type == RecordType.CONTACT
                        ? crm.imports().importContacts(actor, rows, Map.of(), false)
                        : crm.imports().importCompanies(actor, rows, Map.of(), false);
                assertThat(report.created()).isEqualTo(1);
            }
        }
    }
}
