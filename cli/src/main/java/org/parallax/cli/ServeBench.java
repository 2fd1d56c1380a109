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
 * A load test of the web app on loopback: a store holding the articles of the largest ECB+
 * event, topped up with edited reprints to the requested size, and the other events' articles
 * once each (many smaller stories), ingested and analysed as a user would; then concurrent clients request story pages, searches (page and API) and the JSON API
 * in a fixed mix until the request budget is spent. Reports errors (any status but 200, any
 * exception) and latency percentiles, in all and per kind of page.
 */
final class ServeBench {
    private ServeBench() {
    }

    /** What a load run measured. */
    record Load(int requests, int errors, double seconds, Map<String, List<Long>> microsByKind, List<String> errorSamples) {
        List<Long> all() {
            List<Long> a = new ArrayList<>();
            microsByKind.values().forEach(a::addAll);
            Collections.sort(a);
            return a;
        }
    }

    static void run(Path ecb, int size, int clients, int requests, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("parallax-serve");
        Path db = store(ecb, size, dir);
        WebApp app = new WebApp(db).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            List<String> paths;
            long stories;
            try (CorpusStore store = CorpusStore.openReader(db)) {
                paths = mix(store);
                stories = store.count("stories");
            }
            load(base, paths, clients, Math.min(requests, 500)); // warm-up
            Load l = load(base, paths, clients, requests);
            out.printf(Locale.ROOT, "serve: largest story %d articles, %d stories; %d requests from %d clients on loopback over %d URLs, "
                    + "%.1f s, %.0f requests/s; %d errors%n", size, stories, l.requests(), clients, paths.size(), l.seconds(),
                    l.requests() / l.seconds(), l.errors());
            out.printf(Locale.ROOT, "  %-12s %9s %9s %9s %9s %9s%n", "kind", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms");
            for (Map.Entry<String, List<Long>> e : l.microsByKind().entrySet()) {
                List<Long> sorted = new ArrayList<>(e.getValue());
                Collections.sort(sorted);
                line(out, e.getKey(), sorted);
            }
            line(out, "all", l.all());
            l.errorSamples().forEach(e -> out.println("  error: " + e));
        } finally {
            app.stop();
        }
    }

    private static void line(PrintStream out, String kind, List<Long> sorted) {
        out.printf(Locale.ROOT, "  %-12s %9d %9.1f %9.1f %9.1f %9.1f%n", kind, sorted.size(), pct(sorted, 0.50),
                pct(sorted, 0.95), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    /** The bench store: the largest ECB+ event and reprints of it, {@code size} articles, ingested and analysed. */
    static Path store(Path ecb, int size, Path dir) throws Exception {
        List<StoryBench.Gold> gold = StoryBench.load(ecb);
        Map<String, List<StoryBench.Gold>> byEvent = new java.util.TreeMap<>();
        gold.forEach(g -> byEvent.computeIfAbsent(g.event(), k -> new ArrayList<>()).add(g));
        List<StoryBench.Gold> topic = byEvent.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
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
            // The other events once each: many smaller stories beside the large one.
            int n = size;
            for (List<StoryBench.Gold> event : byEvent.values()) {
                if (event == topic) {
                    continue;
                }
                for (StoryBench.Gold g : event) {
                    ObjectNode o = json.createObjectNode().put("url", "https://outlet" + (n % 17) + ".example/" + n)
                            .put("outlet", "Outlet " + (n % 17)).put("published", "2020-02-" + String.format("%02d", 1 + n % 9))
                            .put("text", g.text());
                    w.write(o.toString());
                    w.write('\n');
                    n++;
                }
            }
        }
        Path db = dir.resolve("corpus.db");
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        IngestCommand.ingest(List.of(jsonl), org.parallax.ingest.Manifest.EMPTY, db, quiet, false);
        if (Main.execute("analyze", "--db", db.toString()) != 0) {
            throw new IllegalStateException("analyze failed");
        }
        return db;
    }

    /**
     * The URLs of the mix, by kind: every story page and its JSON, the home page, searches
     * (page and API) for words of the stories' titles, article pages and JSON, the lists.
     */
    static List<String> mix(CorpusStore store) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Map<String, Object> s : store.rows("SELECT id, title FROM stories ORDER BY id LIMIT 50")) {
            out.add("/stories/" + s.get("id"));
            out.add("/api/v1/stories/" + s.get("id"));
            for (String w : String.valueOf(s.get("title")).split("[^\\p{L}]+")) {
                if (w.length() > 4 && words.size() < 20) {
                    words.add(w);
                }
            }
        }
        for (String w : words) {
            out.add("/?q=" + java.net.URLEncoder.encode(w, StandardCharsets.UTF_8));
            out.add("/api/v1/search?q=" + java.net.URLEncoder.encode(w, StandardCharsets.UTF_8));
        }
        for (Map<String, Object> a : store.rows("SELECT id FROM articles ORDER BY id LIMIT 20")) {
            out.add("/articles/" + a.get("id"));
            out.add("/api/v1/articles/" + a.get("id"));
        }
        out.addAll(List.of("/", "/entities", "/api/v1/stories", "/api/v1/articles?page=2&size=20", "/api/v1/quotes",
                "/api/v1/entities", "/api/v1/reuse"));
        return out;
    }

    static String kind(String path) {
        if (path.startsWith("/stories/")) {
            return "story page";
        }
        if (path.contains("q=")) {
            return "search";
        }
        return path.startsWith("/api/") ? "api" : "other page";
    }

    /** {@code requests} requests over {@code paths} in turn from {@code clients} concurrent clients. */
    static Load load(String base, List<String> paths, int clients, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ExecutorService io = Executors.newFixedThreadPool(Math.min(clients, 16));
        HttpClient http = HttpClient.newBuilder().executor(io).build();
        Map<String, List<Long>> micros = new java.util.TreeMap<>();
        for (String p : paths) {
            micros.putIfAbsent(kind(p), Collections.synchronizedList(new ArrayList<>()));
        }
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            jobs.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    String path = paths.get(i % paths.size());
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200 || r.body().length == 0) {
                            errors.incrementAndGet();
                            if (samples.size() < 5) {
                                samples.add(path + ": HTTP " + r.statusCode());
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (samples.size() < 5) {
                            samples.add(path + ": " + e);
                        }
                    }
                    micros.get(kind(path)).add((System.nanoTime() - s) / 1000);
                }
                return null;
            }));
        }
        for (Future<?> j : jobs) {
            j.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        io.shutdown();
        return new Load(requests, errors.get(), seconds, micros, samples);
    }

    static double pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
