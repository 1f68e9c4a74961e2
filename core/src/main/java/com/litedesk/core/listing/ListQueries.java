package com.litedesk.core.listing;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SortKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a client's {@link ListRequest} into a store {@link Query} for one {@link FieldSet}, and a
 * store {@link Page} back into a {@link ListResult} with an opaque cursor. The cursor carries the
 * sort the client asked for, so a cursor cannot be replayed with another sort.
 */
public final class ListQueries {

    private static final Map<String, Operator> OPERATORS = Map.of(
            "eq", Operator.EQ, "ne", Operator.NE, "gt", Operator.GT, "gte", Operator.GTE,
            "lt", Operator.LT, "lte", Operator.LTE, "in", Operator.IN, "prefix", Operator.PREFIX);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final FieldSet fields;
    private final Function<String, java.util.Optional<FieldSet.Field>> extra;
    private final String extraNames;

    public ListQueries(FieldSet fields) {
        this.fields = fields;
        this.extra = name -> java.util.Optional.empty();
        this.extraNames = "";
    }

    /**
     * With fields beyond the declared ones that may be filtered on (not sorted on): {@code extra} names them, or
     * answers empty (the custom fields of a kind of record, which the Owner may change at any time).
     */
    public ListQueries(FieldSet fields, Function<String, java.util.Optional<FieldSet.Field>> extra) {
        this.fields = fields;
        this.extra = extra;
        this.extraNames = " and customFields.<key> of a custom field";
    }

    /** Parses the request; {@code fixed} conditions (views, scoping) are always added. */
    public Query toQuery(ListRequest request, List<Condition> fixed) {
        int limit = limit(request.limit());
        List<Condition> where = new ArrayList<>(fixed);
        if (request.filter() != null && !request.filter().isBlank()) {
            for (FilterParser.Term term : FilterParser.parse(request.filter())) {
                where.add(condition(term));
            }
        }
        where.addAll(search(request.q()));
        List<SortKey> sort = sort(request.sort());
        if (sort.isEmpty() && fields.fullText() && request.q() != null && !request.q().isBlank()) {
            sort = List.of(SortKey.relevance()); // a search without a sort shows the best matches first
        }
        List<Object> after = request.cursor() == null || request.cursor().isBlank()
                ? null : decodeCursor(request.cursor(), sort);
        return new Query(where, sort, after, limit);
    }

    /** Lists one page of {@code store} and, when the request asks, counts the whole list (the same conditions). */
    public <T extends com.litedesk.ports.store.Entity> ListResult<T> page(com.litedesk.ports.store.Repository<T> store, Query query, ListRequest request) {
        ListResult<T> result = toResult(store.list(query), query);
        return request.count() ? result.withTotal(store.count(query.where())) : result;
    }

    /** Wraps a page, making the cursor from the last record's sort values. */
    public <T> ListResult<T> toResult(Page<T> page, Query query) {
        String next = null;
        if (page.hasMore() && !page.items().isEmpty()) {
            next = encodeCursor(page.items().getLast(), query, page.items().size());
        }
        return new ListResult<>(page.items(), next);
    }

    /**
     * Walks every page of a query, for exports: every match of a search, in id order (a relevance order ranks only the
     * best matches).
     */
    public <T> void forEach(Query first, Function<Query, Page<T>> store, java.util.function.Consumer<T> sink) {
        Query query = first.byRelevance() ? new Query(first.where(), List.of(), null, first.limit()) : first;
        while (true) {
            Page<T> page = store.apply(query);
            page.items().forEach(sink);
            if (!page.hasMore() || page.items().isEmpty()) {
                return;
            }
            query = query.withAfter(afterValues(page.items().getLast(), query, page.items().size()));
        }
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return ListRequest.DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > ListRequest.MAX_LIMIT) {
            throw LiteDeskException.invalid("limit", "must be between 1 and " + ListRequest.MAX_LIMIT);
        }
        return limit;
    }

    private Condition condition(FilterParser.Term term) {
        FieldSet.Field field = fields.field(term.field()).or(() -> extra.apply(term.field())).orElseThrow(() -> FilterParser.invalid(
                "unknown field '" + term.field() + "'; filterable fields: " + String.join(", ", fields.names()) + extraNames));
        Operator op = OPERATORS.get(term.op().toLowerCase(Locale.ROOT));
        if (op == null) {
            throw FilterParser.invalid("unknown operator '" + term.op() + "'; use one of eq, ne, gt, gte, lt, lte, in, prefix");
        }
        checkOperator(field, op);
        Object value;
        if (op == Operator.IN) {
            if (!(term.value() instanceof List<?> list)) {
                throw FilterParser.invalid(field.name() + "[in] needs a [list]");
            }
            value = list.stream().map(v -> typed(field, v)).toList();
        } else {
            value = typed(field, term.value());
            if (op == Operator.PREFIX && !(value instanceof String)) {
                throw FilterParser.invalid(field.name() + "[prefix] needs a text value");
            }
        }
        return new Condition.Compare(field.name(), op, value);
    }

    private static void checkOperator(FieldSet.Field field, Operator op) {
        boolean ordered = op == Operator.GT || op == Operator.GTE || op == Operator.LT || op == Operator.LTE;
        boolean ok = switch (field.type()) {
            case BOOLEAN -> op == Operator.EQ || op == Operator.NE;
            case TEXT_LIST -> !ordered;
            case TEXT -> true;
            case DECIMAL, INTEGER, INSTANT, DATE, ENUM -> op != Operator.PREFIX;
        };
        if (!ok) {
            throw FilterParser.invalid("operator " + op.name().toLowerCase(Locale.ROOT) + " does not apply to " + field.name());
        }
    }

    private static Object typed(FieldSet.Field field, Object raw) {
        if (raw == null) {
            return null;
        }
        try {
            return switch (field.type()) {
                case TEXT, TEXT_LIST -> text(field, raw);
                case DECIMAL -> number(field, raw);
                case INTEGER -> number(field, raw).longValueExact();
                case BOOLEAN -> {
                    if (raw instanceof Boolean b) {
                        yield b;
                    }
                    throw FilterParser.invalid(field.name() + " needs true or false");
                }
                case INSTANT -> Instant.parse(text(field, raw));
                case DATE -> LocalDate.parse(text(field, raw));
                case ENUM -> enumValue(field, text(field, raw));
            };
        } catch (DateTimeParseException | ArithmeticException e) {
            throw FilterParser.invalid("bad value for " + field.name() + ": " + raw);
        }
    }

    private static String text(FieldSet.Field field, Object raw) {
        if (raw instanceof String s) {
            if (s.length() > 200) {
                throw FilterParser.invalid("value for " + field.name() + " is longer than 200 characters");
            }
            return s;
        }
        throw FilterParser.invalid(field.name() + " needs a quoted text value");
    }

    private static BigDecimal number(FieldSet.Field field, Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        throw FilterParser.invalid(field.name() + " needs a number");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(FieldSet.Field field, String raw) {
        try {
            return Enum.valueOf((Class) field.enumType(), raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FilterParser.invalid("'" + raw + "' is not a valid " + field.name());
        }
    }

    private List<Condition> search(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        if (q.length() > 100) {
            throw LiteDeskException.invalid("q", "a search is at most 100 characters");
        }
        if (q.strip().split("\\s+").length > 5) {
            throw LiteDeskException.invalid("q", "a search has at most 5 words");
        }
        if (fields.fullText()) {
            return List.of(new Condition.Matches(q.strip()));
        }
        if (fields.searchFields().isEmpty()) {
            throw LiteDeskException.invalid("q", "this list cannot be searched");
        }
        // every word must start one of the searchable fields: "contact.up" finds contact.update
        List<Condition> all = new ArrayList<>();
        for (String word : q.strip().split("\\s+")) {
            all.add(new Condition.AnyOf(fields.searchFields().stream()
                    .<Condition>map(f -> new Condition.Compare(f, Operator.PREFIX, word))
                    .toList()));
        }
        return all;
    }

    private List<SortKey> sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return List.of();
        }
        List<SortKey> keys = new ArrayList<>();
        for (String part : sort.split(",")) {
            String name = part.trim();
            boolean desc = name.startsWith("-");
            if (desc || name.startsWith("+")) {
                name = name.substring(1);
            }
            String fieldName = name;
            FieldSet.Field field = fields.field(fieldName)
                    .filter(FieldSet.Field::sortable)
                    .orElseThrow(() -> LiteDeskException.invalid("sort", "cannot sort by '" + fieldName + "'"));
            String stored = field.name().equals("createdAt") ? "id" : field.name();
            keys.add(new SortKey(stored, desc));
            if (keys.size() > 3) {
                throw LiteDeskException.invalid("sort", "at most 3 sort fields");
            }
        }
        // sorting by id is the store's own tie-breaker; keep it only when it is the sole key
        if (!keys.isEmpty() && keys.getLast().field().equals("id") && !keys.getLast().descending()) {
            keys.removeLast();
        }
        return keys;
    }

    private static String sortSpec(List<SortKey> sort) {
        StringBuilder spec = new StringBuilder();
        for (SortKey key : sort) {
            spec.append(key.descending() ? "-" : "+").append(key.field()).append(' ');
        }
        return spec.toString();
    }

    private String encodeCursor(Object record, Query query, int pageSize) {
        StringBuilder out = new StringBuilder(sortSpec(query.sort())).append('|');
        for (Object value : afterValues(record, query, pageSize)) {
            out.append(value == null ? "~" : B64.encodeToString(plain(value).getBytes(StandardCharsets.UTF_8))).append('.');
        }
        return B64.encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString()
                : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private List<Object> decodeCursor(String cursor, List<SortKey> sort) {
        try {
            if (cursor.length() > 2000) {
                throw new IllegalArgumentException("too long");
            }
            String decoded = new String(B64D.decode(cursor), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            if (bar < 0 || !decoded.substring(0, bar).equals(sortSpec(sort))) {
                throw new IllegalArgumentException("sort differs");
            }
            String[] parts = decoded.substring(bar + 1).split("\\.");
            if (parts.length != sort.size() + 1) {
                throw new IllegalArgumentException("wrong arity");
            }
            List<Object> values = new ArrayList<>();
            if (sort.size() == 1 && sort.getFirst().isRelevance()) { // a position, then the last id
                long position = Long.parseLong(new String(B64D.decode(parts[0]), StandardCharsets.UTF_8));
                if (position < 0) {
                    throw new IllegalArgumentException("negative position");
                }
                values.add(position);
                values.add(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
                return values;
            }
            for (int i = 0; i < parts.length; i++) {
                String field = i < sort.size() ? sort.get(i).field() : "id";
                values.add(parts[i].equals("~") ? null
                        : typed(fields.field(field).orElseThrow(),
                                rawOf(fields.field(field).orElseThrow(), new String(B64D.decode(parts[i]), StandardCharsets.UTF_8))));
            }
            return values;
        } catch (IllegalArgumentException | IndexOutOfBoundsException | LiteDeskException e) {
            throw LiteDeskException.invalid("cursor", "not a cursor of this list; start again without one");
        }
    }

    private static Object rawOf(FieldSet.Field field, String text) {
        return switch (field.type()) {
            case DECIMAL, INTEGER -> new BigDecimal(text);
            case BOOLEAN -> Boolean.valueOf(text);
            default -> text;
        };
    }

    private static List<Object> afterValues(Object record, Query query, int pageSize) {
        List<Object> values = new ArrayList<>();
        if (query.byRelevance()) {
            values.add(query.offset() + pageSize);
            values.add(component(record, "id"));
            return values;
        }
        for (SortKey key : query.sort()) {
            values.add(component(record, key.field()));
        }
        values.add(component(record, "id"));
        return values;
    }

    private static Object component(Object record, String name) {
        Object value = com.litedesk.core.support.RecordFields.get((Record) record, name);
        return value instanceof Integer i ? Long.valueOf(i) : value;
    }
}
