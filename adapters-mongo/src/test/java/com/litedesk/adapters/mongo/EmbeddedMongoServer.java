package com.litedesk.adapters.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The zero-configuration database: a MongoDB-wire-compatible server (mongo-java-server) on
 * loopback, keeping its data in one H2 MVStore file. Every command is committed to the file before
 * it is answered, so an acknowledged write survives a killed process.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Starts on an ephemeral loopback port with its data in {@code file} (created if absent) and a 64 MB page cache. */
    public static EmbeddedMongoServer start(Path file) {
        return start(file, 64);
    }

    /**
     * Starts with a page cache of {@code cacheMb}. The server answers most queries by scanning a collection;
     * pages not in the cache are read and deserialized again on every scan, so a cache that holds the data
     * makes lists an order of magnitude faster (first page of 100,000 contacts: ~70 ms with 256 MB, 1-2 s
     * with 16 MB).
     */
    public static EmbeddedMongoServer start(Path file, int cacheMb) {
        return start(file, cacheMb, "127.0.0.1", 0);
    }

    /** Starts listening on {@code host:port} (the {@code database} role of a container binds 0.0.0.0:27017). */
    public static EmbeddedMongoServer start(Path file, int cacheMb, String host, int port) {
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).autoCommitDisabled()
                .cacheSize(cacheMb).open();
        MongoServer server = new MongoServer(new DurableH2Backend(store));
        server.bind(host, port);
        return new EmbeddedMongoServer(server, server.getLocalAddress());
    }

    public String connectionString() {
        return connectionString;
    }

    /** Stops accepting commands, lets the one in progress commit, then closes the file cleanly. */
    @Override
    public void close() {
        server.shutdownNow();
    }

    /**
     * Commits after every command (the driver sends all of them as OP_MSG), one commit at a time,
     * instead of H2's background writer committing once a second: the background writer racing
     * explicit commits left stores that failed on their first write after a crash.
     */
    private static final class DurableH2Backend extends H2Backend {
        private final java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
        private final Object commitLock = new Object();
        private final MVStore store;
        private volatile boolean closed;

        DurableH2Backend(MVStore store) {
            super(store);
            this.store = store;
        }

        @Override
        public void commit() {
            synchronized (commitLock) {
                if (!closed) {
                    super.commit();
                }
            }
        }

        /**
         * One command at a time, each committed before the next, and closing waits for the command in progress:
         * the file always holds exactly the acknowledged commands.
         */
        @Override
        public Document handleMessage(MongoMessage message) {
            lock.writeLock().lock();
            try {
                if (closed) {
                    throw new de.bwaldvogel.mongo.exception.MongoServerException("the database is shutting down");
                }
                try {
                    return super.handleMessage(message);
                } finally {
                    commit();
                }
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Override
        public void close() {
            lock.writeLock().lock();
            try {
                synchronized (commitLock) {
                    if (!closed) {
                        super.commit();
                        closed = true;
                        // Every command is committed already. MVStore.close() would also compact the file, and
                        // compacting a store that had been recovered after a crash left files H2 could not open
                        // again ("Double mark"); closing without writing leaves exactly what was committed.
                        store.closeImmediately();
                    }
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
