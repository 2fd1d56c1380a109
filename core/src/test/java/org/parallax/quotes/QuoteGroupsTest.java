package org.parallax.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteGroupsTest {
    /** Article bodies by id; quotes are placed at their first occurrence in the body. */
    private final Map<String, String> bodies = new HashMap<>();
    private final List<Quote> quotes = new ArrayList<>();

    private Quote quote(String article, String text, String speaker) {
        String body = bodies.get(article);
        int at = body.indexOf(text);
        assertThat(at).as("quote in body").isGreaterThanOrEqualTo(0);
        Quote q = new Quote("q" + (quotes.size() + 1), article, at, at + text.length(), text, QuoteKind.DIRECT,
                speaker, null, -1, -1, "said");
        quotes.add(q);
        return q;
    }

    private List<QuoteGroup> group(Map<String, LocalDate> published) {
        Map<String, Integer> order = new HashMap<>();
        bodies.keySet().stream().sorted().forEach(id -> order.put(id, order.size()));
        return QuoteGroups.of(quotes, order, published);
    }

    @Test
    void theSameStatementInTwoArticlesIsOneGroupWithTheEarliestFirst() {
        bodies.put("a", "He said: \"We will not accept any deal that leaves the city under siege.\" Then he left.");
        bodies.put("b", "Earlier, the minister said \"we will not accept any deal that leaves the city under siege\".");
        bodies.put("c", "In other news, \"the weather will be fine all week long\", forecasters said.");
        Quote qa = quote("a", "We will not accept any deal that leaves the city under siege.", "e1");
        Quote qb = quote("b", "we will not accept any deal that leaves the city under siege", "e1");
        quote("c", "the weather will be fine all week long", null);
        List<QuoteGroup> groups = group(Map.of("a", LocalDate.of(2020, 5, 2), "b", LocalDate.of(2020, 5, 1)));
        assertThat(groups).hasSize(1);
        QuoteGroup g = groups.get(0);
        assertThat(g.first()).isEqualTo(qb.id());
        assertThat(g.quotes()).containsExactly(qb.id(), qa.id());
        assertThat(g.speakers()).containsExactly("e1");
        QuoteGroup.Variant v = g.variants().get(0);
        assertThat(v.quote()).isEqualTo(qa.id());
        assertThat(v.verbatim()).as("case and punctuation aside").isTrue();
        assertThat(v.changes()).isEmpty();
        assertThat(v.similarity()).isEqualTo(1.0);
    }

    @Test
    void wordChangesCarryTheirTextAndOffsetsOnBothSides() {
        bodies.put("a", "\"Our forces have destroyed 40 tanks and many trucks near the river today,\" he said.");
        bodies.put("b", "\"Our brave forces have destroyed 14 tanks near the river today,\" he said.");
        Quote qa = quote("a", "Our forces have destroyed 40 tanks and many trucks near the river today,", null);
        Quote qb = quote("b", "Our brave forces have destroyed 14 tanks near the river today,", null);
        QuoteGroup g = group(Map.of()).get(0);
        assertThat(g.first()).isEqualTo(qa.id());
        QuoteGroup.Variant v = g.variants().get(0);
        assertThat(v.verbatim()).isFalse();
        assertThat(v.cut()).isNull();
        assertThat(v.changes()).extracting(c -> c.type() + ":" + c.text() + "/" + c.baseText())
                .containsExactly("ADDED:brave/", "SUBSTITUTED:14/40", "DROPPED:/and many trucks");
        for (QuoteGroup.Change c : v.changes()) {
            assertThat(bodies.get("b").substring(c.start(), c.end())).isEqualTo(c.text());
            assertThat(bodies.get("a").substring(c.baseStart(), c.baseEnd())).isEqualTo(c.baseText());
        }
        QuoteGroup.Change dropped = v.changes().get(2);
        assertThat(dropped.start()).as("dropped words sit before 'near'").isEqualTo(bodies.get("b").indexOf("near"));
        assertThat(qb.text()).contains("brave");
    }

    @Test
    void anExcerptIsNeutralAndOnlyAFragmentPrintedAsTheWholeStatementIsACut() {
        String whole = "There will be no ceasefire until every militant has left the eastern districts of the city,";
        bodies.put("a", "\"" + whole + "\" he said.");
        bodies.put("b", "He said \"there will be no ceasefire until every militant has left\" and went on.");
        quote("a", whole, "e1");
        quote("b", "there will be no ceasefire until every militant has left", "e1");
        QuoteGroup.Variant v = group(Map.of()).get(0).variants().get(0);
        // Words of the statement, word for word: an excerpt, not an alteration.
        assertThat(v.excerpt()).isTrue();
        assertThat(v.cut()).isNull();
        assertThat(v.altered()).isFalse();
        assertThat(v.changes()).extracting(QuoteGroup.Change::baseText).containsExactly("the eastern districts of the city");

        // The same words closed with a full stop where the statement goes on: printed as if whole.
        bodies.clear();
        quotes.clear();
        bodies.put("a", "\"" + whole + "\" he said.");
        bodies.put("c", "\"There will be no ceasefire until every militant has left.\" That was all, he said.");
        quote("a", whole, "e1");
        quote("c", "There will be no ceasefire until every militant has left.", "e1");
        QuoteGroup.Variant cut = group(Map.of()).get(0).variants().get(0);
        assertThat(cut.excerpt()).isTrue();
        assertThat(cut.cut()).isEqualTo("end");
        assertThat(cut.altered()).isTrue();
    }

    @Test
    void aWordChangedInsideTheQuotationIsAnAlteration() {
        bodies.put("a", "\"We will rebuild every school that was destroyed in the fighting,\" she said.");
        bodies.put("b", "\"We will rebuild every hospital that was destroyed in the fighting,\" she said.");
        quote("a", "We will rebuild every school that was destroyed in the fighting,", "e1");
        quote("b", "We will rebuild every hospital that was destroyed in the fighting,", "e1");
        QuoteGroup.Variant v = group(Map.of()).get(0).variants().get(0);
        assertThat(v.excerpt()).isFalse();
        assertThat(v.altered()).isTrue();
        assertThat(v.changes()).extracting(QuoteGroup.Change::text).containsExactly("hospital");
    }

    @Test
    void twoQuotesJoinedIntoOneAreASplice() {
        bodies.put("a", "\"The talks have failed completely this week,\" he said. Later he added: "
                + "\"We will continue the operation until the end of the month.\"");
        bodies.put("b", "He said: \"The talks have failed completely this week. We will continue the operation until the end of the month.\"");
        Quote p1 = quote("a", "The talks have failed completely this week,", "e1");
        Quote p2 = quote("a", "We will continue the operation until the end of the month.", "e1");
        Quote spliced = quote("b", "The talks have failed completely this week. We will continue the operation until the end of the month.", "e1");
        List<QuoteGroup> groups = group(Map.of());
        assertThat(groups).hasSize(1);
        QuoteGroup.Variant v = groups.get(0).variants().stream().filter(x -> x.quote().equals(spliced.id()))
                .findFirst().orElseThrow();
        assertThat(v.splicedFrom()).containsExactlyInAnyOrder(p1.id(), p2.id());
    }

    @Test
    void aDifferentSpeakerIsShown() {
        bodies.put("a", "\"The border will stay closed for another month,\" the minister said.");
        bodies.put("b", "\"The border will stay closed for another month,\" the mayor said.");
        quote("a", "The border will stay closed for another month,", "e1");
        quote("b", "The border will stay closed for another month,", "e2");
        QuoteGroup g = group(Map.of()).get(0);
        assertThat(g.speakers()).containsExactly("e1", "e2");
        assertThat(g.variants().get(0).speakerFrom()).isEqualTo("e1");
        assertThat(g.variants().get(0).speakerTo()).isEqualTo("e2");
    }

    @Test
    void aShortPhraseInsideTwoDifferentStatementsDoesNotJoinThem() {
        bodies.put("a", "He called it a \"regime of silence\" and said \"a regime of silence only helps the militants rearm\".");
        bodies.put("b", "\"Nobody demands a regime of silence in other wars, only here,\" he said. "
                + "Critics spoke of a \"regime of silence\".");
        quote("a", "regime of silence", "e1");
        quote("a", "a regime of silence only helps the militants rearm", "e1");
        quote("b", "Nobody demands a regime of silence in other wars, only here,", "e1");
        quote("b", "regime of silence", null);
        List<QuoteGroup> groups = group(Map.of());
        for (QuoteGroup g : groups) {
            assertThat(g.quotes().containsAll(List.of("q2", "q3"))).as("the two long statements stay apart").isFalse();
        }
        assertThat(groups).anySatisfy(g -> assertThat(g.quotes()).contains("q1", "q4"));
    }

    @Test
    void quotesOfOneArticleAloneAreNoGroup() {
        bodies.put("a", "\"We will rebuild the bridge by spring,\" he said, and repeated: \"we will rebuild the bridge by spring.\"");
        quote("a", "We will rebuild the bridge by spring,", "e1");
        quote("a", "we will rebuild the bridge by spring.", "e1");
        assertThat(group(Map.of())).isEmpty();
    }
}
