package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.instance.InstanceSettings;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness (the process answers) and readiness (the database answers, the instance is set up). */
public final class HealthResource implements HttpService {

    private final Api api;
    private final InstanceRepositories stores;
    private final String instanceId;
    private final String version;

    public HealthResource(Api api, InstanceRepositories stores, String instanceId, String version) {
        this.api = api;
        this.stores = stores;
        this.instanceId = instanceId;
        this.version = version;
    }

    @Override
    public void routing(HttpRules rules) {
        api.route(rules, Method.GET, "/health", "Liveness: the process answers", false, call -> Reply.ok(Map.of("status", "UP")));
        api.route(rules, Method.GET, "/health/status", "Readiness with version and database state", false, call -> {
            Map<String, Object> out = new LinkedHashMap<>();
            String database;
            boolean ready;
            long started = System.nanoTime();
            try {
                ready = stores.settings().findById(InstanceSettings.ID).isPresent();
                database = "UP";
            } catch (RuntimeException e) {
                ready = false;
                database = "DOWN";
            }
            out.put("status", ready ? "UP" : "DOWN");
            out.put("instanceId", instanceId);
            out.put("version", version);
            out.put("database", Map.of("state", database, "pingMs", Math.round((System.nanoTime() - started) / 10_000.0) / 100.0));
            return new Reply(ready ? 200 : 503, out, Map.of());
        });
    }
}
