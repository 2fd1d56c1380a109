package org.parallax.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.text.Annotated;

class SegmenterTest {
    private static final String FLOOD = "Rescue teams searched flooded villages along the river on Tuesday after two days "
            + "of heavy rain burst its banks, and the regional governor said hundreds of families had been moved to "
            + "schools and sports halls. Army trucks carried drinking water to the worst hit districts while engineers "
            + "checked the dam upstream for damage.";
    private static final String FLOOD_MORE = "Engineers said the dam upstream of the flooded villages held, although "
            + "the river kept rising through the night and rescue teams moved more families from the riverside "
            + "districts to schools. The governor asked for army trucks and drinking water for the districts cut off "
            + "by the flood.";
    private static final String STRIKE = "Teachers across the capital walked out over pay on Tuesday, closing most "
            + "secondary schools for the day, and their union said the strike would be repeated every week until the "
            + "education ministry reopened talks on salaries and class sizes that collapsed last month.";
    private static final String MARKET = "Shares in technology companies fell sharply in early trading as investors "
            + "weighed higher interest rates, with the main index losing more than two percent before recovering some "
            + "ground by the close, and analysts expected further swings in the coming weeks of earnings reports.";

    private static List<Segment> segments(String body) {
        Annotated d = TestDocs.annotated("p", null, null, body);
        return Segmenter.segments(d);
    }

    @Test
    void aNormalArticleStaysWhole() {
        List<Segment> s = segments(FLOOD + "\n\n" + FLOOD_MORE);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).whole()).isTrue();
        assertThat(s.get(0).id()).isEqualTo("p");
    }

    @Test
    void aSubHeadingOverTheSameStoryDoesNotSplitTheArticle() {
        assertThat(segments(FLOOD + "\n\nWhat Happens Next for the Flooded Villages\n\n" + FLOOD_MORE)).hasSize(1);
    }

    @Test
    void liveBlogEntriesAreSplitAtTheirMarkers() {
        String body = "UPDATE 1030 GMT: " + STRIKE + "\n\nORIGINAL ENTRY: " + FLOOD + "\n\n" + FLOOD_MORE;
        List<Segment> s = segments(body);
        assertThat(s).extracting(Segment::cue).containsExactly("update", "entry");
        assertThat(s).extracting(Segment::id).containsExactly("p#1", "p#2");
        assertThat(body.substring(s.get(0).start(), s.get(0).end())).startsWith("UPDATE").contains("Teachers")
                .doesNotContain("Rescue");
        assertThat(body.substring(s.get(1).start(), s.get(1).end())).startsWith("ORIGINAL ENTRY")
                .endsWith("cut off by the flood.");
    }

    @Test
    void timestampedEntriesAreMarkersToo() {
        List<Segment> s = segments(FLOOD + "\n\n14:05 GMT — " + STRIKE + "\n\n15.20 BST: " + MARKET);
        assertThat(s).extracting(Segment::cue).containsExactly("lead", "update", "update");
    }

    @Test
    void anUnrelatedHeadedSectionOfALiveBlogIsASegmentWithItsHeading() {
        String body = "UPDATE 0900 GMT: " + STRIKE + "\n\nORIGINAL ENTRY: " + FLOOD
                + "\n\nInvestors: Technology Shares Fall As Rates Rise\n\n" + MARKET;
        List<Segment> s = segments(body);
        assertThat(s).extracting(Segment::cue).containsExactly("update", "entry", "heading");
        assertThat(s.get(2).heading()).isEqualTo("Investors: Technology Shares Fall As Rates Rise");
    }

    @Test
    void aShortEntryJoinsTheOneBeforeIt() {
        List<Segment> s = segments("UPDATE 1100 GMT: " + STRIKE + "\n\nUPDATE 1000 GMT: More soon.\n\nORIGINAL ENTRY: "
                + FLOOD);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).end()).isGreaterThan(s.get(0).start() + STRIKE.length() + 20); // holds "More soon."
    }

    @Test
    void headlinesAreShortTitleCaseLinesWithoutClosingPunctuation() {
        assertThat(Segmenter.isHeadline("Officials: Rescuers Reach Flooded Villages Near the Dam")).isTrue();
        assertThat(Segmenter.isHeadline("The Day the River Rose")).isTrue();
        assertThat(Segmenter.isHeadline("Treatment of injured children in one of the remaining facilities:")).isFalse();
        assertThat(Segmenter.isHeadline("Rescue teams searched the villages.")).isFalse();
        assertThat(Segmenter.isHeadline("rescue teams searched flooded villages along the river")).isFalse();
    }
}
