package com.litedesk.app.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.http.resources.ManagementResource;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.instance.PlanLimits;
import com.litedesk.ports.platform.HealthReport;
import com.litedesk.ports.platform.InstanceAgent;
import com.litedesk.ports.platform.OwnerInvitation;
import com.litedesk.ports.platform.UsageSample;
import com.litedesk.ports.platform.Workload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link InstanceAgent} over HTTP: the instance's {@code /health/status} and its {@code /internal} management API. */
public final class HttpInstanceAgent implements InstanceAgent {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final Clock clock;

    public HttpInstanceAgent(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public HealthReport health(Workload workload) {
        long started = System.nanoTime();
        try {
            var response = client.send(HttpRequest.newBuilder(URI.create(workload.endpoint() + "/health/status"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            JsonNode body = json.readTree(response.body());
            boolean databaseUp = "UP".equals(body.path("database").path("state").asText());
            return new HealthReport(databaseUp, millis, databaseUp ? "database up (" + response.statusCode() + ")"
                    : "database " + body.path("database").path("state").asText("unknown"));
        } catch (IOException e) {
            return new HealthReport(false, (System.nanoTime() - started) / 1_000_000,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HealthReport(false, 0, "interrupted");
        }
    }

    @Override
    public void seed(Workload workload, String key, String name, String planId, PlanLimits limits, String ownerEmail, String ownerName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("planId", planId);
        body.put("limits", limits);
        body.put("ownerEmail", ownerEmail);
        body.put("ownerName", ownerName);
        call(workload, key, "POST", "/internal/seed", body);
    }

    @Override
    public OwnerInvitation inviteOwner(Workload workload, String key) {
        JsonNode answer = call(workload, key, "POST", "/internal/owner-invitation", Map.of());
        JsonNode link = answer.path("setPasswordLink");
        return new OwnerInvitation(answer.path("ownerId").asText(), link.isNull() || link.isMissingNode() ? null : link.asText());
    }

    @Override
    public void applyPlan(Workload workload, String key, String planId, PlanLimits limits) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", planId);
        body.put("limits", limits);
        call(workload, key, "PUT", "/internal/plan", body);
    }

    @Override
    public String rotateSigningKey(Workload workload, String key) {
        return call(workload, key, "POST", "/internal/signing-keys/rotate", null).path("kid").asText();
    }

    @Override
    public UsageSample usage(Workload workload, String key) {
        JsonNode u = call(workload, key, "GET", "/internal/usage", null);
        return new UsageSample(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), u.path("users").asLong(), u.path("contacts").asLong(), u.path("companies").asLong(),
                u.path("deals").asLong(), u.path("tasks").asLong(), u.path("storageBytes").asLong(), u.path("requests").asLong(),
                u.hasNonNull("p95Millis") ? u.get("p95Millis").asLong() : null);
    }

    private JsonNode call(Workload workload, String key, String method, String path, Object body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(workload.endpoint() + path)).timeout(TIMEOUT)
                    .header(ManagementResource.HEADER, key)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw LiteDeskException.unavailable("the instance answered " + method + " " + path + " with " + response.statusCode()
                        + ": " + response.body(), null);
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the instance at " + workload.endpoint() + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LiteDeskException.unavailable("interrupted", e);
        }
    }
}
