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

    /** Starts on an ephemeral loopback port with its data in {@code file} (created if absent). */
    public static EmbeddedMongoServer start(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).autoCommitDisabled().open();
        MongoServer server = new MongoServer(new DurableH2Backend(store));
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongoServer(server, server.getLocalAddress());
    }

    public String connectionString() {
        return connectionString;
    }

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
        private final Object commitLock = new Object();

        DurableH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public void commit() {
            synchronized (commitLock) {
                super.commit();
            }
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            try {
                return super.handleMessage(message);
            } finally {
                commit();
            }
        }
    }
}
