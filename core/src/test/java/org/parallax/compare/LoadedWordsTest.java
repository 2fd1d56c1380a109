package org.parallax.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.quotes.QuoteConfig;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.stories.Story;
import org.parallax.text.Annotated;

class LoadedWordsTest {
    private static final LoadedWords WORDS = LoadedWords.defaults();

    private static List<String> found(String sentence) {
        return WORDS.find(sentence, null).stream().map(h -> h.term() + "/" + h.kind()).toList();
    }

    @Test
    void judgingReportingVerbsAreFoundOnlyAsVerbs() {
        assertThat(found("The senator complained about the schedule and lashed out at his rivals."))
                .containsExactly("complained/reporting verb", "lashed out/reporting verb");
        // "blast" as a noun is an explosion, "rail" a track: no verb, no judgement.
        assertThat(found("A blast damaged the rail depot near the harbour.")).isEmpty();
        assertThat(found("Critics blasted the plan.")).containsExactly("blasted/reporting verb");
    }

    @Test
    void namesAndSetPhrasesAreNeverLoadedWords() {
        // Surnames that are also words of the list.
        assertThat(found("Senator Slaughter and Mayor Shields met on Friday.")).isEmpty();
        assertThat(found("Slaughter said the vote would come on Friday.")).isEmpty();
        // A kind of attack, not a label on anyone.
        assertThat(found("The memorial honours the victims of the terrorist attacks in the capital.")).isEmpty();
        assertThat(found("The terrorist group claimed the bombing.")).containsExactly("terrorist/label");
        // "Claimed" judges a statement only before what was stated.
        assertThat(found("The group claimed that the bombing was revenge.")).containsExactly("claimed/reporting verb");
        assertThat(found("The storm claimed three lives and the champion claimed victory.")).isEmpty();
    }

    @Test
    void reportedCharactersAreSkipped() {
        String s = "She insisted the plan was a bogus scheme.";
        boolean[] reported = new boolean[s.length()];
        java.util.Arrays.fill(reported, s.indexOf("the plan"), s.length(), true);
        assertThat(WORDS.find(s, reported)).extracting(LoadedWords.Hit::term).containsExactly("insisted");
        assertThat(WORDS.find(s, null)).extracting(LoadedWords.Hit::term).containsExactly("insisted", "bogus", "scheme");
    }

    @Test
    void regularVerbFormsAreMade() {
        assertThat(LoadedWords.forms("complain")).containsExactly("complain", "complains", "complained", "complaining");
        assertThat(LoadedWords.forms("excoriate")).containsExactly("excoriate", "excoriates", "excoriated", "excoriating");
        assertThat(LoadedWords.forms("bash")).containsExactly("bash", "bashes", "bashed", "bashing");
        assertThat(LoadedWords.forms("decry")).containsExactly("decry", "decries", "decried", "decrying");
    }

    private static List<VoiceSpan> voice(List<Annotated> docs, List<String> articles) {
        QuoteResult q = QuoteStage.run(docs, QuoteConfig.defaults());
        return Comparer.compare(List.of(new Story("s1", "t", null, null, articles, List.of())), docs, q, List.of(),
                CompareConfig.defaults()).comparisons().get(0).voice();
    }

    @Test
    void theReportersWordsAroundAQuotationAreTheOutletsOwn() {
        String body = "Mayor Anna Berg complained bitterly on Monday that the budget was “a disgraceful sham”. "
                + "The council meets again in May.";
        Annotated d = TestDocs.annotated("a0", "Outlet A", null, body);
        List<VoiceSpan> v = voice(List.of(d), List.of("a0"));
        VoiceSpan first = v.get(0);
        assertThat(first.label()).isEqualTo(VoiceLabel.ATTRIBUTED);
        // "complained" and "bitterly" are the outlet's; "disgraceful sham" is the mayor's.
        assertThat(first.terms()).containsExactly("complained", "bitterly");
        for (LoadedWords.Hit h : first.loaded()) {
            assertThat(body.substring(h.start(), h.end())).isEqualTo(h.term());
        }
        assertThat(v.get(1).loaded()).isEmpty();
    }

    @Test
    void aWordAnotherOutletOfTheEventAlsoUsesIsNotAChoice() {
        Annotated a = TestDocs.annotated("a0", "Outlet A", null,
                "The embattled minister faced an uproar in parliament on Tuesday over the port contract.");
        Annotated b = TestDocs.annotated("b0", "Outlet B", null,
                "The minister faced questions in parliament on Tuesday over the port contract amid an uproar.");
        List<VoiceSpan> v = voice(List.of(a, b), List.of("a0", "b0"));
        // Both say "uproar": the event's word. Only A calls the minister embattled.
        assertThat(v.stream().filter(x -> x.article().equals("a0")).flatMap(x -> x.terms().stream()))
                .containsExactly("embattled");
        assertThat(v.stream().filter(x -> x.article().equals("b0")).flatMap(x -> x.terms().stream())).isEmpty();
        assertThat(v.stream().filter(x -> x.article().equals("b0")).map(VoiceSpan::label))
                .doesNotContain(VoiceLabel.UNATTRIBUTED_CLAIM);
    }
}
