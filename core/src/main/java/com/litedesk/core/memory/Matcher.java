package com.litedesk.core.memory;

import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.SearchTerms;
import com.litedesk.ports.store.Searchable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Evaluates store {@link Condition}s against a record with MongoDB's semantics. */
final class Matcher {

    private Matcher() {
    }

    static boolean matches(Object record, List<Condition> where) {
        for (Condition c : where) {
            if (!matches(record, c)) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(Object record, Condition condition) {
        return switch (condition) {
            case Condition.AnyOf any -> any.alternatives().stream().anyMatch(c -> matches(record, c));
            case Condition.Compare cmp -> compare(Values.read(record, cmp.field()), cmp.op(), cmp.value());
            case Condition.Matches m -> record instanceof Searchable s && SearchTerms.matches(SearchTerms.query(m.text()), s.searchText());
        };
    }

    private static boolean compare(Object field, Operator op, Object value) {
        if (field instanceof List<?> list) {
            return switch (op) {
                case NE -> list.stream().noneMatch(e -> single(e, Operator.EQ, value));
                default -> list.stream().anyMatch(e -> single(e, op, value));
            };
        }
        return single(field, op, value);
    }

    private static boolean single(Object field, Operator op, Object value) {
        Object v = value instanceof LocalDate d ? d.toString() : value;
        Object f = field instanceof LocalDate d ? d.toString() : field;
        return switch (op) {
            case EQ -> Values.equal(f, v);
            case NE -> !Values.equal(f, v);
            case IN -> ((List<?>) v).stream().anyMatch(x -> Values.equal(f, x instanceof LocalDate d ? d.toString() : x));
            case PREFIX -> f instanceof String s && s.toLowerCase(Locale.ROOT).startsWith(((String) v).toLowerCase(Locale.ROOT));
            case GT, GTE, LT, LTE -> ordered(f, op, v);
        };
    }

    /** Like MongoDB, range operators only match values of the same kind (and never null). */
    private static boolean ordered(Object f, Operator op, Object v) {
        if (f == null || v == null) {
            return false;
        }
        Object nf = Values.normalize(f);
        Object nv = Values.normalize(v);
        if (nf.getClass() != nv.getClass()) {
            return false;
        }
        int c = Values.compare(nf, nv);
        return switch (op) {
            case GT -> c > 0;
            case GTE -> c >= 0;
            case LT -> c < 0;
            default -> c <= 0;
        };
    }
}
