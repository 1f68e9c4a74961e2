package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.app.http.openapi.OpenApiDocument;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;

/** The OpenAPI document of every route this server registered, at {@code /openapi}. */
public final class OpenApiResource implements HttpService {

    /** What an instance's document is called. */
    public static final String INSTANCE_TITLE = "LiteDesk instance API";
    /** What the control plane's document is called. */
    public static final String CONTROL_PLANE_TITLE = "LiteDesk control plane API";

    private static final String ABOUT = "Errors are RFC 9457 problem details (application/problem+json). Lists take limit, cursor, "
            + "sort, q and filter; a query parameter a route does not declare is refused with 400. Writes take an Idempotency-Key; "
            + "records carry their version as ETag, and changes take it back as If-Match.";

    private final Api api;
    private final String title;
    private final String version;
    private volatile Map<String, Object> document;

    public OpenApiResource(Api api, String title, String version) {
        this.api = api;
        this.title = title;
        this.version = version;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Route.get("/openapi", "This document (OpenAPI 3.0)").open().id("openApiDocument").tag("Document")
                .returns(Map.class), call -> Reply.ok(document()));
    }

    private Map<String, Object> document() {
        Map<String, Object> doc = document;
        if (doc == null) { // the routes are all registered once the server serves
            doc = OpenApiDocument.of(api.catalog(), api.json(), title, ABOUT, version);
            document = doc;
        }
        return doc;
    }
}
