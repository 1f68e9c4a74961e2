package com.litedesk.adapters.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** One SQLite connection, used by one thread at a time, with its prepared statements kept for reuse. */
final class Conn implements AutoCloseable {

    private static final int CACHED_STATEMENTS = 96;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > CACHED_STATEMENTS) {
                close(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    Conn(Connection connection) {
        this.connection = connection;
    }

    /** A prepared statement for {@code sql}, cleared of earlier parameters. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    void exec(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A statement with its parameters bound, ready to run. */
    PreparedStatement bind(String sql, java.util.List<Object> parameters) throws SQLException {
        PreparedStatement statement = prepare(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    Connection raw() {
        return connection;
    }

    private static void close(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // a statement that cannot close holds nothing we need
        }
    }

    @Override
    public void close() {
        statements.values().forEach(Conn::close);
        statements.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on the way out
        }
    }
}
