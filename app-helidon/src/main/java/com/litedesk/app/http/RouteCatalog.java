package com.litedesk.app.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Every route the server serves, recorded as it is registered: the OpenAPI document is made from
 * it, and requests to a known path with an unknown method get 405 instead of 404.
 *
 * <p>A path can match more than one template ({@code /api/deals/board} and {@code /api/deals/{id}}); the one with a
 * fixed segment where the other has a parameter is the resource there, so the board never answers as a deal.
 */
public final class RouteCatalog {

    private final CopyOnWriteArrayList<Route> routes = new CopyOnWriteArrayList<>();
    /** Per template, the more specific templates that may take a path from it (computed once, on first use). */
    private final Map<String, List<String>> shadowing = new ConcurrentHashMap<>();
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    synchronized void add(Route route) {
        if (routes.stream().noneMatch(route::sameAs)) { // a routing built twice (the server's, and the front door's copy) registers its routes again
            routes.add(route);
            shadowing.clear();
        }
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The methods served at a concrete path (for 405 and Allow): those of the most specific template that matches it. */
    public List<String> methodsAt(String path) {
        String best = null;
        for (Route route : routes) {
            if (matches(route.path(), path) && (best == null || moreSpecific(route.path(), best))) {
                best = route.path();
            }
        }
        if (best == null) {
            return List.of();
        }
        String shape = shape(best);
        return routes.stream().filter(r -> shape(r.path()).equals(shape) && matches(r.path(), path))
                .map(Route::method).distinct().toList();
    }

    /** Every method some route serves (the {@code Allow} of {@code OPTIONS *}). */
    public List<String> methods() {
        return routes.stream().map(Route::method).distinct().toList();
    }

    /** Whether {@code template} is the resource at {@code path}, i.e. no more specific template matches it too. */
    public boolean serves(String template, String path) {
        for (String other : shadowing.computeIfAbsent(template, this::moreSpecificThan)) {
            if (matches(other, path)) {
                return false;
            }
        }
        return true;
    }

    private List<String> moreSpecificThan(String template) {
        List<String> found = new ArrayList<>();
        for (Route route : routes) {
            if (!found.contains(route.path()) && segments(route.path()).length == segments(template).length
                    && moreSpecific(route.path(), template) && overlap(route.path(), template)) {
                found.add(route.path());
            }
        }
        return List.copyOf(found);
    }

    /** At the first place where one has a fixed segment and the other a parameter, {@code a} has the fixed one. */
    private static boolean moreSpecific(String a, String b) {
        String[] x = segments(a);
        String[] y = segments(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean fixedX = !isParameter(x[i]);
            boolean fixedY = !isParameter(y[i]);
            if (fixedX != fixedY) {
                return fixedX;
            }
        }
        return false;
    }

    /** Whether some path can match both templates (of equal length): fixed segments agree wherever both have one. */
    private static boolean overlap(String a, String b) {
        String[] x = segments(a);
        String[] y = segments(b);
        for (int i = 0; i < x.length; i++) {
            if (!isParameter(x[i]) && !isParameter(y[i]) && !x[i].equals(y[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(String template, String path) {
        return patterns.computeIfAbsent(template, t -> Pattern.compile(t.replaceAll("\\{[^/]+}", "[^/]+"))).matcher(path).matches();
    }

    private static String shape(String template) {
        return template.replaceAll("\\{[^/]+}", "{}");
    }

    private static String[] segments(String template) {
        return template.split("/", -1);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
