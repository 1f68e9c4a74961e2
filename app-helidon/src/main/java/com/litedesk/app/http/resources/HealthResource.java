package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.instance.InstanceSettings;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;

/** Liveness (the process answers) and readiness (the database answers, the instance is set up). */
public final class HealthResource implements HttpService {

    /** The process answers. */
    public record Liveness(String status) {
    }

    /** Whether the database answers, and how fast. */
    public record DatabaseState(String state, @Nullable Double pingMs) {
    }

    /** Readiness: UP once the database answers and the instance is set up (else 503 with the same body). */
    public record Readiness(String status, String instanceId, String version, DatabaseState database) {
    }

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
        api.route(rules, Route.get("/health", "Liveness: the process answers").open().id("getLiveness").returns(Liveness.class),
                call -> Reply.ok(new Liveness("UP")));
        api.route(rules, Route.get("/health/status", "Readiness with version and database state").open().id("getReadiness")
                .returns(Readiness.class).alsoAnswers(503), call -> {
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
            var out = new Readiness(ready ? "UP" : "DOWN", instanceId, version, new DatabaseState(database, pingMillis(started)));
            return new Reply(ready ? 200 : 503, out, Map.of());
        });
    }

    /** Milliseconds since {@code started}, to two decimals. */
    static double pingMillis(long started) {
        return Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
    }
}
