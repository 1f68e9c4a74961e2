package com.litedesk.adapters.sqlite;

import com.litedesk.ports.LiteDeskException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One SQLite file in WAL mode: one writing connection and a few reading ones.
 *
 * <p>JDBC calls into SQLite are native: a virtual thread inside one pins its carrier, and on two cores two pinned
 * carriers stop every other request. So writes (which fsync) always run on this database's own writer thread, a
 * platform thread; and a read runs on the calling virtual thread only while it holds one of the process's inline
 * permits (fewer than there are carriers) — otherwise on this database's reader threads, which the operating system
 * schedules fairly. A native call can therefore never hold every carrier, and a busy tenant queues on its own threads.
 *
 * <p>Writes are group-committed: the writer drains every write waiting for it into one transaction, each in its own
 * savepoint (one failing rolls back alone), commits once and only then answers them — an acknowledged write is
 * committed. Readers see committed data only.
 */
final class SqliteDatabase implements AutoCloseable {

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Conn conn) throws SQLException;
    }

    private static final System.Logger LOG = System.getLogger("litedesk.sqlite");
    private static final int MAX_BATCH = 256;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Path file;
    private final SqliteSettings settings;
    private final Semaphore inline;
    private final Conn writer;
    private final LinkedBlockingQueue<Conn> idleReaders = new LinkedBlockingQueue<>();
    private final Semaphore readerSlots;
    private final LinkedBlockingQueue<Pending<?>> pending = new LinkedBlockingQueue<>();
    private final ThreadPoolExecutor writerThread;
    private final ThreadPoolExecutor readerThreads;
    private volatile boolean closed;

    private record Pending<T>(Work<T> work, CompletableFuture<T> result) {
    }

    /**
     * Opens (creating) the file and prepares the schema with {@code schema}, run once on the writer.
     *
     * @param inline permits for reads on virtual threads, shared by every database of the process
     */
    SqliteDatabase(Path file, SqliteSettings settings, Semaphore inline, Work<Void> schema) {
        this.file = file.toAbsolutePath();
        this.settings = settings;
        this.inline = inline;
        this.readerSlots = new Semaphore(settings.readers());
        try {
            Files.createDirectories(this.file.getParent());
            this.writer = open(false);
            writer.exec("PRAGMA journal_mode=WAL");
            // the writer touches every index of a table on each insert: its pages stay in its cache (grown only as used)
            writer.exec("PRAGMA cache_size=" + -settings.writerCacheKib());
            writer.exec("BEGIN IMMEDIATE");
            try {
                schema.run(writer);
                writer.exec("COMMIT");
            } catch (SQLException | RuntimeException e) {
                writer.exec("ROLLBACK");
                throw e;
            }
        } catch (SQLException | java.io.IOException e) {
            throw LiteDeskException.unavailable("the database " + this.file + " cannot be opened: " + e.getMessage(), e);
        }
        String name = this.file.getParent().getFileName() + "/" + this.file.getFileName();
        this.writerThread = pool(1, "sqlite-writer " + name);
        this.readerThreads = pool(settings.readers(), "sqlite-reader " + name);
    }

    private static ThreadPoolExecutor pool(int size, String name) {
        var pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().daemon().name(name + " #" + THREADS.incrementAndGet()).unstarted(r));
        pool.allowCoreThreadTimeOut(true); // an idle instance keeps no threads
        return pool;
    }

    private Conn open(boolean reader) throws SQLException {
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", settings.synchronous());
        p.setProperty("busy_timeout", "10000");
        p.setProperty("foreign_keys", "false");
        p.setProperty("temp_store", "MEMORY");
        p.setProperty("cache_size", Integer.toString(-settings.cacheKib()));
        p.setProperty("mmap_size", Long.toString(settings.mmapBytes()));
        var connection = DriverManager.getConnection("jdbc:sqlite:" + file, p);
        Conn conn = new Conn(connection);
        if (reader) {
            conn.exec("PRAGMA query_only=1");
        }
        return conn;
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in a write transaction of its own (within a group commit); returns once committed. */
    <T> T write(Work<T> work) {
        if (closed) {
            throw closedError();
        }
        var task = new Pending<>(work, new CompletableFuture<T>());
        pending.add(task);
        try {
            writerThread.execute(this::drainWrites);
        } catch (RejectedExecutionException e) {
            throw closedError();
        }
        return await(task.result());
    }

    /** Runs {@code work} on a reading connection (autocommit: each statement sees the latest commit). */
    <T> T read(Work<T> work) {
        if (closed) {
            throw closedError();
        }
        if (!Thread.currentThread().isVirtual()) {
            return withReader(work, true);
        }
        if (inline.tryAcquire()) {
            try {
                if (readerSlots.tryAcquire()) {
                    return withReader(work, false);
                }
            } finally {
                inline.release();
            }
        }
        var result = new CompletableFuture<T>();
        try {
            readerThreads.execute(() -> {
                try {
                    result.complete(withReader(work, true));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw closedError();
        }
        return await(result);
    }

    /** @param acquire whether the reader slot is still to be taken (else the caller holds it) */
    private <T> T withReader(Work<T> work, boolean acquire) {
        if (acquire) {
            readerSlots.acquireUninterruptibly();
        }
        Conn conn = idleReaders.poll();
        try {
            if (conn == null) {
                conn = open(true);
            }
            T result = work.run(conn);
            idleReaders.add(conn);
            conn = null;
            return result;
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, file);
        } finally {
            if (conn != null) {
                conn.close(); // a connection that failed is not reused
            }
            readerSlots.release();
        }
    }

    private void drainWrites() {
        List<Pending<?>> batch = new ArrayList<>();
        pending.drainTo(batch, MAX_BATCH);
        if (batch.isEmpty()) {
            return;
        }
        List<Object> results = new ArrayList<>(batch.size());
        List<Throwable> failures = new ArrayList<>(batch.size());
        try {
            writer.exec("BEGIN IMMEDIATE");
            for (Pending<?> task : batch) {
                writer.exec("SAVEPOINT w");
                try {
                    results.add(task.work().run(writer));
                    failures.add(null);
                    writer.exec("RELEASE w");
                } catch (Throwable e) {
                    writer.exec("ROLLBACK TO w");
                    writer.exec("RELEASE w");
                    results.add(null);
                    failures.add(e instanceof SQLException sql ? SqliteErrors.translate(sql, file) : e);
                }
            }
            writer.exec("COMMIT");
        } catch (SQLException e) {
            LiteDeskException failure = SqliteErrors.translate(e, file);
            try {
                writer.exec("ROLLBACK");
            } catch (SQLException ignored) {
                // the transaction is gone either way
            }
            batch.forEach(task -> task.result().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i), failures.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> task, Object result, Throwable failure) {
        if (failure != null) {
            task.result().completeExceptionally(failure);
        } else {
            task.result().complete((T) result);
        }
    }

    private static <T> T await(CompletableFuture<T> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw LiteDeskException.unavailable("the database failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LiteDeskException.unavailable("interrupted while waiting for the database", e);
        }
    }

    private LiteDeskException closedError() {
        return LiteDeskException.unavailable("the database " + file.getFileName() + " is closed", null);
    }

    /**
     * Writes a consistent copy of the database to {@code target} while writes go on ({@code VACUUM INTO}: one read
     * transaction, so the copy is the database as of one commit), on a connection of its own.
     */
    void snapshot(Path target) {
        read(ignored -> {
            try (Conn conn = open(false)) {
                var statement = conn.raw().prepareStatement("VACUUM INTO ?");
                statement.setString(1, target.toAbsolutePath().toString());
                statement.execute();
                statement.close();
            }
            return null;
        });
    }

    /** Bytes of the file in use (pages that hold data), for the storage limit. */
    long usedBytes() {
        return read(conn -> {
            try (var rs = conn.prepare("SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count()),"
                    + " (SELECT page_size FROM pragma_page_size())").executeQuery()) {
                return rs.next() ? rs.getLong(1) * rs.getLong(2) : 0L;
            }
        });
    }

    /** Stops taking work, finishes the writes already taken, checkpoints the log and closes every connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writerThread.shutdown();
        readerThreads.shutdown();
        try {
            writerThread.awaitTermination(30, TimeUnit.SECONDS);
            readerThreads.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainWrites(); // anything that slipped in while shutting down
        Conn reader;
        while ((reader = idleReaders.poll()) != null) {
            reader.close();
        }
        try {
            writer.exec("PRAGMA optimize");
            writer.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + file + ": " + e.getMessage());
        }
        writer.close();
    }
}
