package com.litedesk.core.records;

import com.litedesk.ports.FieldError;
import com.litedesk.ports.LiteDeskException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field errors of one input and throws them together. */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private final List<FieldError> errors = new ArrayList<>();

    public Validation error(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            error(field, "is required");
            return value;
        }
        return optional(field, value, max);
    }

    /** Trims; blank becomes null; longer than {@code max} is an error. */
    public String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > max) {
            error(field, "must be at most " + max + " characters");
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            error(field, "must not contain control characters");
        }
        return trimmed;
    }

    public List<String> texts(String field, List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxItems) {
            error(field, "may hold at most " + maxItems + " values");
            return values;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = optional(field + "[" + i + "]", values.get(i), maxLength);
            if (v == null) {
                error(field + "[" + i + "]", "must not be empty");
            } else if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    public String email(String field, String value) {
        String v = optional(field, value, 254);
        if (v != null && !EMAIL.matcher(v).matches()) {
            error(field, "is not an email address");
        }
        return v == null ? null : v.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether {@code field} has an error. */
    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw LiteDeskException.invalid(errors);
        }
    }
}
