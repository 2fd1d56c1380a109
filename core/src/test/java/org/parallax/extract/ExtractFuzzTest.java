package org.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.parallax.ingest.Document;
import org.parallax.ingest.Format;

/**
 * Fuzz targets for extraction: HTML pages and scraped text. Whatever the input, extraction
 * keeps an article or rejects the document with a reason; an article's body map and removed
 * regions are offsets inside the body and the document, in order, and a run of text maps to
 * the same characters in both.
 */
class ExtractFuzzTest {
    private static void check(Document doc) {
        Extraction x = Extractor.extract(doc, ExtractConfig.defaults());
        if (x instanceof Extraction.Rejected r) {
            assertThat(r.reason()).isNotBlank();
            return;
        }
        Article a = ((Extraction.Ok) x).article();
        String body = a.body();
        String content = doc.content();
        int bodyEnd = 0;
        for (BodyRun run : a.bodyMap()) {
            assertThat(run.length()).isPositive();
            assertThat(run.bodyStart()).isGreaterThanOrEqualTo(bodyEnd);
            assertThat(run.bodyStart() + run.length()).isLessThanOrEqualTo(body.length());
            assertThat(run.documentStart()).isNotNegative();
            assertThat(run.documentStart() + run.length()).isLessThanOrEqualTo(content.length());
            if (doc.format() == Format.TEXT) {
                assertThat(body.substring(run.bodyStart(), run.bodyStart() + run.length()))
                        .isEqualTo(content.substring(run.documentStart(), run.documentStart() + run.length()));
            }
            bodyEnd = run.bodyStart() + run.length();
        }
        for (Removed r : a.removed()) {
            assertThat(r.documentStart()).isNotNegative();
            assertThat(r.documentEnd()).isBetween(r.documentStart(), content.length());
        }
    }

    @FuzzTest
    void html(byte[] data) {
        check(new Document("a0", "fuzz.html", "fuzz.html", Format.HTML, new String(data, StandardCharsets.UTF_8), null));
    }

    @FuzzTest
    void text(byte[] data) {
        check(new Document("a0", "fuzz.txt", "fuzz.txt", Format.TEXT, new String(data, StandardCharsets.UTF_8), null));
    }
}
