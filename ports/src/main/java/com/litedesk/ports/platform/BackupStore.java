package com.litedesk.ports.platform;

import java.io.InputStream;
import java.util.List;

/**
 * Keeps backup files (a local directory, S3). Keys are paths like {@code <instanceId>/<time>.json.gz}. Writing
 * an existing key replaces it. NOT_FOUND when reading a missing key, UNAVAILABLE when the store cannot be
 * reached. Thread-safe.
 */
public interface BackupStore {

    /** Stores everything {@code data} yields under {@code key}; returns the stored size in bytes. */
    long put(String key, InputStream data);

    /** The content under {@code key}; the caller closes it. */
    InputStream open(String key);

    void delete(String key);

    /** Keys that start with {@code prefix}, in key order. */
    List<String> list(String prefix);
}
