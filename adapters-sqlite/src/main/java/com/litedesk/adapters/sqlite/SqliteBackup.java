package com.litedesk.adapters.sqlite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.catalog.Catalog;
import com.litedesk.ports.store.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Backups in the portable format every storage adapter reads: gzipped lines {@code {"c": collection, "d": record}},
 * the record in MongoDB's canonical extended JSON, collections in the order of {@link Catalog#INSTANCE}. A dump is
 * taken from a consistent copy of the file ({@code VACUUM INTO}) made while writes go on, then read at leisure; a
 * restore replaces every record in one transaction, so a backup that fails half-way changes nothing.
 */
final class SqliteBackup {

    private SqliteBackup() {
    }

    static long dump(SqliteDatabase db, OutputStream out) {
        Path copy = db.file().resolveSibling(".backup-" + UUID.randomUUID() + ".db");
        try {
            db.snapshot(copy);
            return write(copy, out);
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // a stray copy is removed with the instance's directory
            }
        }
    }

    private static long write(Path copy, OutputStream out) {
        long count = 0;
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
            var gzip = new GZIPOutputStream(out, 1 << 16);
            JsonGenerator g = RecordJson.FACTORY.createGenerator(gzip);
            g.setRootValueSeparator(null);
            for (Table<?> table : Tables.INSTANCE) {
                try (var statement = connection.prepareStatement("SELECT doc FROM " + Table.quote(table.name) + " ORDER BY id");
                     ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        g.writeStartObject();
                        g.writeStringField("c", table.name);
                        g.writeFieldName("d");
                        RecordJson.write(g, table.decode(rs.getBytes(1)), RecordJson.Dialect.EXTENDED);
                        g.writeEndObject();
                        g.writeRaw('\n');
                        count++;
                    }
                }
            }
            g.flush();
            gzip.finish();
            return count;
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long restore(SqliteDatabase db, InputStream in) {
        return db.write(conn -> {
            for (Table<?> table : Tables.INSTANCE) {
                table.clear(conn);
            }
            long count = 0;
            Pending pending = new Pending();
            try (JsonParser p = RecordJson.FACTORY.createParser(new GZIPInputStream(in, 1 << 16))) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("c") || p.nextToken() != JsonToken.VALUE_STRING) {
                        throw new IOException("line " + (count + 1) + " does not start with its collection");
                    }
                    String collection = p.getText();
                    Table<?> table = Tables.instanceTable(collection);
                    if (table == null) {
                        throw LiteDeskException.unavailable("the backup holds a collection this version does not know: " + collection, null);
                    }
                    if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("d") || p.nextToken() != JsonToken.START_OBJECT) {
                        throw new IOException("line " + (count + 1) + " has no record");
                    }
                    pending.add(conn, table, p);
                    p.nextToken(); // the end of the line's object
                    count++;
                }
                pending.flush(conn);
            } catch (IOException | RuntimeException e) {
                if (e instanceof LiteDeskException l) {
                    throw l;
                }
                throw LiteDeskException.unavailable("the backup cannot be read: " + e.getMessage(), e);
            }
            return count;
        });
    }

    /** Records read but not yet inserted: one collection's, up to a batch. */
    private static final class Pending {
        private Table<?> table;
        private final java.util.List<Object> records = new java.util.ArrayList<>();

        <T extends Record & Entity> void add(Conn conn, Table<T> next, JsonParser p) throws IOException, SQLException {
            if (next != table || records.size() >= 500) {
                flush(conn);
                table = next;
            }
            records.add(RecordJson.read(p, next.type, RecordJson.Dialect.EXTENDED));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void flush(Conn conn) throws SQLException {
            if (table != null && !records.isEmpty()) {
                ((Table) table).insertAll(conn, java.util.List.copyOf(records));
            }
            records.clear();
        }
    }
}
