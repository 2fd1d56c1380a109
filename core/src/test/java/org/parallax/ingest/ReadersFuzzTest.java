package org.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.parallax.model.Problem;

/**
 * Fuzz targets for every reader of raw input: whatever the bytes, a reader returns documents
 * and problems naming the file — it never throws, and a document is never empty. In a normal
 * build the saved inputs (in {@code src/test/resources/.../ReadersFuzzTestInputs/}) are replayed;
 * {@code JAZZER_FUZZ=1} fuzzes one target (see docs/robustness.md).
 */
class ReadersFuzzTest {
    private static final IngestConfig CONFIG = new IngestConfig(IngestConfig.defaults().extensions(), 1 << 20, 0.02);
    private static Path dir;

    @BeforeAll
    static void folder() throws IOException {
        dir = Files.createTempDirectory("parallax-fuzz");
    }

    @AfterAll
    static void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static Path file(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    /** Reads one file through the ingest entry point and checks what every reader promises. */
    private static List<Document> read(Path file) {
        List<Document> docs = new ArrayList<>();
        IngestResult r = Ingestor.stream(List.of(file), Manifest.EMPTY, CONFIG, f -> false, new DocumentSink(docs::add));
        for (Problem p : r.problems()) {
            assertThat(p.source()).as("a problem names its input").startsWith(file.toString());
            assertThat(p.reason()).isNotBlank().doesNotContain("\n");
        }
        for (Document d : docs) {
            assertThat(d.content()).isNotBlank();
            assertThat((long) d.content().length()).isLessThanOrEqualTo(2 * CONFIG.maxBytes() + 1);
        }
        return docs;
    }

    @FuzzTest
    void warc(byte[] data) throws IOException {
        read(file("fuzz.warc", data));
    }

    @FuzzTest
    void feed(byte[] data) throws IOException {
        read(file("fuzz.rss", data));
    }

    @FuzzTest
    void jsonl(byte[] data) throws IOException {
        read(file("fuzz.jsonl", data));
    }

    @FuzzTest
    void page(byte[] data) throws IOException {
        List<Document> docs = read(file("fuzz.html", data));
        assertThat(docs.size()).isLessThanOrEqualTo(1);
    }

    @FuzzTest
    void text(byte[] data) throws IOException {
        List<Document> docs = read(file("fuzz.txt", data));
        assertThat(docs.size()).isLessThanOrEqualTo(1);
    }

    /** A manifest either reads or fails with an {@link IOException} naming the line. */
    @FuzzTest
    void manifest(byte[] data) throws IOException {
        for (String name : List.of("manifest.jsonl", "manifest.csv")) {
            Path m = file(name, data);
            try {
                Manifest.read(m);
            } catch (IOException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }
}
