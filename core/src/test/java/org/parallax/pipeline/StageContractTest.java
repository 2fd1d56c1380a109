package org.parallax.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.parallax.extract.Article;
import org.parallax.extract.BodyRun;
import org.parallax.extract.Removed;
import org.parallax.ingest.Document;
import org.parallax.ingest.Format;
import org.parallax.ingest.Metadata;
import org.parallax.model.Span;
import org.parallax.quotes.Quote;
import org.parallax.report.Analysis;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;
import org.parallax.text.Token;

/**
 * One contract for every stage, fed seeded random documents built from news-like pieces,
 * quote marks, markup, odd white space and other scripts: nothing throws, every span lies
 * inside its text and in order, and the same input gives the same output.
 */
class StageContractTest {
    private static final String[] PIECES = {
        "The minister said", "“We will not stop,”", "he added.", "\"Quoted", "text\"", "'single'", "’", "‘",
        "Leave a Reply", "Share this", "• comment", "    • nested reply", "Related Posts", "©", "PHOTO:",
        "Mr.", "Sergey Ivanov", "Ivanov", "according to officials,", "More than 400 people", "…", "—", "\n", "\n\n",
        "\r\n", "\t", "  ", "<p>", "</p>", "<div class=\"comments\">", "</div>", "<a href=\"x\">", "</a>", "&amp;",
        "&nbsp;", "<script>x()</script>", "<!--", "-->", "Заголовок", "مرحبا", "中文", "😀", "\u00a0", ",", ".", ":",
        "?", "!", "(", ")", "[", "]", "the", "of", "and", "a very long sentence of ordinary words that goes on",
    };

    static String randomText(Random rnd, boolean html) {
        StringBuilder b = new StringBuilder(html ? "<html><body>" : "");
        int n = 5 + rnd.nextInt(300);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[rnd.nextInt(PIECES.length)]);
            if (rnd.nextInt(3) > 0) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    @RepeatedTest(40)
    void randomDocumentsKeepEveryStageContract(RepetitionInfo info) {
        Random rnd = new Random(1000L + info.getCurrentRepetition());
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean html = rnd.nextBoolean();
            docs.add(new Document("a" + i, "r" + i, "r" + i, html ? Format.HTML : Format.TEXT, randomText(rnd, html),
                    Metadata.UNKNOWN));
        }
        // Two copies share text, so reuse has something to find.
        docs.add(new Document("a4", "r4", "r4", Format.TEXT, docs.get(0).content() + "\n\nextra words here",
                Metadata.UNKNOWN));
        Analysis first = Pipeline.analyse(docs, List.of(), PipelineConfig.defaults());
        Analysis again = Pipeline.analyse(docs, List.of(), PipelineConfig.defaults());
        assertThat(again.articles()).isEqualTo(first.articles());
        assertThat(again.reuse()).isEqualTo(first.reuse());
        assertThat(again.quotes()).isEqualTo(first.quotes());
        assertThat(again.stories()).isEqualTo(first.stories());
        assertThat(first.articles().size() + first.problems().size()).isEqualTo(docs.size());

        for (Annotated a : first.articles()) {
            Article ar = a.article();
            String doc = docs.stream().filter(d -> d.id().equals(ar.id())).findFirst().orElseThrow().content();
            int body = ar.body().length();
            for (BodyRun r : ar.bodyMap()) {
                assertThat(r.bodyStart() + r.length()).isLessThanOrEqualTo(body);
                assertThat(r.documentStart() + r.length()).isLessThanOrEqualTo(doc.length());
            }
            for (Removed r : ar.removed()) {
                assertThat(r.documentEnd()).isLessThanOrEqualTo(doc.length());
            }
            assertInOrderWithin(a.text().paragraphs(), body);
            assertInOrderWithin(a.text().sentences(), body);
            int last = -1;
            for (Token t : a.text().tokens()) {
                assertThat(t.start()).isGreaterThanOrEqualTo(last);
                assertThat(t.end()).isLessThanOrEqualTo(body);
                last = t.end();
            }
        }
        for (Quote q : first.quotes().quotes()) {
            Article ar = article(first, q.articleId());
            assertThat(q.end()).isLessThanOrEqualTo(ar.body().length());
            assertThat(ar.body().substring(q.start(), q.end())).isEqualTo(q.text());
            if (q.speakerStart() >= 0) {
                assertThat(ar.body().substring(q.speakerStart(), q.speakerEnd())).isEqualTo(q.speakerText());
            }
        }
        for (ReuseLink l : first.reuse()) {
            Article s = article(first, l.source());
            Article t = article(first, l.target());
            for (Passage p : l.passages()) {
                assertThat(p.sourceEnd()).isLessThanOrEqualTo(s.body().length());
                assertThat(p.targetEnd()).isLessThanOrEqualTo(t.body().length());
                assertThat(p.similarity()).isBetween(0.0, 1.0);
            }
        }
    }

    private static Article article(Analysis a, String id) {
        return a.articles().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().article();
    }

    private static void assertInOrderWithin(List<Span> spans, int length) {
        int last = 0;
        for (Span s : spans) {
            assertThat(s.start()).isGreaterThanOrEqualTo(last);
            assertThat(s.end()).isLessThanOrEqualTo(length);
            last = s.end();
        }
    }
}
