package com.litedesk.core.memory;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads fields of records by (dotted) name and compares values the way MongoDB orders them, so
 * that the in-memory stores answer queries exactly as the database does: null first, then
 * numbers (numerically, whatever their type), then text, then booleans, then instants and dates;
 * enums compare as their names (which is how they are stored).
 */
final class Values {

    private Values() {
    }

    static Object read(Object record, String path) {
        Object current = record;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = component(current, part);
        }
        return normalize(current);
    }

    private static Object component(Object record, String name) {
        if (record instanceof java.util.Map<?, ?> map) {
            return map.get(name); // custom fields
        }
        if (!(record instanceof Record r) || !com.litedesk.core.support.RecordFields.has(r, name)) {
            return null;
        }
        return com.litedesk.core.support.RecordFields.get(r, name);
    }

    /** The form values are compared in: enums as names, numbers as BigDecimal. */
    static Object normalize(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof java.time.LocalDate d) {
            return d.toString(); // stored as ISO text
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Values::normalize).toList();
        }
        return value;
    }

    static final Comparator<Object> ORDER = Values::compare;

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        a = normalize(a);
        b = normalize(b);
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a == null) {
            return 0;
        }
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        if (a instanceof List<?> x) {
            return Integer.compare(x.size(), ((List<?>) b).size());
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int rank(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof BigDecimal) {
            return 1;
        }
        if (v instanceof String) {
            return 2;
        }
        if (v instanceof List<?>) {
            return 3;
        }
        if (v instanceof Boolean) {
            return 4;
        }
        if (v instanceof java.time.Instant) {
            return 5;
        }
        if (v instanceof java.time.LocalDate) {
            return 2; // dates are stored as ISO text
        }
        return 6;
    }

    static boolean equal(Object a, Object b) {
        Object x = normalize(a);
        Object y = normalize(b);
        if (x instanceof java.time.LocalDate d) {
            x = d.toString();
        }
        if (y instanceof java.time.LocalDate d) {
            y = d.toString();
        }
        if (x == null || y == null) {
            return x == y;
        }
        return rank(x) == rank(y) && compare(x, y) == 0;
    }
}
