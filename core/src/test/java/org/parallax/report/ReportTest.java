package org.parallax.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.ingest.Document;
import org.parallax.ingest.Format;
import org.parallax.ingest.Metadata;
import org.parallax.pipeline.Pipeline;
import org.parallax.pipeline.PipelineConfig;

class ReportTest {
    private static Analysis analyse(String text) {
        return Pipeline.analyse(List.of(new Document("a0", "x.txt", "x.txt", Format.TEXT, text, Metadata.UNKNOWN)),
                List.of(), PipelineConfig.defaults());
    }

    @Test
    void pageContentCannotInjectMarkupIntoTheHtmlReport() throws Exception {
        Analysis a = analyse("Headline <img src=x onerror=alert(1)>\n\n"
                + "The mayor said the <script>alert('x')</script> budget was fine, and \"nothing\" would change soon.\n\n"
                + "Leave a Reply\n\n<b onclick=\"steal()\">comment</b>");
        StringWriter w = new StringWriter();
        HtmlReport.write(a, w);
        String html = w.toString();
        assertThat(html).doesNotContain("<script", "<img", "<b onclick");
        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void jsonHasEveryContractSectionAndNullsForUnknowns() {
        Analysis a = analyse("A Headline\n\nThe council met on Monday and \"we agreed on everything,\" the mayor said.");
        JsonNode root = JsonReport.tree(a);
        for (String section : List.of("articles", "reuse", "reuseClusters", "entities", "quotes", "quoteGroups", "figures",
                "stories", "comparisons", "problems")) {
            assertThat(root.has(section)).as(section).isTrue();
        }
        JsonNode art = root.get("articles").get(0);
        assertThat(art.get("published").isNull()).isTrue();
        assertThat(art.get("outlet").isNull()).isTrue();
        assertThat(art.get("title").asText()).isEqualTo("A Headline");
        JsonNode run = art.get("bodyMap").get(0);
        assertThat(run).hasSize(3);
        JsonNode cmp = root.get("comparisons").get(0);
        assertThat(cmp.get("voice").get(0).get("label").asText()).isEqualTo("attributed");
        assertThat(cmp.get("timeline")).hasSize(1);
    }

    @Test
    void reprintedParagraphShowsAsOneClusterWithDuplicatesMarked() throws Exception {
        String para = "The river burst its banks early on Sunday, flooding the lower town and forcing hundreds of "
                + "families from their homes, while rescue teams in boats searched the streets for people trapped "
                + "on upper floors until the water began to fall in the afternoon.";
        String own = "Local traders said the clean-up would take weeks and asked the council for emergency grants "
                + "to replace stock ruined by the water, which reached the counters of shops near the old bridge.";
        List<Document> docs = List.of(
                new Document("a0", "a0.txt", "a0.txt", Format.TEXT, "Flood Hits Town\n\n" + para + "\n\n" + own,
                        new Metadata("Valley <Post>", null, null, java.time.LocalDate.of(2023, 4, 2))),
                new Document("a1", "a1.txt", "a1.txt", Format.TEXT, "Flood Hits Town\n\n" + para + "\n\n" + own,
                        new Metadata("Hill Gazette", null, null, java.time.LocalDate.of(2023, 4, 3))),
                new Document("a2", "a2.txt", "a2.txt", Format.TEXT, "River Floods\n\nA short intro of our own here. "
                        + para, new Metadata("Coast Radio", null, null, java.time.LocalDate.of(2023, 4, 4))));
        Analysis a = Pipeline.analyse(docs, List.of(), PipelineConfig.defaults());
        JsonNode root = JsonReport.tree(a);
        assertThat(root.get("reuseClusters")).anySatisfy(c -> {
            assertThat(c.get("articles")).hasSize(3);
            assertThat(c.get("origin").asText()).isEqualTo("a0");
        });
        assertThat(root.get("articles").get(1).get("duplicateOf").asText()).isEqualTo("a0");
        assertThat(root.get("articles").get(0).get("duplicateOf").isNull()).isTrue();
        assertThat(root.get("reuse")).anySatisfy(l -> assertThat(l.get("duplicate").asBoolean()).isTrue());
        StringWriter w = new StringWriter();
        HtmlReport.write(a, w);
        assertThat(w.toString()).contains("(near-duplicate)").contains("Passages in three or more articles")
                .contains("<b>a0</b> (origin)");
    }
}
