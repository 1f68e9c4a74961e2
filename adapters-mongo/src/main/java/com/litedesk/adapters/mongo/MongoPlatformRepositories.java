package com.litedesk.adapters.mongo;

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
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.PlatformRepositories;
import com.litedesk.ports.platform.Subscription;
import com.litedesk.ports.platform.SubscriptionRepository;
import com.litedesk.ports.platform.Workflow;
import com.litedesk.ports.platform.WorkflowRepository;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.Optional;

/**
 * Every store of the control plane in its own MongoDB database. The account stores (platform admins, tokens,
 * audit, outbox, secrets) are those an instance has, in the same database.
 */
public final class MongoPlatformRepositories implements AutoCloseable {

    private final MongoClient client;
    private final PlatformRepositories repositories;

    private MongoPlatformRepositories(MongoClient client, PlatformRepositories repositories) {
        this.client = client;
        this.repositories = repositories;
    }

    /** Connects to {@code uri} and opens (creating indexes) the control plane's database {@code databaseName}. */
    public static MongoPlatformRepositories connect(String uri, String databaseName) {
        MongoClient client = Clients.connect(uri, 30);
        try {
            return new MongoPlatformRepositories(client, open(client.getDatabase(databaseName)));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    public PlatformRepositories repositories() {
        return repositories;
    }

    @Override
    public void close() {
        client.close();
    }

    /** Opens the control plane's stores in {@code db}, creating indexes (idempotent). */
    public static PlatformRepositories open(MongoDatabase db) {
        var instances = new Instances(db);
        instances.index(Indexes.ascending("state"));
        var backups = new Backups(db);
        backups.index(Indexes.ascending("instanceId"));
        return new PlatformRepositories(MongoInstanceRepositories.open(db), new DemoRequests(db), new Customers(db),
                new Subscriptions(db), instances, new Workflows(db), new Histories(db), backups);
    }

    private static final class DemoRequests extends MongoRepository<DemoRequest> implements DemoRequestRepository {
        DemoRequests(MongoDatabase db) {
            super(db.getCollection("demo_requests"), DemoRequest.class, "Demo request", "_openEmailKey",
                    r -> r.state().isOpen() ? r.email() : null);
        }

        @Override
        public Optional<DemoRequest> findOpenByEmail(String email) {
            return findByKey(email);
        }
    }

    private static final class Instances extends MongoRepository<Instance> implements InstanceRepository {
        Instances(MongoDatabase db) {
            super(db.getCollection("instances"), Instance.class, "Instance", "_subdomainKey",
                    i -> i.state() == InstanceState.DELETED ? null : i.subdomain());
        }

        @Override
        public Optional<Instance> findBySubdomain(String subdomain) {
            return findByKey(subdomain);
        }
    }

    private static final class Customers extends MongoRepository<Customer> implements CustomerRepository {
        Customers(MongoDatabase db) {
            super(db.getCollection("customers"), Customer.class, "Customer");
        }
    }

    private static final class Subscriptions extends MongoRepository<Subscription> implements SubscriptionRepository {
        Subscriptions(MongoDatabase db) {
            super(db.getCollection("subscriptions"), Subscription.class, "Subscription");
        }
    }

    private static final class Workflows extends MongoRepository<Workflow> implements WorkflowRepository {
        Workflows(MongoDatabase db) {
            super(db.getCollection("workflows"), Workflow.class, "Workflow");
        }
    }

    private static final class Histories extends MongoRepository<InstanceHistory> implements InstanceHistoryRepository {
        Histories(MongoDatabase db) {
            super(db.getCollection("instance_history"), InstanceHistory.class, "History");
        }
    }

    private static final class Backups extends MongoRepository<Backup> implements BackupRepository {
        Backups(MongoDatabase db) {
            super(db.getCollection("backups"), Backup.class, "Backup");
        }
    }
}
