package com.litedesk.ports.store;

import java.util.List;
import java.util.Objects;

/**
 * A filter on stored records. Field names are record component names, dotted for nested records
 * ({@code linkedRecord.id}); {@code id} is the record id. Values are plain JDK values: String,
 * Long, Integer, BigDecimal, Boolean, Instant, LocalDate, an enum constant, a List (for IN), or
 * null. On a list-valued field, EQ/IN/PREFIX match when any element matches. Values are data,
 * never operators: an adapter must never let a value change the shape of its query.
 */
public sealed interface Condition {

    record Compare(String field, Operator op, Object value) implements Condition {
        public Compare {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            if (op == Operator.IN && !(value instanceof List<?>)) {
                throw new IllegalArgumentException("IN needs a list value");
            }
            if (op == Operator.PREFIX && !(value instanceof String)) {
                throw new IllegalArgumentException("PREFIX needs a string value");
            }
        }
    }

    /**
     * Full-text search over the record's {@link Searchable#searchText()}: matches when every word of {@code text}
     * matches as {@link SearchTerms} defines; never matches a record that is not {@link Searchable}, nor when the
     * text has no terms. Sorting by {@link SortKey#relevance()} orders the matches best first.
     */
    record Matches(String text) implements Condition {
        public Matches {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Matches when at least one of the alternatives matches. */
    record AnyOf(List<Condition> alternatives) implements Condition {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }
    }

    static Condition eq(String field, Object value) {
        return new Compare(field, Operator.EQ, value);
    }

    static Condition of(String field, Operator op, Object value) {
        return new Compare(field, op, value);
    }
}
