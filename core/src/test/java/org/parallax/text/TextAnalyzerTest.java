package org.parallax.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.model.Span;

class TextAnalyzerTest {
    @Test
    void sentencesAndTokensCarryOffsetsIntoTheBody() {
        String body = "Mr. Smith arrived at 9 a.m. on Monday. He said: “It’s over.”\n\nA new paragraph starts here";
        TextAnnotation t = TestDocs.annotated("a0", null, null, body).text();
        List<String> sentences = t.sentences().stream().map(s -> s.of(body)).toList();
        assertThat(sentences).containsExactly("Mr. Smith arrived at 9 a.m. on Monday.", "He said: “It’s over.”",
                "A new paragraph starts here");
        assertThat(t.paragraphs()).hasSize(2);
        for (Token tok : t.tokens()) {
            assertThat(TextAnalyzer.normalise(body.substring(tok.start(), tok.end()))).isEqualTo(tok.norm());
        }
        assertThat(t.tokens()).extracting(Token::norm).contains("smith", "it's", "9", "paragraph");
        assertThat(t.sentenceAt(body.indexOf("over"))).isEqualTo(1);
    }

    @Test
    void sentencesNeverCrossAParagraphBreak() {
        String body = "A headline without a full stop\n\nThe article starts here. It goes on.";
        TextAnnotation t = TestDocs.annotated("a0", null, null, body).text();
        assertThat(t.sentences()).extracting(s -> s.of(body))
                .containsExactly("A headline without a full stop", "The article starts here.", "It goes on.");
    }

    @Test
    void identifiesTheLanguageOfLongEnoughText() {
        assertThat(lang("The government announced on Tuesday that it would raise taxes on fuel and tobacco next year."))
                .isEqualTo("en");
        assertThat(lang("Die Regierung hat am Dienstag angekündigt, dass sie im nächsten Jahr die Steuern erhöhen wird."))
                .isEqualTo("de");
        assertThat(lang("Правительство во вторник объявило, что в следующем году повысит налоги на топливо."))
                .isEqualTo("ru");
        assertThat(lang("Too short.")).isEqualTo("und");
    }

    @Test
    void diacriticsAndApostrophesAreFoldedInNorms() {
        assertThat(TextAnalyzer.normalise("Café")).isEqualTo("cafe");
        assertThat(TextAnalyzer.normalise("Qa’eda")).isEqualTo("qa'eda");
    }

    @Test
    void emptyParagraphsAreSkipped() {
        assertThat(TextAnalyzer.paragraphs("\n\n  \n\nx\n\n")).containsExactly(new Span(6, 7));
    }

    private static String lang(String s) {
        return TestDocs.annotated("a0", null, null, s).text().language();
    }
}
