package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parallax.reuse.Direction;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseLink;

/** Floors for the reuse stage on the synthetic benchmark (issue targets), and the PAN scorer itself. */
class ReuseQualityGateTest {
    static final Path BENCH = Path.of(System.getProperty("parallax.shared", "../../shared")).resolve("bench");

    @Test
    void reuseOnTheSyntheticCorpusStaysAboveItsFloors() throws Exception {
        List<String> pool = ReuseCorpus.pool(BENCH);
        assertThat(pool).hasSizeGreaterThan(1000);
        ReuseCorpus.Corpus corpus = ReuseCorpus.generate(pool, 561, 7);
        ReuseBench.Scores s = ReuseBench.run(corpus, ReuseConfig.defaults());
        assertThat(s.plagdet()).as("plagdet").isGreaterThanOrEqualTo(0.97);
        assertThat(s.precision()).as("precision").isGreaterThanOrEqualTo(0.98);
        assertThat(ReuseBench.recallOf(s, "length short (<300 chars)")).as("recall, short").isGreaterThanOrEqualTo(0.90);
        assertThat(ReuseBench.recallOf(s, "edit heavy")).as("recall, heavy edits").isGreaterThanOrEqualTo(0.90);
        assertThat(s.falseOnClean()).as("detections on articles with no reuse").isZero();
        assertThat((double) s.directionCorrect() / s.directed()).as("direction right").isGreaterThanOrEqualTo(0.90);
        assertThat(s.directionWrong()).as("direction wrong").isLessThanOrEqualTo(2);
        assertThat(s.duplicatesRight()).as("whole reprints flagged").isGreaterThanOrEqualTo((int) (0.9 * s.duplicatesTrue()));
        assertThat(s.duplicatesFound() - s.duplicatesRight()).as("pairs wrongly flagged as duplicates").isLessThanOrEqualTo(2);
        assertThat(s.sharedGroupsExact()).as("passages in 3+ articles found as one cluster")
                .isGreaterThanOrEqualTo((int) (0.9 * s.sharedGroups()));
    }

    @Test
    void generatedCorpusIsDeterministicAndItsCasesPointAtTheCopiedText() throws Exception {
        List<String> pool = ReuseCorpus.pool(BENCH).subList(0, 300);
        ReuseCorpus.Corpus a = ReuseCorpus.generate(pool, 200, 3);
        ReuseCorpus.Corpus b = ReuseCorpus.generate(pool, 200, 3);
        assertThat(a).isEqualTo(b);
        for (ReuseCorpus.Case c : a.cases()) {
            if (c.edit() == ReuseCorpus.Edit.NONE && c.directed() && c.length() != ReuseCorpus.Length.WHOLE) {
                assertThat(a.docs().get(c.tgt()).body().substring(c.tgtStart(), c.tgtEnd()))
                        .isEqualTo(a.docs().get(c.src()).body().substring(c.srcStart(), c.srcEnd()));
            }
            assertThat(a.clean()).doesNotContain(c.src(), c.tgt());
        }
        // Larger than the pool: copies with their own words, same shape.
        ReuseCorpus.Corpus big = ReuseCorpus.generate(pool, 700, 3);
        assertThat(big.docs()).hasSize(700);
        assertThat(big.docs().get(0).body()).isNotEqualTo(big.docs().get(300).body());
    }

    @Test
    void panMeasuresOnKnownDetections() {
        String s = "x".repeat(200);
        List<ReuseCorpus.Doc> docs = List.of(
                new ReuseCorpus.Doc("d0", "A", "a.example", LocalDate.of(2024, 1, 1), s),
                new ReuseCorpus.Doc("d1", "B", "b.example", LocalDate.of(2024, 1, 2), s),
                new ReuseCorpus.Doc("d2", "C", "c.example", null, s));
        ReuseCorpus.Case c = new ReuseCorpus.Case(0, 0, 100, 1, 50, 150, ReuseCorpus.Edit.NONE, ReuseCorpus.Length.SHORT,
                true, ReuseCorpus.Evidence.DATE);
        ReuseCorpus.Corpus corpus = new ReuseCorpus.Corpus(docs, List.of(c), Set.of(2));
        Passage.Edits e = new Passage.Edits(10, 0, 0, 0);
        // Exact detection, right direction.
        ReuseBench.Scores exact = ReuseBench.score(corpus, List.of(link("d0", "d1", Direction.SOURCE_TO_TARGET,
                new Passage(0, 100, 50, 150, 10, 10, 1.0, e))), 0, 0, 0, 0);
        assertThat(exact.plagdet()).isEqualTo(1.0);
        assertThat(exact.directionCorrect()).isEqualTo(1);
        // Half of the case, found in two pieces, direction reversed.
        ReuseBench.Scores split = ReuseBench.score(corpus, List.of(link("d1", "d0", Direction.SOURCE_TO_TARGET,
                new Passage(50, 75, 0, 25, 5, 5, 1.0, e), new Passage(75, 100, 25, 50, 5, 5, 1.0, e))), 0, 0, 0, 0);
        assertThat(split.precision()).isEqualTo(1.0);
        assertThat(split.recall()).isEqualTo(0.5);
        assertThat(split.granularity()).isEqualTo(2.0);
        assertThat(split.directionWrong()).isEqualTo(1);
        // A detection touching the article with no reuse counts against precision.
        ReuseBench.Scores noise = ReuseBench.score(corpus, List.of(
                link("d0", "d1", Direction.UNKNOWN, new Passage(0, 100, 50, 150, 10, 10, 1.0, e)),
                link("d0", "d2", Direction.UNKNOWN, new Passage(0, 50, 0, 50, 5, 5, 1.0, e))), 0, 0, 0, 0);
        assertThat(noise.precision()).isEqualTo(0.5);
        assertThat(noise.falseOnClean()).isEqualTo(1);
        assertThat(noise.directionUnknown()).isEqualTo(1);
    }

    private static ReuseLink link(String s, String t, Direction d, Passage... ps) {
        return new ReuseLink(s, t, d, d == Direction.UNKNOWN ? 0 : 0.75, "test", 10, 0.5, 0.5, false, List.of(ps));
    }
}
