package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Floors for the compare stage, just under the measured figures: voice labels on PolNeAR dev,
 * figure extraction and attribution on the annotated sets of {@code bench/} (docs/figures.md).
 */
class CompareQualityGateTest {
    static final Path POLNEAR = Path.of(System.getProperty("parallax.shared", "../../shared")).resolve("bench")
            .resolve("polnear");
    static final Path BENCH = Path.of(System.getProperty("parallax.root", "..")).resolve("bench");

    @Test
    void voiceLabelsStayAboveTheirFloors() throws Exception {
        CompareBench.Voice v = CompareBench.voice(POLNEAR, "dev");
        assertThat(v.docs()).isEqualTo(84);
        assertThat(v.f()).as("attributed F1").isGreaterThanOrEqualTo(0.85);
        assertThat(v.p()).as("attributed precision").isGreaterThanOrEqualTo(0.93);
        assertThat(v.accuracy()).as("accuracy").isGreaterThanOrEqualTo(0.81);
    }

    private static FigureBench.Result figures(String file) throws Exception {
        List<FigureBench.Gold> gold = FigureBench.loadGold(BENCH.resolve(file));
        FigureBench.Texts texts = FigureBench.texts(POLNEAR.getParent(),
                gold.stream().map(FigureBench.Gold::doc).distinct().toList());
        return FigureBench.score(gold, texts, FigureBench.predict(texts), null);
    }

    @Test
    void figureExtractionAndAttributionStayAboveTheirFloors() throws Exception {
        FigureBench.Result dev = figures("figures.tsv");
        assertThat(dev.gold()).isGreaterThanOrEqualTo(300);
        assertThat(dev.f()).as("extraction F1, annotated set").isGreaterThanOrEqualTo(0.95);
        assertThat(dev.attributionAccuracy()).as("attribution, annotated set").isGreaterThanOrEqualTo(0.86);
        FigureBench.Result heldOut = figures("figures-heldout.tsv");
        assertThat(heldOut.f()).as("extraction F1, held-out set").isGreaterThanOrEqualTo(0.95);
        assertThat(heldOut.attributionAccuracy()).as("attribution, held-out set").isGreaterThanOrEqualTo(0.80);
        FigureBench.Hard hard = FigureBench.hard(BENCH.resolve("figures-hard.tsv"), null);
        assertThat(hard.f()).as("hand-made hard cases").isGreaterThanOrEqualTo(0.97);
    }
}
