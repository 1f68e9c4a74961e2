package com.litedesk.adapters.mongo;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.SearchTerms;
import com.litedesk.ports.store.SortKey;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.conversions.Bson;

/**
 * Store queries in MongoDB's language. Values only ever land in value positions ($eq, $in, an
 * escaped anchored regex), so client input cannot become an operator.
 */
final class MongoQueries {

    private MongoQueries() {
    }

    static String field(String name) {
        return name.equals("id") ? "_id" : name;
    }

    static Bson filter(List<Condition> where) {
        if (where.isEmpty()) {
            return Filters.empty();
        }
        List<Bson> parts = new ArrayList<>();
        for (Condition c : where) {
            parts.add(condition(c));
        }
        return parts.size() == 1 ? parts.getFirst() : Filters.and(parts);
    }

    private static Bson condition(Condition condition) {
        return switch (condition) {
            case Condition.AnyOf any -> any.alternatives().isEmpty() ? Filters.in("_id", List.of())
                    : Filters.or(any.alternatives().stream().map(MongoQueries::condition).toList());
            case Condition.Compare c -> compare(field(c.field()), c.op(), c.value());
            case Condition.Matches m -> matches(m.text());
        };
    }

    /** The derived field holding a searchable record's terms (multikey-indexed). */
    static final String SEARCH = "_search";

    /**
     * Every term of the search as a prefix of one of the record's terms. An anchored, case-sensitive regex on
     * lower-case terms is what MongoDB answers from the index; its text indexes cannot match prefixes.
     */
    private static Bson matches(String text) {
        List<Bson> terms = new ArrayList<>();
        for (List<String> word : SearchTerms.query(text)) {
            for (String term : word) {
                terms.add(Filters.regex(SEARCH, "^" + escape(term)));
            }
        }
        if (terms.isEmpty()) {
            return Filters.in("_id", List.of());
        }
        return terms.size() == 1 ? terms.getFirst() : Filters.and(terms);
    }

    private static Bson compare(String field, Operator op, Object raw) {
        if (raw instanceof Map<?, ?>) {
            throw LiteDeskException.invalid("filter", "a value cannot be an object");
        }
        Object value = RecordCodec.encodeValue(raw);
        return switch (op) {
            case EQ -> Filters.eq(field, value);
            case NE -> Filters.ne(field, value);
            case GT -> Filters.gt(field, value);
            case GTE -> Filters.gte(field, value);
            case LT -> Filters.lt(field, value);
            case LTE -> Filters.lte(field, value);
            case IN -> Filters.in(field, (List<?>) value);
            case PREFIX -> Filters.regex(field, "^" + escape((String) raw), "i");
        };
    }

    /** Every regex metacharacter backslash-escaped, so the prefix is matched literally. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}-/#&~<>=!:,'\"@%`".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    static Bson sort(List<SortKey> sort) {
        List<Bson> keys = new ArrayList<>();
        for (SortKey key : sort) {
            keys.add(key.descending() ? Sorts.descending(field(key.field())) : Sorts.ascending(field(key.field())));
        }
        if (sort.stream().noneMatch(k -> k.field().equals("id"))) { // the tie-breaker, unless the id is a sort key already
            boolean descending = !sort.isEmpty() && sort.getLast().descending();
            keys.add(descending ? Sorts.descending("_id") : Sorts.ascending("_id"));
        }
        return Sorts.orderBy(keys);
    }

    /**
     * Records strictly after {@code after} in {@code sort} order (then _id): the usual keyset
     * disjunction, with MongoDB's rule that null sorts before every value.
     */
    static Bson after(List<SortKey> sort, List<Object> after) {
        List<Bson> alternatives = new ArrayList<>();
        for (int i = 0; i <= sort.size(); i++) {
            List<Bson> and = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                and.add(Filters.eq(field(sort.get(j).field()), RecordCodec.encodeValue(after.get(j))));
            }
            if (i < sort.size()) {
                String f = field(sort.get(i).field());
                Object v = RecordCodec.encodeValue(after.get(i));
                boolean desc = sort.get(i).descending();
                Bson beyond;
                if (v == null) {
                    beyond = desc ? null : Filters.ne(f, null); // nothing sorts below null
                } else {
                    beyond = desc ? Filters.or(Filters.lt(f, v), Filters.eq(f, null)) : Filters.gt(f, v);
                }
                if (beyond == null) {
                    continue;
                }
                and.add(beyond);
            } else {
                boolean descending = !sort.isEmpty() && sort.getLast().descending();
                and.add(descending ? Filters.lt("_id", after.getLast()) : Filters.gt("_id", after.getLast()));
            }
            alternatives.add(and.size() == 1 ? and.getFirst() : Filters.and(and));
        }
        return alternatives.size() == 1 ? alternatives.getFirst() : Filters.or(alternatives);
    }

}
