package com.litedesk.app.platform;

import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.instance.InstanceApplication;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.Workload;
import com.litedesk.ports.platform.WorkloadSpec;
import com.litedesk.ports.platform.WorkloadState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The default runtime: every instance runs inside the control plane's JVM as its own web server on a loopback
 * port, with its own database on the same MongoDB server, its own keys and its own routes. The front door
 * forwards its host name to it. Workloads do not outlive the process: the control plane deploys the serving
 * instances again when it starts.
 */
public final class InProcessRuntime implements InstanceRuntime, AutoCloseable {

    private record Entry(WorkloadSpec spec, InstanceApplication app) {
    }

    private final LiteDeskConfig base;
    private final Function<LiteDeskConfig, InstanceApplication> factory;
    private final Map<String, Entry> workloads = new ConcurrentHashMap<>();

    /** @param factory builds (but does not start) an instance application from its configuration */
    public InProcessRuntime(LiteDeskConfig base, Function<LiteDeskConfig, InstanceApplication> factory) {
        this.base = base;
        this.factory = factory;
    }

    @Override
    public synchronized Workload deploy(WorkloadSpec spec) {
        Entry existing = workloads.get(spec.instanceId());
        if (existing != null && existing.app() != null) {
            workloads.put(spec.instanceId(), new Entry(spec, existing.app()));
            return workloadOf(spec.instanceId(), existing.app());
        }
        InstanceApplication app = launch(spec);
        workloads.put(spec.instanceId(), new Entry(spec, app));
        return workloadOf(spec.instanceId(), app);
    }

    @Override
    public synchronized void stop(String instanceId) {
        Entry entry = workloads.get(instanceId);
        if (entry != null && entry.app() != null) {
            entry.app().close();
            workloads.put(instanceId, new Entry(entry.spec(), null));
        }
    }

    @Override
    public synchronized void start(String instanceId) {
        Entry entry = workloads.get(instanceId);
        if (entry == null) {
            throw LiteDeskException.notFound("Workload", instanceId);
        }
        if (entry.app() == null) {
            workloads.put(instanceId, new Entry(entry.spec(), launch(entry.spec())));
        }
    }

    @Override
    public synchronized void remove(String instanceId) {
        Entry entry = workloads.remove(instanceId);
        if (entry != null && entry.app() != null) {
            entry.app().close();
        }
    }

    @Override
    public Optional<Workload> find(String instanceId) {
        Entry entry = workloads.get(instanceId);
        return entry == null ? Optional.empty() : Optional.of(workloadOf(instanceId, entry.app()));
    }

    /** The routing of a running in-process instance, for the front door to dispatch to directly; null when not running. */
    public io.helidon.webserver.http.HttpRouting routingOf(String instanceId) {
        Entry entry = workloads.get(instanceId);
        return entry == null || entry.app() == null ? null : entry.app().routing();
    }

    @Override
    public List<Workload> list() {
        return workloads.entrySet().stream().map(e -> workloadOf(e.getKey(), e.getValue().app())).toList();
    }

    private InstanceApplication launch(WorkloadSpec spec) {
        var config = base.forInstance(spec.instanceId(), spec.name(), spec.database().uri(), spec.publicUrl(), spec.signingKey(),
                spec.managementKey());
        InstanceApplication app = factory.apply(config);
        try {
            return app.start();
        } catch (RuntimeException e) {
            app.close();
            throw LiteDeskException.unavailable("the instance " + spec.subdomain() + " did not start: " + e.getMessage(), e);
        }
    }

    private static Workload workloadOf(String instanceId, InstanceApplication app) {
        return app == null
                ? new Workload(instanceId, null, WorkloadState.STOPPED, null)
                : new Workload(instanceId, "http://127.0.0.1:" + app.port(), WorkloadState.RUNNING, null);
    }

    @Override
    public synchronized void close() {
        workloads.values().forEach(e -> {
            if (e.app() != null) {
                e.app().close();
            }
        });
        workloads.clear();
    }
}
