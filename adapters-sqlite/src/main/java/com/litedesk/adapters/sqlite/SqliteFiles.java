package com.litedesk.adapters.sqlite;

import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.platform.PlatformRepositories;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * The SQLite files a process has open, one handle per file however many hold it, and what they share: the
 * settings and the permits for reads on virtual threads (one fewer than the scheduler's carriers, at least one).
 * One per process: the control plane's, shared by its database provisioner and its in-process instances; or a
 * standalone instance's. Thread-safe.
 */
public final class SqliteFiles implements AutoCloseable {

    private record Entry(SqliteDatabase db, Object repositories, int holders) {
    }

    private final SqliteSettings settings;
    private final Semaphore inline;
    private final Map<Path, Entry> open = new HashMap<>();

    public SqliteFiles(SqliteSettings settings) {
        this.settings = settings;
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
        this.inline = new Semaphore(Math.max(1, carriers - 1));
    }

    public SqliteSettings settings() {
        return settings;
    }

    /** The stores of the instance database at {@code file}, created with its tables if new. */
    public SqliteStore<InstanceRepositories> openInstance(Path file) {
        return acquire(file, false);
    }

    /** The stores of the control plane's database at {@code file}, created with its tables if new. */
    public SqliteStore<PlatformRepositories> openPlatform(Path file) {
        return acquire(file, true);
    }

    @SuppressWarnings("unchecked")
    private synchronized <R> SqliteStore<R> acquire(Path file, boolean platform) {
        Path key = file.toAbsolutePath().normalize();
        Entry entry = open.get(key);
        if (entry == null) {
            List<Table<?>> tables = platform ? Stream.concat(Tables.INSTANCE.stream(), Tables.PLATFORM.stream()).toList() : Tables.INSTANCE;
            SqliteDatabase db = new SqliteDatabase(key, settings, inline, Schema.of(tables));
            entry = new Entry(db, platform ? SqlitePlatformRepositories.on(db) : SqliteInstanceRepositories.on(db), 0);
        }
        Object repositories = entry.repositories();
        if (platform && !(repositories instanceof PlatformRepositories)) {
            throw new IllegalStateException(key + " is open as an instance database");
        }
        if (!platform && repositories instanceof PlatformRepositories p) {
            repositories = p.accounts();
        }
        open.put(key, new Entry(entry.db(), entry.repositories(), entry.holders() + 1));
        return new SqliteStore<>(this, key, (R) repositories);
    }

    synchronized void release(Path key) {
        Entry entry = open.get(key);
        if (entry == null) {
            return;
        }
        if (entry.holders() <= 1) {
            open.remove(key);
            entry.db().close();
        } else {
            open.put(key, new Entry(entry.db(), entry.repositories(), entry.holders() - 1));
        }
    }

    /** Runs {@code work} on the database of {@code file}, opening it for the duration if nobody holds it. */
    private <T> T with(Path file, java.util.function.Function<SqliteDatabase, T> work) {
        try (SqliteStore<InstanceRepositories> store = openInstance(file)) {
            return work.apply(databaseOf(store));
        }
    }

    /** The database a store holds open. */
    synchronized SqliteDatabase databaseOf(SqliteStore<?> store) {
        Entry entry = open.get(store.file());
        if (entry == null) {
            throw new IllegalStateException(store.file() + " is not open");
        }
        return entry.db();
    }

    /** Writes a backup of the instance database at {@code file} in the portable format; returns how many records. */
    public long dump(Path file, OutputStream out) {
        return with(file, db -> SqliteBackup.dump(db, out));
    }

    /** Replaces the records of the instance database at {@code file} with a backup's; returns how many. */
    public long restore(Path file, InputStream in) {
        return with(file, db -> SqliteBackup.restore(db, in));
    }

    /** Closes the file (whoever holds it) and deletes it with its write-ahead log and every file beside it in its directory. */
    public void deleteDirectoryOf(Path file) {
        Path key = file.toAbsolutePath().normalize();
        synchronized (this) {
            Entry entry = open.remove(key);
            if (entry != null) {
                entry.db().close();
            }
        }
        Path directory = key.getParent();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    /** Whether {@code file} is open in this process. */
    public synchronized boolean isOpen(Path file) {
        return open.containsKey(file.toAbsolutePath().normalize());
    }

    @Override
    public synchronized void close() {
        open.values().forEach(e -> e.db().close());
        open.clear();
    }
}
