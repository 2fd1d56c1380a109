package org.parallax.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parallax.TestDocs;
import org.parallax.text.Annotated;

/**
 * Fuzz target for figure extraction: every figure lies inside its sentence, its text is the
 * body's words there, and its interval is ordered (low ≤ high where both are given).
 */
class FigureFuzzTest {
    @FuzzTest
    void figures(byte[] data) {
        String body = new String(data, StandardCharsets.UTF_8);
        Annotated d = TestDocs.annotated("a0", null, null, body);
        for (Figure f : FigureStage.article(d, List.of(), List.of(), List.of(), 0)) {
            assertThat(f.start()).isGreaterThanOrEqualTo(f.sentenceStart());
            assertThat(f.end()).isLessThanOrEqualTo(f.sentenceEnd()).isLessThanOrEqualTo(body.length());
            assertThat(f.text()).isEqualTo(body.substring(f.start(), f.end()));
            if (f.low() != null && f.high() != null) {
                assertThat(f.low()).isLessThanOrEqualTo(f.high());
            }
            assertThat(f.low() == null || Double.isFinite(f.low())).isTrue();
            assertThat(f.high() == null || Double.isFinite(f.high())).isTrue();
        }
    }
}
