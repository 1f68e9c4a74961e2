package com.litedesk.app.http;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http1.Http1Config;
import java.util.List;

/** The one way LiteDesk builds a web server: filters in order, the services, then problem+json fallbacks. */
public final class Servers {

    private Servers() {
    }

    public static WebServer create(String host, int port, long maxPayload, Api api, List<Filter> filters, List<HttpService> services) {
        return create(host, port, maxPayload, routing(api, filters, services));
    }

    /** The routing of filters in order, the services, then problem+json fallbacks. */
    public static HttpRouting.Builder routing(Api api, List<Filter> filters, List<HttpService> services) {
        HttpRouting.Builder routing = HttpRouting.builder();
        filters.forEach(routing::addFilter);
        services.forEach(routing::register);
        routing.any(api::fallback);
        routing.error(Throwable.class, (req, res, e) -> api.fail(res, e, null));
        return routing;
    }

    /** A server for a routing. */
    public static WebServer create(String host, int port, long maxPayload, HttpRouting.Builder routing) {
        return WebServer.builder()
                .host(host)
                .port(port)
                .maxPayloadSize(maxPayload)
                .shutdownHook(false)
                // filters are JSON-ish text ("stage[eq]:\\"won\\""): a raw ':' or '"' in a query is the client's
                // choice, answered by the routes' own validation rather than an empty 400
                .addProtocol(Http1Config.builder().validatePath(false).build())
                .routing(routing)
                .build();
    }
}
