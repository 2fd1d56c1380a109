package org.parallax.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.model.Span;
import org.parallax.reuse.Direction;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseLink;

class FigureGroupsTest {
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, String> sentences = new HashMap<>();

    private Figure add(String article, String sentence) {
        Figure f = FigureFinder.find(article, sentence, new Span(0, sentence.length())).get(0);
        Figure g = f.withId("f" + (figures.size() + 1));
        figures.add(g);
        sentences.put(g.id(), sentence);
        return g;
    }

    @Test
    void overlappingIntervalsAgreeAndAnUnrelatedCountStaysOut() {
        add("a", "The United Nations said more than 400 people have been killed in the bombing of the old city.");
        add("b", "Warplanes escalated the bombing of the old city, killing between 400 and 500 people.");
        add("c", "A traffic accident on the northern motorway killed 86 people on Friday.");
        List<FigureGroup> groups = FigureGroups.group("s", figures, sentences, List.of());
        assertThat(groups).hasSize(1);
        FigureGroup g = groups.get(0);
        assertThat(g.articles()).containsExactlyInAnyOrder("a", "b");
        // "more than 400" and "400 to 500" can both be true: agreement at different precision.
        assertThat(g.status()).isEqualTo("consistent");
        assertThat(g.compatible()).isTrue();
        assertThat(g.independent()).isEqualTo(2);
    }

    @Test
    void countsOfDifferentActsAreNotCompared() {
        // Same unit, same scale, shared words — but one counts the states that sued, the other
        // the states that legalised.
        add("a", "Two states filed a lawsuit against the marijuana law of their neighbour on Thursday.");
        add("b", "Four states have legalized recreational marijuana under a state law, the neighbour among them.");
        assertThat(FigureGroups.group("s", figures, sentences, List.of())).isEmpty();
        // The same act told with other words around it is still compared.
        add("c", "On Thursday five states filed a lawsuit against the neighbour's marijuana law.");
        FigureGroup g = FigureGroups.group("s", figures, sentences, List.of()).get(0);
        assertThat(g.articles()).containsExactlyInAnyOrder("a", "c");
        assertThat(g.status()).isEqualTo("conflict");
    }

    @Test
    void disjointValuesConflict() {
        add("a", "The United Nations said more than 400 people have been killed in the bombing of the old city.");
        add("b", "Warplanes escalated the bombing of the old city, killing about 120 people.");
        FigureGroup g = FigureGroups.group("s", figures, sentences, List.of()).get(0);
        assertThat(g.status()).isEqualTo("conflict");
        assertThat(g.compatible()).isFalse();
    }

    @Test
    void theSameComparisonTwiceIsOneRow() {
        add("a", "Russia hopes the siege of the old city will end in the next two or three days, the minister said.");
        add("b", "The minister said Russia hopes the siege of the old city will end in two or three days.");
        add("a", "He repeated that the siege of the old city would be over in two or three days.");
        add("b", "The siege of the old city, he repeated, would be over in two or three days.");
        assertThat(FigureGroups.group("s", figures, sentences, List.of())).hasSize(1);
    }

    @Test
    void valuesAnOrderOfMagnitudeApartAreDifferentQuantities() {
        add("a", "The plan would cost each household $1,179 a year under the new budget, the report said.");
        add("b", "The new budget plan would cost $6.5 trillion over a decade, the report said.");
        assertThat(FigureGroups.group("s", figures, sentences, List.of())).isEmpty();
    }

    @Test
    void figuresOfDifferentEventsAreNeverCompared() {
        add("a", "The United Nations said more than 400 people have been killed in the bombing of the old city.");
        add("b", "Warplanes escalated the bombing of the old city, killing about 120 people.");
        org.parallax.stories.EventIndex apart = org.parallax.stories.EventIndex.empty().add("ev1", "a", 0).add("ev2", "b", 0);
        assertThat(FigureGroups.group("s", figures, sentences, List.of(), apart, java.util.Set.of())).isEmpty();
        org.parallax.stories.EventIndex together = org.parallax.stories.EventIndex.empty().add("ev1", "a", 0).add("ev1", "b", 0);
        assertThat(FigureGroups.group("s", figures, sentences, List.of(), together, java.util.Set.of())).hasSize(1);
        // An undated article's event is a guess from its words: compared with any event of its story.
        assertThat(FigureGroups.group("s", figures, sentences, List.of(), apart, java.util.Set.of("b"))).hasSize(1);
    }

    @Test
    void theSameValueAgreesAndAReprintCountsOnce() {
        String s = "Officials said 1,200 homes were destroyed by the earthquake in the valley.";
        Figure a = add("a", s);
        Figure b = add("b", s);
        Figure c = add("c", "The earthquake in the valley destroyed 1,200 homes, rescuers said.");
        ReuseLink copy = new ReuseLink("a", "b", Direction.SOURCE_TO_TARGET, 0.9, "test", 12, 1.0, 1.0, true,
                List.of(new Passage(0, s.length(), 0, s.length(), 12, 12, 1.0, new Passage.Edits(12, 0, 0, 0))));
        List<FigureGroup> groups = FigureGroups.group("s", figures, sentences, List.of(copy));
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).status()).isEqualTo("agree");
        assertThat(groups.get(0).figures()).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(groups.get(0).independent()).isEqualTo(2);
    }

    @Test
    void aFigureChangedInACopiedPassageIsDrift() {
        String s1 = "Officials said 1,200 homes were destroyed by the earthquake in the valley.";
        String s2 = "Officials said 2,100 homes were destroyed by the earthquake in the valley.";
        Figure a = add("a", s1);
        Figure b = add("b", s2);
        ReuseLink copy = new ReuseLink("a", "b", Direction.SOURCE_TO_TARGET, 0.9, "test", 11, 0.9, 0.9, false,
                List.of(new Passage(0, s1.length(), 0, s2.length(), 12, 12, 0.9, new Passage.Edits(11, 1, 0, 0))));
        List<FigureGroup> groups = FigureGroups.group("s", figures, sentences, List.of(copy));
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).status()).isEqualTo("drift");
        assertThat(groups.get(0).drift()).containsExactly(List.of(a.id(), b.id()));
        assertThat(groups.get(0).compatible()).isFalse();
    }

    @Test
    void aGroupHoldsAtMostOneFigureOfEachArticle() {
        add("a", "The bombing of the old city killed 40 people, the ministry said.");
        add("a", "The bombing of the old city wounded 90 people, the ministry said.");
        add("b", "The ministry said the bombing of the old city killed 40 people.");
        for (FigureGroup g : FigureGroups.group("s", figures, sentences, List.of())) {
            assertThat(g.articles()).doesNotHaveDuplicates();
            assertThat(g.figures()).hasSameSizeAs(g.articles());
        }
    }
}
