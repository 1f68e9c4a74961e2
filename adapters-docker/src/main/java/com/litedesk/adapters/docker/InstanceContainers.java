package com.litedesk.adapters.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import com.litedesk.ports.LiteDeskException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Docker objects of one instance: a network and a volume, and either the app container alone, with its SQLite
 * file on the volume at {@code /data} and its port published on loopback (the default), or, with a database image,
 * pod-style: a database container that owns the network namespace (and publishes the app's and the database's ports
 * on loopback) and the app container joined to that namespace, so the app reaches its database at 127.0.0.1 on
 * engines without embedded DNS. Every object is labelled and named after the instance; creating adopts what exists.
 */
final class InstanceContainers {

    static final int APP_PORT = 8080;
    static final int DB_PORT = 27017;

    private final DockerEngine engine;
    private final DockerSettings settings;

    InstanceContainers(DockerEngine engine, DockerSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    static String network(String id) {
        return "litedesk-" + id;
    }

    static String volume(String id) {
        return "litedesk-" + id + "-data";
    }

    static String database(String id) {
        return "litedesk-" + id + "-db";
    }

    static String app(String id) {
        return "litedesk-" + id + "-app";
    }

    DockerClient client() {
        return engine.client();
    }

    /** Whether each instance has a database container (else its SQLite file on its volume). */
    boolean databaseContainers() {
        return settings.databaseContainers();
    }

    /** The network, the volume and (with a database image) the running database container; adopted when they exist. */
    void ensureStorage(String id) {
        var labels = DockerEngine.labelsOf(id);
        engine.call("create network " + network(id), () -> {
            if (client().listNetworksCmd().withNameFilter(network(id)).exec().stream().noneMatch(n -> n.getName().equals(network(id)))) {
                client().createNetworkCmd().withName(network(id)).withLabels(labels).exec();
            }
            return null;
        });
        engine.call("create volume " + volume(id), () -> {
            try {
                client().inspectVolumeCmd(volume(id)).exec();
            } catch (NotFoundException absent) {
                client().createVolumeCmd().withName(volume(id)).withLabels(labels).exec();
            }
            return null;
        });
        if (!settings.databaseContainers()) {
            return;
        }
        if (inspect(database(id)).isEmpty()) {
            var create = client().createContainerCmd(settings.databaseImage())
                    .withName(database(id))
                    .withLabels(withRole(labels, "database"))
                    .withExposedPorts(ExposedPort.tcp(APP_PORT), ExposedPort.tcp(DB_PORT))
                    .withHostConfig(HostConfig.newHostConfig()
                            .withNetworkMode(network(id))
                            .withBinds(new Bind(volume(id), new Volume("/data")))
                            .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(APP_PORT)),
                                    new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(DB_PORT)))
                            .withMemory(Math.max(128, settings.memoryMb() / 2) * 1024L * 1024L)
                            .withNanoCPUs((long) (settings.cpus() * 1_000_000_000L))
                            .withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
                    .withCmd("--bind_ip_all", "--dbpath", "/data");
            engine.call("create container " + database(id), () -> {
                try {
                    return create.exec();
                } catch (ConflictException raced) {
                    return null; // created meanwhile: adopt it
                }
            });
        }
        start(database(id));
    }

    /** Memory (MB) and CPUs of an instance's app container, as its plan sizes it; the database container gets half the memory. */
    record Size(int memoryMb, double cpus) {
        static Size of(com.litedesk.ports.platform.WorkloadSize size, DockerSettings settings) {
            return size == null ? new Size(settings.memoryMb(), settings.cpus()) : new Size(size.memoryMb(), size.cpus());
        }
    }

    /** The running app container of the instance, sized for its plan; adopted when it exists. */
    void ensureApp(String id, Map<String, String> env, Size size) {
        if (inspect(app(id)).isEmpty()) {
            HostConfig host = HostConfig.newHostConfig()
                    .withMemory(size.memoryMb() * 1024L * 1024L)
                    .withNanoCPUs((long) (size.cpus() * 1_000_000_000L))
                    .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
            if (settings.databaseContainers()) {
                String dbId = inspect(database(id)).map(InspectContainerResponse::getId)
                        .orElseThrow(() -> LiteDeskException.unavailable("the database container of " + id + " is missing", null));
                host.withNetworkMode("container:" + dbId);
            } else {
                host.withNetworkMode(network(id))
                        .withBinds(new Bind(volume(id), new Volume("/data")))
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(APP_PORT)));
            }
            List<String> variables = new ArrayList<>();
            env.forEach((k, v) -> variables.add(k + "=" + v));
            engine.call("create container " + app(id), () -> {
                try {
                    var create = client().createContainerCmd(settings.appImage());
                    if (!settings.databaseContainers()) {
                        create.withExposedPorts(ExposedPort.tcp(APP_PORT)); // in the database's namespace, that container publishes it
                    }
                    return create
                            .withName(app(id))
                            .withLabels(withRole(DockerEngine.labelsOf(id), "app"))
                            .withEnv(variables)
                            .withCmd("instance")
                            .withHealthcheck(new HealthCheck()
                                    .withTest(List.of("CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:" + APP_PORT + "/health || exit 1"))
                                    .withInterval(TimeUnit.SECONDS.toNanos(10)).withTimeout(TimeUnit.SECONDS.toNanos(3))
                                    .withStartPeriod(TimeUnit.SECONDS.toNanos(30)).withRetries(3))
                            .withHostConfig(host)
                            .exec();
                } catch (ConflictException raced) {
                    return null;
                }
            });
        }
        start(app(id));
    }

    Optional<InspectContainerResponse> inspect(String name) {
        return engine.call("inspect " + name, () -> {
            try {
                return Optional.of(client().inspectContainerCmd(name).exec());
            } catch (NotFoundException absent) {
                return Optional.empty();
            }
        });
    }

    void start(String name) {
        engine.call("start " + name, () -> {
            var state = client().inspectContainerCmd(name).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                client().startContainerCmd(name).exec();
            }
            return null;
        });
    }

    void stop(String name) {
        engine.call("stop " + name, () -> {
            try {
                var state = client().inspectContainerCmd(name).exec().getState();
                if (Boolean.TRUE.equals(state.getRunning())) {
                    client().stopContainerCmd(name).withTimeout(10).exec();
                }
            } catch (NotFoundException absent) {
                // nothing to stop
            }
            return null;
        });
    }

    void remove(String name) {
        engine.call("remove " + name, () -> {
            try {
                client().removeContainerCmd(name).withForce(true).exec();
            } catch (NotFoundException absent) {
                // removed already
            }
            return null;
        });
    }

    /** Removes the database container (if any), the volume and the network. */
    void removeStorage(String id) {
        remove(database(id));
        engine.call("remove volume " + volume(id), () -> {
            try {
                client().removeVolumeCmd(volume(id)).exec();
            } catch (NotFoundException absent) {
                // removed already
            }
            return null;
        });
        engine.call("remove network " + network(id), () -> {
            try {
                client().removeNetworkCmd(network(id)).exec();
            } catch (NotFoundException absent) {
                // removed already
            }
            return null;
        });
    }

    boolean volumeExists(String id) {
        return engine.call("inspect volume " + volume(id), () -> {
            try {
                client().inspectVolumeCmd(volume(id)).exec();
                return true;
            } catch (NotFoundException absent) {
                return false;
            }
        });
    }

    /**
     * The loopback port the engine published for a container port: on the database container, which owns the
     * network namespace, when there is one; else on the app container.
     */
    Optional<Integer> publishedPort(String id, int containerPort) {
        String owner = settings.databaseContainers() ? database(id) : app(id);
        return inspect(owner).map(c -> c.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(containerPort)))
                .filter(b -> b != null && b.length > 0 && b[0].getHostPortSpec() != null && !b[0].getHostPortSpec().isEmpty())
                .map(b -> Integer.parseInt(b[0].getHostPortSpec()));
    }

    private static Map<String, String> withRole(Map<String, String> labels, String role) {
        Map<String, String> all = new HashMap<>(labels);
        all.put("litedesk.role", role);
        return all;
    }
}
