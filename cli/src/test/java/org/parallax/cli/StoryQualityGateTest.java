package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Floors for story and event clustering on ECB+ dev and for segmentation on pages built from
 * WCXB dev articles: just under the measured figures (docs/stages.md), so a regression fails.
 */
class StoryQualityGateTest {
    static final Path ECB = Path.of(System.getProperty("parallax.shared", "../../shared")).resolve("bench")
            .resolve("ecbplus-dev");

    @Test
    void clusteringOnEcbPlusStaysAboveItsFloors() throws Exception {
        StoryBench.Result r = StoryBench.run(ECB, 2, 7);
        assertThat(r.articles()).isEqualTo(462);
        assertThat(r.batch().eventBcubed().f()).as("event BCubed F1, batch").isGreaterThanOrEqualTo(0.945);
        assertThat(r.batch().eventBcubed().p()).as("event BCubed precision, batch").isGreaterThanOrEqualTo(0.955);
        assertThat(r.batch().topicBcubed().f()).as("topic BCubed F1, batch").isGreaterThanOrEqualTo(0.85);
        for (StoryBench.Scores s : r.stream()) {
            assertThat(s.eventBcubed().f()).as("event BCubed F1, a stream order").isGreaterThanOrEqualTo(0.945);
            assertThat(s.topicBcubed().f()).as("topic BCubed F1, a stream order").isGreaterThanOrEqualTo(0.85);
        }
    }

    @Test
    void segmentationSplitsLiveBlogsAndLeavesArticlesWhole() throws Exception {
        SegmentBench.Result r = SegmentBench.run(ECB.resolveSibling("wcxb-dev"), 7);
        assertThat(r.singles()).isGreaterThan(700);
        assertThat((double) r.singlesSplit() / r.singles()).as("single articles split by the segmenter")
                .isLessThanOrEqualTo(0.03);
        assertThat((double) r.singlesSplitAfter() / r.singles()).as("single articles split after clustering")
                .isLessThanOrEqualTo(0.03);
        assertThat((double) r.live().right() / r.live().gold()).as("live-blog entry boundaries found")
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void bcubedAndPairwiseScoresFollowTheirDefinitions() {
        // gold: {a,b,c} and {d}; predicted: {a,b} and {c,d}
        Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "x", "d", "y");
        Map<String, String> pred = Map.of("a", "1", "b", "1", "c", "2", "d", "2");
        StoryBench.Prf b = StoryBench.bcubed(pred, gold);
        // precision: a 1, b 1, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1 -> 2/3
        assertThat(b.p()).isCloseTo(0.75, within(1e-9));
        assertThat(b.r()).isCloseTo(2.0 / 3, within(1e-9));
        StoryBench.Prf p = StoryBench.pairs(pred, gold);
        // predicted pairs ab, cd; right: ab; gold pairs ab, ac, bc
        assertThat(p.p()).isCloseTo(0.5, within(1e-9));
        assertThat(p.r()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(StoryBench.bcubed(gold, gold).f()).isCloseTo(1.0, within(1e-9));
    }
}
