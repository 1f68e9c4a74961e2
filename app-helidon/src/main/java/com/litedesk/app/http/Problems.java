package com.litedesk.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.FieldError;
import com.litedesk.ports.LiteDeskException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one mapping from failures to RFC 9457 problem details. */
public final class Problems {

    public static final String TYPE_BASE = "https://litedesk.dev/problems/";

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
        return problem(500, "INTERNAL", "something went wrong on our side; the request id identifies it in the logs",
                List.of(), requestId, Map.of());
    }

    public static Problem problem(int status, String code, String detail, List<FieldError> errors, String requestId,
                                  Map<String, String> headers) {
        var body = new ProblemDetails(TYPE_BASE + code.toLowerCase().replace('_', '-'), title(status), status, detail, code, requestId,
                errors.isEmpty() ? null : List.copyOf(errors));
        return new Problem(status, body, headers);
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
            case 415 -> "Unsupported Media Type";
            case 423 -> "Locked";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }

    /** The body was larger than the limit of its route. */
    public static final class BodyTooLarge extends RuntimeException {
        public BodyTooLarge(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }
}
