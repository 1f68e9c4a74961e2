package com.litedesk.adapters.mongo;

import com.litedesk.ports.instance.Secret;
import java.nio.file.Path;

/** Child process of {@link HardKillDurabilityTest}: writes forever, printing each acknowledged id. */
public final class DurabilityWriter {
    private DurabilityWriter() {
    }

    public static void main(String[] args) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]));
        MongoInstanceRepositories stores = MongoInstanceRepositories.connect(server.connectionString(), "durability");
        for (long i = 0; ; i++) {
            String id = args[1] + "-" + i;
            stores.repositories().secrets().insert(new Secret(id, 1, "value " + i));
            System.out.println("ACK " + id);
            System.out.flush();
        }
    }
}
