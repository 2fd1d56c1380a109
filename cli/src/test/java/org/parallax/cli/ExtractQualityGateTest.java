package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extraction quality floors on the development sets in ../shared/bench (never copied into
 * the repository). A change that lowers a score below its floor fails the build; raise a
 * floor when the score rises. Figures measured when the floors were set are in the notes.
 */
class ExtractQualityGateTest {
    static final Path BENCH = Path.of(System.getProperty("parallax.shared", "../../shared")).resolve("bench");

    @Test
    void htmlExtractionOnWcxbDevStaysAboveItsFloors() throws Exception {
        assertThat(BENCH.resolve("wcxb-dev")).as("evaluation data beside the repository").isDirectory();
        ExtractBench.Result r = ExtractBench.wcxb(BENCH.resolve("wcxb-dev"), Integer.MAX_VALUE, false);
        assertThat(r.pages()).hasSizeGreaterThan(1400);
        assertThat(r.bow().f()).as("WCXB bag-of-words F1, all pages").isGreaterThanOrEqualTo(0.848);
        List<ExtractBench.Page> articles = r.byType().get("article");
        double articleF1 = ExtractBench.Prf.mean(articles.stream().map(ExtractBench.Page::bow).toList()).f();
        assertThat(articleF1).as("WCXB bag-of-words F1, articles").isGreaterThanOrEqualTo(0.945);
        assertThat(r.shingle().f()).as("WCXB 4-gram F1").isGreaterThanOrEqualTo(0.805);
        assertThat(r.titleAccuracy()).as("title").isGreaterThanOrEqualTo(0.755);
        assertThat(r.dateAccuracy()).as("date").isGreaterThanOrEqualTo(0.825);
    }

    @Test
    void plainTextCleanupStaysAboveItsFloor() throws Exception {
        assertThat(BENCH.resolve("text-cleanup-dev")).isDirectory();
        ExtractBench.Result r = ExtractBench.cleanup(BENCH.resolve("text-cleanup-dev"), Integer.MAX_VALUE, false);
        assertThat(r.pages()).hasSize(395);
        assertThat(r.shingle().f()).as("text cleanup 4-gram F1").isGreaterThanOrEqualTo(0.92);
        assertThat(r.bow().f()).as("text cleanup bag-of-words F1").isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void metricsBehaveOnKnownCases() {
        assertThat(ExtractBench.bagOfWords("a b c", "a b c").f()).isEqualTo(1.0);
        assertThat(ExtractBench.bagOfWords("", "a b").f()).isZero();
        ExtractBench.Prf half = ExtractBench.bagOfWords("a b x y", "a b");
        assertThat(half.p()).isEqualTo(0.5);
        assertThat(half.r()).isEqualTo(1.0);
        // Repeated words count as often as the gold has them.
        assertThat(ExtractBench.bagOfWords("a a a a", "a b").p()).isEqualTo(0.25);
        assertThat(ExtractBench.shingles("one two three four five", "one two three four").p()).isEqualTo(0.5);
        assertThat(ExtractBench.norm("Don’t Stop — Now")).isEqualTo(ExtractBench.norm("don't stop - now"));
        assertThat(Files.exists(Path.of("."))).isTrue();
        // Warm-up goes on while the last second's passes ran more than 3% faster than the second before.
        assertThat(ExtractBench.stillRising(List.of(400_000_000L, 300_000_000L, 200_000_000L, 150_000_000L))).isTrue();
        assertThat(ExtractBench.stillRising(List.of(200_000_000L, 200_000_000L, 201_000_000L, 199_000_000L,
                200_000_000L, 200_000_000L, 200_000_000L, 200_000_000L, 200_000_000L, 200_000_000L))).isFalse();
        assertThat(ExtractBench.stillRising(List.of(6_000_000_000L, 4_500_000_000L))).isTrue();
        assertThat(ExtractBench.stillRising(List.of(4_500_000_000L, 4_450_000_000L))).isFalse();
    }
}
