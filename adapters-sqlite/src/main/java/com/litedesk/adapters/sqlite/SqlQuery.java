package com.litedesk.adapters.sqlite;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Operator;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.SearchTerms;
import com.litedesk.ports.store.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Store queries in SQLite's language, with MongoDB's semantics (which the in-memory stores share): NE matches nulls,
 * ranges never match null, a condition on a list matches when an element does, nulls sort first. Values are always
 * bound parameters, and so are JSON paths; field names are checked against record components before they reach
 * the text of a statement, so client input cannot change the shape of a query.
 */
final class SqlQuery {

    private static final Pattern FIELD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$");

    /** An SQL expression with the parameters its text needs. */
    record Expr(String sql, List<Object> params) {
    }

    private final Table<?> table;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private SqlQuery(Table<?> table) {
        this.table = table;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> params() {
        return params;
    }

    /** {@code SELECT doc} of one page of {@code query} (one more row than the limit, to tell whether more follow). */
    static SqlQuery page(Table<?> table, Query query) {
        SqlQuery q = new SqlQuery(table);
        String t = Table.quote(table.name);
        if (query.byRelevance() && table.searchable) {
            Condition.Matches search = query.where().stream().filter(c -> c instanceof Condition.Matches)
                    .map(c -> (Condition.Matches) c).findFirst().orElse(null);
            if (search != null && !ftsQuery(search.text()).isEmpty()) {
                List<Condition> rest = query.where().stream().filter(c -> c != search).toList();
                q.relevance(search.text(), rest, query);
                return q;
            }
        }
        List<SortKey> sort = query.byRelevance() ? List.of() : query.sort();
        Condition.Compare onList = drivingList(table, query.where(), sort);
        if (onList != null) {
            return q.drivenByList(onList, query, sort);
        }
        q.sql.append("SELECT t.doc FROM ").append(t).append(" t WHERE ");
        q.where(query.where());
        if (query.after() != null && !query.byRelevance()) {
            q.sql.append(" AND ");
            q.after(sort, query.after());
        }
        q.sql.append(" ORDER BY ");
        boolean descendingIds = !sort.isEmpty() && sort.getLast().descending();
        for (SortKey key : sort) {
            Expr e = q.sortExpr(key.field());
            q.sql.append(e.sql()).append(key.descending() ? " DESC, " : ", ");
            q.params.addAll(e.params());
        }
        if (sortsById(sort)) {
            q.sql.setLength(q.sql.length() - 2); // the id is a key already: no tie-breaker
        } else {
            q.sql.append("t.id").append(descendingIds ? " DESC" : "");
        }
        q.sql.append(" LIMIT ?");
        q.params.add(query.limit() + 1);
        return q;
    }

    /** How many matches of each tier a relevance sort ranks (see {@link #relevance}). */
    static final int RANKED = 500;

    /**
     * Best matches first, in two tiers: records where every word of the search stands as a whole word, then those
     * where a word only starts one; within a tier by bm25 (a word in the name or title weighs four times one
     * elsewhere). Each tier ranks its first {@value #RANKED} matches in row order, so that a search matching tens of
     * thousands of records costs what one matching five hundred does: a list of search results ends there (a count
     * or an export of the same search sees every match).
     */
    private void relevance(String text, List<Condition> rest, Query query) {
        String fts = Table.quote(table.fts);
        String t = Table.quote(table.name);
        sql.append("SELECT t.doc FROM (SELECT rid, min(tier) AS tier, min(score) AS score FROM (");
        String[] matches = {ftsQuery(text).replace("\"*", "\""), ftsQuery(text)};
        for (int tier = 0; tier < 2; tier++) {
            sql.append(tier == 0 ? "" : " UNION ALL ").append("SELECT * FROM (SELECT ").append(fts).append(".rowid AS rid, ").append(tier)
                    .append(" AS tier, ").append(fts).append(".rank AS score FROM ").append(fts);
            if (!rest.isEmpty()) { // the record's columns are read only to filter: without filters the index alone answers
                sql.append(" JOIN ").append(t).append(" t ON t.rowid = ").append(fts).append(".rowid");
            }
            sql.append(" WHERE ").append(fts).append(" MATCH ?");
            params.add(matches[tier]);
            if (!rest.isEmpty()) {
                sql.append(" AND ");
                where(rest);
            }
            sql.append(" LIMIT ").append(RANKED).append(')');
        }
        sql.append(") GROUP BY rid) m JOIN ").append(t).append(" t ON t.rowid = m.rid ORDER BY m.tier, m.score, t.id LIMIT ? OFFSET ?");
        params.add(query.limit() + 1);
        params.add(query.offset());
    }

    /**
     * An equality on an indexed list field of a query in id order: the side table's (value, id) key holds exactly the
     * page, in order, so the query reads it from there (a tag with thousands of contacts still costs one short range).
     */
    private static Condition.Compare drivingList(Table<?> table, List<Condition> where, List<SortKey> sort) {
        boolean idOrder = sort.isEmpty() || (sort.size() == 1 && sort.getFirst().field().equals("id"));
        if (!idOrder) {
            return null;
        }
        for (Condition c : where) {
            if (c instanceof Condition.Compare cmp && cmp.op() == Operator.EQ && cmp.value() != null && table.lists.containsKey(cmp.field())) {
                return cmp;
            }
        }
        return null;
    }

    private SqlQuery drivenByList(Condition.Compare onList, Query query, List<SortKey> sort) {
        boolean descending = !sort.isEmpty() && sort.getFirst().descending();
        sql.append("SELECT t.doc FROM ").append(Table.quote(table.lists.get(onList.field()).table())).append(" s JOIN ")
                .append(Table.quote(table.name)).append(" t ON t.id = s.id WHERE s.value = ?");
        params.add(Values.sql(onList.value()));
        List<Condition> rest = query.where().stream().filter(c -> c != onList).toList();
        if (!rest.isEmpty()) {
            sql.append(" AND ");
            where(rest);
        }
        if (query.after() != null) {
            sql.append(descending ? " AND s.id < ?" : " AND s.id > ?");
            params.add(query.after().getLast());
        }
        sql.append(" ORDER BY s.id").append(descending ? " DESC" : "").append(" LIMIT ?");
        params.add(query.limit() + 1);
        return this;
    }

    static SqlQuery count(Table<?> table, List<Condition> where) {
        SqlQuery q = new SqlQuery(table);
        q.sql.append("SELECT count(*) FROM ").append(Table.quote(table.name)).append(" t WHERE ");
        q.where(where);
        return q;
    }

    /** {@code SELECT doc ... WHERE where} without order or limit (bulk updates read what they change). */
    static SqlQuery all(Table<?> table, List<Condition> where) {
        SqlQuery q = new SqlQuery(table);
        q.sql.append("SELECT t.doc FROM ").append(Table.quote(table.name)).append(" t WHERE ");
        q.where(where);
        return q;
    }

    private void where(List<Condition> where) {
        if (where.isEmpty()) {
            sql.append('1');
            return;
        }
        for (int i = 0; i < where.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            condition(where.get(i));
        }
    }

    private void condition(Condition condition) {
        switch (condition) {
            case Condition.AnyOf any -> {
                if (any.alternatives().isEmpty()) {
                    sql.append('0');
                    return;
                }
                sql.append('(');
                for (int i = 0; i < any.alternatives().size(); i++) {
                    if (i > 0) {
                        sql.append(" OR ");
                    }
                    condition(any.alternatives().get(i));
                }
                sql.append(')');
            }
            case Condition.Matches m -> {
                String match = ftsQuery(m.text());
                if (!table.searchable || match.isEmpty()) {
                    sql.append('0');
                    return;
                }
                sql.append("t.rowid IN (SELECT rowid FROM ").append(Table.quote(table.fts)).append(" WHERE ")
                        .append(Table.quote(table.fts)).append(" MATCH ?)");
                params.add(match);
            }
            case Condition.Compare c -> compare(c);
        }
    }

    private void compare(Condition.Compare c) {
        String field = checked(c.field());
        if (c.value() instanceof Map<?, ?>) {
            throw LiteDeskException.invalid("filter", "a value cannot be an object");
        }
        Object value = c.op() == Operator.IN ? Values.sqlList((List<?>) c.value()) : Values.sql(c.value());
        if (field.equals("id")) {
            indexed("t.id", Values.Kind.TEXT, c.op(), value, false);
        } else if (table.columns.containsKey(field)) {
            Table.Column column = table.columns.get(field);
            indexed(column.sql(), column.kind(), c.op(), value, true);
        } else if (table.lists.containsKey(field)) {
            sideTable(table.lists.get(field), c.op(), value);
        } else if (table.isList(field)) {
            jsonList(field, c.op(), value);
        } else {
            json(field, c.op(), value);
        }
    }

    private String checked(String field) {
        if (!FIELD.matcher(field).matches() || (!field.equals("id") && table.typeOf(field) == null && !table.columns.containsKey(field))) {
            throw new IllegalArgumentException(table.type.getSimpleName() + " has no field " + field);
        }
        return field;
    }

    /** A column that holds a sentinel, never NULL, for null (see {@link Values}). */
    private void indexed(String column, Values.Kind kind, Operator op, Object value, boolean sentinel) {
        Object bound = value == null && sentinel ? kind.sentinel() : value;
        switch (op) {
            case EQ -> {
                if (bound == null) {
                    sql.append('0');
                } else {
                    sql.append(column).append(" = ?");
                    params.add(bound);
                }
            }
            case NE -> {
                if (bound == null) {
                    sql.append('1');
                } else {
                    sql.append(column).append(" != ?");
                    params.add(bound);
                }
            }
            case GT, GTE -> {
                if (value == null) {
                    sql.append('0');
                } else {
                    sql.append(column).append(op == Operator.GT ? " > ?" : " >= ?");
                    params.add(value);
                }
            }
            case LT, LTE -> {
                if (value == null) {
                    sql.append('0');
                } else {
                    // above the sentinel: a range on the index that leaves nulls out
                    sql.append(column).append(" > ? AND ").append(column).append(op == Operator.LT ? " < ?" : " <= ?");
                    params.add(kind.sentinel());
                    params.add(value);
                }
            }
            case IN -> in(column, (List<?>) value, sentinel ? kind : null);
            case PREFIX -> {
                sql.append("(typeof(").append(column).append(") = 'text' AND ").append(column).append(" LIKE ? ESCAPE '\\')");
                params.add(likePrefix((String) value));
            }
        }
    }

    private void in(String column, List<?> values, Values.Kind sentinelKind) {
        List<Object> bound = new ArrayList<>();
        for (Object v : values) {
            if (v != null) {
                bound.add(v);
            } else if (sentinelKind != null) {
                bound.add(sentinelKind.sentinel());
            }
        }
        if (bound.isEmpty()) {
            sql.append('0');
            return;
        }
        sql.append(column).append(" IN (").append("?, ".repeat(bound.size() - 1)).append("?)");
        params.addAll(bound);
    }

    private void sideTable(Table.ListField list, Operator op, Object value) {
        String side = Table.quote(list.table());
        switch (op) {
            case EQ -> {
                if (value == null) {
                    sql.append('0'); // a list is never null: it may be empty
                } else {
                    sql.append("t.id IN (SELECT id FROM ").append(side).append(" WHERE value = ?)");
                    params.add(value);
                }
            }
            case NE -> {
                if (value == null) {
                    sql.append('1');
                } else {
                    sql.append("t.id NOT IN (SELECT id FROM ").append(side).append(" WHERE value = ?)");
                    params.add(value);
                }
            }
            case IN -> {
                List<?> values = ((List<?>) value).stream().filter(java.util.Objects::nonNull).toList();
                if (values.isEmpty()) {
                    sql.append('0');
                } else {
                    sql.append("t.id IN (SELECT id FROM ").append(side).append(" WHERE value IN (")
                            .append("?, ".repeat(values.size() - 1)).append("?))");
                    params.addAll(values);
                }
            }
            case PREFIX -> {
                sql.append("t.id IN (SELECT id FROM ").append(side).append(" WHERE typeof(value) = 'text' AND value LIKE ? ESCAPE '\\')");
                params.add(likePrefix((String) value));
            }
            case GT, GTE, LT, LTE -> {
                if (value == null) {
                    sql.append('0');
                } else {
                    sql.append("t.id IN (SELECT id FROM ").append(side).append(" WHERE value ").append(symbol(op)).append(" ?)");
                    params.add(value);
                }
            }
        }
    }

    private void jsonList(String field, Operator op, Object value) {
        String each = "SELECT 1 FROM json_each(t.doc, ?) WHERE ";
        switch (op) {
            case EQ -> {
                if (value == null) {
                    sql.append("json_extract(t.doc, ?) IS NULL");
                    params.add(path(field));
                } else {
                    sql.append("EXISTS (").append(each).append("value = ?)");
                    params.add(path(field));
                    params.add(value);
                }
            }
            case NE -> {
                if (value == null) {
                    sql.append("json_extract(t.doc, ?) IS NOT NULL");
                    params.add(path(field));
                } else {
                    sql.append("NOT EXISTS (").append(each).append("value = ?)");
                    params.add(path(field));
                    params.add(value);
                }
            }
            case IN -> {
                List<?> values = ((List<?>) value).stream().filter(java.util.Objects::nonNull).toList();
                if (values.isEmpty()) {
                    sql.append('0');
                } else {
                    sql.append("EXISTS (").append(each).append("value IN (").append("?, ".repeat(values.size() - 1)).append("?))");
                    params.add(path(field));
                    params.addAll(values);
                }
            }
            case PREFIX -> {
                sql.append("EXISTS (").append(each).append("type = 'text' AND value LIKE ? ESCAPE '\\')");
                params.add(path(field));
                params.add(likePrefix((String) value));
            }
            case GT, GTE, LT, LTE -> {
                if (value == null) {
                    sql.append('0');
                } else {
                    sql.append("EXISTS (").append(each).append("value ").append(symbol(op)).append(" ?)");
                    params.add(path(field));
                    params.add(value);
                }
            }
        }
    }

    /** A field read from the document: json_extract gives NULL for a missing one, which range operators never match. */
    private void json(String field, Operator op, Object value) {
        String extract = "json_extract(t.doc, ?)";
        params.add(path(field));
        switch (op) {
            case EQ -> {
                sql.append(extract).append(value == null ? " IS NULL" : " = ?");
                if (value != null) {
                    params.add(value);
                }
            }
            case NE -> {
                sql.append(extract).append(" IS NOT ?");
                params.add(value);
            }
            case GT, GTE, LT, LTE -> {
                if (value == null) {
                    sql.append("(").append(extract).append(" AND 0)");
                } else {
                    sql.append(extract).append(' ').append(symbol(op)).append(" ?");
                    params.add(value);
                }
            }
            case IN -> {
                List<?> values = (List<?>) value;
                boolean withNull = values.contains(null);
                List<?> rest = values.stream().filter(java.util.Objects::nonNull).toList();
                sql.append('(');
                if (rest.isEmpty()) {
                    sql.append(extract).append(" IS NULL AND ").append(withNull ? "1" : "0");
                } else {
                    sql.append(extract).append(" IN (").append("?, ".repeat(rest.size() - 1)).append("?)");
                    params.addAll(rest);
                    if (withNull) {
                        sql.append(" OR json_extract(t.doc, ?) IS NULL");
                        params.add(path(field));
                    }
                }
                sql.append(')');
            }
            case PREFIX -> {
                sql.append("(json_type(t.doc, ?) = 'text' AND ").append(extract).append(" LIKE ? ESCAPE '\\')");
                params.add(path(field));
                params.add(likePrefix((String) value));
            }
        }
    }

    private static String symbol(Operator op) {
        return switch (op) {
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** A JSON path for a (dotted) field: {@code $."a"."b"}. */
    static String path(String field) {
        StringBuilder path = new StringBuilder("$");
        for (String part : field.split("\\.")) {
            path.append(".\"").append(part).append('"');
        }
        return path.toString();
    }

    /** A LIKE pattern matching values that start with {@code prefix} literally (ASCII letters in any case). */
    static String likePrefix(String prefix) {
        StringBuilder out = new StringBuilder();
        for (char ch : prefix.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.append('%').toString();
    }

    /**
     * An FTS5 query for a search: each word a quoted phrase of its terms, the last one a prefix; every word must
     * match. Terms are letters and digits only, so nothing in the search is read as FTS5 syntax. Empty when the
     * search has no terms.
     */
    static String ftsQuery(String text) {
        StringBuilder out = new StringBuilder();
        for (List<String> word : SearchTerms.query(text)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append('"').append(String.join(" ", word).replace("\"", "\"\"")).append("\"*");
        }
        return out.toString();
    }

    private static boolean sortsById(List<SortKey> sort) {
        return sort.stream().anyMatch(k -> k.field().equals("id"));
    }

    /** The expression a sort key orders by: the id, an indexed column, or the document's value (nulls first). */
    private Expr sortExpr(String field) {
        if (field.equals("id")) {
            return new Expr("t.id", List.of());
        }
        checked(field);
        Table.Column column = table.columns.get(field);
        if (column != null) {
            return new Expr(column.sql(), List.of());
        }
        Values.Kind kind = Values.Kind.of(table.typeOf(field));
        return new Expr("coalesce(json_extract(t.doc, ?), ?)", List.of(path(field), kind.sentinel()));
    }

    private Object sortValue(String field, Object value) {
        Object sqlValue = Values.sql(value);
        if (sqlValue != null || field.equals("id")) {
            return sqlValue;
        }
        Table.Column column = table.columns.get(field);
        return (column != null ? column.kind() : Values.Kind.of(table.typeOf(field))).sentinel();
    }

    /**
     * Rows strictly after the keyset {@code after} in the order of {@code sort}, then id (in the direction of the last
     * key): one row-value comparison when every key runs the same way (an index range), else the usual disjunction.
     */
    private void after(List<SortKey> sort, List<Object> after) {
        boolean descendingIds = !sort.isEmpty() && sort.getLast().descending();
        List<Expr> exprs = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            exprs.add(sortExpr(sort.get(i).field()));
            descending.add(sort.get(i).descending());
            values.add(sortValue(sort.get(i).field(), after.get(i)));
        }
        if (!sortsById(sort)) {
            exprs.add(new Expr("t.id", List.of()));
            descending.add(descendingIds);
            values.add(after.getLast());
        }
        boolean uniform = descending.stream().allMatch(d -> d.equals(descending.getFirst()));
        if (uniform) {
            sql.append('(');
            for (int i = 0; i < exprs.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(exprs.get(i).sql());
                params.addAll(exprs.get(i).params());
            }
            sql.append(descending.getFirst() ? ") < (" : ") > (").append("?, ".repeat(values.size() - 1)).append("?)");
            params.addAll(values);
            return;
        }
        sql.append('(');
        for (int i = 0; i < exprs.size(); i++) {
            sql.append(i == 0 ? "(" : " OR (");
            for (int j = 0; j < i; j++) {
                sql.append(exprs.get(j).sql()).append(" = ? AND ");
                params.addAll(exprs.get(j).params());
                params.add(values.get(j));
            }
            sql.append(exprs.get(i).sql()).append(descending.get(i) ? " < ?" : " > ?").append(')');
            params.addAll(exprs.get(i).params());
            params.add(values.get(i));
        }
        sql.append(')');
    }
}
