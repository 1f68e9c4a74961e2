package com.litedesk.core.platform;

import com.litedesk.core.LiteDesk;
import com.litedesk.core.MutableClock;
import com.litedesk.core.TestHasher;
import com.litedesk.core.TestMailer;
import com.litedesk.core.TestTokens;
import com.litedesk.core.memory.InMemoryInstanceRepositories;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.BackupStore;
import com.litedesk.ports.platform.BillingProvider;
import com.litedesk.ports.platform.Customer;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.platform.DnsRegistrar;
import com.litedesk.ports.platform.HealthReport;
import com.litedesk.ports.platform.InstanceAgent;
import com.litedesk.ports.platform.InstanceDatabase;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.OwnerInvitation;
import com.litedesk.ports.platform.UsageSample;
import com.litedesk.ports.platform.Workload;
import com.litedesk.ports.platform.WorkloadSpec;
import com.litedesk.ports.platform.WorkloadState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory stand-ins for the control plane's outside world. Each "database" is a set of in-memory stores
 * and each "workload" a real {@link LiteDesk} over them, so seeding, invitations, plans and usage go through
 * the real instance code. Faults can be injected per step.
 */
final class FakePorts {

    final MutableClock clock;
    final Map<String, InstanceRepositories> databases = new ConcurrentHashMap<>();
    final Map<String, Workload> workloads = new ConcurrentHashMap<>();
    final Map<String, LiteDesk> apps = new ConcurrentHashMap<>();
    final Map<String, String> dnsRecords = new ConcurrentHashMap<>();
    final Map<String, byte[]> backupFiles = new ConcurrentHashMap<>();
    final List<String> billingCalls = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger deployCalls = new AtomicInteger();
    final AtomicInteger dnsFailuresLeft = new AtomicInteger();
    volatile boolean healthy = true;

    FakePorts(MutableClock clock) {
        this.clock = clock;
    }

    final DatabaseProvisioner databaseProvisioner = new DatabaseProvisioner() {
        @Override
        public InstanceDatabase create(String instanceId) {
            databases.computeIfAbsent(instanceId, id -> InMemoryInstanceRepositories.create());
            return new InstanceDatabase("memory://", "litedesk_" + instanceId);
        }

        @Override
        public boolean exists(String instanceId) {
            return databases.containsKey(instanceId);
        }

        @Override
        public void drop(String instanceId) {
            databases.remove(instanceId);
        }

        /** The fake "dump" names the source; a restore then shares its stores (a copy is the real adapters' job). */
        @Override
        public long dump(String instanceId, OutputStream out) {
            try {
                out.write(instanceId.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return databases.get(instanceId).contacts().count(List.of());
        }

        @Override
        public long restore(String instanceId, InputStream in) {
            try {
                String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                databases.put(instanceId, databases.get(source));
                return databases.get(source).contacts().count(List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** The last spec each instance was deployed with. */
    final Map<String, WorkloadSpec> specs = new java.util.concurrent.ConcurrentHashMap<>();

    final InstanceRuntime runtime = new InstanceRuntime() {
        @Override
        public Workload deploy(WorkloadSpec spec) {
            deployCalls.incrementAndGet();
            specs.put(spec.instanceId(), spec);
            var stores = databases.get(spec.instanceId());
            if (stores == null) {
                throw LiteDeskException.unavailable("no database for " + spec.instanceId(), null);
            }
            apps.computeIfAbsent(spec.instanceId(), id -> LiteDesk.builder().repositories(stores).passwordHasher(new TestHasher())
                    .tokenService(new TestTokens(spec.signingKey(), "litedesk:instance:" + id, clock)).mailer(new TestMailer())
                    .clock(clock).publicUrl(spec.publicUrl()).instanceName(spec.name()).build());
            return workloads.computeIfAbsent(spec.instanceId(), id -> new Workload(id, "memory://" + id, WorkloadState.RUNNING, null));
        }

        @Override
        public void stop(String instanceId) {
            workloads.computeIfPresent(instanceId, (id, w) -> new Workload(id, w.endpoint(), WorkloadState.STOPPED, null));
        }

        @Override
        public void start(String instanceId) {
            if (workloads.computeIfPresent(instanceId, (id, w) -> new Workload(id, w.endpoint(), WorkloadState.RUNNING, null)) == null) {
                throw LiteDeskException.notFound("Workload", instanceId);
            }
        }

        @Override
        public void remove(String instanceId) {
            workloads.remove(instanceId);
            apps.remove(instanceId);
        }

        @Override
        public Optional<Workload> find(String instanceId) {
            return Optional.ofNullable(workloads.get(instanceId));
        }

        @Override
        public List<Workload> list() {
            return List.copyOf(workloads.values());
        }
    };

    final DnsRegistrar dns = new DnsRegistrar() {
        @Override
        public void register(String host, String target) {
            if (dnsFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw LiteDeskException.unavailable("the DNS provider answered 503", null);
            }
            dnsRecords.put(host, target);
        }

        @Override
        public void unregister(String host) {
            dnsRecords.remove(host);
        }

        @Override
        public Optional<String> lookup(String host) {
            return Optional.ofNullable(dnsRecords.get(host));
        }
    };

    final InstanceAgent agent = new InstanceAgent() {
        @Override
        public HealthReport health(Workload workload) {
            return healthy && workload.state() == WorkloadState.RUNNING
                    ? new HealthReport(true, 3, "ok") : new HealthReport(false, 1000, "connection refused");
        }

        @Override
        public void seed(Workload workload, String key, String name, String planId, PlanLimits limits, String email, String owner) {
            app(workload).seedForProvisioning(name, planId, limits, email, owner);
        }

        @Override
        public OwnerInvitation inviteOwner(Workload workload, String key) {
            var app = app(workload);
            return new OwnerInvitation(app.users().owner().orElseThrow().id(), app.ownerInvitationLink());
        }

        @Override
        public void applyPlan(Workload workload, String key, String planId, PlanLimits limits) {
            app(workload).settings().applyPlan(com.litedesk.core.access.Actor.system(null), planId, limits);
        }

        @Override
        public UsageSample usage(Workload workload, String key) {
            var u = app(workload).usage().snapshot();
            return new UsageSample(clock.instant(), u.activeUsers(), u.contacts(), u.companies(), u.deals(), u.openTasks(),
                    u.storageBytes(), 0, null);
        }

        private LiteDesk app(Workload workload) {
            var app = apps.get(workload.instanceId());
            if (app == null) {
                throw LiteDeskException.unavailable("no workload " + workload.instanceId(), null);
            }
            return app;
        }
    };

    final BackupStore backupStore = new BackupStore() {
        @Override
        public long put(String key, InputStream data) {
            try {
                byte[] bytes = data.readAllBytes();
                backupFiles.put(key, bytes);
                return bytes.length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream open(String key) {
            byte[] bytes = backupFiles.get(key);
            if (bytes == null) {
                throw LiteDeskException.notFound("Backup file", key);
            }
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void delete(String key) {
            backupFiles.remove(key);
        }

        @Override
        public List<String> list(String prefix) {
            return new TreeMap<>(backupFiles).keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }
    };

    final BillingProvider billing = new BillingProvider() {
        @Override
        public String registerCustomer(Customer customer) {
            billingCalls.add("register " + customer.id());
            return "cus_" + customer.id();
        }

        @Override
        public void changePlan(String reference, String instanceId, String planId) {
            billingCalls.add("plan " + instanceId + " " + planId);
        }

        @Override
        public void cancel(String reference, String instanceId) {
            billingCalls.add("cancel " + instanceId);
        }
    };
}
