package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.store.CorpusStore;

/**
 * A bounded load run on loopback (the full one is {@code parallax bench serve}: 20,000 requests
 * from 50 clients): 50 concurrent clients over story pages, searches and the API of the example
 * store, every request answered 200. Latency is printed, not asserted (a shared machine's
 * timing is no test).
 */
class LoadTest {
    @TempDir
    Path dir;

    @Test
    void fiftyClientsGetNoErrors() throws Exception {
        Path db = WebAppBrowserTest.exampleStore(dir);
        WebApp app = new WebApp(db).start("127.0.0.1", 0);
        try {
            List<String> paths;
            try (CorpusStore store = CorpusStore.openReader(db)) {
                paths = ServeBench.mix(store);
            }
            assertThat(paths).anyMatch(p -> p.startsWith("/stories/")).anyMatch(p -> p.contains("q="))
                    .anyMatch(p -> p.startsWith("/api/"));
            ServeBench.Load l = ServeBench.load("http://127.0.0.1:" + app.port(), paths, 50, 3000);
            List<Long> all = l.all();
            System.out.printf(Locale.ROOT, "load: %d requests from 50 clients, %d errors, p50 %.1f ms, p99 %.1f ms%n",
                    all.size(), l.errors(), ServeBench.pct(all, 0.5), ServeBench.pct(all, 0.99));
            assertThat(l.errorSamples()).isEmpty();
            assertThat(l.errors()).isZero();
            assertThat(all).hasSize(3000);
        } finally {
            app.stop();
        }
    }
}
