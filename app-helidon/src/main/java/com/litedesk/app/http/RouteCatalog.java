package com.litedesk.app.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every route the server serves, recorded as it is registered: the OpenAPI document is made from
 * it, and requests to a known path with an unknown method get 405 instead of 404.
 */
public final class RouteCatalog {

    private final CopyOnWriteArrayList<Route> routes = new CopyOnWriteArrayList<>();

    synchronized void add(Route route) {
        if (routes.stream().noneMatch(route::sameAs)) { // a routing built twice (the server's, and the front door's copy) registers its routes again
            routes.add(route);
        }
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The methods served at a concrete path (for 405 and Allow). */
    public List<String> methodsAt(String path) {
        return routes.stream().filter(r -> r.matchesPath(path)).map(Route::method).distinct().toList();
    }
}
