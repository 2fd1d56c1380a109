package org.parallax.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteKind;
import org.parallax.quotes.QuoteResult;
import org.parallax.text.Annotated;

class EventIndexTest {
    private static final String WORDS = "we will never accept a deal that leaves our farmers without protection";

    @Test
    void aPlaceBelongsToTheEventOfTheSegmentItStandsIn() {
        EventIndex x = EventIndex.empty().add("ev1", "blog", 0).add("ev2", "blog", 500).add("ev1", "a", 0);
        assertThat(x.at("blog", 10)).isEqualTo("ev1");
        assertThat(x.at("blog", 700)).isEqualTo("ev2");
        assertThat(x.at("a", 3)).isEqualTo("ev1");
        assertThat(x.at("nowhere", 3)).isNull();
    }

    @Test
    void theSameWordsAreOneStatementOnlyWithinOneEvent() {
        List<Annotated> docs = List.of(TestDocs.annotated("a", null, null, "\"" + WORDS + "\" he said."),
                TestDocs.annotated("b", null, null, "\"" + WORDS + "\" she said."));
        QuoteResult found = new QuoteResult(List.of(quote("q1", "a"), quote("q2", "b")), List.of(), List.of(), List.of());
        List<Story> together = List.of(story("s1", event("ev1", "a", "b")));
        assertThat(EventIndex.groupQuotes(found, together, docs).groups()).hasSize(1);
        List<Story> apart = List.of(story("s1", event("ev1", "a")), story("s2", event("ev2", "b")));
        assertThat(EventIndex.groupQuotes(found, apart, docs).groups()).isEmpty();
    }

    private static Quote quote(String id, String article) {
        return new Quote(id, article, 1, 1 + WORDS.length(), WORDS, QuoteKind.DIRECT, "e1", "he", -1, -1, "said");
    }

    private static Event event(String id, String... articles) {
        return new Event(id, "", null, null, List.of(articles),
                java.util.Arrays.stream(articles).map(a -> new Segment(a, a, 0, 0, 100, null, "article")).toList());
    }

    private static Story story(String id, Event e) {
        return new Story(id, "", null, null, e.articles(), List.of(e));
    }
}
