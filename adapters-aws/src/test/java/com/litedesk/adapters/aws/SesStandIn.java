package com.litedesk.adapters.aws;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the SES v2 SendEmail endpoint that records what arrives. It answers like SES: a message id,
 * or, while told to reject, a 400 MessageRejected.
 */
public final class SesStandIn implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String method, String path, String authorization, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger rejectNext = new AtomicInteger();

    public SesStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                boolean reject = rejectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                var answer = reject ? "{\"message\":\"Email address is not verified.\"}" : "{\"MessageId\":\"0100018c-example\"}";
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                if (reject) {
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", "MessageRejected");
                }
                var bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reject ? 400 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The next {@code count} mails are rejected. */
    public void rejectNext(int count) {
        rejectNext.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
