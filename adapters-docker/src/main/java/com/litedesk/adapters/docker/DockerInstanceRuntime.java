package com.litedesk.adapters.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.InstanceRuntime;
import com.litedesk.ports.platform.Workload;
import com.litedesk.ports.platform.WorkloadSpec;
import com.litedesk.ports.platform.WorkloadState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instances as containers on a Docker engine ({@code DOCKER_HOST}): per instance a network, a volume and an app
 * container running {@code litedesk.jar instance} with its SQLite file on the volume (or, with a database image, a
 * database container too), the instance's configuration and keys, memory and CPU limits from its plan, a restart
 * policy, a health check on {@code /health} and the {@code litedesk.*} labels. Every call adopts what exists; suspend
 * stops the app container, resume starts it, remove deletes it (the database provisioner removes the database
 * container, volume and network).
 */
public final class DockerInstanceRuntime implements InstanceRuntime {

    private final InstanceContainers containers;
    private final DockerSettings settings;

    public DockerInstanceRuntime(DockerEngine engine, DockerSettings settings) {
        this.containers = new InstanceContainers(engine, settings);
        this.settings = settings;
    }

    @Override
    public Workload deploy(WorkloadSpec spec) {
        String id = spec.instanceId();
        containers.ensureStorage(id);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LITEDESK_PORT", Integer.toString(InstanceContainers.APP_PORT));
        if (containers.databaseContainers()) {
            env.put("MONGO_URI", spec.database().uri());
        } else {
            env.put("LITEDESK_DATA_DIR", DockerDatabaseProvisioner.DATA_DIR); // the volume: <data>/instances/<id>/litedesk.db
        }
        env.put("LITEDESK_INSTANCE_ID", id);
        env.put("LITEDESK_INSTANCE_NAME", spec.name() == null ? spec.subdomain() : spec.name());
        env.put("LITEDESK_PUBLIC_URL", spec.publicUrl());
        env.put("LITEDESK_SIGNING_KEY", spec.signingKey());
        env.put("LITEDESK_MANAGEMENT_KEY", spec.managementKey());
        env.put("LITEDESK_RATE_LIMIT_PER_MINUTE", "0"); // the plan's per-caller limit applies; clients arrive through the front door
        // published on loopback only, so every peer the container sees is Docker's proxy on a private bridge address
        env.put("LITEDESK_TRUSTED_PROXIES", "172.16.0.0/12,192.168.0.0/16,10.0.0.0/8");
        new java.util.TreeMap<>(settings.instanceEnvironment()).forEach(env::putIfAbsent);
        var size = InstanceContainers.Size.of(spec.size(), settings);
        containers.ensureApp(id, env, size);
        return find(id).orElseThrow(() -> LiteDeskException.unavailable("the app container of " + id + " vanished", null));
    }

    @Override
    public void stop(String instanceId) {
        containers.stop(InstanceContainers.app(instanceId));
    }

    @Override
    public void start(String instanceId) {
        if (containers.inspect(InstanceContainers.app(instanceId)).isEmpty()) {
            throw LiteDeskException.notFound("Workload", instanceId);
        }
        if (containers.databaseContainers()) {
            containers.start(InstanceContainers.database(instanceId));
        }
        containers.start(InstanceContainers.app(instanceId));
    }

    @Override
    public void remove(String instanceId) {
        containers.remove(InstanceContainers.app(instanceId));
    }

    @Override
    public Optional<Workload> find(String instanceId) {
        return containers.inspect(InstanceContainers.app(instanceId)).map(app -> workloadOf(instanceId, app));
    }

    /** One workload per instance that has any LiteDesk container; an instance with only its database is STOPPED. */
    @Override
    public List<Workload> list() {
        List<Container> all = containers.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerEngine.MANAGED_BY, DockerEngine.MANAGER)).exec();
        return all.stream().map(c -> c.getLabels().get(DockerEngine.INSTANCE)).filter(java.util.Objects::nonNull).distinct()
                .map(id -> find(id).orElse(new Workload(id, null, WorkloadState.STOPPED, "only its database container exists")))
                .toList();
    }

    private Workload workloadOf(String instanceId, InspectContainerResponse app) {
        var state = app.getState();
        String endpoint = containers.publishedPort(instanceId, InstanceContainers.APP_PORT).map(p -> "http://127.0.0.1:" + p).orElse(null);
        if (Boolean.TRUE.equals(state.getRunning())) {
            String health = state.getHealth() == null ? null : state.getHealth().getStatus();
            return new Workload(instanceId, endpoint, "unhealthy".equals(health) ? WorkloadState.FAILED : WorkloadState.RUNNING,
                    health == null ? null : "container " + health);
        }
        boolean crashed = "restarting".equals(state.getStatus()) || "dead".equals(state.getStatus());
        String detail = "container " + state.getStatus() + (state.getExitCodeLong() == null ? "" : " (exit " + state.getExitCodeLong() + ")");
        return new Workload(instanceId, endpoint, crashed ? WorkloadState.FAILED : WorkloadState.STOPPED, detail);
    }
}
