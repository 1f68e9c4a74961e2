package com.litedesk.adapters.sqlite;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Entity;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import com.litedesk.ports.store.Repository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** One collection of records in its table (see {@link Table}); every write is one statement group in one transaction. */
class SqliteRepository<T extends Record & Entity> implements Repository<T> {

    protected final SqliteDatabase db;
    protected final Table<T> table;
    private final String noun;

    SqliteRepository(SqliteDatabase db, Table<T> table, String noun) {
        this.db = db;
        this.table = table;
        this.noun = noun;
    }

    @Override
    public Optional<T> findById(String id) {
        return db.read(conn -> table.findById(conn, id));
    }

    Optional<T> findByKey(String value) {
        return db.read(conn -> table.findByKey(conn, value));
    }

    @Override
    public T insert(T entity) {
        insertAll(List.of(entity));
        return entity;
    }

    @Override
    public void insertAll(List<T> entities) {
        if (entities.isEmpty()) {
            return;
        }
        var batch = table.prepare(entities); // the JSON is written here, so that the writer thread only runs statements
        db.write(conn -> {
            table.insert(conn, batch);
            return null;
        });
    }

    @Override
    public T replace(T entity, long expectedVersion) {
        db.write(conn -> {
            if (!table.update(conn, entity, expectedVersion)) {
                throw missingOrStale(conn, entity.id());
            }
            return null;
        });
        return entity;
    }

    @Override
    public void delete(String id, long expectedVersion) {
        db.write(conn -> {
            if (!table.delete(conn, id, expectedVersion)) {
                throw missingOrStale(conn, id);
            }
            return null;
        });
    }

    private LiteDeskException missingOrStale(Conn conn, String id) throws SQLException {
        return table.exists(conn, id) ? LiteDeskException.stale(noun, id) : LiteDeskException.notFound(noun, id);
    }

    /**
     * Applies {@code change} to the stored record atomically (read and write in one write transaction); the change
     * returns the record unchanged to leave it be. Empty when there is no such record; else the record as it was.
     */
    Optional<T> update(String id, UnaryOperator<T> change) {
        return db.write(conn -> {
            Optional<T> current = table.findById(conn, id);
            if (current.isPresent()) {
                T next = change.apply(current.get());
                if (next != current.get()) {
                    table.update(conn, next, current.get().version());
                }
            }
            return current;
        });
    }

    /** Applies {@code change} to every record matching {@code where}, atomically. */
    void updateAll(List<Condition> where, UnaryOperator<T> change) {
        db.write(conn -> {
            SqlQuery q = SqlQuery.all(table, where);
            List<T> matching = new ArrayList<>();
            try (ResultSet rs = conn.bind(q.sql(), q.params()).executeQuery()) {
                while (rs.next()) {
                    matching.add(table.decode(rs.getBytes(1)));
                }
            }
            for (T current : matching) {
                T next = change.apply(current);
                if (next != current) {
                    table.update(conn, next, current.version());
                }
            }
            return null;
        });
    }

    @Override
    public Page<T> list(Query query) {
        SqlQuery q = SqlQuery.page(table, query);
        return db.read(conn -> {
            List<T> items = new ArrayList<>(Math.min(query.limit() + 1, 256));
            try (ResultSet rs = conn.bind(q.sql(), q.params()).executeQuery()) {
                while (rs.next()) {
                    items.add(table.decode(rs.getBytes(1)));
                }
            }
            boolean more = items.size() > query.limit();
            return new Page<>(more ? items.subList(0, query.limit()) : items, more);
        });
    }

    @Override
    public long count(List<Condition> where) {
        SqlQuery q = SqlQuery.count(table, where);
        return db.read(conn -> {
            try (ResultSet rs = conn.bind(q.sql(), q.params()).executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    static LiteDeskException appendOnly() {
        return new LiteDeskException(ErrorCode.CONFLICT, "audit entries are append-only");
    }
}
