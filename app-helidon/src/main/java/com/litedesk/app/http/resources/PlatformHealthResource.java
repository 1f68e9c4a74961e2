package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.core.platform.ControlPlane;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.LinkedHashMap;
import java.util.Map;

/** The control plane's liveness, and its readiness with a summary of the fleet's health. */
public final class PlatformHealthResource implements HttpService {

    private final Api api;
    private final ControlPlane platform;
    private final String version;
    private final String runtime;

    public PlatformHealthResource(Api api, ControlPlane platform, String version, String runtime) {
        this.api = api;
        this.platform = platform;
        this.version = version;
        this.runtime = runtime;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Method.GET, "/health", "Liveness: the process answers", false, call -> Reply.ok(Map.of("status", "UP")));
        api.route(rules, Method.GET, "/health/status", "Readiness: database state, version and the fleet's health", false, call -> {
            Map<String, Object> out = new LinkedHashMap<>();
            long started = System.nanoTime();
            try {
                var fleet = platform.monitor().summary();
                out.put("status", "UP");
                out.put("role", "control-plane");
                out.put("version", version);
                out.put("runtime", runtime);
                out.put("database", Map.of("state", "UP", "pingMs", Math.round((System.nanoTime() - started) / 10_000.0) / 100.0));
                out.put("fleet", fleet);
                return Reply.ok(out);
            } catch (RuntimeException e) {
                out.put("status", "DOWN");
                out.put("role", "control-plane");
                out.put("version", version);
                out.put("database", Map.of("state", "DOWN"));
                return new Reply(503, out, Map.of());
            }
        });
    }
}
