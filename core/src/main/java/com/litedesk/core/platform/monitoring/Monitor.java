package com.litedesk.core.platform.monitoring;

import com.litedesk.core.access.Actor;
import com.litedesk.core.platform.context.PlatformContext;
import com.litedesk.core.platform.provisioning.InstanceSecrets;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.platform.HealthReport;
import com.litedesk.ports.platform.HealthSample;
import com.litedesk.ports.platform.HealthStatus;
import com.litedesk.ports.platform.Instance;
import com.litedesk.ports.platform.InstanceHistory;
import com.litedesk.ports.platform.InstanceState;
import com.litedesk.ports.platform.UsageSample;
import com.litedesk.ports.platform.WorkloadState;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Health checks and usage collection over every serving instance, concurrently on virtual threads with at most
 * {@code monitoringConcurrency} at once. A READY instance that fails {@code degradedAfter} checks in a row
 * becomes DEGRADED, and READY again with its next good check. History is kept per instance, cut to the
 * retention limit.
 */
public final class Monitor {

    private final PlatformContext context;
    private final InstanceSecrets secrets;

    public Monitor(PlatformContext context, InstanceSecrets secrets) {
        this.context = context;
        this.secrets = secrets;
    }

    /** Checks every READY or DEGRADED instance once; returns how many were checked. */
    public int checkHealth() {
        return forEachServing(this::checkOne);
    }

    /** Collects the usage of every READY or DEGRADED instance once; returns how many answered. */
    public int collectUsage() {
        return forEachServing(this::collectOne);
    }

    /** Checks one instance now and records the result. */
    public HealthStatus checkOne(Instance instance) {
        var workload = context.runtime().find(instance.id());
        HealthReport report;
        if (workload.isEmpty()) {
            report = new HealthReport(false, 0, "the workload is missing");
        } else if (workload.get().state() != WorkloadState.RUNNING) {
            report = new HealthReport(false, 0, "the workload is " + workload.get().state()
                    + (workload.get().detail() == null ? "" : ": " + workload.get().detail()));
        } else {
            report = context.agent().health(workload.get());
        }
        Instant now = context.now();
        int threshold = context.settings().degradedAfter();
        Instance after = PlatformContext.update(context.stores().instances(), instance.id(), "Instance", i -> {
            if (!i.state().isServing()) {
                return i; // suspended or deleted meanwhile: not ours to judge
            }
            int failures = report.healthy() ? 0 : (i.health() == null ? 0 : i.health().consecutiveFailures()) + 1;
            HealthStatus status = new HealthStatus(now, report.healthy(), failures, report.latencyMillis(), report.detail());
            InstanceState state = i.state();
            String reason = i.stateReason();
            if (state == InstanceState.READY && failures >= threshold) {
                state = InstanceState.DEGRADED;
                reason = failures + " failed health checks in a row: " + report.detail();
            } else if (state == InstanceState.DEGRADED && report.healthy()) {
                state = InstanceState.READY;
                reason = null;
            }
            return i.withHealth(status, state, reason);
        });
        if (after.state() != instance.state() && after.state().isServing()) {
            context.audit().recordSuccess(Actor.system(null), "instance.health", ref(instance.id()),
                    Map.of("state", instance.state().name()), Map.of("state", after.state().name()));
        }
        appendHistory(instance.id(), h -> h.add(new HealthSample(now, report.healthy(), report.latencyMillis(), report.detail())), null);
        return after.health();
    }

    private void collectOne(Instance instance) {
        var workload = context.runtime().find(instance.id());
        var key = secrets.managementKeyIfAny(instance.id());
        if (workload.isEmpty() || workload.get().state() != WorkloadState.RUNNING || key.isEmpty()) {
            return;
        }
        UsageSample sample;
        try {
            sample = context.agent().usage(workload.get(), key.get());
        } catch (LiteDeskException unreachable) {
            return; // the health check reports it; usage simply has a gap
        }
        PlatformContext.update(context.stores().instances(), instance.id(), "Instance", i -> i.withUsage(sample));
        appendHistory(instance.id(), null, u -> u.add(sample));
    }

    /** The instance's recent checks and samples. */
    public InstanceHistory history(Actor actor, String instanceId) {
        context.access().requireViewer(actor, "instance.history");
        context.instance(instanceId);
        return context.stores().histories().findById(instanceId).orElse(new InstanceHistory(instanceId, 0, List.of(), List.of()));
    }

    public FleetSummary summary() {
        Map<String, Long> byState = new TreeMap<>();
        long healthy = 0;
        long unhealthy = 0;
        long unchecked = 0;
        List<Instance> all = allInstances();
        for (Instance i : all) {
            byState.merge(i.state().name(), 1L, Long::sum);
            if (i.state().isServing()) {
                if (i.health() == null || i.health().checkedAt() == null) {
                    unchecked++;
                } else if (i.health().healthy()) {
                    healthy++;
                } else {
                    unhealthy++;
                }
            }
        }
        return new FleetSummary(all.size(), byState, healthy, unhealthy, unchecked);
    }

    public AggregatedMetrics aggregated(Actor actor) {
        context.access().requireViewer(actor, "metrics.aggregated");
        UsageTotals totals = UsageTotals.ZERO;
        Map<String, UsageTotals> byPlan = new LinkedHashMap<>();
        Map<String, UsageTotals> byState = new LinkedHashMap<>();
        for (Instance i : allInstances()) {
            if (i.state() == InstanceState.DELETED) {
                continue;
            }
            totals = plus(totals, i.usage());
            byPlan.put(i.planId(), plus(byPlan.getOrDefault(i.planId(), UsageTotals.ZERO), i.usage()));
            byState.put(i.state().name(), plus(byState.getOrDefault(i.state().name(), UsageTotals.ZERO), i.usage()));
        }
        return new AggregatedMetrics(context.now(), totals, byPlan, byState);
    }

    private static UsageTotals plus(UsageTotals t, UsageSample u) {
        if (u == null) {
            return new UsageTotals(t.instances() + 1, t.users(), t.contacts(), t.companies(), t.deals(), t.tasks(), t.storageBytes(), t.requests());
        }
        return new UsageTotals(t.instances() + 1, t.users() + u.users(), t.contacts() + u.contacts(), t.companies() + u.companies(),
                t.deals() + u.deals(), t.tasks() + u.tasks(), t.storageBytes() + u.storageBytes(), t.requests() + u.requests());
    }

    private List<Instance> allInstances() {
        return context.stores().instances().list(new Query(List.of(), List.of(), null, 100_000)).items();
    }

    private int forEachServing(Consumer<Instance> work) {
        List<Instance> serving = new ArrayList<>();
        for (InstanceState state : new InstanceState[] {InstanceState.READY, InstanceState.DEGRADED}) {
            serving.addAll(context.stores().instances()
                    .list(new Query(List.of(Condition.eq("state", state)), List.of(), null, 100_000)).items());
        }
        Semaphore permits = new Semaphore(context.settings().monitoringConcurrency());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Instance instance : serving) {
                threads.submit(() -> {
                    permits.acquireUninterruptibly();
                    try {
                        work.accept(instance);
                    } catch (RuntimeException e) {
                        System.getLogger("litedesk.monitoring").log(System.Logger.Level.WARNING,
                                "monitoring " + instance.subdomain() + " failed: " + e.getMessage());
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        return serving.size();
    }

    private void appendHistory(String instanceId, Consumer<List<HealthSample>> health, Consumer<List<UsageSample>> usage) {
        int keep = context.settings().historyRetention();
        for (int attempt = 0; ; attempt++) {
            var stored = context.stores().histories().findById(instanceId);
            List<HealthSample> h = new ArrayList<>(stored.map(InstanceHistory::health).orElse(List.of()));
            List<UsageSample> u = new ArrayList<>(stored.map(InstanceHistory::usage).orElse(List.of()));
            if (health != null) {
                health.accept(h);
            }
            if (usage != null) {
                usage.accept(u);
            }
            var next = new InstanceHistory(instanceId, stored.map(s -> s.version() + 1).orElse(1L),
                    List.copyOf(h.subList(Math.max(0, h.size() - keep), h.size())),
                    List.copyOf(u.subList(Math.max(0, u.size() - keep), u.size())));
            try {
                if (stored.isPresent()) {
                    context.stores().histories().replace(next, stored.get().version());
                } else {
                    context.stores().histories().insert(next);
                }
                return;
            } catch (LiteDeskException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    private static RecordRef ref(String id) {
        return new RecordRef(RecordType.INSTANCE, id);
    }
}
