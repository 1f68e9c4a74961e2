package com.litedesk.adapters.sqlite;

import com.litedesk.ports.LiteDeskException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Creates the tables of a database and records the schema's version in {@code PRAGMA user_version}. Every statement
 * is idempotent, so opening runs them all; a file written by a newer schema is refused rather than misread.
 */
final class Schema {

    /** The version of the tables this code writes. */
    static final int VERSION = 1;

    private Schema() {
    }

    static SqliteDatabase.Work<Void> of(List<Table<?>> tables) {
        return conn -> {
            int version;
            try (ResultSet rs = conn.prepare("PRAGMA user_version").executeQuery()) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > VERSION) {
                throw LiteDeskException.unavailable("the database was written by a newer LiteDesk (schema " + version
                        + "; this one knows " + VERSION + ")", null);
            }
            for (Table<?> table : tables) {
                for (String statement : table.ddl()) {
                    conn.exec(statement);
                }
            }
            if (version < VERSION) {
                conn.exec("PRAGMA user_version = " + VERSION);
            }
            return null;
        };
    }

    /** Whether {@code conn}'s database has the tables of this schema (a file LiteDesk wrote). */
    static boolean present(Conn conn) throws SQLException {
        try (ResultSet rs = conn.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").executeQuery()) {
            return rs.next();
        }
    }
}
