package org.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {
    HttpServer server;
    String base;
    final List<Long> storyHits = new CopyOnWriteArrayList<>();
    final List<String> agents = new CopyOnWriteArrayList<>();

    static final String PAGE = "<html><head><title>Bridge closed</title></head><body><article><h1>Bridge closed</h1>"
            + "<p>Engineers closed the old stone bridge over the river after cracks appeared in two of its arches, "
            + "the council said on Wednesday.</p><p>Traffic was sent through the northern suburbs for the week.</p>"
            + "</article></body></html>";

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        reply("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        reply("/big", "text/html", "<html><body>" + "x".repeat(5000) + "</body></html>");
        server.createContext("/story", ex -> {
            storyHits.add(System.currentTimeMillis());
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            byte[] b = PAGE.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        reply("/private/secret", "text/html", PAGE);
        reply("/feed.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Harbour Post</title><link>%1$s/</link>
                <item><title>Bridge closed</title><link>%1$s/story</link><description>Engineers closed…</description></item>
                <item><title>Secret</title><link>%1$s/private/secret</link><description>Hidden…</description></item>
                </channel></rss>
                """.formatted(base));
        server.start();
    }

    private void reply(String path, String type, String body) {
        server.createContext(path, ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aFeedByAddressBringsTheLinkedPagesTheSiteAllows() {
        PoliteFetcher fetcher = new PoliteFetcher(Duration.ofMillis(50), Duration.ofSeconds(5), 1 << 20);
        IngestResult r = Ingestor.feeds(List.of(URI.create(base + "/feed.xml")), fetcher, IngestConfig.defaults());
        assertThat(r.documents()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo(base + "/story");
            assertThat(d.content()).contains("old stone bridge");
            assertThat(d.metadata().outlet()).isEqualTo("Harbour Post");
        });
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.line()).contains("/private/secret")
                .contains("robots.txt"));
        assertThat(agents).allSatisfy(a -> assertThat(a).startsWith("Parallax/"));
    }

    @Test
    void requestsToOneHostAreSpacedAndBodiesAreCapped() throws Exception {
        PoliteFetcher fetcher = new PoliteFetcher(Duration.ofMillis(300), Duration.ofSeconds(5), 1000);
        fetcher.fetch(URI.create(base + "/story"));
        fetcher.fetch(URI.create(base + "/story"));
        assertThat(storyHits).hasSize(2);
        assertThat(storyHits.get(1) - storyHits.get(0)).isGreaterThanOrEqualTo(290);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/big")))
                .isInstanceOf(PoliteFetcher.Refused.class).hasMessageContaining("larger than 1000 bytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fetcher.fetch(URI.create("file:///etc/passwd")))
                .isInstanceOf(PoliteFetcher.Refused.class).hasMessageContaining("http");
    }
}
