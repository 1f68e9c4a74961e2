package com.litedesk.app.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Every route the server serves, recorded as it is registered: the OpenAPI document is made from
 * it, and requests to a known path with an unknown method get 405 instead of 404.
 */
public final class RouteCatalog {

    /** One served route; {@code path} uses {name} placeholders. */
    public record Route(String method, String path, String summary, boolean authenticated, String requestType,
                        String responseType) {
        boolean matchesPath(String actual) {
            return Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+")).matcher(actual).matches();
        }
    }

    private final CopyOnWriteArrayList<Route> routes = new CopyOnWriteArrayList<>();

    void add(Route route) {
        routes.addIfAbsent(route); // a routing built twice (the server's, and the front door's copy) registers its routes again
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The methods served at a concrete path (for 405 and Allow). */
    public List<String> methodsAt(String path) {
        return routes.stream().filter(r -> r.matchesPath(path)).map(Route::method).distinct().toList();
    }
}
