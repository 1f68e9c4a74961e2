package com.litedesk.core.memory;

import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.audit.AuditRepository;
import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.ActivityRepository;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.CompanyRepository;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.ContactRepository;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.DealRepository;
import com.litedesk.ports.crm.Note;
import com.litedesk.ports.crm.NoteRepository;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.crm.PipelineRepository;
import com.litedesk.ports.crm.StageTotals;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.crm.TaskRepository;
import com.litedesk.ports.identity.Credentials;
import com.litedesk.ports.identity.CredentialsRepository;
import com.litedesk.ports.identity.OneTimeToken;
import com.litedesk.ports.identity.OneTimeTokenRepository;
import com.litedesk.ports.identity.RefreshToken;
import com.litedesk.ports.identity.RefreshTokenRepository;
import com.litedesk.ports.identity.Team;
import com.litedesk.ports.identity.TeamRepository;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.identity.UserRepository;
import com.litedesk.ports.instance.IdempotencyRepository;
import com.litedesk.ports.crm.RecentView;
import com.litedesk.ports.crm.RecentViewRepository;
import com.litedesk.ports.crm.SavedView;
import com.litedesk.ports.crm.SavedViewRepository;
import com.litedesk.ports.crm.DeletedRecord;
import com.litedesk.ports.crm.DeletedRecordRepository;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.instance.InstanceSettings;
import com.litedesk.ports.instance.OutboxMail;
import com.litedesk.ports.instance.OutboxRepository;
import com.litedesk.ports.instance.Secret;
import com.litedesk.ports.instance.SecretRepository;
import com.litedesk.ports.instance.SettingsRepository;
import com.litedesk.ports.instance.StoredResponse;
import com.litedesk.ports.notifications.Notification;
import com.litedesk.ports.notifications.NotificationRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every store of one instance, in memory: for embedding without a database and for tests. Nothing
 * survives the process. Thread-safe.
 */
public final class InMemoryInstanceRepositories {

    private InMemoryInstanceRepositories() {
    }

    public static InstanceRepositories create() {
        var contacts = new Contacts();
        var companies = new Companies();
        var deals = new Deals();
        var users = new Users();
        var all = List.of(contacts, companies, deals);
        return new InstanceRepositories(contacts, companies, new Pipelines(), deals, new Tasks(), new Notes(), new Activities(), new Notifications(), users,
                new Teams(), new CredentialStore(), new RefreshTokens(), new OneTimeTokens(), new Audit(), new SettingsStore(),
                new Outbox(), new Secrets(), new Idempotency(), new RecentViews(), new SavedViews(), new DeletedRecords(),
                () -> all.stream().mapToLong(r -> r.count(List.of())).sum() * 600L);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static final class Contacts extends MemoryRepository<Contact> implements ContactRepository {
        Contacts() {
            super("Contact", c -> lower(c.primaryEmail()));
        }

        @Override
        public Optional<Contact> findByPrimaryEmail(String email) {
            return findByKey(lower(email));
        }
    }

    private static final class Companies extends MemoryRepository<Company> implements CompanyRepository {
        Companies() {
            super("Company", c -> lower(c.domain()));
        }

        @Override
        public Optional<Company> findByDomain(String domain) {
            return findByKey(lower(domain));
        }
    }

    private static final class Deals extends MemoryRepository<Deal> implements DealRepository {
        Deals() {
            super("Deal");
        }

        @Override
        public List<StageTotals> stageTotals(String pipelineId) {
            Map<String, Long> counts = new TreeMap<>();
            Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
            for (Deal d : list(new Query(List.of(Condition.eq("pipelineId", pipelineId)), List.of(), null, Integer.MAX_VALUE)).items()) {
                counts.merge(d.stageId(), 1L, Long::sum);
                sums.computeIfAbsent(d.stageId(), k -> new LinkedHashMap<>()).merge(d.currency(), d.value(), BigDecimal::add);
            }
            return counts.keySet().stream().map(stage -> new StageTotals(stage, counts.get(stage), sums.get(stage))).toList();
        }
    }

    private static final class Users extends MemoryRepository<User> implements UserRepository {
        Users() {
            super("User", u -> lower(u.email()));
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return findByKey(lower(email));
        }
    }

    private static final class Pipelines extends MemoryRepository<Pipeline> implements PipelineRepository {
        Pipelines() {
            super("Pipeline");
        }
    }

    private static final class Tasks extends MemoryRepository<Task> implements TaskRepository {
        Tasks() {
            super("Task");
        }
    }

    private static final class Notes extends MemoryRepository<Note> implements NoteRepository {
        Notes() {
            super("Note");
        }
    }

    private static final class Activities extends MemoryRepository<Activity> implements ActivityRepository {
        Activities() {
            super("Activity");
        }
    }

    private static final class Notifications extends MemoryRepository<Notification> implements NotificationRepository {
        Notifications() {
            super("Notification");
        }
    }

    private static final class Teams extends MemoryRepository<Team> implements TeamRepository {
        Teams() {
            super("Team");
        }
    }

    private static final class CredentialStore extends MemoryRepository<Credentials> implements CredentialsRepository {
        CredentialStore() {
            super("Credentials");
        }
    }

    private static final class RefreshTokens extends MemoryRepository<RefreshToken> implements RefreshTokenRepository {
        RefreshTokens() {
            super("Refresh token");
        }

        @Override
        public boolean markRotated(String id, Instant at) {
            boolean[] won = {false};
            update(id, t -> {
                if (t.rotatedAt() != null || t.revoked()) {
                    return t;
                }
                won[0] = true;
                return new RefreshToken(t.id(), t.version() + 1, t.familyId(), t.userId(), t.issuedAt(), t.expiresAt(), at, t.revoked());
            });
            return won[0];
        }

        @Override
        public void revokeFamily(String familyId) {
            updateAll(List.of(Condition.eq("familyId", familyId)), RefreshTokens::revoked);
        }

        @Override
        public void revokeAllOf(String userId) {
            updateAll(List.of(Condition.eq("userId", userId)), RefreshTokens::revoked);
        }

        private static RefreshToken revoked(RefreshToken t) {
            return t.revoked() ? t : new RefreshToken(t.id(), t.version() + 1, t.familyId(), t.userId(), t.issuedAt(), t.expiresAt(), t.rotatedAt(), true);
        }
    }

    private static final class OneTimeTokens extends MemoryRepository<OneTimeToken> implements OneTimeTokenRepository {
        OneTimeTokens() {
            super("Token");
        }

        @Override
        public Optional<OneTimeToken> consume(String id, Instant at) {
            OneTimeToken[] before = {null};
            update(id, t -> {
                if (t.usedAt() != null) {
                    return t;
                }
                before[0] = t;
                return new OneTimeToken(t.id(), t.version() + 1, t.userId(), t.purpose(), t.expiresAt(), at, t.createdAt(), t.createdBy(), null);
            });
            return Optional.ofNullable(before[0]);
        }
    }

    private static final class Audit extends MemoryRepository<AuditEntry> implements AuditRepository {
        Audit() {
            super("Audit entry");
        }

        @Override
        public Optional<AuditEntry> last() {
            Page<AuditEntry> page = list(new Query(List.of(), List.of(SortKey.desc("id")), null, 1));
            return page.items().stream().findFirst();
        }

        @Override
        public AuditEntry replace(AuditEntry entity, long expectedVersion) {
            throw appendOnly("Audit");
        }

        @Override
        public void delete(String id, long expectedVersion) {
            throw appendOnly("Audit");
        }
    }

    private static final class SettingsStore extends MemoryRepository<InstanceSettings> implements SettingsRepository {
        SettingsStore() {
            super("Settings");
        }
    }

    private static final class Outbox extends MemoryRepository<OutboxMail> implements OutboxRepository {
        Outbox() {
            super("Mail");
        }
    }

    private static final class Secrets extends MemoryRepository<Secret> implements SecretRepository {
        Secrets() {
            super("Secret");
        }
    }

    private static final class Idempotency extends MemoryRepository<StoredResponse> implements IdempotencyRepository {
        Idempotency() {
            super("Stored response");
        }
    }

    private static final class RecentViews extends MemoryRepository<RecentView> implements RecentViewRepository {
        RecentViews() {
            super("Recent view");
        }
    }

    private static final class SavedViews extends MemoryRepository<SavedView> implements SavedViewRepository {
        SavedViews() {
            super("Saved view");
        }
    }

    private static final class DeletedRecords extends MemoryRepository<DeletedRecord> implements DeletedRecordRepository {
        DeletedRecords() {
            super("Deleted record");
        }
    }
}
