package com.litedesk.adapters.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.litedesk.ports.LiteDeskException;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A connection to one Docker engine, found the way the docker CLI finds it ({@code DOCKER_HOST}, else the
 * default socket). Every call has a connect and a response timeout, so an unreachable engine is a clear
 * {@code UNAVAILABLE} failure and never a hang. Thread-safe; close it when done.
 */
public final class DockerEngine implements AutoCloseable {

    /** Label on every object LiteDesk creates, so that it can find, adopt and remove them. */
    public static final String MANAGED_BY = "litedesk.managed-by";
    /** Label naming the instance an object belongs to. */
    public static final String INSTANCE = "litedesk.instance";
    static final String MANAGER = "litedesk-control-plane";

    private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private final DockerClient client;
    private final String host;

    private DockerEngine(DockerClient client, String host) {
        this.client = client;
        this.host = host;
    }

    /** Connects to {@code DOCKER_HOST}, or to the default socket when it is unset. */
    public static DockerEngine fromEnvironment(Duration timeout) {
        var configured = System.getenv("DOCKER_HOST");
        return connect(configured == null || configured.isBlank() ? DEFAULT_HOST : configured, timeout);
    }

    /** Connects to the engine at {@code dockerHost} ({@code unix:///path} or {@code tcp://host:port}). */
    public static DockerEngine connect(String dockerHost, Duration timeout) {
        Objects.requireNonNull(dockerHost, "dockerHost");
        Objects.requireNonNull(timeout, "timeout");
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(dockerHost))
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(timeout)
                .responseTimeout(timeout)
                .build();
        return new DockerEngine(DockerClientImpl.getInstance(config, http), dockerHost);
    }

    /** The labels every object of {@code instanceId} carries. */
    public static Map<String, String> labelsOf(String instanceId) {
        return Map.of(MANAGED_BY, MANAGER, INSTANCE, instanceId);
    }

    /** Fails with {@code UNAVAILABLE} unless the engine answers. */
    public void ping() {
        call("ping", () -> client.pingCmd().exec());
    }

    /** The engine's version, as it reports it. */
    public String serverVersion() {
        return call("version", () -> client.versionCmd().exec().getVersion());
    }

    /** Ids of the containers (running or not) that LiteDesk manages, optionally of one instance only. */
    public List<String> managedContainers(String instanceId) {
        var labels = instanceId == null ? Map.of(MANAGED_BY, MANAGER) : labelsOf(instanceId);
        return call("list containers", () -> client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec())
                .stream().map(Container::getId).toList();
    }

    /** Names of the volumes LiteDesk created for {@code instanceId}. */
    public List<String> managedVolumes(String instanceId) {
        return call("list volumes", () -> {
            var volumes = client.listVolumesCmd().withFilter("label", List.of(INSTANCE + "=" + instanceId)).exec().getVolumes();
            return volumes == null ? List.<String>of() : volumes.stream().map(v -> v.getName()).toList();
        });
    }

    /** Names of the networks LiteDesk created for {@code instanceId}. */
    public List<String> managedNetworks(String instanceId) {
        return call("list networks", () -> client.listNetworksCmd().withFilter("label", List.of(INSTANCE + "=" + instanceId)).exec()
                .stream().map(n -> n.getName()).toList());
    }

    /** The underlying docker-java client, for the runtime adapters of this module. */
    DockerClient client() {
        return client;
    }

    <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw LiteDeskException.unavailable("Docker engine at " + host + " failed to " + what + ": " + messageOf(e), e);
        }
    }

    private static String messageOf(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing a connection pool cannot lose data; nothing to do
        }
    }
}
