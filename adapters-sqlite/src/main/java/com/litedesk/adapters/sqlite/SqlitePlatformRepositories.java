package com.litedesk.adapters.sqlite;

import com.litedesk.ports.platform.Backup;
import com.litedesk.ports.platform.BackupRepository;
import com.litedesk.ports.platform.Customer;
import com.litedesk.ports.platform.CustomerRepository;
import com.litedesk.ports.platform.DemoRequest;
import com.litedesk.ports.platform.DemoRequestRepository;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceHistory;
import com.litedesk.ports.platform.InstanceHistoryRepository;
import com.litedesk.ports.platform.InstanceRepository;
import com.litedesk.ports.platform.PlatformRepositories;
import com.litedesk.ports.platform.Subscription;
import com.litedesk.ports.platform.SubscriptionRepository;
import com.litedesk.ports.platform.Workflow;
import com.litedesk.ports.platform.WorkflowRepository;
import java.util.Optional;

/**
 * Every store of the control plane in its own SQLite file; the account stores (platform admins, tokens, audit, outbox,
 * secrets) are those an instance has, in the same file.
 */
public final class SqlitePlatformRepositories {

    private SqlitePlatformRepositories() {
    }

    static PlatformRepositories on(SqliteDatabase db) {
        return new PlatformRepositories(SqliteInstanceRepositories.on(db), new DemoRequests(db), new Customers(db), new Subscriptions(db),
                new Instances(db), new Workflows(db), new Histories(db), new Backups(db));
    }

    private static final class DemoRequests extends SqliteRepository<DemoRequest> implements DemoRequestRepository {
        DemoRequests(SqliteDatabase db) {
            super(db, Tables.DEMO_REQUESTS, "Demo request");
        }

        @Override
        public Optional<DemoRequest> findOpenByEmail(String email) {
            return findByKey(email);
        }
    }

    private static final class Instances extends SqliteRepository<Instance> implements InstanceRepository {
        Instances(SqliteDatabase db) {
            super(db, Tables.INSTANCES, "Instance");
        }

        @Override
        public Optional<Instance> findBySubdomain(String subdomain) {
            return findByKey(subdomain);
        }
    }

    private static final class Customers extends SqliteRepository<Customer> implements CustomerRepository {
        Customers(SqliteDatabase db) {
            super(db, Tables.CUSTOMERS, "Customer");
        }
    }

    private static final class Subscriptions extends SqliteRepository<Subscription> implements SubscriptionRepository {
        Subscriptions(SqliteDatabase db) {
            super(db, Tables.SUBSCRIPTIONS, "Subscription");
        }
    }

    private static final class Workflows extends SqliteRepository<Workflow> implements WorkflowRepository {
        Workflows(SqliteDatabase db) {
            super(db, Tables.WORKFLOWS, "Workflow");
        }
    }

    private static final class Histories extends SqliteRepository<InstanceHistory> implements InstanceHistoryRepository {
        Histories(SqliteDatabase db) {
            super(db, Tables.HISTORIES, "History");
        }
    }

    private static final class Backups extends SqliteRepository<Backup> implements BackupRepository {
        Backups(SqliteDatabase db) {
            super(db, Tables.BACKUPS, "Backup");
        }
    }
}
