package com.litedesk.adapters.sqlite;

import java.nio.file.Path;

/**
 * The stores of one open SQLite file, held until closed. The file stays open while anyone holds it (a running
 * in-process instance and a backup of it share one database handle), and closes with the last holder.
 *
 * @param <R> {@code InstanceRepositories} or {@code PlatformRepositories}
 */
public final class SqliteStore<R> implements AutoCloseable {

    private final SqliteFiles files;
    private final Path file;
    private final R repositories;
    private boolean closed;

    SqliteStore(SqliteFiles files, Path file, R repositories) {
        this.files = files;
        this.file = file;
        this.repositories = repositories;
    }

    public R repositories() {
        return repositories;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            files.release(file);
        }
    }
}
