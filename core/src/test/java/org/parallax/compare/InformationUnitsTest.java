package org.parallax.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.quotes.QuoteConfig;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;

class InformationUnitsTest {
    static final String AGENCY = "Heavy rain flooded the lower town of Brindlemoor on Tuesday night and forced the "
            + "evacuation of the riverside hospital.\n\nEngineers closed the old stone bridge over the Wend after cracks "
            + "appeared in two of its arches.\n\nThe regional council opened three schools as shelters for families "
            + "whose homes were flooded, and volunteers handed out blankets and hot meals through the night.";

    @Test
    void uniqueAndOmittedAreJudgedWithinTheEvent() {
        Annotated a = TestDocs.annotated("a", "Agency", null, AGENCY);
        Annotated b = TestDocs.annotated("b", "Daily", null,
                "Heavy rain flooded the lower town of Brindlemoor overnight on Tuesday, and the riverside hospital "
                        + "was evacuated.\n\nThe regional council opened three schools as shelters for families whose "
                        + "homes were flooded.");
        Annotated c = TestDocs.annotated("c", "Weekly", null,
                "A month later the rebuilt stone bridge over the Wend was opened again by the regional minister.");
        List<Annotated> docs = List.of(a, b, c);
        QuoteResult q = QuoteStage.run(docs, QuoteConfig.defaults());
        org.parallax.stories.EventIndex events = org.parallax.stories.EventIndex.empty()
                .add("flood", "a", 0).add("flood", "b", 0).add("reopening", "c", 0);
        InformationUnits.Result r = InformationUnits.build("s", docs, q, List.of(), List.of(), List.of(), List.of(),
                SentenceEncoder.NONE, events);
        // The reopening is the only report of its event: nothing to be unique against, nothing it omits.
        assertThat(r.unique().get("c")).isEmpty();
        assertThat(r.omitted().get("c")).isEmpty();
        // Within the flood, the agency alone tells of the bridge.
        Unit bridge = r.units().stream().filter(u -> u.text().contains("closed the old stone bridge")).findFirst()
                .orElseThrow();
        assertThat(r.unique().get("a")).contains(bridge.id());
        // As one event, the reopening would count as unique and as omitting the flood.
        InformationUnits.Result flat = InformationUnits.build("s", docs, q, List.of(), List.of(), List.of(), List.of(),
                SentenceEncoder.NONE);
        assertThat(flat.unique().get("c")).isNotEmpty();
        assertThat(flat.omitted().get("c")).isNotEmpty();
    }

    @Test
    void aReprintCountsOnceAndAParaphraseFromAnotherOutletCountsAgain() {
        Annotated agency = TestDocs.annotated("a", "Agency", null, AGENCY);
        Annotated reprint = TestDocs.annotated("b", "Reprinter", null, "From our partners.\n\n" + AGENCY);
        Annotated other = TestDocs.annotated("c", "Daily", null,
                "Heavy rain flooded the lower town of Brindlemoor overnight on Tuesday, and the riverside hospital "
                        + "was evacuated.\n\nThe mayor of a distant city opened a new library on Wednesday morning.");
        List<Annotated> docs = List.of(agency, reprint, other);
        List<ReuseLink> reuse = ReuseFinder.find(docs, ReuseConfig.defaults());
        assertThat(reuse).isNotEmpty();
        QuoteResult q = QuoteStage.run(docs, QuoteConfig.defaults());
        InformationUnits.Result r = InformationUnits.build("s", docs, q, List.of(), List.of(), reuse, List.of(),
                SentenceEncoder.NONE);

        Unit flood = r.units().stream().filter(u -> u.text().contains("flooded the lower town")).findFirst().orElseThrow();
        assertThat(flood.articles()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(flood.independent()).isEqualTo(2); // the reprint collapses into the agency
        assertThat(flood.sources()).containsExactlyInAnyOrder("Agency", "Daily");
        assertThat(flood.links()).contains("copy", "paraphrase");

        Unit library = r.units().stream().filter(u -> u.text().contains("library")).findFirst().orElseThrow();
        assertThat(library.articles()).containsExactly("c");
        assertThat(r.unique().get("c")).contains(library.id());
        // The summary starts with what most independent sources carry.
        assertThat(r.summary().get(0).unit()).isEqualTo(flood.id());
        assertThat(r.summary().get(0).independent()).isEqualTo(2);
        // Evidence: every sentence of every unit is where the unit says.
        for (Unit u : r.units()) {
            for (Unit.Sentence s : u.sentences()) {
                Annotated d = docs.stream().filter(x -> x.id().equals(s.article())).findFirst().orElseThrow();
                assertThat(d.text().sentenceAt(s.start())).isNotNegative();
            }
        }
    }

    @Test
    void anOutletLeavingOutWhatTheOthersCarryHasItOmitted() {
        Annotated a = TestDocs.annotated("a", "One", null, "Engineers closed the old stone bridge over the river Wend "
                + "after cracks appeared in its arches.\n\nThe festival went ahead in the square.");
        Annotated b = TestDocs.annotated("b", "Two", null, "After cracks appeared in its arches, engineers closed the old "
                + "stone bridge over the river Wend.\n\nShops stayed open late.");
        Annotated c = TestDocs.annotated("c", "Three", null, "Farmers counted their losses in the valley on Friday.");
        List<Annotated> docs = List.of(a, b, c);
        QuoteResult q = QuoteStage.run(docs, QuoteConfig.defaults());
        InformationUnits.Result r = InformationUnits.build("s", docs, q, List.of(), List.of(), List.of(), List.of(),
                SentenceEncoder.NONE);
        Unit bridge = r.units().stream().filter(u -> u.text().contains("bridge")).findFirst().orElseThrow();
        assertThat(bridge.independent()).isEqualTo(2);
        assertThat(r.omitted().get("c")).containsExactly(bridge.id());
        assertThat(r.omitted().get("a")).isEmpty();
    }

    @Test
    void theEncoderJoinsParaphrasesThatShareFewWordsAndOnlyThem() {
        Annotated a = TestDocs.annotated("a", "One", null,
                "A powerful storm battered the coastal town of Brindle on Tuesday evening and cut power lines.");
        Annotated b = TestDocs.annotated("b", "Two", null,
                "On Tuesday evening a violent storm struck Brindle, a coastal town, and damaged roofs.");
        List<Annotated> docs = List.of(a, b);
        QuoteResult q = QuoteStage.run(docs, QuoteConfig.defaults());
        // They share a third of their words: not enough alone. A stand-in encoder puts sentences
        // about storms in one direction, others in another.
        SentenceEncoder weather = texts -> texts.stream().map(t -> t.contains("storm")
                ? new float[] {1, 0} : new float[] {0, 1}).toArray(float[][]::new);
        InformationUnits.Result with = InformationUnits.build("s", docs, q, List.of(), List.of(), List.of(), List.of(),
                weather);
        InformationUnits.Result without = InformationUnits.build("s", docs, q, List.of(), List.of(), List.of(), List.of(),
                SentenceEncoder.NONE);
        assertThat(with.units()).hasSize(1);
        assertThat(with.units().get(0).links()).containsExactly("paraphrase");
        assertThat(without.units()).hasSize(2);
    }
}
