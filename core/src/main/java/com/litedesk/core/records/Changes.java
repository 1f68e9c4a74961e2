package com.litedesk.core.records;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Before/after summaries of a record for the audit log: the fields that changed, as text. */
public final class Changes {

    private static final Set<String> SKIPPED = Set.of("version", "updatedAt", "updatedBy", "createdAt", "createdBy", "rank", "closedAt");
    private static final int MAX_VALUE = 200;

    private Changes() {
    }

    /** Every field of a record as text (for creations and deletions). */
    public static Map<String, String> of(Record record) {
        Map<String, String> out = new LinkedHashMap<>();
        if (record == null) {
            return out;
        }
        com.litedesk.core.support.RecordFields.all(record).forEach((name, raw) -> {
            if (!SKIPPED.contains(name)) {
                String value = text(raw);
                if (value != null) {
                    out.put(name, value);
                }
            }
        });
        return out;
    }

    /** The fields that differ between two versions: [before, after]. */
    public static Diff diff(Record before, Record after) {
        Map<String, String> b = of(before);
        Map<String, String> a = of(after);
        Map<String, String> changedBefore = new LinkedHashMap<>();
        Map<String, String> changedAfter = new LinkedHashMap<>();
        for (String key : union(b, a)) {
            String x = b.get(key);
            String y = a.get(key);
            if (x == null ? y != null : !x.equals(y)) {
                if (x != null) {
                    changedBefore.put(key, x);
                }
                if (y != null) {
                    changedAfter.put(key, y);
                }
            }
        }
        return new Diff(changedBefore, changedAfter);
    }

    /** A pair of summaries. */
    public record Diff(Map<String, String> before, Map<String, String> after) {
        public boolean isEmpty() {
            return before.isEmpty() && after.isEmpty();
        }
    }

    private static java.util.Collection<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
            return null;
        }
        String s = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "…" : s;
    }
}
