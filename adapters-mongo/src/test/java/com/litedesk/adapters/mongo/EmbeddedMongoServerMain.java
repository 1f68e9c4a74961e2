package com.litedesk.adapters.mongo;

import java.nio.file.Path;

/**
 * The embedded test server as a process of its own, for the test-only database image of the Docker tests (where no
 * MongoDB image can be pulled). Takes mongod's arguments: {@code --dbpath DIR} (its file is {@code DIR/mongo.mv});
 * listens on 0.0.0.0:27017.
 */
public final class EmbeddedMongoServerMain {

    private EmbeddedMongoServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of("/data");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--dbpath")) {
                dir = Path.of(args[i + 1]);
            }
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("mongo.mv"), 64, "0.0.0.0", 27017);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("test database listening on 0.0.0.0:27017");
        Thread.currentThread().join();
    }
}
