package com.litedesk.adapters.sqlite;

import java.util.Locale;
import java.util.Set;

/**
 * How LiteDesk opens its SQLite files.
 *
 * @param synchronous {@code FULL} (default): every commit is fsynced before it is acknowledged, so it survives a
 *                    power loss; {@code NORMAL}: the write-ahead log is fsynced at checkpoints only, so a commit
 *                    survives the process being killed but the last ones may be lost when the machine loses power
 * @param readers     reading connections per database (and the platform threads that may use them), at least 1
 * @param cacheKib    page cache per reading connection in KiB; the file is also memory-mapped, so this stays small
 * @param writerCacheKib page cache of the writing connection, which holds the index pages every write touches (it
 *                    grows only as far as the database needs)
 * @param mmapBytes   how much of the file is memory-mapped for reading (0: none)
 */
public record SqliteSettings(String synchronous, int readers, int cacheKib, int writerCacheKib, long mmapBytes) {

    private static final Set<String> SYNCHRONOUS = Set.of("FULL", "NORMAL", "EXTRA");

    public SqliteSettings {
        synchronous = synchronous == null ? "FULL" : synchronous.toUpperCase(Locale.ROOT);
        if (!SYNCHRONOUS.contains(synchronous)) {
            throw new IllegalArgumentException("synchronous must be FULL, NORMAL or EXTRA, got " + synchronous);
        }
        if (readers < 1 || cacheKib < 64 || writerCacheKib < 64 || mmapBytes < 0) {
            throw new IllegalArgumentException("readers ≥ 1, cacheKib ≥ 64, writerCacheKib ≥ 64, mmapBytes ≥ 0");
        }
    }

    /** FULL durability, 4 readers with 2 MiB of cache each, a writer with up to 64 MiB, 256 MiB mapped. */
    public static SqliteSettings defaults() {
        return new SqliteSettings("FULL", 4, 2048, 64 * 1024, 256L << 20);
    }

    public SqliteSettings withSynchronous(String mode) {
        return new SqliteSettings(mode, readers, cacheKib, writerCacheKib, mmapBytes);
    }
}
