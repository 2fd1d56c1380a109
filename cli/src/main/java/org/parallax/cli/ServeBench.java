package org.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.parallax.store.CorpusStore;

/**
 * Latency of the web app's story page under concurrent clients on loopback. The store holds
 * the articles of the largest ECB+ event, topped up with edited reprints to the requested
 * size, ingested and analysed as a user would; the largest story's page is requested by each
 * client in turn.
 */
final class ServeBench {
    private ServeBench() {
    }

    static void run(Path ecb, int size, int clients, int requests, PrintStream out) throws Exception {
        List<StoryBench.Gold> gold = StoryBench.load(ecb);
        Map<String, List<StoryBench.Gold>> byEvent = new java.util.TreeMap<>();
        gold.forEach(g -> byEvent.computeIfAbsent(g.event(), k -> new ArrayList<>()).add(g));
        // The largest event: its articles, then reprints of them, make one story of `size` articles.
        List<StoryBench.Gold> topic = byEvent.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
        Path dir = Files.createTempDirectory("parallax-serve");
        Path jsonl = dir.resolve("articles.jsonl");
        ObjectMapper json = new ObjectMapper();
        try (Writer w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
            for (int i = 0; i < size; i++) {
                StoryBench.Gold g = topic.get(i % topic.size());
                String text = i < topic.size() ? g.text() : "Reprinted from an agency, edition " + i + ".\n\n" + g.text();
                ObjectNode o = json.createObjectNode().put("url", "https://outlet" + (i % 17) + ".example/" + i)
                        .put("outlet", "Outlet " + (i % 17)).put("published", "2020-01-" + String.format("%02d", 1 + i % 9))
                        .put("text", text);
                w.write(o.toString());
                w.write('\n');
            }
        }
        Path db = dir.resolve("corpus.db");
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        IngestCommand.ingest(List.of(jsonl), org.parallax.ingest.Manifest.EMPTY, db, quiet, false);
        if (Main.execute("analyze", "--db", db.toString()) != 0) {
            throw new IllegalStateException("analyze failed");
        }
        String story;
        long members;
        try (CorpusStore store = CorpusStore.open(db)) {
            var rows = store.rows("SELECT id, json_array_length(articles) AS n FROM stories ORDER BY n DESC LIMIT 1");
            story = String.valueOf(rows.get(0).get("id"));
            members = ((Number) rows.get(0).get("n")).longValue();
        }
        WebApp app = new WebApp(db).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/stories/" + story);
            HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            for (int i = 0; i < 100; i++) { // warm-up
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            }
            List<Long> micros = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger left = new AtomicInteger(requests);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<?>> jobs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                jobs.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        long s = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200 || r.body().length != first.body().length) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        micros.add((System.nanoTime() - s) / 1000);
                    }
                    return null;
                }));
            }
            for (Future<?> j : jobs) {
                j.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            out.printf(Locale.ROOT, "serve: story %s of %d articles, page %,d bytes; %d requests from %d clients on loopback%n",
                    story, members, first.body().length, sorted.size(), clients);
            out.printf(Locale.ROOT, "  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f requests/s; %d errors%n",
                    pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0,
                    sorted.size() / seconds, errors.get());
        } finally {
            app.stop();
        }
    }

    private static double pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
