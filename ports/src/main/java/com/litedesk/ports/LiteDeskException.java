package com.litedesk.ports;

import java.util.List;
import java.util.Objects;

/**
 * The one exception family of LiteDesk: every expected failure carries a stable {@link ErrorCode}.
 * Adapters translate driver failures into it at their boundary; the web layer maps it to
 * problem+json in one place. Anything else escaping a use case is a bug.
 */
public final class LiteDeskException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;
    private Long retryAfterSeconds;

    public LiteDeskException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public LiteDeskException(ErrorCode code, String message, List<FieldError> errors, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.errors = List.copyOf(errors);
    }

    public ErrorCode code() {
        return code;
    }

    /** For RATE_LIMITED and UNAVAILABLE: when trying again makes sense, in seconds; null when unknown. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** This exception, saying when to try again. */
    public LiteDeskException withRetryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Field-level details; non-empty for {@link ErrorCode#VALIDATION} failures. */
    public List<FieldError> errors() {
        return errors;
    }

    public static LiteDeskException notFound(String what, String id) {
        return new LiteDeskException(ErrorCode.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static LiteDeskException conflict(String message) {
        return new LiteDeskException(ErrorCode.CONFLICT, message);
    }

    public static LiteDeskException forbidden(String message) {
        return new LiteDeskException(ErrorCode.FORBIDDEN, message);
    }

    public static LiteDeskException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static LiteDeskException invalid(List<FieldError> errors) {
        String summary = errors.isEmpty() ? "invalid input"
                : errors.getFirst().field() + ": " + errors.getFirst().message()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return new LiteDeskException(ErrorCode.VALIDATION, summary, errors, null);
    }

    public static LiteDeskException limitReached(String message) {
        return new LiteDeskException(ErrorCode.LIMIT_REACHED, message);
    }

    public static LiteDeskException unavailable(String message, Throwable cause) {
        return new LiteDeskException(ErrorCode.UNAVAILABLE, message, List.of(), cause);
    }

    public static LiteDeskException unauthenticated(String message) {
        return new LiteDeskException(ErrorCode.UNAUTHENTICATED, message);
    }

    public static LiteDeskException stale(String what, String id) {
        return new LiteDeskException(ErrorCode.PRECONDITION_FAILED,
                what + " " + id + " was changed by someone else; reload it and try again");
    }
}
