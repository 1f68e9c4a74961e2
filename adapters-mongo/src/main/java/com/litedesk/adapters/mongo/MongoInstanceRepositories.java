package com.litedesk.adapters.mongo;

import com.litedesk.ports.LiteDeskException;
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
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Every store of one instance in its own MongoDB database, on the reactive driver. Indexes are
 * created when it opens (idempotent). Works against MongoDB 7 and the embedded server alike.
 */
public final class MongoInstanceRepositories implements AutoCloseable {

    private final MongoClient client;
    private final InstanceRepositories repositories;

    private MongoInstanceRepositories(MongoClient client, InstanceRepositories repositories) {
        this.client = client;
        this.repositories = repositories;
    }

    /** Connects to {@code uri} and opens (creating indexes) the database {@code databaseName}. */
    public static MongoInstanceRepositories connect(String uri, String databaseName) {
        MongoClient client = Clients.connect(uri, 30);
        try {
            return new MongoInstanceRepositories(client, open(client.getDatabase(databaseName)));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    public static InstanceRepositories open(MongoDatabase db) {
        return collections(db).repositories();
    }

    /** The stores of one database, and each of its collections by name (for backups). */
    record Collections(InstanceRepositories repositories, Map<String, MongoRepository<?>> byName) {
    }

    static Collections collections(MongoDatabase db) {
        var contacts = new Contacts(db);
        var companies = new Companies(db);
        var deals = new Deals(db);
        contacts.index(Indexes.ascending("lastName"));
        contacts.index(Indexes.ascending("companyId"));
        contacts.index(Indexes.ascending("ownerId"));
        contacts.index(Indexes.ascending("tags"));
        companies.index(Indexes.ascending("name"));
        deals.index(Indexes.ascending("pipelineId", "stageId", "rank"));
        deals.index(Indexes.ascending("contactIds"));
        deals.index(Indexes.ascending("companyId"));
        deals.index(Indexes.ascending("status", "closedAt"));
        var tasks = new Tasks(db);
        tasks.index(Indexes.ascending("assigneeId", "status"));
        tasks.index(Indexes.ascending("linkedRecord.id"));
        var notes = new Notes(db);
        notes.index(Indexes.ascending("target.id"));
        var activities = new Activities(db);
        activities.index(Indexes.ascending("linkedRecord.id", "occurredAt"));
        activities.index(Indexes.ascending("ownerId", "occurredAt"));
        var notifications = new Notifications(db);
        notifications.index(Indexes.ascending("userId", "createdAt"));
        notifications.index(Indexes.ascending("userId", "read"));
        var audit = new Audit(db);
        audit.index(Indexes.ascending("record.id"));
        var refreshTokens = new RefreshTokens(db);
        refreshTokens.index(Indexes.ascending("familyId"));
        refreshTokens.index(Indexes.ascending("userId"));
        var pipelines = new Pipelines(db);
        var users = new Users(db);
        var teams = new Teams(db);
        var credentials = new CredentialStore(db);
        var oneTimeTokens = new OneTimeTokens(db);
        var settings = new SettingsStore(db);
        var outbox = new Outbox(db);
        var secrets = new Secrets(db);
        var idempotency = new Idempotency(db);
        var recentViews = new RecentViews(db);
        var savedViews = new SavedViews(db);
        var deletedRecords = new DeletedRecords(db);
        deletedRecords.index(Indexes.ascending("deletedAt"));
        savedViews.index(Indexes.compoundIndex(Indexes.ascending("list"), Indexes.ascending("userId")));
        savedViews.index(Indexes.compoundIndex(Indexes.ascending("list"), Indexes.ascending("shared")));
        recentViews.index(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("viewedAt")));
        var repositories = new InstanceRepositories(contacts, companies, pipelines, deals, tasks, notes, activities, notifications, users,
                teams, credentials, refreshTokens, oneTimeTokens, audit, settings, outbox, secrets, idempotency, recentViews, savedViews,
                deletedRecords, () -> storageBytes(db));
        Map<String, MongoRepository<?>> byName = new LinkedHashMap<>();
        for (MongoRepository<?> r : List.<MongoRepository<?>>of(contacts, companies, pipelines, deals, tasks, notes, activities, notifications, users, teams,
                credentials, refreshTokens, oneTimeTokens, audit, settings, outbox, secrets, idempotency, recentViews, savedViews, deletedRecords)) {
            byName.put(r.collection.getNamespace().getCollectionName(), r);
        }
        return new Collections(repositories, byName);
    }

    public InstanceRepositories repositories() {
        return repositories;
    }

    @Override
    public void close() {
        client.close();
    }

    private static long storageBytes(MongoDatabase db) {
        try {
            Document stats = Blocking.one(db.runCommand(new Document("dbStats", 1)));
            Object size = stats == null ? null : stats.get("dataSize");
            return size instanceof Number n ? n.longValue() : 0;
        } catch (LiteDeskException unsupported) {
            return 0;
        }
    }

    private static final class Contacts extends MongoRepository<Contact> implements ContactRepository {
        Contacts(MongoDatabase db) {
            super(db.getCollection("contacts"), Contact.class, "Contact", "_emailKey", Contact::primaryEmail);
        }

        @Override
        public Optional<Contact> findByPrimaryEmail(String email) {
            return findByKey(email);
        }
    }

    private static final class Companies extends MongoRepository<Company> implements CompanyRepository {
        Companies(MongoDatabase db) {
            super(db.getCollection("companies"), Company.class, "Company", "_domainKey", Company::domain);
        }

        @Override
        public Optional<Company> findByDomain(String domain) {
            return findByKey(domain);
        }
    }

    private static final class Users extends MongoRepository<User> implements UserRepository {
        Users(MongoDatabase db) {
            super(db.getCollection("users"), User.class, "User", "_emailKey", User::email);
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return findByKey(email);
        }
    }

    private static final class Deals extends MongoRepository<Deal> implements DealRepository {
        Deals(MongoDatabase db) {
            super(db.getCollection("deals"), Deal.class, "Deal");
        }

        /** Summed here from a projection of the three fields: exact decimals on every server. */
        @Override
        public List<StageTotals> stageTotals(String pipelineId) {
            Map<String, Long> counts = new TreeMap<>();
            Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
            for (Document d : Blocking.all(collection.find(Filters.eq("pipelineId", pipelineId))
                    .projection(Projections.include("stageId", "currency", "value")))) {
                String stage = d.getString("stageId");
                counts.merge(stage, 1L, Long::sum);
                Object v = d.get("value");
                BigDecimal value = v instanceof Decimal128 dec ? dec.bigDecimalValue() : v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
                sums.computeIfAbsent(stage, k -> new LinkedHashMap<>()).merge(d.getString("currency"), value, BigDecimal::add);
            }
            return counts.keySet().stream().map(s -> new StageTotals(s, counts.get(s), sums.get(s))).toList();
        }
    }

    private static final class Pipelines extends MongoRepository<Pipeline> implements PipelineRepository {
        Pipelines(MongoDatabase db) {
            super(db.getCollection("pipelines"), Pipeline.class, "Pipeline");
        }
    }

    private static final class Tasks extends MongoRepository<Task> implements TaskRepository {
        Tasks(MongoDatabase db) {
            super(db.getCollection("tasks"), Task.class, "Task");
        }
    }

    private static final class Notes extends MongoRepository<Note> implements NoteRepository {
        Notes(MongoDatabase db) {
            super(db.getCollection("notes"), Note.class, "Note");
        }
    }

    private static final class Activities extends MongoRepository<Activity> implements ActivityRepository {
        Activities(MongoDatabase db) {
            super(db.getCollection("activities"), Activity.class, "Activity");
        }
    }

    private static final class Notifications extends MongoRepository<Notification> implements NotificationRepository {
        Notifications(MongoDatabase db) {
            super(db.getCollection("notifications"), Notification.class, "Notification");
        }
    }

    private static final class Teams extends MongoRepository<Team> implements TeamRepository {
        Teams(MongoDatabase db) {
            super(db.getCollection("teams"), Team.class, "Team");
        }
    }

    private static final class CredentialStore extends MongoRepository<Credentials> implements CredentialsRepository {
        CredentialStore(MongoDatabase db) {
            super(db.getCollection("credentials"), Credentials.class, "Credentials");
        }
    }

    private static final class RefreshTokens extends MongoRepository<RefreshToken> implements RefreshTokenRepository {
        RefreshTokens(MongoDatabase db) {
            super(db.getCollection("refresh_tokens"), RefreshToken.class, "Refresh token");
        }

        @Override
        public boolean markRotated(String id, Instant at) {
            var result = Blocking.one(collection.updateOne(
                    new Document("_id", id).append("rotatedAt", null).append("revoked", false),
                    Updates.combine(Updates.set("rotatedAt", Date.from(at)), Updates.inc("version", 1L))));
            return result != null && result.getModifiedCount() == 1;
        }

        @Override
        public void revokeFamily(String familyId) {
            Blocking.one(collection.updateMany(Filters.and(Filters.eq("familyId", familyId), Filters.eq("revoked", false)),
                    Updates.combine(Updates.set("revoked", true), Updates.inc("version", 1L))));
        }

        @Override
        public void revokeAllOf(String userId) {
            Blocking.one(collection.updateMany(Filters.and(Filters.eq("userId", userId), Filters.eq("revoked", false)),
                    Updates.combine(Updates.set("revoked", true), Updates.inc("version", 1L))));
        }
    }

    private static final class OneTimeTokens extends MongoRepository<OneTimeToken> implements OneTimeTokenRepository {
        OneTimeTokens(MongoDatabase db) {
            super(db.getCollection("one_time_tokens"), OneTimeToken.class, "Token");
        }

        @Override
        public Optional<OneTimeToken> consume(String id, Instant at) {
            Document before = Blocking.one(collection.findOneAndUpdate(
                    new Document("_id", id).append("usedAt", null),
                    Updates.combine(Updates.set("usedAt", Date.from(at)), Updates.set("link", null), Updates.inc("version", 1L)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)));
            return Optional.ofNullable(before).map(codec::decode);
        }
    }

    private static final class Audit extends MongoRepository<AuditEntry> implements AuditRepository {
        Audit(MongoDatabase db) {
            super(db.getCollection("audit"), AuditEntry.class, "Audit entry");
        }

        @Override
        public Optional<AuditEntry> last() {
            return Optional.ofNullable(Blocking.one(collection.find().sort(Sorts.descending("_id")).limit(1))).map(codec::decode);
        }

        @Override
        public AuditEntry replace(AuditEntry entity, long expectedVersion) {
            throw LiteDeskException.conflict("audit entries are append-only");
        }

        @Override
        public void delete(String id, long expectedVersion) {
            throw LiteDeskException.conflict("audit entries are append-only");
        }
    }

    private static final class SettingsStore extends MongoRepository<InstanceSettings> implements SettingsRepository {
        SettingsStore(MongoDatabase db) {
            super(db.getCollection("settings"), InstanceSettings.class, "Settings");
        }
    }

    private static final class Outbox extends MongoRepository<OutboxMail> implements OutboxRepository {
        Outbox(MongoDatabase db) {
            super(db.getCollection("outbox"), OutboxMail.class, "Mail");
        }
    }

    private static final class Secrets extends MongoRepository<Secret> implements SecretRepository {
        Secrets(MongoDatabase db) {
            super(db.getCollection("secrets"), Secret.class, "Secret");
        }
    }

    private static final class Idempotency extends MongoRepository<StoredResponse> implements IdempotencyRepository {
        Idempotency(MongoDatabase db) {
            super(db.getCollection("idempotency"), StoredResponse.class, "Stored response");
        }
    }

    private static final class RecentViews extends MongoRepository<RecentView> implements RecentViewRepository {
        RecentViews(MongoDatabase db) {
            super(db.getCollection("recent_views"), RecentView.class, "Recent view");
        }
    }

    private static final class SavedViews extends MongoRepository<SavedView> implements SavedViewRepository {
        SavedViews(MongoDatabase db) {
            super(db.getCollection("saved_views"), SavedView.class, "Saved view");
        }
    }

    private static final class DeletedRecords extends MongoRepository<DeletedRecord> implements DeletedRecordRepository {
        DeletedRecords(MongoDatabase db) {
            super(db.getCollection("deleted_records"), DeletedRecord.class, "Deleted record");
        }
    }
}
