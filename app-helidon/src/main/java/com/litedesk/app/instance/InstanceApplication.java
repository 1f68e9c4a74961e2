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
    private final LiteDesk crm;
    private final InstanceStorage storage;
    private final com.litedesk.app.http.RouteCatalog routes;

    public InstanceApplication(InstanceStorage storage, LiteDesk crm, Api api, RequestPipeline pipeline, List<HttpService> services,
                               String host, int port, long maxPayload) {
        this.storage = storage;
        this.crm = crm;
        this.routes = api.catalog();
        this.server = com.litedesk.app.http.Servers.create(host, port, maxPayload, api, List.of(pipeline), services);
    }

    public InstanceApplication start() {
        server.start();
        return this;
    }

    public int port() {
        return server.port();
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
        storage.close();
    }
}
