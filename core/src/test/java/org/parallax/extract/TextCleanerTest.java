package org.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.ingest.Document;
import org.parallax.ingest.Format;
import org.parallax.ingest.Metadata;

class TextCleanerTest {
    private static Article clean(String text) {
        Extraction e = Extractor.extract(new Document("a0", "t.txt", "t.txt", Format.TEXT, text, Metadata.UNKNOWN),
                ExtractConfig.defaults());
        assertThat(e).isInstanceOf(Extraction.Ok.class);
        return ((Extraction.Ok) e).article();
    }

    private static final String PROSE = "The city council approved the new budget on Tuesday after a long debate, "
            + "with nine members in favour and four against the plan to raise local taxes.";

    @Test
    void removesShareCaptionCommentFormAndTrailingRelatedLinks() {
        String doc = "Council Approves Budget\n\n"
                + "Photo: The council chamber during the vote\n\n"
                + PROSE + "\n\n"
                + "Critics said the plan would hurt small businesses, and promised to fight it in court next year.\n\n"
                + PROSE + "\n\n"
                + "Share this article\n\n"
                + PROSE + "\n\n"
                + "Leave a Reply\n\n"
                + "Your email address will not be published. Required fields are marked *\n\n"
                + "Mayor opens new library\n\n"
                + "Storm closes schools\n";
        Article a = clean(doc);
        assertThat(a.title()).isEqualTo("Council Approves Budget");
        assertThat(a.body()).startsWith("The city council").contains("Critics said")
                .doesNotContain("Share this", "Leave a Reply", "email address", "Mayor opens", "Photo:");
        assertThat(a.removed()).extracting(Removed::kind)
                .contains(RemovedKind.CAPTION, RemovedKind.BOILERPLATE, RemovedKind.COMMENT);
        Removed tail = a.removed().get(a.removed().size() - 1);
        assertThat(tail.text()).contains("Storm closes schools");
        // Every removed region points at its own text in the document.
        for (Removed r : a.removed()) {
            assertThat(doc.substring(r.documentStart(), r.documentEnd())).isEqualTo(r.text());
        }
    }

    @Test
    void commentThreadAfterRelatedHeadingIsCommentsEvenWhenItDiscussesTheArticle() {
        StringBuilder doc = new StringBuilder("Budget Passes\n\n");
        for (int i = 0; i < 4; i++) {
            doc.append(PROSE).append("\n\n");
        }
        doc.append("Related Posts\n\n");
        for (int i = 0; i < 12; i++) {
            doc.append("    • The council approved the budget on Tuesday, and I think the tax rise is wrong, reader ")
                    .append(i).append(" wrote.\n\n");
            doc.append("      • Reply to reader ").append(i).append(": the budget debate was long and the vote was fair.\n\n");
        }
        Article a = clean(doc.toString());
        assertThat(a.body()).doesNotContain("reader");
        assertThat(a.removed()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(RemovedKind.COMMENT);
            assertThat(r.text()).contains("reader 11");
        });
    }

    @Test
    void foreignScriptInterfaceStringAndStrayFragmentsAreRemoved() {
        String doc = "in ,\n\nHeadline Of The Day\n\n" + PROSE + "\n\n\u0417\u0430\u0433\u043e\u043b\u043e\u0432\u043e\u043a \u043c\u0430\u0442\u0435\u0440\u0438\u0430\u043b\u0430\n";
        Article a = clean(doc);
        assertThat(a.title()).isEqualTo("Headline Of The Day");
        assertThat(a.body()).isEqualTo(PROSE);
        assertThat(a.removed()).extracting(Removed::kind).containsExactly(RemovedKind.OTHER, RemovedKind.BOILERPLATE);
    }

    @Test
    void bodyMapPointsEveryBodyCharacterAtTheSameCharacterInTheDocument() {
        String doc = "Title Line\n\n  " + PROSE + "  \r\n\r\nSecond paragraph here, with more words.\n";
        Article a = clean(doc);
        for (BodyRun r : a.bodyMap()) {
            assertThat(a.body().substring(r.bodyStart(), r.bodyStart() + r.length()))
                    .isEqualTo(doc.substring(r.documentStart(), r.documentStart() + r.length()));
        }
        assertThat(a.bodyMap()).hasSize(2);
        assertThat(a.documentOffset(0)).isEqualTo(doc.indexOf("The city"));
    }

    @Test
    void textWithNoArticleIsRejected() {
        Extraction e = Extractor.extract(new Document("a0", "x.txt", "x.txt", Format.TEXT, "Leave a Reply\n\nShare\n",
                Metadata.UNKNOWN), ExtractConfig.defaults());
        assertThat(e).isInstanceOf(Extraction.Rejected.class);
        assertThat(((Extraction.Rejected) e).reason()).contains("no article text");
        assertThat(List.of(e)).hasSize(1);
    }
}
