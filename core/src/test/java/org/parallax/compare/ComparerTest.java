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

class ComparerTest {
    @Test
    void sentencesAreAttributedOwnOrUnattributedClaims() {
        String body = "Interior Minister Jan Novak spoke on Friday. “The border is secure,” Novak said. "
                + "The brutal regime crackdown continued overnight. Roads reopened in the morning. "
                + "The group was described as a “terrorist” cell.";
        Annotated d = TestDocs.annotated("a0", "Outlet", null, body);
        QuoteResult q = QuoteStage.run(List.of(d), QuoteConfig.defaults());
        List<Comparison> cmp = Comparer.compare(List.of(new Story("s1", "t", null, null, List.of("a0"), List.of())), List.of(d), q,
                List.of(), CompareConfig.defaults()).comparisons();
        List<VoiceSpan> v = cmp.get(0).voice();
        assertThat(v).extracting(VoiceSpan::label).containsExactly(VoiceLabel.OWN, VoiceLabel.ATTRIBUTED,
                VoiceLabel.UNATTRIBUTED_CLAIM, VoiceLabel.OWN, VoiceLabel.OWN);
        assertThat(v.get(1).source()).isNotNull();
        assertThat(v.get(2).terms()).containsExactly("brutal", "regime");
        Coverage c = cmp.get(0).coverage().get(0);
        assertThat(c.sentences()).isEqualTo(5);
        assertThat(c.attributed()).isEqualTo(1);
        assertThat(c.unattributedClaims()).isEqualTo(1);
        assertThat(c.ownShare()).isEqualTo(0.8);
        for (VoiceSpan s : v) {
            assertThat(body.substring(s.start(), s.end())).isEqualTo(s.text());
        }
    }

    @Test
    void sourcesWithoutQuotationMakeASentenceAttributed() {
        String body = "Turnout fell in the capital. According to officials, turnout fell sharply.\n"
                + "A new survey shows most voters stayed home. The mayor is promising a recount.\n"
                + "SMITH: We will look at every ballot. The count resumes tomorrow.\n"
                + "The result was described as a surprise. The rain continued all day.";
        Annotated d = TestDocs.annotated("a0", "Outlet", null, body);
        QuoteResult q = QuoteStage.run(List.of(d), QuoteConfig.defaults());
        List<VoiceSpan> v = Comparer.compare(List.of(new Story("s1", "t", null, null, List.of("a0"), List.of())),
                List.of(d), q, List.of(), CompareConfig.defaults()).comparisons().get(0).voice();
        assertThat(v).extracting(x -> x.text().strip() + " " + x.label()).containsExactly(
                "Turnout fell in the capital. OWN",
                "According to officials, turnout fell sharply. ATTRIBUTED",
                "A new survey shows most voters stayed home. ATTRIBUTED",
                "The mayor is promising a recount. ATTRIBUTED",
                "SMITH: We will look at every ballot. ATTRIBUTED",
                "The count resumes tomorrow. ATTRIBUTED", // the speaker's turn goes on to the line's end
                "The result was described as a surprise. OWN",
                "The rain continued all day. OWN");
    }
}
