package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The check every test's answers go through: an answer the document does not allow fails, saying why. */
class OpenApiContractTest {

    private final OpenApiContract instance = OpenApiContract.committed("instance.json");

    @Test
    void anAnswerTheDocumentAllowsPasses() {
        instance.check("GET", "/health", answer(200, "{\"status\":\"UP\"}", Map.of("X-Request-Id", "r1")));
        instance.check("DELETE", "/api/contacts/c1", answer(204, "", Map.of("X-Request-Id", "r1")));
    }

    @Test
    void aNullableRecordMayBeNullOrTheRecordButNothingElse() {
        var platform = OpenApiContract.committed("control-plane.json");
        String instance = "{\"id\":\"i1\",\"version\":1,\"subdomain\":\"acme\",\"name\":\"Acme\",\"customerId\":null,"
                + "\"subscriptionId\":null,\"demoRequestId\":null,\"planId\":\"trial\",\"state\":\"READY\",\"stateReason\":null,"
                + "\"ownerEmail\":\"o@acme.test\",\"ownerName\":null,\"health\":{\"checkedAt\":null,\"healthy\":false,"
                + "\"consecutiveFailures\":0,\"latencyMillis\":null,\"detail\":null},\"usage\":%s,\"createdAt\":\"2026-01-01T00:00:00Z\","
                + "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"readyAt\":null,\"url\":\"http://acme.localhost\"}";
        var headers = Map.of("X-Request-Id", "r1");
        platform.check("GET", "/api/admin/instances/i1", answer(200, instance.formatted("null"), headers));
        platform.check("GET", "/api/admin/instances/i1", answer(200, instance.formatted("{\"at\":\"2026-01-01T00:00:00Z\",\"users\":1,"
                + "\"contacts\":0,\"companies\":0,\"deals\":0,\"tasks\":0,\"storageBytes\":0,\"requests\":0,\"p95Millis\":null}"), headers));
        assertThatThrownBy(() -> platform.check("GET", "/api/admin/instances/i1", answer(200, instance.formatted("\"lots\""), headers)))
                .hasMessageContaining("usage");
    }

    @Test
    void aBodyOfTheWrongShapeFailsNamingTheField() {
        assertThatThrownBy(() -> instance.check("GET", "/api/contacts/c1?x=1",
                answer(200, "{\"id\":5}", Map.of("X-Request-Id", "r1", "ETag", "\"1\""))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/contacts/c1?x=1 answered 200")
                .hasMessageContaining("LiteDesk instance API")
                .hasMessageContaining("version");
    }

    @Test
    void aMissingDeclaredHeaderAndAnUndeclaredStatusFail() {
        assertThatThrownBy(() -> instance.check("GET", "/health", answer(200, "{\"status\":\"UP\"}", Map.of())))
                .hasMessageContaining("X-Request-Id");
        assertThatThrownBy(() -> instance.check("POST", "/api/contacts", answer(200, "{}", Map.of("X-Request-Id", "r1"))))
                .hasMessageContaining("200");
    }

    @Test
    void aProblemMustBeProblemDetails() {
        assertThatThrownBy(() -> instance.check("GET", "/api/contacts", answer(401, "{\"error\":\"no\"}",
                Map.of("X-Request-Id", "r1", "Content-Type", "application/problem+json"))))
                .isInstanceOf(AssertionError.class);
        assertThat(instance).isNotNull();
    }

    private static HttpResponse<String> answer(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> all = new java.util.HashMap<>();
        headers.forEach((k, v) -> all.put(k, List.of(v)));
        if (!body.isEmpty()) {
            all.putIfAbsent("Content-Type", List.of("application/json"));
        }
        HttpHeaders h = HttpHeaders.of(all, (a, b) -> true);
        return new HttpResponse<>() {
            public int statusCode() { return status; }
            public HttpRequest request() { return null; }
            public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return h; }
            public String body() { return body; }
            public Optional<SSLSession> sslSession() { return Optional.empty(); }
            public URI uri() { return URI.create("http://localhost/"); }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
