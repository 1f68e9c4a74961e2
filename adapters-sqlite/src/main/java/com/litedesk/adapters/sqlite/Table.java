package com.litedesk.adapters.sqlite;

import com.litedesk.ports.catalog.Catalog;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.SearchText;
import com.litedesk.ports.store.Searchable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One collection as a SQLite table: {@code id} (the primary key), {@code version}, the record as a JSON {@code doc},
 * the unique key {@code k} (lower-cased, NULL when the record has none), and a column for every indexed field,
 * written from the record on every write. Indexed list fields get a side table of (value, row) pairs; searchable
 * records an FTS5 table (contentless, keyed by the row id) of their primary and secondary text.
 */
final class Table<T extends Record & Entity> {

    /** An indexed field: a column named by its (dotted) path, holding the value's SQL form or its kind's sentinel. */
    record Column(String path, String[] parts, Values.Kind kind, Function<Object, Object> derive) {
        Object valueOf(Object record) {
            return Values.column(derive == null ? Shape.readPath(record, parts) : derive.apply(record), kind);
        }

        String sql() {
            return "t." + quote(path);
        }
    }

    /** An indexed list field, kept in the side table {@code <table>__<field>}. */
    record ListField(String path, String[] parts, String table) {
    }

    final String name;
    final Class<T> type;
    final Function<T, String> key;
    final Map<String, Column> columns;
    final List<List<String>> indexes;
    final Map<String, ListField> lists;
    final boolean searchable;
    final String fts;
    final Hook<T> hook;

    /** What a table keeps besides its rows, maintained in the transaction of every write (the board's deal totals). */
    interface Hook<T> {
        List<String> ddl();

        void inserted(Conn conn, T record) throws SQLException;

        void deleted(Conn conn, T record) throws SQLException;

        void cleared(Conn conn) throws SQLException;
    }

    private Table(Builder<T> b) {
        this.name = b.kind.name();
        this.type = b.kind.type();
        this.key = b.key;
        this.columns = Map.copyOf(b.columns);
        this.indexes = List.copyOf(b.indexes);
        this.lists = Map.copyOf(b.lists);
        this.searchable = Searchable.class.isAssignableFrom(type);
        this.fts = name + "__fts";
        this.hook = b.hook;
    }

    static <T extends Record & Entity> Builder<T> of(Catalog.Kind<T> kind) {
        return new Builder<>(kind);
    }

    static final class Builder<T extends Record & Entity> {
        private final Catalog.Kind<T> kind;
        private Function<T, String> key;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private final List<List<String>> indexes = new ArrayList<>();
        private final Map<String, ListField> lists = new LinkedHashMap<>();
        private Hook<T> hook;

        private Builder(Catalog.Kind<T> kind) {
            this.kind = kind;
        }

        /** The unique key of a record (compared lower-case), or null for a record without one. */
        Builder<T> key(Function<T, String> uniqueKey) {
            this.key = uniqueKey;
            return this;
        }

        /** An index over these fields (then id); each becomes a column. */
        Builder<T> index(String... paths) {
            for (String path : paths) {
                columns.computeIfAbsent(path, p -> {
                    String[] parts = p.split("\\.");
                    Type type = Shape.typeOf(kind.type(), parts);
                    if (type == null) {
                        throw new IllegalArgumentException(kind.type().getSimpleName() + " has no field " + p);
                    }
                    return new Column(p, parts, Values.Kind.of(type), null);
                });
            }
            indexes.add(List.of(paths));
            return this;
        }

        /** A column computed from the record (for aggregates), not a field of it. */
        @SuppressWarnings("unchecked")
        Builder<T> derived(String columnName, Values.Kind columnKind, Function<T, Object> value) {
            columns.put(columnName, new Column(columnName, new String[] {columnName}, columnKind, r -> value.apply((T) r)));
            return this;
        }

        /** A list field whose elements filters find through an index (a side table). */
        Builder<T> list(String path) {
            lists.put(path, new ListField(path, path.split("\\."), kind.name() + "__" + path.replace('.', '_')));
            return this;
        }

        Builder<T> hook(Hook<T> maintained) {
            this.hook = maintained;
            return this;
        }

        Table<T> build() {
            return new Table<>(this);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Whether the field at {@code path} holds a list (by the record's declared type). */
    boolean isList(String path) {
        Type type = Shape.typeOf(this.type, path.split("\\."));
        Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
        return raw instanceof Class<?> c && java.util.Collection.class.isAssignableFrom(c);
    }

    /** The declared type of the field at {@code path}, or null. */
    Type typeOf(String path) {
        return Shape.typeOf(type, path.split("\\."));
    }

    /** The statements that create the table, its indexes, side tables and search index (all idempotent). */
    List<String> ddl() {
        List<String> ddl = new ArrayList<>();
        StringBuilder create = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(quote(name))
                .append(" (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL");
        if (key != null) {
            create.append(", k TEXT");
        }
        for (Column c : columns.values()) {
            create.append(", ").append(quote(c.path())); // no declared type: values are kept exactly as written
        }
        ddl.add(create.append(')').toString());
        if (key != null) {
            ddl.add("CREATE UNIQUE INDEX IF NOT EXISTS " + quote(name + "__k") + " ON " + quote(name) + " (k)");
        }
        for (List<String> index : indexes) {
            StringBuilder cols = new StringBuilder();
            for (String path : index) {
                cols.append(quote(path)).append(", ");
            }
            ddl.add("CREATE INDEX IF NOT EXISTS " + quote(name + "__" + String.join("_", index).replace('.', '_')) + " ON "
                    + quote(name) + " (" + cols + "id)");
        }
        for (ListField list : lists.values()) {
            // (value, id): the records holding a value, in id order, are one range of the primary key
            ddl.add("CREATE TABLE IF NOT EXISTS " + quote(list.table()) + " (value NOT NULL, id TEXT NOT NULL, PRIMARY KEY (value, id))"
                    + " WITHOUT ROWID");
            ddl.add("CREATE INDEX IF NOT EXISTS " + quote(list.table() + "__id") + " ON " + quote(list.table()) + " (id)");
        }
        if (searchable) {
            ddl.add("CREATE VIRTUAL TABLE IF NOT EXISTS " + quote(fts) + " USING fts5(p, s, content='', contentless_delete=1,"
                    + " tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')");
            // a word in the name or title weighs four times one in an email address, a domain or a body
            ddl.add("INSERT INTO " + quote(fts) + " (" + quote(fts) + ", rank) VALUES ('rank', 'bm25(4.0, 1.0)')");
        }
        if (hook != null) {
            ddl.addAll(hook.ddl());
        }
        return ddl;
    }

    // ---- writes, on the writer's connection -------------------------------------------------------------------

    private String updateSql;

    private List<Column> columnList() {
        return List.copyOf(columns.values());
    }

    private String updateSql() {
        if (updateSql == null) {
            StringBuilder set = new StringBuilder("version = ?, doc = ?");
            if (key != null) {
                set.append(", k = ?");
            }
            for (Column c : columnList()) {
                set.append(", ").append(quote(c.path())).append(" = ?");
            }
            updateSql = "UPDATE " + quote(name) + " SET " + set + " WHERE id = ? AND version = ? RETURNING rowid";
        }
        return updateSql;
    }

    private int bindRow(PreparedStatement statement, T record, int from) throws SQLException {
        int i = from;
        statement.setLong(i++, record.version());
        statement.setString(i++, RecordJson.write(record));
        if (key != null) {
            String k = key.apply(record);
            statement.setString(i++, k == null ? null : k.toLowerCase(Locale.ROOT));
        }
        for (Column c : columnList()) {
            statement.setObject(i++, c.valueOf(record));
        }
        return i;
    }

    void insert(Conn conn, T record) throws SQLException {
        insertAll(conn, List.of(record));
    }

    /**
     * Inserts the rows, then their side-table entries, search entries and totals, each as one statement over a JSON
     * array of the batch ({@code json_each}): one call into SQLite per kind instead of one per row, and no search insert
     * between row inserts (interleaving them made both twice as slow). Measured on 50,000 contacts: ~9,000 rows/s row by
     * row, ~27,000 so.
     */
    void insertAll(Conn conn, List<T> records) throws SQLException {
        insert(conn, prepare(records));
    }

    /** A batch of records as the JSON arrays its statements read: made by the caller, not by the writer thread. */
    record Batch<T>(List<T> records, String rows, Map<String, String> lists, String search) {
    }

    Batch<T> prepare(List<T> records) {
        try {
            Map<String, String> listJson = new LinkedHashMap<>();
            for (ListField list : lists.values()) {
                String json = listJson(records, list);
                if (json != null) {
                    listJson.put(list.table(), json);
                }
            }
            return new Batch<>(records, rowsJson(records), listJson, searchable ? searchJson(records) : null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void insert(Conn conn, Batch<T> batch) throws SQLException {
        if (batch.records().isEmpty()) {
            return;
        }
        conn.bind(bulkInsertSql(), List.of(batch.rows())).executeUpdate();
        for (var list : batch.lists().entrySet()) {
            conn.bind("INSERT OR IGNORE INTO " + quote(list.getKey()) + " (value, id) SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?) j",
                    List.of(list.getValue())).executeUpdate();
        }
        if (batch.search() != null) {
            conn.bind("INSERT INTO " + quote(fts) + " (rowid, p, s) SELECT t.rowid, j.value ->> 1, j.value ->> 2 FROM json_each(?) j JOIN "
                    + quote(name) + " t ON t.id = j.value ->> 0", List.of(batch.search())).executeUpdate();
        }
        if (hook != null) {
            for (T record : batch.records()) {
                hook.inserted(conn, record);
            }
        }
    }

    private String bulkInsertSql() {
        if (bulkInsertSql == null) {
            StringBuilder names = new StringBuilder("id, version, doc");
            StringBuilder values = new StringBuilder("j.value ->> 0, j.value ->> 1, j.value ->> 2");
            int i = 3;
            if (key != null) {
                names.append(", k");
                values.append(", j.value ->> ").append(i++);
            }
            for (Column c : columnList()) {
                names.append(", ").append(quote(c.path()));
                // JSON has no -Infinity: a null stands for the column's sentinel
                values.append(", ifnull(j.value ->> ").append(i++).append(", ").append(c.kind() == Values.Kind.TEXT ? "0" : "-9e999").append(')');
            }
            bulkInsertSql = "INSERT INTO " + quote(name) + " (" + names + ") SELECT " + values + " FROM json_each(?) j";
        }
        return bulkInsertSql;
    }

    private String bulkInsertSql;

    private String rowsJson(List<T> records) throws SQLException {
        return json(g -> {
            g.writeStartArray();
            for (T record : records) {
                g.writeStartArray();
                g.writeString(record.id());
                g.writeNumber(record.version());
                g.writeString(RecordJson.write(record));
                if (key != null) {
                    String k = key.apply(record);
                    g.writeString(k == null ? null : k.toLowerCase(Locale.ROOT));
                }
                for (Column c : columnList()) {
                    writeSql(g, c.valueOf(record));
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        });
    }

    private String listJson(List<T> records, ListField list) throws SQLException {
        boolean[] any = {false};
        String json = json(g -> {
            g.writeStartArray();
            for (T record : records) {
                if (Shape.readPath(record, list.parts()) instanceof java.util.Collection<?> items) {
                    for (Object item : items) {
                        Object sql = Values.sql(item);
                        if (sql != null) {
                            g.writeStartArray();
                            writeSql(g, sql);
                            g.writeString(record.id());
                            g.writeEndArray();
                            any[0] = true;
                        }
                    }
                }
            }
            g.writeEndArray();
        });
        return any[0] ? json : null;
    }

    private String searchJson(List<T> records) throws SQLException {
        return json(g -> {
            g.writeStartArray();
            for (T record : records) {
                SearchText text = ((Searchable) record).searchText();
                g.writeStartArray();
                g.writeString(record.id());
                g.writeString(text.primary());
                g.writeString(text.secondary());
                g.writeEndArray();
            }
            g.writeEndArray();
        });
    }

    /** A column's SQL value in JSON: text, a number, or null for the sentinel -Infinity JSON cannot hold. */
    private static void writeSql(com.fasterxml.jackson.core.JsonGenerator g, Object sql) throws java.io.IOException {
        switch (sql) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Long l -> g.writeNumber(l);
            case Double d when d.isInfinite() || d.isNaN() -> g.writeNull();
            case Double d -> g.writeNumber(d);
            default -> g.writeString(sql.toString());
        }
    }

    private interface JsonWriting {
        void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException;
    }

    private static String json(JsonWriting writing) throws SQLException {
        try (var out = new java.io.StringWriter(); var g = RecordJson.FACTORY.createGenerator(out)) {
            writing.write(g);
            g.flush();
            return out.toString();
        } catch (java.io.IOException e) {
            throw new SQLException("cannot write a batch as JSON", e);
        }
    }

    /** Replaces the row at {@code expectedVersion}; false when there is no such row at that version. */
    boolean update(Conn conn, T record, long expectedVersion) throws SQLException {
        T before = hook == null ? null : findById(conn, record.id()).filter(r -> r.version() == expectedVersion).orElse(null);
        PreparedStatement statement = conn.prepare(updateSql());
        int i = bindRow(statement, record, 1);
        statement.setString(i++, record.id());
        statement.setLong(i, expectedVersion);
        long rowid;
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            rowid = rs.getLong(1);
        }
        clearIndexes(conn, rowid, record.id());
        writeIndexes(conn, rowid, record);
        if (before != null) {
            hook.deleted(conn, before);
            hook.inserted(conn, record);
        }
        return true;
    }

    boolean delete(Conn conn, String id, long expectedVersion) throws SQLException {
        T before = hook == null ? null : findById(conn, id).filter(r -> r.version() == expectedVersion).orElse(null);
        PreparedStatement statement = conn.prepare("DELETE FROM " + quote(name) + " WHERE id = ? AND version = ? RETURNING rowid");
        statement.setString(1, id);
        statement.setLong(2, expectedVersion);
        long rowid;
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            rowid = rs.getLong(1);
        }
        clearIndexes(conn, rowid, id);
        if (before != null) {
            hook.deleted(conn, before);
        }
        return true;
    }

    /** Removes every row (restore). */
    void clear(Conn conn) throws SQLException {
        conn.exec("DELETE FROM " + quote(name));
        for (ListField list : lists.values()) {
            conn.exec("DELETE FROM " + quote(list.table()));
        }
        if (searchable) {
            conn.exec("DELETE FROM " + quote(fts));
        }
        if (hook != null) {
            hook.cleared(conn);
        }
    }

    private void writeIndexes(Conn conn, long rowid, T record) throws SQLException {
        writeLists(conn, record);
        if (searchable) {
            writeSearch(conn, rowid, record);
        }
    }

    private void writeLists(Conn conn, T record) throws SQLException {
        for (ListField list : lists.values()) {
            Object values = Shape.readPath(record, list.parts());
            if (values instanceof java.util.Collection<?> items && !items.isEmpty()) {
                PreparedStatement statement = conn.prepare("INSERT OR IGNORE INTO " + quote(list.table()) + " (value, id) VALUES (?, ?)");
                for (Object item : items) {
                    Object sql = Values.sql(item);
                    if (sql != null) {
                        statement.setObject(1, sql);
                        statement.setString(2, record.id());
                        statement.executeUpdate();
                    }
                }
            }
        }
    }

    private void writeSearch(Conn conn, long rowid, T record) throws SQLException {
        SearchText text = ((Searchable) record).searchText();
        PreparedStatement statement = conn.prepare("INSERT INTO " + quote(fts) + " (rowid, p, s) VALUES (?, ?, ?)");
        statement.setLong(1, rowid);
        statement.setString(2, text.primary());
        statement.setString(3, text.secondary());
        statement.executeUpdate();
    }

    private void clearIndexes(Conn conn, long rowid, String id) throws SQLException {
        for (ListField list : lists.values()) {
            PreparedStatement statement = conn.prepare("DELETE FROM " + quote(list.table()) + " WHERE id = ?");
            statement.setString(1, id);
            statement.executeUpdate();
        }
        if (searchable) {
            PreparedStatement statement = conn.prepare("DELETE FROM " + quote(fts) + " WHERE rowid = ?");
            statement.setLong(1, rowid);
            statement.executeUpdate();
        }
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    T decode(byte[] doc) {
        return RecordJson.read(type, doc);
    }

    Optional<T> findById(Conn conn, String id) throws SQLException {
        PreparedStatement statement = conn.prepare("SELECT doc FROM " + quote(name) + " WHERE id = ?");
        statement.setString(1, id);
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(decode(rs.getBytes(1))) : Optional.empty();
        }
    }

    Optional<T> findByKey(Conn conn, String value) throws SQLException {
        if (key == null || value == null) {
            return Optional.empty();
        }
        PreparedStatement statement = conn.prepare("SELECT doc FROM " + quote(name) + " WHERE k = ?");
        statement.setString(1, value.toLowerCase(Locale.ROOT));
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(decode(rs.getBytes(1))) : Optional.empty();
        }
    }

    /** Whether a row with this id exists (to tell NOT_FOUND from a stale version). */
    boolean exists(Conn conn, String id) throws SQLException {
        PreparedStatement statement = conn.prepare("SELECT 1 FROM " + quote(name) + " WHERE id = ?");
        statement.setString(1, id);
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next();
        }
    }
}
