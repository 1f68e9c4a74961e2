package com.litedesk.core.memory;

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
import java.util.Locale;
import java.util.Optional;

/** Every store of the control plane, in memory: for embedding without a database and for tests. Thread-safe. */
public final class InMemoryPlatformRepositories {

    private InMemoryPlatformRepositories() {
    }

    public static PlatformRepositories create() {
        return new PlatformRepositories(InMemoryInstanceRepositories.create(), new DemoRequests(), new Customers(),
                new Subscriptions(), new Instances(), new Workflows(), new Histories(), new Backups());
    }

    private static final class DemoRequests extends MemoryRepository<DemoRequest> implements DemoRequestRepository {
        DemoRequests() {
            super("Demo request", r -> r.state().isOpen() ? r.email().toLowerCase(Locale.ROOT) : null);
        }

        @Override
        public Optional<DemoRequest> findOpenByEmail(String email) {
            return email == null ? Optional.empty() : findByKey(email.toLowerCase(Locale.ROOT));
        }
    }

    private static final class Instances extends MemoryRepository<Instance> implements InstanceRepository {
        Instances() {
            super("Instance", i -> i.state() == InstanceState.DELETED ? null : i.subdomain().toLowerCase(Locale.ROOT));
        }

        @Override
        public Optional<Instance> findBySubdomain(String subdomain) {
            return subdomain == null ? Optional.empty() : findByKey(subdomain.toLowerCase(Locale.ROOT));
        }
    }

    private static final class Customers extends MemoryRepository<Customer> implements CustomerRepository {
        Customers() {
            super("Customer");
        }
    }

    private static final class Subscriptions extends MemoryRepository<Subscription> implements SubscriptionRepository {
        Subscriptions() {
            super("Subscription");
        }
    }

    private static final class Workflows extends MemoryRepository<Workflow> implements WorkflowRepository {
        Workflows() {
            super("Workflow");
        }
    }

    private static final class Histories extends MemoryRepository<InstanceHistory> implements InstanceHistoryRepository {
        Histories() {
            super("History");
        }
    }

    private static final class Backups extends MemoryRepository<Backup> implements BackupRepository {
        Backups() {
            super("Backup");
        }
    }
}
