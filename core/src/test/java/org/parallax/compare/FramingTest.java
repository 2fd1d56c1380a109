package org.parallax.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.quotes.QuoteConfig;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.text.Annotated;

class FramingTest {
    private static FramingRow row(List<FramingRow> rows, String kind, String slot, String label) {
        return rows.stream().filter(r -> r.kind().equals(kind) && r.slot().equals(slot) && r.label().contains(label))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + slot + " row for " + label + ": "
                        + rows));
    }

    @Test
    void outletsNamingOneReferentDifferentlyAppearSideBySide() {
        Annotated a = TestDocs.annotated("a", "Outlet A", null,
                "The Ruritanian regime shelled the suburbs again on Monday.\n\n"
                        + "The fall of Zenda came after a month of fighting.");
        Annotated b = TestDocs.annotated("b", "Outlet B", null,
                "The Ruritanian government restored order in the suburbs on Monday.\n\n"
                        + "The liberation of Zenda came after a month of fighting.");
        QuoteResult q = QuoteStage.run(List.of(a, b), QuoteConfig.defaults());
        List<FramingRow> rows = Framing.rows(List.of(a, b), q, List.of());

        FramingRow names = row(rows, "entity", "name", "Ruritanian");
        assertThat(names.terms().get("a")).extracting(FramingRow.TermUse::term).containsExactly("regime");
        assertThat(names.terms().get("b")).extracting(FramingRow.TermUse::term).containsExactly("government");

        FramingRow event = row(rows, "entity", "of", "Zenda");
        assertThat(event.terms().get("a")).extracting(FramingRow.TermUse::term).containsExactly("fall");
        assertThat(event.terms().get("b")).extracting(FramingRow.TermUse::term).containsExactly("liberation");

        FramingRow family = row(rows, "family", "government", "government");
        assertThat(family.terms().keySet()).containsExactlyInAnyOrder("a", "b");
        // Evidence: every use points at its words.
        eachUse(rows, a, b, (body, u, span) ->
                assertThat(body.substring(span[0], span[1]).toLowerCase()).contains(u.term().split(" ")[0]));
    }

    /** What a check sees of one use: the article's body, the use, one of its spans. */
    private interface UseCheck {
        void check(String body, FramingRow.TermUse use, int[] span);
    }

    private static void eachUse(List<FramingRow> rows, Annotated a, Annotated b, UseCheck check) {
        for (FramingRow r : rows) {
            r.terms().forEach((article, uses) -> {
                String body = (article.equals("a") ? a : b).article().body();
                for (FramingRow.TermUse u : uses) {
                    for (int[] span : u.spans()) {
                        check.check(body, u, span);
                    }
                }
            });
        }
    }

    @Test
    void noTermIsTheTailOfACapitalisedWord() {
        Annotated a = TestDocs.annotated("a", "Outlet A", null,
                "Secretary of State Anna Lindqvist met the rebels in Zenda on Monday.\n\n"
                        + "The fall of Zenda came after a month of fighting.");
        Annotated b = TestDocs.annotated("b", "Outlet B", null,
                "The visit of Anna Lindqvist to the fighters in Zenda on Monday was short.\n\n"
                        + "The liberation of Zenda came after a month of fighting.");
        QuoteResult q = QuoteStage.run(List.of(a, b), QuoteConfig.defaults());
        List<FramingRow> rows = Framing.rows(List.of(a, b), q, List.of());
        assertThat(rows).isNotEmpty();
        eachUse(rows, a, b, (body, u, span) -> {
            // A term starts a word of the text: never "ecretary" out of "Secretary".
            int at = body.toLowerCase().indexOf(u.term().split(" ")[0], span[0]);
            assertThat(at == 0 || !Character.isLetter(body.charAt(at - 1)))
                    .as("%s in %s", u.term(), body.substring(span[0], span[1])).isTrue();
        });
    }

    @Test
    void outletsUsingTheSameWordsShowNoContrast() {
        Annotated a = TestDocs.annotated("a", "Outlet A", null, "The Ruritanian government met on Monday.");
        Annotated b = TestDocs.annotated("b", "Outlet B", null, "The Ruritanian government met again on Tuesday.");
        QuoteResult q = QuoteStage.run(List.of(a, b), QuoteConfig.defaults());
        assertThat(Framing.rows(List.of(a, b), q, List.of())).isEmpty();
    }

    @Test
    void wordsInsideAQuotationAreMarkedQuoted() {
        Annotated a = TestDocs.annotated("a", "Outlet A", null,
                "“The regime must go,” said Jan Novak, the opposition leader.");
        Annotated b = TestDocs.annotated("b", "Outlet B", null, "The government said it would stay.");
        QuoteResult q = QuoteStage.run(List.of(a, b), QuoteConfig.defaults());
        FramingRow family = row(Framing.rows(List.of(a, b), q, List.of()), "family", "government", "government");
        assertThat(family.terms().get("a").get(0).quoted()).isEqualTo(1);
        assertThat(family.terms().get("b").get(0).quoted()).isZero();
    }
}
