package com.litedesk.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.FieldError;
import com.litedesk.ports.LiteDeskException;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one mapping from failures to RFC 9457 problem details. */
public final class Problems {

    public static final String TYPE_BASE = "https://litedesk.dev/problems/";
    /** The code of a request that could not be read as HTTP: its request line, target, headers or framing. */
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";

    /** A problem ready to be written. */
    public record Problem(int status, ProblemDetails body, Map<String, String> headers) {
    }

    private Problems() {
    }

    public static int status(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> 404;
            case CONFLICT, LIMIT_REACHED -> 409;
            case FORBIDDEN -> 403;
            case VALIDATION -> 400;
            case UNAVAILABLE -> 503;
            case UNAUTHENTICATED -> 401;
            case PRECONDITION_FAILED -> 412;
            case LOCKED -> 423;
            case RATE_LIMITED -> 429;
        };
    }

    public static Problem of(Throwable failure, String requestId) {
        if (failure instanceof LiteDeskException e) {
            Map<String, String> headers = e.code() == ErrorCode.UNAUTHENTICATED ? Map.of("WWW-Authenticate", "Bearer")
                    : e.retryAfterSeconds() != null ? Map.of("Retry-After", Long.toString(e.retryAfterSeconds())) : Map.of();
            return problem(status(e.code()), e.code().name(), e.getMessage(), e.errors(), requestId, headers);
        }
        if (failure instanceof JsonProcessingException e) {
            return problem(400, "VALIDATION", "the body is not valid JSON of the expected shape", List.of(fieldOf(e)), requestId, Map.of());
        }
        if (failure instanceof BodyTooLarge e) {
            return problem(413, "PAYLOAD_TOO_LARGE", e.getMessage(), List.of(), requestId, Map.of());
        }
        if (failure instanceof RequestException e) { // the HTTP layer refused what it read of the request
            return ofStatus(e.status().code(), requestId);
        }
        if (failure instanceof HttpException e && e.status().code() < 500) {
            return ofStatus(e.status().code(), requestId);
        }
        return problem(500, "INTERNAL", "something went wrong on our side; the request id identifies it in the logs",
                List.of(), requestId, Map.of());
    }

    public static Problem problem(int status, String code, String detail, List<FieldError> errors, String requestId,
                                  Map<String, String> headers) {
        var body = new ProblemDetails(TYPE_BASE + code.toLowerCase().replace('_', '-'), title(status), status, detail, code, requestId,
                errors.isEmpty() ? null : List.copyOf(errors));
        return new Problem(status, body, headers);
    }

    /**
     * The problem for a status the HTTP layer answers by itself (a request it could not read, a body over the server's
     * limit, …): a fixed text per status, never the layer's own message.
     */
    public static Problem ofStatus(int status, String requestId) {
        return switch (status) {
            case 400 -> problem(400, MALFORMED_REQUEST, "the request could not be read: its request line, target, headers or "
                    + "framing is not valid HTTP/1.1", List.of(), requestId, Map.of());
            case 404 -> problem(404, "NOT_FOUND", "no such resource", List.of(), requestId, Map.of());
            case 413 -> problem(413, "PAYLOAD_TOO_LARGE", "the body is larger than this server accepts", List.of(), requestId, Map.of());
            case 414 -> problem(414, "URI_TOO_LONG", "the request line is longer than this server reads (" + Servers.MAX_REQUEST_LINE + " bytes)", List.of(), requestId,
                    Map.of());
            case 431 -> problem(431, "HEADERS_TOO_LARGE", "the headers are larger than this server reads (" + Servers.MAX_HEADERS + " bytes)", List.of(),
                    requestId, Map.of());
            case 501 -> problem(501, "NOT_IMPLEMENTED", "this server does not do what the request asks", List.of(), requestId, Map.of());
            case 503 -> problem(503, "UNAVAILABLE", "the server is too busy to take the request; try again", List.of(), requestId,
                    Map.of("Retry-After", "1"));
            case 505 -> problem(505, "HTTP_VERSION_NOT_SUPPORTED", "this server speaks HTTP/1.1", List.of(), requestId, Map.of());
            default -> status >= 400 && status < 500
                    ? problem(status, MALFORMED_REQUEST, "the request could not be served as sent", List.of(), requestId, Map.of())
                    : problem(500, "INTERNAL", "something went wrong on our side; the request id identifies it in the logs",
                    List.of(), requestId, Map.of());
        };
    }

    /** Writes a problem as the response ({@code application/problem+json}). */
    public static void write(ServerResponse res, ObjectMapper json, Problem problem) {
        res.status(problem.status());
        problem.headers().forEach(res::header);
        res.header("Content-Type", "application/problem+json");
        try {
            res.send(json.writeValueAsBytes(problem.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldError fieldOf(JsonProcessingException e) {
        String path = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String message = switch (e) {
            case UnrecognizedPropertyException u -> "is not a field of this resource";
            case InvalidFormatException f -> "has the wrong type or format" + (f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "; one of " + List.of(f.getTargetType().getEnumConstants()) : "");
            case MismatchedInputException m -> "has the wrong type";
            default -> "is malformed JSON";
        };
        return new FieldError(path, message);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 423 -> "Locked";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> Status.create(status).reasonPhrase();
        };
    }

    /** The body was larger than the limit of its route. */
    public static final class BodyTooLarge extends RuntimeException {
        public BodyTooLarge(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }
}
