package org.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class ArchiveAndJsonlTest {
    @TempDir
    Path dir;

    static final String PAGE = "<html><head><title>Flood in the lower town</title></head><body><article>"
            + "<h1>Flood in the lower town</h1><p>Heavy rain flooded the lower town on Tuesday night and forced the "
            + "evacuation of the riverside hospital, officials said.</p><p>Engineers closed the old stone bridge after "
            + "cracks appeared in two of its arches.</p></article></body></html>";

    private static WarcResponse response(String uri, int status, String type, String body) throws Exception {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(MediaType.parse(type), body.getBytes(StandardCharsets.UTF_8)).build();
        return new WarcResponse.Builder(uri).body(http).build();
    }

    private Path warc(String name, boolean truncate) throws Exception {
        Path file = dir.resolve(name);
        try (WarcWriter w = new WarcWriter(Files.newByteChannel(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            w.write(response("https://www.outlet.example/flood", 200, "text/html; charset=utf-8", PAGE));
            w.write(response("https://www.outlet.example/missing", 404, "text/html", "<html>gone</html>"));
            w.write(response("https://www.outlet.example/logo.png", 200, "image/png", "PNG"));
            w.write(response("https://www.outlet.example/bridge", 200, "text/html", PAGE.replace("Tuesday", "Wednesday")));
        }
        if (truncate) {
            byte[] all = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(all, all.length - 40));
        }
        return file;
    }

    @Test
    void htmlResponsesOfAWarcBecomeDocumentsWithTheirUrl() throws Exception {
        IngestResult r = Ingestor.ingest(List.of(warc("crawl.warc.gz", false)), Manifest.EMPTY, IngestConfig.defaults());
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).extracting(Document::source)
                .containsExactly("https://www.outlet.example/flood", "https://www.outlet.example/bridge");
        Document d = r.documents().get(0);
        assertThat(d.format()).isEqualTo(Format.HTML);
        assertThat(d.content()).contains("riverside hospital");
        assertThat(d.metadata().url()).isEqualTo("https://www.outlet.example/flood");
        assertThat(d.metadata().domain()).isEqualTo("outlet.example");
    }

    @Test
    void aTruncatedWarcKeepsWhatCameBeforeAndSaysWhereItBroke() throws Exception {
        IngestResult r = Ingestor.ingest(List.of(warc("cut.warc.gz", true)), Manifest.EMPTY, IngestConfig.defaults());
        assertThat(r.documents()).extracting(Document::source).contains("https://www.outlet.example/flood");
        assertThat(r.problems()).isNotEmpty();
        assertThat(r.problems().get(0).line()).contains("cut.warc.gz");
    }

    @Test
    void jsonLinesInOurFieldsAndNewsPleasesBecomeDocuments() throws Exception {
        Path file = dir.resolve("articles.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("{\"url\":\"https://a.example/1\",\"outlet\":\"A\",\"published\":\"2016-12-07\",\"title\":\"Flood\","
                    + "\"text\":\"Heavy rain flooded the lower town.\"}\n"
                    + "not json at all\n"
                    + "{\"url\":\"https://b.example/2\",\"source_domain\":\"b.example\",\"date_publish\":\"2016-12-08 10:00:00\","
                    + "\"title\":\"Bridge\",\"maintext\":\"Engineers closed the old bridge.\"}\n"
                    + "{\"url\":\"https://c.example/3\",\"html\":\"" + PAGE.replace("\"", "\\\"") + "\"}\n"
                    + "{\"url\":\"https://d.example/4\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        IngestResult r = Ingestor.ingest(List.of(file), Manifest.EMPTY, IngestConfig.defaults());
        assertThat(r.documents()).hasSize(3);
        Document a = r.documents().get(0);
        assertThat(a.content()).startsWith("Flood\n\nHeavy rain");
        assertThat(a.metadata().outlet()).isEqualTo("A");
        assertThat(a.metadata().published()).hasToString("2016-12-07");
        Document b = r.documents().get(1);
        assertThat(b.metadata().domain()).isEqualTo("b.example");
        assertThat(b.metadata().published()).hasToString("2016-12-08");
        assertThat(r.documents().get(2).format()).isEqualTo(Format.HTML);
        assertThat(r.problems()).extracting(p -> p.line()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("articles.jsonl:2").contains("invalid JSON"))
                .anySatisfy(l -> assertThat(l).contains("articles.jsonl:5").contains("no html or text"));
    }

    @Test
    void aHugeJsonLineIsNamedWithoutBeingHeldAndTheNextLinesAreRead() throws Exception {
        Path f = dir.resolve("bomb.jsonl.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("{\"text\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] filler = "a".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 64; i++) { // 4 MB on one line
                out.write(filler);
            }
            out.write("\"}\r\n\n".getBytes(StandardCharsets.UTF_8));
            out.write(("{\"url\": \"https://example.org/x\", \"text\": \"The council voted on Monday to close the "
                    + "bridge for repairs lasting six weeks, officials said.\"}\r\n").getBytes(StandardCharsets.UTF_8));
        }
        IngestConfig small = new IngestConfig(IngestConfig.defaults().extensions(), 1 << 20, 0.02);
        List<Document> docs = new java.util.ArrayList<>();
        List<org.parallax.model.Problem> problems = new java.util.ArrayList<>();
        JsonlArticles.read(f, small, new DocumentSink(docs::add), problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(f + ":1");
            assertThat(p.reason()).isEqualTo("line too long: over 1048576 characters (limit)");
        });
        assertThat(docs).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo("https://example.org/x"));
    }

    @Test
    void linesAreSplitAcrossChunksAndKeptOnlyUpToTheLimit() throws Exception {
        String text = "a".repeat(70_000) + "\r\n\nshort\n" + "b".repeat(100_000) + "\nlast";
        JsonlArticles.Lines lines = new JsonlArticles.Lines(new java.io.StringReader(text), 80_000);
        StringBuilder b = new StringBuilder();
        assertThat(lines.next(b)).isEqualTo(70_001);
        assertThat(b.toString()).isEqualTo("a".repeat(70_000));
        assertThat(lines.next(b)).isZero();
        assertThat(lines.next(b)).isEqualTo(5);
        assertThat(b.toString()).isEqualTo("short");
        assertThat(lines.next(b)).isEqualTo(100_000);
        assertThat(b.length()).isZero();
        assertThat(lines.next(b)).isEqualTo(4);
        assertThat(b.toString()).isEqualTo("last");
        assertThat(lines.next(b)).isEqualTo(-1);
    }
}
