package com.litedesk.adapters.sqlite;

import com.litedesk.ports.audit.AuditEntry;
import com.litedesk.ports.catalog.Catalog;
import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.Company;
import com.litedesk.ports.crm.Contact;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.Note;
import com.litedesk.ports.crm.Pipeline;
import com.litedesk.ports.crm.RecentView;
import com.litedesk.ports.crm.SavedView;
import com.litedesk.ports.crm.DeletedRecord;
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
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.Subscription;
import com.litedesk.ports.platform.Workflow;
import java.util.List;

/**
 * The tables and their indexes: one index for every field the API sorts or filters on, leading with the fields a
 * built-in view fixes (a pipeline's stage on the board, the assignee of "my open tasks", the record of a timeline),
 * each ending with the id, so that a page in either direction is one index range with no sort.
 */
final class Tables {

    private Tables() {
    }

    static final Table<Contact> CONTACTS = Table.of(Catalog.CONTACTS).key(Contact::primaryEmail)
            .index("lastName").index("firstName").index("companyId").index("ownerId").index("teamId").index("updatedAt")
            .list("tags").list("emails").build();
    static final Table<Company> COMPANIES = Table.of(Catalog.COMPANIES).key(Company::domain)
            .index("name").index("domain").index("industry").index("ownerId").index("teamId").index("updatedAt").build();
    static final Table<Pipeline> PIPELINES = Table.of(Catalog.PIPELINES).index("isDefault").build();
    static final Table<Deal> DEALS = Table.of(Catalog.DEALS)
            .index("pipelineId", "stageId", "rank").index("pipelineId")
            .index("title").index("value").index("status").index("status", "closedAt").index("expectedCloseDate").index("companyId").index("ownerId")
            .index("teamId").index("updatedAt")
            .list("contactIds").hook(new DealTotals()).build();
    static final Table<Task> TASKS = Table.of(Catalog.TASKS)
            .index("assigneeId", "status", "dueDate").index("status", "dueDate").index("status").index("assigneeId").index("linkedRecord.id")
            .index("title").index("dueDate").index("priority").index("ownerId").index("teamId").index("updatedAt").build();
    static final Table<Note> NOTES = Table.of(Catalog.NOTES).index("target.id").index("ownerId").index("updatedAt").build();
    static final Table<Activity> ACTIVITIES = Table.of(Catalog.ACTIVITIES)
            .index("linkedRecord.id", "occurredAt").index("linkedRecord.id").index("ownerId", "occurredAt").index("occurredAt").index("type").index("ownerId")
            .index("teamId").index("updatedAt").build();
    static final Table<Notification> NOTIFICATIONS = Table.of(Catalog.NOTIFICATIONS).index("userId", "createdAt").index("userId", "read")
            .build();
    static final Table<User> USERS = Table.of(Catalog.USERS).key(User::email).index("name").index("role").index("teamId")
            .index("active").build();
    static final Table<Team> TEAMS = Table.of(Catalog.TEAMS).index("name").build();
    static final Table<Credentials> CREDENTIALS = Table.of(Catalog.CREDENTIALS).build();
    static final Table<RefreshToken> REFRESH_TOKENS = Table.of(Catalog.REFRESH_TOKENS).index("familyId").index("userId").build();
    static final Table<OneTimeToken> ONE_TIME_TOKENS = Table.of(Catalog.ONE_TIME_TOKENS).index("userId").build();
    static final Table<AuditEntry> AUDIT = Table.of(Catalog.AUDIT).index("record.id").index("actorId").index("action").build();
    static final Table<InstanceSettings> SETTINGS = Table.of(Catalog.SETTINGS).build();
    static final Table<OutboxMail> OUTBOX = Table.of(Catalog.OUTBOX).index("sentAt").build();
    static final Table<Secret> SECRETS = Table.of(Catalog.SECRETS).build();
    static final Table<StoredResponse> IDEMPOTENCY = Table.of(Catalog.IDEMPOTENCY).build();
    static final Table<RecentView> RECENT_VIEWS = Table.of(Catalog.RECENT_VIEWS).index("userId", "viewedAt").build();
    static final Table<SavedView> SAVED_VIEWS = Table.of(Catalog.SAVED_VIEWS).index("list", "userId").index("list", "shared").build();
    static final Table<DeletedRecord> DELETED_RECORDS = Table.of(Catalog.DELETED_RECORDS).index("deletedAt").build();

    static final Table<DemoRequest> DEMO_REQUESTS = Table.of(Catalog.DEMO_REQUESTS).key(r -> r.state().isOpen() ? r.email() : null)
            .index("state").index("subdomain").index("email").index("companyName").build();
    static final Table<Customer> CUSTOMERS = Table.of(Catalog.CUSTOMERS).build();
    static final Table<Subscription> SUBSCRIPTIONS = Table.of(Catalog.SUBSCRIPTIONS).index("status").index("instanceId").build();
    static final Table<Instance> INSTANCES = Table.of(Catalog.INSTANCES).key(i -> i.state() == InstanceState.DELETED ? null : i.subdomain())
            .index("state").index("planId").index("subdomain").index("name").index("customerId").index("readyAt").build();
    static final Table<Workflow> WORKFLOWS = Table.of(Catalog.WORKFLOWS).build();
    static final Table<InstanceHistory> HISTORIES = Table.of(Catalog.HISTORIES).build();
    static final Table<Backup> BACKUPS = Table.of(Catalog.BACKUPS).index("instanceId").index("createdAt").build();

    static final List<Table<?>> INSTANCE = List.of(CONTACTS, COMPANIES, PIPELINES, DEALS, TASKS, NOTES, ACTIVITIES, NOTIFICATIONS, USERS, TEAMS, CREDENTIALS,
            REFRESH_TOKENS, ONE_TIME_TOKENS, AUDIT, SETTINGS, OUTBOX, SECRETS, IDEMPOTENCY, RECENT_VIEWS, SAVED_VIEWS,
            DELETED_RECORDS);
    static final List<Table<?>> PLATFORM = List.of(DEMO_REQUESTS, CUSTOMERS, SUBSCRIPTIONS, INSTANCES, WORKFLOWS, HISTORIES, BACKUPS);

    /** The instance table of a catalogue name. */
    static Table<?> instanceTable(String name) {
        return INSTANCE.stream().filter(t -> t.name.equals(name)).findFirst().orElse(null);
    }
}
