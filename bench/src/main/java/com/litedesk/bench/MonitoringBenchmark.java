package com.litedesk.bench;

import com.litedesk.core.memory.InMemoryPlatformRepositories;
import com.litedesk.core.platform.ControlPlane;
import com.litedesk.core.platform.context.PlatformSettings;
import com.litedesk.ports.identity.AccessClaims;
import com.litedesk.ports.identity.PasswordHasher;
import com.litedesk.ports.identity.TokenService;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.BackupStore;
import com.litedesk.ports.platform.BillingProvider;
import com.litedesk.ports.platform.Customer;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.platform.DnsRegistrar;
import com.litedesk.ports.platform.HealthReport;
import com.litedesk.ports.platform.HealthStatus;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceAgent;
import com.litedesk.ports.platform.InstanceDatabase;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.OwnerInvitation;
import com.litedesk.ports.platform.UsageSample;
import com.litedesk.ports.platform.Workload;
import com.litedesk.ports.platform.WorkloadSpec;
import com.litedesk.ports.platform.WorkloadState;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Can monitoring cover a fleet of 1,000 instances within one interval? Runs the real monitor of {@code core}
 * over 1,000 READY instances whose health and usage answers each take a simulated network round trip
 * ({@code -Dlatency=50} ms), with the default bounded concurrency, and reports how long one health pass and one
 * usage pass take against the 5- and 15-minute intervals.
 *
 * <p>Run: {@code ./mvnw -q -pl bench exec:java -Dbench=MonitoringBenchmark}
 */
public final class MonitoringBenchmark {

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("instances", 1000);
        long latency = Long.getLong("latency", 50);
        int concurrency = Integer.getInteger("concurrency", 32);
        var stores = InMemoryPlatformRepositories.create();
        Instant now = Instant.now();
        for (int i = 0; i < instances; i++) {
            String id = String.format("i%05d", i);
            stores.instances().insert(new Instance(id, 1, "tenant" + i, "Tenant " + i, id, id, id, "starter", InstanceState.READY, null,
                    "owner@tenant" + i + ".test", "Owner", HealthStatus.UNKNOWN, null, now, now, now));
            stores.accounts().secrets().insert(new com.litedesk.ports.instance.Secret("instance/" + id + "/management-key", 1, "k"));
        }
        InstanceAgent agent = new InstanceAgent() {
            @Override
            public HealthReport health(Workload workload) {
                sleep(latency);
                return new HealthReport(true, latency, "ok");
            }

            @Override
            public void seed(Workload w, String k, String n, String p, PlanLimits l, String e, String o) {
            }

            @Override
            public OwnerInvitation inviteOwner(Workload w, String k) {
                return new OwnerInvitation("o", null);
            }

            @Override
            public void applyPlan(Workload w, String k, String p, PlanLimits l) {
            }

            @Override
            public UsageSample usage(Workload w, String k) {
                sleep(latency);
                return new UsageSample(Instant.now(), 3, 1000, 100, 200, 10, 1 << 20, 5000, 12L);
            }
        };
        InstanceRuntime runtime = new InstanceRuntime() {
            public Workload deploy(WorkloadSpec spec) { return find(spec.instanceId()).orElseThrow(); }
            public void stop(String id) { }
            public void start(String id) { }
            public void remove(String id) { }
            public Optional<Workload> find(String id) { return Optional.of(new Workload(id, "http://" + id, WorkloadState.RUNNING, null)); }
            public List<Workload> list() { return List.of(); }
        };
        var local = PlatformSettings.local(8080);
        var settings = new PlatformSettings("localhost", "http", 8080, "127.0.0.1", 5, Duration.ofSeconds(2), Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(2), local.historyRetention(), 3, concurrency, Duration.ofDays(7));
        try (ControlPlane platform = ControlPlane.builder().repositories(stores).runtime(runtime).databases(nothingDatabases())
                .dns(nothingDns()).agent(agent).mailer(m -> { }).backupStore(nothingBackups()).billing(nothingBilling())
                .passwordHasher(plainHasher()).tokenService(noTokens()).clock(Clock.systemUTC()).settings(settings).build()) {
            platform.monitor().checkHealth(); // warm-up
            long t = System.nanoTime();
            int checked = platform.monitor().checkHealth();
            double healthSeconds = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            int sampled = platform.monitor().collectUsage();
            double usageSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("Monitoring %d instances, %d ms per answer, %d at a time:%n", instances, latency, concurrency);
            System.out.printf("  health pass: %d checked in %.1f s (%.1f%% of the 5-minute interval)%n", checked, healthSeconds, healthSeconds / 3);
            System.out.printf("  usage pass:  %d sampled in %.1f s (%.1f%% of the 15-minute interval)%n", sampled, usageSeconds, usageSeconds / 9);
            System.out.printf("  fleet: %s%n", platform.monitor().summary());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DatabaseProvisioner nothingDatabases() {
        return new DatabaseProvisioner() {
            public InstanceDatabase create(String id) { return new InstanceDatabase("mongodb://none", id); }
            public boolean exists(String id) { return true; }
            public void drop(String id) { }
            public long dump(String id, OutputStream out) { return 0; }
            public long restore(String id, InputStream in) { return 0; }
        };
    }

    private static DnsRegistrar nothingDns() {
        return new DnsRegistrar() {
            public void register(String host, String target) { }
            public void unregister(String host) { }
            public Optional<String> lookup(String host) { return Optional.empty(); }
        };
    }

    private static BackupStore nothingBackups() {
        return new BackupStore() {
            public long put(String key, InputStream data) { return 0; }
            public InputStream open(String key) { return InputStream.nullInputStream(); }
            public void delete(String key) { }
            public List<String> list(String prefix) { return List.of(); }
        };
    }

    private static BillingProvider nothingBilling() {
        return new BillingProvider() {
            public String registerCustomer(Customer c) { return c.id(); }
            public void changePlan(String r, String i, String p) { }
            public void cancel(String r, String i) { }
        };
    }

    private static PasswordHasher plainHasher() {
        return new PasswordHasher() {
            public String hash(String password) { return password; }
            public boolean matches(String password, String hash) { return password.equals(hash); }
        };
    }

    private static TokenService noTokens() {
        return new TokenService() {
            public String issue(AccessClaims claims) { return "t"; }
            public AccessClaims verify(String token) { throw new IllegalStateException(); }
            public String audience() { return "litedesk:platform"; }
        };
    }

}
