package com.litedesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one operation many times at a given concurrency and reports p50/p95/max in milliseconds. */
final class Latencies {

    record Result(String name, int clients, int samples, double p50, double p95, double max, double throughput) {
        String row() {
            return String.format("| %-28s | %3d | %5d | %8.1f | %8.1f | %8.1f | %8.0f |", name, clients, samples, p50, p95, max, throughput);
        }
    }

    interface Op {
        void run(int i) throws Exception;
    }

    /**
     * Runs {@code op} {@code perClient} times on each of {@code clients} virtual threads, first once unmeasured (the
     * same requests at the same concurrency, so that the server's code for it is compiled and its pages cached, as in
     * a server that has been up for a while), then measured.
     */
    static Result measure(String name, int clients, int perClient, Op op) throws Exception {
        run(clients, perClient, clients * perClient, op, null); // indexes after the measured ones: a create makes other records
        return once(name, clients, perClient, op);
    }

    /** Measures the operations once, with no warm-up pass (seeding: the first run is what counts). */
    static Result once(String name, int clients, int perClient, Op op) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        run(clients, perClient, 0, op, nanos);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Result(name, clients, sorted.size(), pct(sorted, 50), pct(sorted, 95), sorted.getLast() / 1e6, sorted.size() / seconds);
    }

    private static void run(int clients, int perClient, int from, Op op, List<Long> nanos) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perClient; i++) {
                        long t = System.nanoTime();
                        op.run(from + client * perClient + i);
                        if (nanos != null) {
                            nanos.add(System.nanoTime() - t);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        }
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
