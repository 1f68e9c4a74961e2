package com.litedesk.adapters.sqlite;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The SQLite form of a value, as columns hold it and queries bind it: text as TEXT, enums as their names, dates as
 * ISO text, instants as microseconds since the epoch, numbers as INTEGER when whole and REAL otherwise, booleans
 * as 1 and 0. Indexed columns never hold NULL but a sentinel that sorts before every value of their kind, so that
 * one index serves sorting in both directions and keyset pages compare row values without NULL's three-valued logic.
 */
final class Values {

    /** The kind of value a column holds, which decides its sentinel for null. */
    enum Kind {
        TEXT, NUMBER;

        /** Sorts before every value of this kind: an integer before any text, minus infinity before any number. */
        Object sentinel() {
            return this == TEXT ? (Object) 0L : Double.NEGATIVE_INFINITY;
        }

        static Kind of(java.lang.reflect.Type type) {
            if (type instanceof Class<?> c && (Number.class.isAssignableFrom(c) || c == long.class || c == int.class || c == short.class
                    || c == double.class || c == float.class || c == Instant.class || c == boolean.class || c == Boolean.class)) {
                return NUMBER;
            }
            return TEXT;
        }
    }

    private Values() {
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** The SQL form of a plain value (null stays null). */
    static Object sql(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b ? 1L : 0L;
            case Integer i -> i.longValue();
            case Long l -> l;
            case Short s -> s.longValue();
            case BigDecimal d -> decimal(d);
            case Double d -> d;
            case Float f -> f.doubleValue();
            case Instant t -> micros(t);
            case LocalDate d -> d.toString();
            case Enum<?> e -> e.name();
            default -> throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " cannot be compared in a query");
        };
    }

    private static Object decimal(BigDecimal d) {
        if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return d.doubleValue();
            }
        }
        return d.doubleValue();
    }

    /** The column form: the SQL form, or the sentinel of the column's kind for null. */
    static Object column(Object value, Kind kind) {
        Object sql = sql(value);
        return sql == null ? kind.sentinel() : sql;
    }

    /** The SQL forms of the elements of a list value. */
    static List<Object> sqlList(List<?> values) {
        return values.stream().map(Values::sql).toList();
    }
}
