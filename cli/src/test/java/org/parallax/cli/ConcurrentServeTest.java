package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.ingest.Manifest;

/**
 * {@code ingest} and {@code analyze} write the store while the web app serves it: every request
 * succeeds (no "database is locked"), and no response shows a half-written state — each ingest
 * commits ten articles at once, so the number of articles a request sees is always the
 * example's five plus a multiple of ten, and never goes down.
 */
class ConcurrentServeTest {
    @TempDir
    Path dir;

    private static Path batch(Path root, int round) throws Exception {
        Path in = Files.createDirectories(root.resolve("round" + round));
        for (int i = 0; i < 10; i++) {
            Files.writeString(in.resolve("n" + i + ".txt"), "Flood report " + round + "-" + i + "\n\n"
                    + "Heavy rain flooded district " + (round * 10 + i) + " of the lower town on Tuesday night, and "
                    + "engineers closed bridge number " + (round * 31 + i * 7) + " after cracks appeared in its arches.\n\n"
                    + "The council opened " + (i + 2) + " schools as shelters, officials said on Wednesday.");
        }
        return in;
    }

    @Test
    void readersSeeWholeBatchesAndNeverFailWhileIngestAndAnalyzeWrite() throws Exception {
        Path db = WebAppBrowserTest.exampleStore(dir);
        WebApp app = new WebApp(db).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Set<Long> totals = new ConcurrentSkipListSet<>();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            List<String> paths = List.of("/", "/stories/s1", "/api/v1/stories/s1", "/api/v1/search?q=bridge",
                    "/entities", "/api/v1/stories");
            List<Future<?>> readers = new java.util.ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int id = t;
                readers.add(pool.submit(() -> {
                    long last = 0;
                    int n = 0;
                    while (true) {
                        boolean writerDone = !writing.get(); // then this round's reads come after every commit
                        try {
                            HttpResponse<String> count = http.send(HttpRequest.newBuilder(URI.create(base
                                    + "/api/v1/articles?size=1")).build(), HttpResponse.BodyHandlers.ofString());
                            requests.incrementAndGet();
                            if (count.statusCode() != 200) {
                                failures.add("articles: " + count.statusCode() + " " + count.body());
                                if (writerDone) {
                                    break;
                                }
                                continue;
                            }
                            long total = json.readTree(count.body()).get("total").asLong();
                            totals.add(total);
                            if ((total - 5) % 10 != 0 || total < last) {
                                failures.add("saw " + total + " articles after " + last);
                            }
                            last = total;
                            String path = paths.get((id + n++) % paths.size());
                            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            requests.incrementAndGet();
                            if (page.statusCode() != 200 || page.body().contains("database is locked") || page.body().contains("SQLITE_BUSY")) {
                                failures.add(path + ": " + page.statusCode() + " " + page.body());
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                        if (writerDone && n >= 10) {
                            break;
                        }
                    }
                }));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int round = 0; round < 6; round++) {
                        IngestCommand.Counts c = IngestCommand.ingest(List.of(batch(dir, round)), Manifest.EMPTY, db, null,
                                false);
                        if (c.created() != 10) {
                            failures.add("round " + round + " stored " + c.created());
                        }
                        if (round == 2 && Main.execute("analyze", "--db", db.toString()) != 0) {
                            failures.add("analyze failed");
                        }
                    }
                } catch (Exception e) {
                    failures.add("writer: " + e);
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writer.get();
            for (Future<?> r : readers) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
            app.stop();
        }
        assertThat(failures).isEmpty();
        assertThat(totals).as("the readers saw the store grow while they read").hasSizeGreaterThan(2).contains(65L);
        assertThat(requests.get()).isGreaterThan(100);
    }
}
