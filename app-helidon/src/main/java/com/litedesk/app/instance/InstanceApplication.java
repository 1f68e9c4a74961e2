package com.litedesk.app.instance;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.RequestPipeline;
import com.litedesk.core.LiteDesk;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One running instance: its storage, its core, its web server and its scheduled work (task reminders). */
public final class InstanceApplication implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InstanceApplication.class.getName());

    private final WebServer server;
    private final io.helidon.webserver.http.HttpRouting routing;
    private final LiteDesk crm;
    private final InstanceStorage storage;
    private final com.litedesk.app.http.RouteCatalog routes;
    private final Duration reminderInterval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("litedesk-reminders").factory());

    public InstanceApplication(InstanceStorage storage, LiteDesk crm, Api api, RequestPipeline pipeline, List<HttpService> services,
                               String host, int port, long maxPayload, Duration reminderInterval) {
        this.storage = storage;
        this.crm = crm;
        this.reminderInterval = reminderInterval;
        this.routes = api.catalog();
        this.server = com.litedesk.app.http.Servers.create(host, port, maxPayload, api, List.of(pipeline), services);
        // the same routes once more, for the front door to run without an HTTP hop (a builder builds once)
        this.routing = com.litedesk.app.http.Servers.routing(api, List.of(pipeline), services).build();
    }

    public InstanceApplication start() {
        int filled = crm.deals().fillClosedAt();
        if (filled > 0) {
            LOG.log(System.Logger.Level.INFO, "won and lost deals given their close time: " + filled);
        }
        server.start();
        routing.beforeStart();
        long millis = reminderInterval.toMillis();
        timer.scheduleWithFixedDelay(this::remind, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    private void remind() {
        try {
            int sent = crm.reminders().sendDue();
            if (sent > 0) {
                LOG.log(System.Logger.Level.INFO, "task reminders sent: " + sent);
            }
        } catch (RuntimeException e) {
            // the next run tries again: a reminder whose mail failed is not marked sent
            LOG.log(System.Logger.Level.WARNING, "task reminders failed: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.port();
    }

    /**
     * The instance's routing: what its own server runs, and what the control plane's front door runs for requests to
     * an in-process instance, on the same connection, without a second HTTP hop.
     */
    public io.helidon.webserver.http.HttpRouting routing() {
        return routing;
    }

    public LiteDesk crm() {
        return crm;
    }

    /** Every route this instance serves. */
    public com.litedesk.app.http.RouteCatalog routes() {
        return routes;
    }

    /** The instance's stores (the development outbox lives there). */
    public com.litedesk.ports.instance.InstanceRepositories repositories() {
        return storage.repositories();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS); // a run in progress finishes before the stores close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        routing.afterStop();
        storage.close();
    }
}
