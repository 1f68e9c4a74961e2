package com.litedesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One instance on the embedded database, seeded with contacts, companies and deals over its own
 * API, then measured: p50/p95 of single-record operations, lists, search, the board and the dashboard with 1 and
 * with 32 concurrent clients; CSV import throughput; resident memory of the idle process.
 *
 * <p>Run: {@code ./mvnw -q package -DskipTests && ./mvnw -q -pl bench exec:java}
 * (sizes: {@code -Dcontacts=100000 -Dcompanies=10000 -Ddeals=20000}).
 */
public final class InstanceBenchmark {

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "Niklaus"};
    static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Wirth"};
    private static final String[] STAGES = {"lead", "qualified", "proposal", "negotiation", "won", "lost"};

    public static void main(String[] args) throws Exception {
        int contacts = Integer.getInteger("contacts", 100_000);
        int companies = Integer.getInteger("companies", 10_000);
        int deals = Integer.getInteger("deals", 20_000);
        int samples = Integer.getInteger("samples", 200);
        Path jar = Path.of(System.getProperty("jar", "app-helidon/target/litedesk.jar")).toAbsolutePath();
        Path data = Files.createTempDirectory("litedesk-bench");
        List<String> report = new ArrayList<>();
        report.add("# LiteDesk instance benchmark — " + Instant.now());
        report.add("");
        report.add(String.format("Data: %,d contacts, %,d companies, %,d deals on the default embedded database (SQLite). Machine: %d cores, Java %s.",
                contacts, companies, deals, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        report.add("");
        try (InstanceProcess instance = InstanceProcess.start(jar, data, Map.of("LITEDESK_RATE_LIMIT_PER_MINUTE", "0"))) {
            Thread.sleep(3000);
            double idleFresh = instance.rssMiB();
            Bench api = new Bench(instance.port);

            long t = System.nanoTime();
            api.postCsv("/api/companies/import", companiesCsv(companies));
            double companySeconds = (System.nanoTime() - t) / 1e9;
            double importRate = 0;
            for (int offset = 0; offset < contacts; offset += 50_000) {
                int rows = Math.min(50_000, contacts - offset);
                String csv = contactsCsv(offset, rows, companies);
                t = System.nanoTime();
                JsonNode result = api.postCsv("/api/contacts/import", csv);
                double seconds = (System.nanoTime() - t) / 1e9;
                if (offset == 0) {
                    importRate = rows / seconds;
                    report.add(String.format("CSV import of %,d contacts: %.1f s = **%,.0f rows/s** (created %s, failed %s).",
                            rows, seconds, importRate, result.path("created").asText(), result.path("failed").asText()));
                }
            }
            report.add(String.format("CSV import of %,d companies: %.1f s.", companies, companySeconds));
            t = System.nanoTime();
            Latencies.once("seed deals", 16, deals / 16, i -> api.post("/api/deals", Map.of(
                    "title", "Deal " + i, "value", 100 + (i % 5000), "currency", i % 3 == 0 ? "USD" : "EUR",
                    "stageId", STAGES[i % STAGES.length])));
            report.add(String.format("Seeding %,d deals through POST /api/deals with 16 clients: %.1f s.", deals, (System.nanoTime() - t) / 1e9));

            List<String> contactIds = new ArrayList<>();
            List<String> dealIds = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 10; page++) {
                JsonNode list = api.get("/api/contacts?limit=200" + (cursor == null ? "" : "&cursor=" + Bench.q(cursor)));
                list.get("items").forEach(c -> contactIds.add(c.get("id").asText()));
                cursor = list.get("nextCursor").asText();
            }
            JsonNode dealPage = api.get("/api/deals?limit=200");
            dealPage.get("items").forEach(d -> dealIds.add(d.get("id").asText()));
            t = System.nanoTime();
            String deep = null;
            int pages = (int) (contacts * 0.9 / 200);
            for (int page = 0; page < pages; page++) {
                JsonNode list = api.get("/api/contacts?limit=200" + (deep == null ? "" : "&cursor=" + Bench.q(deep)));
                deep = list.get("nextCursor").asText();
            }
            report.add(String.format("Walking %d pages of 200 to 90%% depth: %.1f s (%.0f ms a page).",
                    pages, (System.nanoTime() - t) / 1e9, (System.nanoTime() - t) / 1e6 / pages));
            String deepCursor = deep;
            for (String kind : List.of("contacts", "companies")) { // a whole-list read: every record's emails, phones and name
                t = System.nanoTime();
                int groups = api.get("/api/" + kind + "/duplicate-groups").get("items").size();
                report.add(String.format("Possible duplicates across every one of the %s: %d groups in %.2f s.", kind, groups,
                        (System.nanoTime() - t) / 1e9));
            }

            report.add("");
            report.add("| operation | clients | samples | p50 ms | p95 ms | max ms | req/s |");
            report.add("|---|---|---|---|---|---|---|");
            for (int clients : new int[] {1, 32}) {
                int per = clients == 1 ? samples : Math.max(2, samples / clients); // about as many requests in all as with one client
                List<Latencies.Result> results = List.of(
                        Latencies.measure("get contact by id", clients, per, i -> api.hit("GET", "/api/contacts/" + pick(contactIds), null)),
                        Latencies.measure("create contact", clients, per, i -> api.hit("POST", "/api/contacts", Map.of(
                                "firstName", "Bench", "lastName", "C" + clients + "-" + i, "emails", List.of("bench" + clients + "-" + i + "@new.example")))),
                        Latencies.measure("update contact", clients, per, i -> api.hit("PATCH", "/api/contacts/" + contactIds.get(i % contactIds.size()),
                                Map.of("title", "Title " + i))),
                        Latencies.measure("move deal", clients, per, i -> api.hit("POST", "/api/deals/" + dealIds.get(i % dealIds.size()) + "/move",
                                Map.of("stageId", STAGES[ThreadLocalRandom.current().nextInt(4)], "position", 0))),
                        Latencies.measure("first list page (50)", clients, per, i -> api.hit("GET", "/api/contacts?limit=50", null)),
                        Latencies.measure("deep cursor page (50)", clients, per, i -> api.hit("GET", "/api/contacts?limit=50&cursor=" + Bench.q(deepCursor), null)),
                        Latencies.measure("name-prefix search", clients, per, i -> api.hit("GET", "/api/contacts?limit=50&q="
                                + Bench.q(LAST[ThreadLocalRandom.current().nextInt(LAST.length)].substring(0, 4)), null)),
                        Latencies.measure("global search (5 a kind)", clients, per, i -> api.hit("GET", "/api/search?limit=5&q="
                                + Bench.q(LAST[ThreadLocalRandom.current().nextInt(LAST.length)].substring(0, 4)), null)),
                        Latencies.measure("deal board", clients, per, i -> api.hit("GET", "/api/deals/board?pipelineId=sales", null)),
                        // everyone's: the pipeline value from the board totals; mine: the Owner owns every seeded deal, so
                        // each series pages through all the deals it counts
                        Latencies.measure("dashboard, everyone (12 months)", clients, per, i -> api.hit("GET", "/api/dashboard?scope=all&months=12", null)),
                        Latencies.measure("dashboard, mine (12 months)", clients, per, i -> api.hit("GET", "/api/dashboard?scope=mine&months=12", null)));
                results.forEach(r -> report.add(r.row()));
            }
            System.gc();
            Thread.sleep(10_000);
            report.add("");
            report.add(String.format("Resident memory of the idle instance process: **%.0f MiB** fresh, **%.0f MiB** after seeding and the runs above.",
                    idleFresh, instance.rssMiB()));
        }
        deleteTree(data);
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Path out = Path.of("bench", "results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("instance-" + Instant.now().toString().replace(':', '-') + ".md"), text);
    }

    private static String pick(List<String> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    static String companiesCsv(int n) {
        StringBuilder csv = new StringBuilder("name,domain,industry,size\n");
        for (int i = 0; i < n; i++) {
            csv.append("Company ").append(i).append(",company").append(i).append(".example,Software,11-50\n");
        }
        return csv.toString();
    }

    static String contactsCsv(int offset, int n, int companies) {
        Random random = new Random(offset);
        StringBuilder csv = new StringBuilder("firstName,lastName,email,title,tags,companyDomain\n");
        for (int i = offset; i < offset + n; i++) {
            csv.append(FIRST[random.nextInt(FIRST.length)]).append(',')
                    .append(LAST[random.nextInt(LAST.length)]).append(i).append(',')
                    .append("person").append(i).append("@contacts.example,Engineer,")
                    .append(i % 10 == 0 ? "vip" : "").append(',')
                    .append(i % 4 == 0 ? "company" + (i % companies) + ".example" : "").append('\n');
        }
        return csv.toString();
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
