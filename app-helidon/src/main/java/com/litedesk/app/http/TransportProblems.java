package com.litedesk.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.nio.charset.StandardCharsets;

/**
 * The answers of the HTTP layer itself, to requests it cannot hand to a route (a request line, header or body
 * framing that is not HTTP/1.1, a request line or headers over the limit, a body over the server's maximum): the
 * same problem+json as every other error, with a request id, and never the layer's own message.
 */
final class TransportProblems implements DirectHandler {

    /** The layer's message for headers over the limit (it answers them 400); the only message read, never shown. */
    private static final String HEADERS_TOO_LARGE = "Header size exceeded";

    private final ObjectMapper json;

    private TransportProblems(ObjectMapper json) {
        this.json = json;
    }

    /** The handlers of a server: this one for every kind of event. */
    static DirectHandlers handlers(ObjectMapper json) {
        TransportProblems handler = new TransportProblems(json);
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status, ServerResponseHeaders headers,
                                    String message) {
        int code = status.code();
        if (code == 400 && HEADERS_TOO_LARGE.equals(message)) {
            code = 431;
        } else if (eventType == EventType.INTERNAL_ERROR && request.method().isEmpty()) {
            code = 400; // the request line itself could not be read (e.g. a method that is not a token)
        }
        String requestId = RequestPipeline.newRequestId();
        Problems.Problem problem = Problems.ofStatus(code, requestId);
        headers.set(HeaderNames.CONTENT_TYPE, "application/problem+json");
        headers.set(HeaderNames.create("X-Request-Id"), requestId);
        headers.set(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        problem.headers().forEach((name, value) -> headers.set(HeaderNames.create(name), value));
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem.body());
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
        return TransportResponse.builder().status(Status.create(problem.status())).headers(headers).entity(body).build();
    }
}
