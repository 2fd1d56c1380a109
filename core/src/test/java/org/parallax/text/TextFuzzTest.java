package org.parallax.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parallax.extract.Article;
import org.parallax.extract.BodyRun;
import org.parallax.model.Span;

/**
 * Fuzz target for the text layer (language, paragraphs, sentences, tokens): every span lies in
 * the body, in order, without overlap; every token lies inside a sentence.
 */
class TextFuzzTest {
    @FuzzTest
    void sentences(byte[] data) {
        String body = new String(data, StandardCharsets.UTF_8);
        Article a = new Article("a0", "fuzz.txt", null, null, null, "", null, null, body,
                List.of(new BodyRun(0, 0, body.length())), List.of());
        TextAnnotation t = TextAnalyzer.analyze(a, TextConfig.defaults());
        assertThat(t.language()).isNotBlank();
        ordered(t.paragraphs(), body.length());
        ordered(t.sentences(), body.length());
        int last = 0;
        for (Token k : t.tokens()) {
            assertThat(k.start()).isGreaterThanOrEqualTo(last);
            assertThat(k.end()).isGreaterThan(k.start()).isLessThanOrEqualTo(body.length());
            assertThat(t.sentenceAt(k.start())).as("token %s in a sentence", k).isNotNegative();
            last = k.end();
        }
    }

    private static void ordered(List<Span> spans, int length) {
        int last = 0;
        for (Span s : spans) {
            assertThat(s.start()).isGreaterThanOrEqualTo(last);
            assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(length);
            last = s.end();
        }
    }
}
