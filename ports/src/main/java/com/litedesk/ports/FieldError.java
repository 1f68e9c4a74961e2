package com.litedesk.ports;

import java.util.Objects;

/** One field that failed validation, with a message a person can act on. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
