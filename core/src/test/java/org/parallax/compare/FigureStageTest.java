package org.parallax.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.quotes.Entity;
import org.parallax.quotes.QuoteConfig;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.text.Annotated;

class FigureStageTest {
    private static List<Figure> figures(String body) {
        Annotated d = TestDocs.annotated("a0", "Outlet", null, body);
        QuoteResult q = QuoteStage.run(List.of(d), QuoteConfig.defaults());
        return FigureStage.run(List.of(d), q);
    }

    private static Figure first(List<Figure> fs, String text) {
        return fs.stream().filter(f -> f.text().contains(text)).findFirst().orElseThrow();
    }

    @Test
    void aFigureInsideAQuotationIsTheSpeakers() {
        String body = "Foreign Minister Jan Novak spoke in Rome on Friday. “The group has some 1,500 fighters there,” "
                + "Novak said.";
        Annotated d = TestDocs.annotated("a0", "Outlet", null, body);
        QuoteResult q = QuoteStage.run(List.of(d), QuoteConfig.defaults());
        Figure f = first(FigureStage.run(List.of(d), q), "1,500");
        assertThat(f.sourceKind()).isEqualTo("quote");
        Entity novak = q.entities().stream().filter(e -> e.name().contains("Novak")).findFirst().orElseThrow();
        assertThat(f.source()).isEqualTo(novak.id());
    }

    @Test
    void cuesInTheSentenceNameTheSource() {
        List<Figure> fs = figures("According to the health ministry, 86 people died on Friday. "
                + "The river rose by 3 metres overnight. "
                + "More than 400 people have been killed, the United Nations said. "
                + "In the latest Gallup poll, 46 percent backed the plan.");
        Figure ministry = first(fs, "86");
        assertThat(ministry.sourceKind()).isNotEqualTo("outlet");
        assertThat(ministry.sourceText()).isEqualTo("the health ministry");
        assertThat(first(fs, "3 metres").sourceKind()).isEqualTo("outlet");
        Figure un = first(fs, "400");
        assertThat(un.sourceKind()).isNotEqualTo("outlet");
        assertThat(un.sourceText()).contains("United Nations");
        assertThat(first(fs, "46").sourceText()).isEqualTo("the latest Gallup poll");
    }

    @Test
    void aFigureCountingTheSpeakersIsTheOutletsOwn() {
        List<Figure> fs = figures("Asked about the plan, 73 percent said they would support it.");
        assertThat(first(fs, "73").sourceKind()).isEqualTo("outlet");
    }

    @Test
    void aFigureDescribingTheSourceIsNotAttributedToIt() {
        List<Figure> fs = figures("According to a 52-count complaint filed by regulators, the developers took the money.");
        assertThat(first(fs, "52").sourceKind()).isEqualTo("outlet");
    }
}
