package com.litedesk.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long native calls cannot take every carrier of the virtual-thread scheduler: with more slow reads running at once
 * than there are carriers, another virtual thread still gets to run at once.
 */
class CarriersTest {

    @TempDir
    Path dir;

    @Test
    void slowReadsOnVirtualThreadsLeaveACarrierFree() throws Exception {
        try (SqliteFiles files = new SqliteFiles(SqliteSettings.defaults());
             var store = files.openInstance(dir.resolve("litedesk.db"))) {
            SqliteDatabase db = files.databaseOf(store);
            int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> slow = new ArrayList<>();
                for (int i = 0; i < carriers * 3; i++) {
                    slow.add(threads.submit(() -> db.read(conn -> {
                        // about a second of CPU inside SQLite, in one native call
                        try (ResultSet rs = conn.prepare("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 6000000)"
                                + " SELECT sum(x) FROM n").executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    })));
                }
                Thread.sleep(200); // the slow reads are under way
                long start = System.nanoTime();
                threads.submit(() -> "a virtual thread that only needs a carrier").get(2, TimeUnit.SECONDS);
                long waitedMillis = (System.nanoTime() - start) / 1_000_000;
                assertThat(waitedMillis).as("wait for a carrier while %d slow reads run", carriers * 3).isLessThan(250);
                for (Future<?> f : slow) {
                    f.get(60, TimeUnit.SECONDS);
                }
            }
        }
    }

}
