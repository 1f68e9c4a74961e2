package com.litedesk.adapters.sqlite;

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
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every store of one instance in its own SQLite file. */
public final class SqliteInstanceRepositories {

    private SqliteInstanceRepositories() {
    }

    /** The stores of an instance on {@code db} (whose schema has the instance tables). */
    static InstanceRepositories on(SqliteDatabase db) {
        return new InstanceRepositories(new Contacts(db), new Companies(db), new Pipelines(db), new Deals(db), new Tasks(db),
                new Notes(db), new Activities(db), new Notifications(db), new Users(db), new Teams(db), new CredentialStore(db), new RefreshTokens(db), new OneTimeTokens(db),
                new Audit(db), new SettingsStore(db), new Outbox(db), new Secrets(db), new Idempotency(db), new RecentViews(db), new SavedViews(db), new DeletedRecords(db),
                db::usedBytes);
    }

    private static final class Contacts extends SqliteRepository<Contact> implements ContactRepository {
        Contacts(SqliteDatabase db) {
            super(db, Tables.CONTACTS, "Contact");
        }

        @Override
        public Optional<Contact> findByPrimaryEmail(String email) {
            return findByKey(email);
        }
    }

    private static final class Companies extends SqliteRepository<Company> implements CompanyRepository {
        Companies(SqliteDatabase db) {
            super(db, Tables.COMPANIES, "Company");
        }

        @Override
        public Optional<Company> findByDomain(String domain) {
            return findByKey(domain);
        }
    }

    private static final class Users extends SqliteRepository<User> implements UserRepository {
        Users(SqliteDatabase db) {
            super(db, Tables.USERS, "User");
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return findByKey(email);
        }
    }

    private static final class Deals extends SqliteRepository<Deal> implements DealRepository {
        Deals(SqliteDatabase db) {
            super(db, Tables.DEALS, "Deal");
        }

        /** Read from the totals kept as deals are written ({@link DealTotals}). */
        @Override
        public List<StageTotals> stageTotals(String pipelineId) {
            return db.read(conn -> DealTotals.of(conn, pipelineId));
        }
    }

    private static final class Pipelines extends SqliteRepository<Pipeline> implements PipelineRepository {
        Pipelines(SqliteDatabase db) {
            super(db, Tables.PIPELINES, "Pipeline");
        }
    }

    private static final class Tasks extends SqliteRepository<Task> implements TaskRepository {
        Tasks(SqliteDatabase db) {
            super(db, Tables.TASKS, "Task");
        }
    }

    private static final class Notes extends SqliteRepository<Note> implements NoteRepository {
        Notes(SqliteDatabase db) {
            super(db, Tables.NOTES, "Note");
        }
    }

    private static final class Activities extends SqliteRepository<Activity> implements ActivityRepository {
        Activities(SqliteDatabase db) {
            super(db, Tables.ACTIVITIES, "Activity");
        }
    }

    private static final class Notifications extends SqliteRepository<Notification> implements NotificationRepository {
        Notifications(SqliteDatabase db) {
            super(db, Tables.NOTIFICATIONS, "Notification");
        }
    }

    private static final class Teams extends SqliteRepository<Team> implements TeamRepository {
        Teams(SqliteDatabase db) {
            super(db, Tables.TEAMS, "Team");
        }
    }

    private static final class CredentialStore extends SqliteRepository<Credentials> implements CredentialsRepository {
        CredentialStore(SqliteDatabase db) {
            super(db, Tables.CREDENTIALS, "Credentials");
        }
    }

    private static final class RefreshTokens extends SqliteRepository<RefreshToken> implements RefreshTokenRepository {
        RefreshTokens(SqliteDatabase db) {
            super(db, Tables.REFRESH_TOKENS, "Refresh token");
        }

        @Override
        public boolean markRotated(String id, Instant at) {
            boolean[] won = {false};
            update(id, t -> {
                if (t.rotatedAt() != null || t.revoked()) {
                    return t;
                }
                won[0] = true;
                return new RefreshToken(t.id(), t.version() + 1, t.familyId(), t.userId(), t.issuedAt(), t.expiresAt(), at, false);
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
            return t.revoked() ? t : new RefreshToken(t.id(), t.version() + 1, t.familyId(), t.userId(), t.issuedAt(), t.expiresAt(),
                    t.rotatedAt(), true);
        }
    }

    private static final class OneTimeTokens extends SqliteRepository<OneTimeToken> implements OneTimeTokenRepository {
        OneTimeTokens(SqliteDatabase db) {
            super(db, Tables.ONE_TIME_TOKENS, "Token");
        }

        @Override
        public Optional<OneTimeToken> consume(String id, Instant at) {
            return update(id, t -> t.usedAt() != null ? t
                    : new OneTimeToken(t.id(), t.version() + 1, t.userId(), t.purpose(), t.expiresAt(), at, t.createdAt(), t.createdBy(), null))
                    .filter(before -> before.usedAt() == null);
        }
    }

    private static final class Audit extends SqliteRepository<AuditEntry> implements AuditRepository {
        Audit(SqliteDatabase db) {
            super(db, Tables.AUDIT, "Audit entry");
        }

        @Override
        public Optional<AuditEntry> last() {
            return list(new Query(List.of(), List.of(SortKey.desc("id")), null, 1)).items().stream().findFirst();
        }

        @Override
        public AuditEntry replace(AuditEntry entity, long expectedVersion) {
            throw appendOnly();
        }

        @Override
        public void delete(String id, long expectedVersion) {
            throw appendOnly();
        }
    }

    private static final class SettingsStore extends SqliteRepository<InstanceSettings> implements SettingsRepository {
        SettingsStore(SqliteDatabase db) {
            super(db, Tables.SETTINGS, "Settings");
        }
    }

    private static final class Outbox extends SqliteRepository<OutboxMail> implements OutboxRepository {
        Outbox(SqliteDatabase db) {
            super(db, Tables.OUTBOX, "Mail");
        }
    }

    private static final class Secrets extends SqliteRepository<Secret> implements SecretRepository {
        Secrets(SqliteDatabase db) {
            super(db, Tables.SECRETS, "Secret");
        }
    }

    private static final class Idempotency extends SqliteRepository<StoredResponse> implements IdempotencyRepository {
        Idempotency(SqliteDatabase db) {
            super(db, Tables.IDEMPOTENCY, "Stored response");
        }
    }

    private static final class RecentViews extends SqliteRepository<RecentView> implements RecentViewRepository {
        RecentViews(SqliteDatabase db) {
            super(db, Tables.RECENT_VIEWS, "Recent view");
        }
    }

    private static final class SavedViews extends SqliteRepository<SavedView> implements SavedViewRepository {
        SavedViews(SqliteDatabase db) {
            super(db, Tables.SAVED_VIEWS, "Saved view");
        }
    }

    private static final class DeletedRecords extends SqliteRepository<DeletedRecord> implements DeletedRecordRepository {
        DeletedRecords(SqliteDatabase db) {
            super(db, Tables.DELETED_RECORDS, "Deleted record");
        }
    }
}
