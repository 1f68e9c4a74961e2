package com.litedesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tenants on one box: the control plane from the packaged jar with in-process instances (the default single-box
 * mode), reached through its front door.
 *
 * <ol>
 *   <li>Marginal memory: resident memory after a full collection with two instances, then with {@code -Didle=10}
 *       more idle ones; the difference per instance.</li>
 *   <li>Noisy neighbour: tenant B (one client: get by id, first list page, prefix search in turn) alone, then while
 *       tenant A runs 8 clients of list pages and searches and one client importing CSV files, in the same run;
 *       B's p95 under load over B's p95 alone.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q package -DskipTests && ./mvnw -q -pl bench exec:java -Dbench=NeighbourBenchmark}
 * (sizes: {@code -Dcontacts=50000 -Dsamples=600 -Didle=10}).
 */
public final class NeighbourBenchmark {

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        int contacts = Integer.getInteger("contacts", 50_000);
        int samples = Integer.getInteger("samples", 600);
        int idle = Integer.getInteger("idle", 10);
        Path jar = Path.of(System.getProperty("jar", "app-helidon/target/litedesk.jar")).toAbsolutePath();
        Path data = Files.createTempDirectory("litedesk-neighbours");
        List<String> report = new ArrayList<>();
        report.add("# LiteDesk tenants on one box — " + Instant.now());
        report.add("");
        report.add(String.format("Control plane with in-process instances on the default embedded database, through the front door. "
                + "Machine: %d cores, Java %s.", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        report.add("");
        // every instance of the run comes through the demo form, from one address
        try (InstanceProcess platform = InstanceProcess.controlPlane(jar, data, Map.of("LITEDESK_RATE_LIMIT_PER_MINUTE", "0",
                "LITEDESK_DEMO_REQUESTS_PER_HOUR", "1000"))) {
            Platform operator = new Platform(platform.port);
            Bench a = operator.provision("tenant-a");
            Bench b = operator.provision("tenant-b");
            Thread.sleep(5000);
            platform.collectGarbage();
            double before = platform.rssMiB();
            double heapBefore = platform.heapUsedMiB();
            for (int i = 0; i < idle; i++) {
                operator.provision("idle-" + i);
            }
            Thread.sleep(10_000);
            platform.collectGarbage();
            double after = platform.rssMiB();
            double heapAfter = platform.heapUsedMiB();
            report.add(String.format("After a full collection, with 2 instances and then with %d more idle ones: resident memory %.0f → %.0f MiB, "
                    + "live heap %.1f → %.1f MiB: **%.1f MiB resident, %.1f MiB heap per additional idle instance**.", idle, before, after,
                    heapBefore, heapAfter, (after - before) / idle, (heapAfter - heapBefore) / idle));
            report.add("");

            // files of 10,000 rows (~0.7 MB): under the default JSON body limit, which builds before the front door
            // accepted import-sized bodies applied to in-process instances' imports too
            for (int offset = 0; offset < contacts; offset += 10_000) {
                a.postCsv("/api/contacts/import", InstanceBenchmark.contactsCsv(offset, Math.min(10_000, contacts - offset), 1));
            }
            for (int offset = 0; offset < contacts / 5; offset += 10_000) {
                b.postCsv("/api/contacts/import", InstanceBenchmark.contactsCsv(offset, Math.min(10_000, contacts / 5 - offset), 1));
            }
            List<String> ids = new ArrayList<>();
            b.get("/api/contacts?limit=200").get("items").forEach(c -> ids.add(c.get("id").asText()));

            measureB(b, ids, samples / 2); // warm-up
            List<Latencies.Result> alone = measureB(b, ids, samples);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger aRequests = new AtomicInteger();
            AtomicInteger imported = new AtomicInteger();
            List<Thread> load = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                load.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            if ((i + client) % 2 == 0) {
                                a.hit("GET", "/api/contacts?limit=50", null);
                            } else {
                                a.hit("GET", "/api/contacts?limit=50&q=" + Bench.q(InstanceBenchmark.LAST[
                                        ThreadLocalRandom.current().nextInt(InstanceBenchmark.LAST.length)].substring(0, 4)), null);
                            }
                            aRequests.incrementAndGet();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
            load.add(Thread.ofVirtual().start(() -> {
                for (int batch = 0; !stop.get(); batch++) {
                    try {
                        JsonNode result = a.postCsv("/api/contacts/import", InstanceBenchmark.contactsCsv(1_000_000 + batch * 5_000, 5_000, 1));
                        imported.addAndGet(result.path("created").asInt());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
            Thread.sleep(2000);
            long t = System.nanoTime();
            int startA = aRequests.get();
            int startImported = imported.get();
            List<Latencies.Result> loaded = measureB(b, ids, samples);
            double seconds = (System.nanoTime() - t) / 1e9;
            int aDone = aRequests.get() - startA;
            int importedDuring = imported.get() - startImported;
            stop.set(true);
            for (Thread thread : load) {
                thread.join();
            }
            report.add(String.format("Tenant A meanwhile: %,.0f list/search requests/s over 8 clients and %,.0f imported rows/s.",
                    aDone / seconds, importedDuring / seconds));
            report.add("");
            report.add("| tenant B, 1 client | p50 alone ms | p50 beside A ms | p95 alone ms | p95 beside A ms | p95 ratio |");
            report.add("|---|---|---|---|---|---|");
            for (int i = 0; i < alone.size(); i++) {
                report.add(String.format("| %s | %.1f | %.1f | %.1f | %.1f | **%.2f×** |", alone.get(i).name(), alone.get(i).p50(),
                        loaded.get(i).p50(), alone.get(i).p95(), loaded.get(i).p95(), loaded.get(i).p95() / alone.get(i).p95()));
            }
        }
        InstanceBenchmark.deleteTree(data);
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Path out = Path.of("bench", "results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("neighbours-" + Instant.now().toString().replace(':', '-') + ".md"), text);
    }

    private static List<Latencies.Result> measureB(Bench b, List<String> ids, int samples) throws Exception {
        return List.of(
                Latencies.measure("get contact by id", 1, samples, i -> b.hit("GET", "/api/contacts/" + ids.get(i % ids.size()), null)),
                Latencies.measure("first list page (50)", 1, samples, i -> b.hit("GET", "/api/contacts?limit=50", null)),
                Latencies.measure("name-prefix search", 1, samples, i -> b.hit("GET", "/api/contacts?limit=50&q="
                        + Bench.q(InstanceBenchmark.LAST[i % InstanceBenchmark.LAST.length].substring(0, 4)), null)));
    }

}
