package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Floors for the quote stage on PolNeAR dev (the measured figures; issue 5 raises them). */
class QuoteQualityGateTest {
    static final Path POLNEAR = Path.of(System.getProperty("parallax.shared", "../../shared")).resolve("bench")
            .resolve("polnear");

    @Test
    void quotesOnPolnearDevStayAboveTheirFloors() throws Exception {
        QuoteBench.Result r = QuoteBench.run(POLNEAR, "dev", false);
        assertThat(r.docs()).isEqualTo(84);
        assertThat(r.direct().f()).as("direct-quote span F1").isGreaterThanOrEqualTo(0.93);
        assertThat(r.direct().p()).as("direct-quote span precision").isGreaterThanOrEqualTo(0.915);
        assertThat(r.directSpeaker().f()).as("direct quote + speaker F1").isGreaterThanOrEqualTo(0.855);
        assertThat(r.content().f()).as("content F1, all attributions").isGreaterThanOrEqualTo(0.495);
        assertThat(r.resolution()).as("pronoun/role resolution").isGreaterThanOrEqualTo(0.29);
    }

    @Test
    void goldIsReadAsBratStandoffWithDiscontinuousSpans() {
        String text = "“We won,” he said. “Now we rest.” Officials said the count was over.";
        List<String> ann = List.of(
                "T1\tContent 0 9;19 33\t“We won,” “Now we rest.”",
                "T2\tSource 10 12\the",
                "T3\tCue 13 17\tsaid",
                "T4\tAttribution 13 17\tsaid",
                "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
                "T5\tSource 34 43\tOfficials",
                "T6\tContent 49 67\tthe count was over",
                "E2\tAttribution:T4 Content:T6 Source:T5");
        List<QuoteBench.Gold> gold = QuoteBench.parse(ann, text);
        assertThat(gold).hasSize(2);
        assertThat(gold.get(0).content()).hasSize(2);
        assertThat(gold.get(0).sourceText()).isEqualTo("he");
        assertThat(QuoteBench.quoted(text, 0, 9)).isTrue();
        assertThat(QuoteBench.quoted(text, 49, 67)).isFalse();
        // Marks and trailing punctuation do not count in span comparison.
        assertThat(QuoteBench.key(text, 0, 9)).isEqualTo(QuoteBench.key(text, 1, 7));
        assertThat(QuoteBench.pronounOrRole("he")).isTrue();
        assertThat(QuoteBench.pronounOrRole("the official")).isTrue();
        assertThat(QuoteBench.pronounOrRole("the New York Post")).isFalse();
        assertThat(QuoteBench.pronounOrRole("Trump")).isFalse();
    }
}
