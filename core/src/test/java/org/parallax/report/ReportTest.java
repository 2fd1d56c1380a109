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
        for (String section : List.of("articles", "reuse", "entities", "quotes", "quoteGroups", "figures", "stories",
                "comparisons", "problems")) {
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
}
