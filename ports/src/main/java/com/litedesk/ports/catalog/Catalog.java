package com.litedesk.ports.catalog;

import com.litedesk.ports.store.Entity;

import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.DeletedRecord;
import com.litedesk.ports.crm.Note;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.crm.RecentView;
import com.litedesk.ports.crm.SavedView;
import com.litedesk.ports.crm.Task;
import com.litedesk.ports.identity.Credentials;
import com.litedesk.ports.identity.OneTimeToken;
import com.litedesk.ports.identity.RefreshToken;
import com.litedesk.ports.identity.Team;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.instance.InstanceSettings;
import com.litedesk.ports.instance.OutboxMail;
import com.litedesk.ports.instance.Secret;
import com.litedesk.ports.instance.StoredResponse;
import com.litedesk.ports.notifications.Notification;
import com.litedesk.ports.platform.Backup;
import com.litedesk.ports.platform.Customer;
import com.litedesk.ports.platform.DemoRequest;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceHistory;
import com.litedesk.ports.platform.Subscription;
import com.litedesk.ports.platform.Workflow;
import java.util.List;
import java.util.Optional;

/**
 * The collections every storage adapter keeps, by the names all of them use (MongoDB collections, SQLite
 * tables, the lines of a backup). A backup written by one adapter names its records by these, which is what
 * lets another adapter restore it.
 */
public final class Catalog {

    /** One collection: its name and the record type it holds. */
    public record Kind<T extends Record & Entity>(String name, Class<T> type) {
    }

    public static final Kind<Contact> CONTACTS = new Kind<>("contacts", Contact.class);
    public static final Kind<Company> COMPANIES = new Kind<>("companies", Company.class);
    public static final Kind<Pipeline> PIPELINES = new Kind<>("pipelines", Pipeline.class);
    public static final Kind<Deal> DEALS = new Kind<>("deals", Deal.class);
    public static final Kind<Task> TASKS = new Kind<>("tasks", Task.class);
    public static final Kind<Note> NOTES = new Kind<>("notes", Note.class);
    public static final Kind<Activity> ACTIVITIES = new Kind<>("activities", Activity.class);
    public static final Kind<Notification> NOTIFICATIONS = new Kind<>("notifications", Notification.class);
    public static final Kind<User> USERS = new Kind<>("users", User.class);
    public static final Kind<Team> TEAMS = new Kind<>("teams", Team.class);
    public static final Kind<Credentials> CREDENTIALS = new Kind<>("credentials", Credentials.class);
    public static final Kind<RefreshToken> REFRESH_TOKENS = new Kind<>("refresh_tokens", RefreshToken.class);
    public static final Kind<OneTimeToken> ONE_TIME_TOKENS = new Kind<>("one_time_tokens", OneTimeToken.class);
    public static final Kind<AuditEntry> AUDIT = new Kind<>("audit", AuditEntry.class);
    public static final Kind<InstanceSettings> SETTINGS = new Kind<>("settings", InstanceSettings.class);
    public static final Kind<OutboxMail> OUTBOX = new Kind<>("outbox", OutboxMail.class);
    public static final Kind<Secret> SECRETS = new Kind<>("secrets", Secret.class);
    public static final Kind<StoredResponse> IDEMPOTENCY = new Kind<>("idempotency", StoredResponse.class);
    public static final Kind<RecentView> RECENT_VIEWS = new Kind<>("recent_views", RecentView.class);
    public static final Kind<SavedView> SAVED_VIEWS = new Kind<>("saved_views", SavedView.class);
    public static final Kind<DeletedRecord> DELETED_RECORDS = new Kind<>("deleted_records", DeletedRecord.class);

    public static final Kind<DemoRequest> DEMO_REQUESTS = new Kind<>("demo_requests", DemoRequest.class);
    public static final Kind<Customer> CUSTOMERS = new Kind<>("customers", Customer.class);
    public static final Kind<Subscription> SUBSCRIPTIONS = new Kind<>("subscriptions", Subscription.class);
    public static final Kind<Instance> INSTANCES = new Kind<>("instances", Instance.class);
    public static final Kind<Workflow> WORKFLOWS = new Kind<>("workflows", Workflow.class);
    public static final Kind<InstanceHistory> HISTORIES = new Kind<>("instance_history", InstanceHistory.class);
    public static final Kind<Backup> BACKUPS = new Kind<>("backups", Backup.class);

    /** Everything an instance's database holds, in the order backups write them. */
    public static final List<Kind<?>> INSTANCE = List.of(CONTACTS, COMPANIES, PIPELINES, DEALS, TASKS, NOTES, ACTIVITIES, NOTIFICATIONS, USERS, TEAMS,
            CREDENTIALS, REFRESH_TOKENS, ONE_TIME_TOKENS, AUDIT, SETTINGS, OUTBOX, SECRETS, IDEMPOTENCY, RECENT_VIEWS, SAVED_VIEWS,
            DELETED_RECORDS);

    /** What the control plane's database holds besides the account collections it shares in shape with an instance. */
    public static final List<Kind<?>> PLATFORM = List.of(DEMO_REQUESTS, CUSTOMERS, SUBSCRIPTIONS, INSTANCES, WORKFLOWS, HISTORIES, BACKUPS);

    private Catalog() {
    }

    /** The instance collection called {@code name}. */
    public static Optional<Kind<?>> instanceKind(String name) {
        return INSTANCE.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
