package com.litedesk.app.http.resources;

import com.litedesk.app.http.Api;
import com.litedesk.app.http.Reply;
import com.litedesk.app.http.Route;
import com.litedesk.core.platform.ControlPlane;
import com.litedesk.core.platform.monitoring.FleetSummary;
import com.litedesk.ports.contract.Nullable;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;

/** The control plane's liveness, and its readiness with a summary of the fleet's health. */
public final class PlatformHealthResource implements HttpService {

    /** Readiness: UP with the fleet's health once the database answers (else 503, DOWN, without the fleet). */
    public record PlatformReadiness(String status, String role, String version, @Nullable String runtime,
                                    HealthResource.DatabaseState database, @Nullable FleetSummary fleet) {
    }

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
        api.route(rules, Route.get("/health", "Liveness: the process answers").open().id("getLiveness")
                .returns(HealthResource.Liveness.class), call -> Reply.ok(new HealthResource.Liveness("UP")));
        api.route(rules, Route.get("/health/status", "Readiness: database state, version and the fleet's health").open().id("getReadiness")
                .returns(PlatformReadiness.class).alsoAnswers(503), call -> {
            long started = System.nanoTime();
            try {
                var fleet = platform.monitor().summary();
                return Reply.ok(new PlatformReadiness("UP", "control-plane", version, runtime,
                        new HealthResource.DatabaseState("UP", HealthResource.pingMillis(started)), fleet));
            } catch (RuntimeException e) {
                return new Reply(503, new PlatformReadiness("DOWN", "control-plane", version, null,
                        new HealthResource.DatabaseState("DOWN", null), null), Map.of());
            }
        });
    }
}
