package com.litedesk.ports.instance;

import com.litedesk.ports.audit.AuditRepository;
import com.litedesk.ports.crm.ActivityRepository;
import com.litedesk.ports.crm.CompanyRepository;
import com.litedesk.ports.crm.ContactRepository;
import com.litedesk.ports.crm.DealRepository;
import com.litedesk.ports.crm.DeletedRecordRepository;
import com.litedesk.ports.crm.NoteRepository;
import com.litedesk.ports.crm.PipelineRepository;
import com.litedesk.ports.crm.RecentViewRepository;
import com.litedesk.ports.crm.SavedViewRepository;
import com.litedesk.ports.crm.TaskRepository;
import com.litedesk.ports.identity.CredentialsRepository;
import com.litedesk.ports.identity.OneTimeTokenRepository;
import com.litedesk.ports.identity.RefreshTokenRepository;
import com.litedesk.ports.identity.TeamRepository;
import com.litedesk.ports.identity.UserRepository;
import com.litedesk.ports.notifications.NotificationRepository;
import java.util.Objects;

/**
 * Every store one instance needs, all backed by the instance's own database. A storage adapter
 * (in-memory, MongoDB) hands the core one of these.
 */
public record InstanceRepositories(
        ContactRepository contacts,
        CompanyRepository companies,
        PipelineRepository pipelines,
        DealRepository deals,
        TaskRepository tasks,
        NoteRepository notes,
        ActivityRepository activities,
        NotificationRepository notifications,
        UserRepository users,
        TeamRepository teams,
        CredentialsRepository credentials,
        RefreshTokenRepository refreshTokens,
        OneTimeTokenRepository oneTimeTokens,
        AuditRepository audit,
        SettingsRepository settings,
        OutboxRepository outbox,
        SecretRepository secrets,
        IdempotencyRepository idempotency,
        RecentViewRepository recentViews,
        SavedViewRepository savedViews,
        DeletedRecordRepository deletedRecords,
        StorageMeter storage) {

    public InstanceRepositories {
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(companies, "companies");
        Objects.requireNonNull(pipelines, "pipelines");
        Objects.requireNonNull(deals, "deals");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(teams, "teams");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(refreshTokens, "refreshTokens");
        Objects.requireNonNull(oneTimeTokens, "oneTimeTokens");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(recentViews, "recentViews");
        Objects.requireNonNull(savedViews, "savedViews");
        Objects.requireNonNull(deletedRecords, "deletedRecords");
        Objects.requireNonNull(storage, "storage");
    }

    /** The same stores with {@code sealed} as the secret store (a decorator over {@link #secrets()}). */
    public InstanceRepositories withSecrets(SecretRepository sealed) {
        return new InstanceRepositories(contacts, companies, pipelines, deals, tasks, notes, activities, notifications, users, teams, credentials,
                refreshTokens, oneTimeTokens, audit, settings, outbox, sealed, idempotency, recentViews, savedViews, deletedRecords, storage);
    }
}
