package com.litedesk.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http1.Http1Config;
import java.util.List;

/** The one way LiteDesk builds a web server: filters in order, the services, then problem+json fallbacks. */
public final class Servers {

    /** The longest request line (method, target, version) the server reads; a longer one is answered 414. */
    public static final int MAX_REQUEST_LINE = 4096;
    /** The most header bytes the server reads; more is answered 431. */
    public static final int MAX_HEADERS = 16384;

    private Servers() {
    }

    public static WebServer create(String host, int port, long maxPayload, Api api, List<Filter> filters, List<HttpService> services) {
        return create(host, port, maxPayload, api.json(), routing(api, filters, services));
    }

    /** The routing of filters in order, the services, then problem+json fallbacks. */
    public static HttpRouting.Builder routing(Api api, List<Filter> filters, List<HttpService> services) {
        HttpRouting.Builder routing = HttpRouting.builder();
        filters.forEach(routing::addFilter);
        services.forEach(routing::register);
        routing.any(api::fallback);
        routing.error(Throwable.class, (req, res, e) -> api.fail(res, e, Api.requestId(req)));
        return routing;
    }

    /** A server for a routing. */
    public static WebServer create(String host, int port, long maxPayload, ObjectMapper json, HttpRouting.Builder routing) {
        return WebServer.builder()
                .host(host)
                .port(port)
                .maxPayloadSize(maxPayload)
                .shutdownHook(false)
                // the path is checked here; the query by RequestTargets, as RFC 3986 has it (this layer would refuse a raw ':')
                .addProtocol(Http1Config.builder().validatePath(true).validatePrologue(false)
                        .maxPrologueLength(MAX_REQUEST_LINE).maxHeadersSize(MAX_HEADERS).build())
                // what this layer answers by itself is problem+json too; its messages only tell 431 from 400, never reach a client
                .directHandlers(TransportProblems.handlers(json))
                .errorHandling(e -> e.includeEntity(true))
                .routing(routing)
                .build();
    }
}
