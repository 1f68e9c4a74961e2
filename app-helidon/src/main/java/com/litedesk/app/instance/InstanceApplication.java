package com.litedesk.app.instance;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.RequestPipeline;
import com.litedesk.core.LiteDesk;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.util.List;

/** One running instance: its storage, its core and its web server. */
public final class InstanceApplication implements AutoCloseable {

    private final WebServer server;
    private final io.helidon.webserver.http.HttpRouting routing;
    private final LiteDesk crm;
    private final InstanceStorage storage;
    private final com.litedesk.app.http.RouteCatalog routes;

    public InstanceApplication(InstanceStorage storage, LiteDesk crm, Api api, RequestPipeline pipeline, List<HttpService> services,
                               String host, int port, long maxPayload) {
        this.storage = storage;
        this.crm = crm;
        this.routes = api.catalog();
        this.server = com.litedesk.app.http.Servers.create(host, port, maxPayload, api, List.of(pipeline), services);
        // the same routes once more, for the front door to run without an HTTP hop (a builder builds once)
        this.routing = com.litedesk.app.http.Servers.routing(api, List.of(pipeline), services).build();
    }

    public InstanceApplication start() {
        server.start();
        routing.beforeStart();
        return this;
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
        server.stop();
        routing.afterStop();
        storage.close();
    }
}
