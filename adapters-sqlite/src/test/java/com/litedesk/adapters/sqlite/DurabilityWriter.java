package com.litedesk.adapters.sqlite;

import com.litedesk.ports.crm.Contact;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Child process of {@link HardKillDurabilityTest}: eight virtual threads insert contacts (indexed columns, a list
 * side table, the search index) and rename every other one, forever, printing each acknowledged write.
 */
public final class DurabilityWriter {

    private DurabilityWriter() {
    }

    public static void main(String[] args) throws Exception {
        SqliteFiles files = new SqliteFiles(SqliteSettings.defaults().withSynchronous(args[2]));
        var contacts = files.openInstance(Path.of(args[0])).repositories().contacts();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 8; w++) {
                String prefix = args[1] + "w" + w + "-";
                writers.submit(() -> {
                    for (long i = 0; ; i++) {
                        String id = prefix + i;
                        Contact c = new Contact(id, 1, "Writer", "Durable" + i, List.of(id + "@durable.example"), List.of(), null, null,
                                List.of("t" + (i % 3)), "owner", null, Map.of(), t0, "w", t0, "w");
                        contacts.insert(c);
                        if (i % 2 == 0) {
                            contacts.replace(new Contact(id, 2, "Renamed", c.lastName(), c.emails(), c.phones(), null, null, c.tags(),
                                    "owner", null, Map.of(), t0, "w", t0, "w"), 1);
                        }
                        synchronized (System.out) {
                            System.out.println("ACK " + id + " " + (i % 2 == 0 ? 2 : 1));
                            System.out.flush();
                        }
                    }
                });
            }
        }
    }
}
