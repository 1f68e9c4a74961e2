package com.litedesk.app.platform;

import com.litedesk.app.config.PlatformConfig;
import com.litedesk.app.http.Api;
import com.litedesk.app.http.RequestPipeline;
import com.litedesk.app.http.RouteCatalog;
import com.litedesk.core.platform.ControlPlane;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The control plane process: its web server (front door first, then its own API), the provisioning engine
 * resumed at start, the in-process instances deployed again, and the scheduled jobs — health checks, usage
 * collection, trial expiry, unconfirmed demo submissions past their hold, backups and their retention — each run
 * on a virtual thread.
 */
public final class ControlPlaneApplication implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("litedesk.control-plane");

    private final WebServer server;
    private final ControlPlane platform;
    private final ControlPlaneStorage storage;
    private final Runtimes runtimes;
    private final PlatformConfig config;
    private final OutsideServices outside;
    private final Duration backupRetention;
    private final RouteCatalog routes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("litedesk-scheduler").factory());

    public ControlPlaneApplication(ControlPlaneStorage storage, ControlPlane platform, Runtimes runtimes, PlatformConfig config,
                                   OutsideServices outside, Duration backupRetention, Api api, RequestPipeline pipeline, FrontDoor frontDoor, List<HttpService> services,
                                   String host, int port, long maxPayload) {
        this.storage = storage;
        this.platform = platform;
        this.runtimes = runtimes;
        this.config = config;
        this.outside = outside;
        this.backupRetention = backupRetention;
        this.routes = api.catalog();
        this.server = com.litedesk.app.http.Servers.create(host, port, maxPayload, api, List.of(frontDoor, pipeline), services);
    }

    /** Deploys the instances that should be serving, resumes unfinished workflows, starts serving and the jobs. */
    public ControlPlaneApplication start() {
        var reconciliation = platform.start();
        if (!reconciliation.removedOrphans().isEmpty() || !reconciliation.repaired().isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "reconciled the runtime: adopted " + reconciliation.adopted().size()
                    + ", removed orphans " + reconciliation.removedOrphans() + ", deployed again " + reconciliation.repaired());
        }
        server.start();
        every(Duration.ofSeconds(5), "provisioning", () -> platform.provisioning().resumeAll());
        every(config.healthInterval(), "health checks", () -> platform.monitor().checkHealth());
        every(config.usageInterval(), "usage collection", () -> platform.monitor().collectUsage());
        every(config.trialCheckInterval(), "trial expiry", () -> platform.instances().expireTrials());
        every(Duration.ofMinutes(10), "unconfirmed demo requests", () -> platform.demoRequests().releaseUnconfirmed());
        every(config.backupInterval(), "backups", () -> {
            platform.backups().backupAll();
            platform.backups().prune(backupRetention);
        });
        return this;
    }

    private void every(Duration interval, String name, Runnable job) {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> Thread.ofVirtual().name("litedesk-" + name.replace(' ', '-')).start(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, name + " failed: " + e.getMessage(), e);
            }
        }), millis, millis, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return server.port();
    }

    public ControlPlane platform() {
        return platform;
    }

    public RouteCatalog routes() {
        return routes;
    }

    public ControlPlaneStorage storage() {
        return storage;
    }

    /** The runtime the instances run on: their workloads and the endpoints the control plane reaches them at. */
    public com.litedesk.ports.platform.InstanceRuntime runtime() {
        return runtimes.runtime();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.stop();
        platform.close();
        runtimes.close();
        outside.close();
        storage.close();
    }
}
