package com.litedesk.adapters.sqlite;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one place SQLite failures become domain errors: a unique or primary key taken is CONFLICT; anything else
 * is UNAVAILABLE with a message that names the database but not the SQL (the driver's text goes to the log only).
 */
final class SqliteErrors {

    private static final System.Logger LOG = System.getLogger("litedesk.sqlite");

    private SqliteErrors() {
    }

    static LiteDeskException translate(SQLException e, Path file) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                return new LiteDeskException(ErrorCode.CONFLICT, "a record with the same id or unique key exists already");
            }
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
                return LiteDeskException.unavailable("the database is busy; try again", e);
            }
        }
        LOG.log(System.Logger.Level.WARNING, "SQLite failed on " + file + ": " + e.getMessage());
        return LiteDeskException.unavailable("the database could not complete the request", e);
    }
}
