package org.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.parallax.ingest.Document;
import org.parallax.ingest.Format;
import org.parallax.ingest.Metadata;

class HtmlExtractorTest {
    private static final String PAGE = """
            <!DOCTYPE html><html><head><title>Site | Flood Hits Town</title>
            <meta property="og:title" content="Flood Hits Town">
            <meta property="article:published_time" content="2021-07-14T08:00:00Z">
            <meta property="og:site_name" content="The Valley Post">
            </head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
            <article>
              <h1>Flood Hits Town</h1>
              <figure><img src="x.jpg"><figcaption>Water on Main Street, photographed by a resident.</figcaption></figure>
              <p>Heavy rain caused the river to burst its banks on Tuesday, flooding dozens of homes in the town centre.</p>
              <p>&ldquo;We have never seen anything like it,&rdquo; said the mayor, who asked residents to stay indoors.</p>
              <blockquote><p>The water rose a metre in an hour, and the roads were closed by noon.</p></blockquote>
              <p>Emergency services evacuated forty people, and the school will stay closed until Friday.</p>
            </article>
            <aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Storm warning issued for the weekend</a></li></ul></aside>
            <section id="comments"><h3>3 Comments</h3><p>This is terrible, my street is under water and nobody came to help us at all.</p></section>
            <footer><p>Copyright 2021 The Valley Post. All rights reserved across every site we own.</p></footer>
            </body></html>
            """;

    private static Article extract(String html, Metadata meta) {
        Extraction e = Extractor.extract(new Document("a0", "p.html", "p.html", Format.HTML, html, meta),
                ExtractConfig.defaults());
        assertThat(e).isInstanceOf(Extraction.Ok.class);
        return ((Extraction.Ok) e).article();
    }

    @Test
    void keepsArticleParagraphsAndBlockquoteAndDropsFurniture() {
        Article a = extract(PAGE, Metadata.UNKNOWN);
        assertThat(a.title()).isEqualTo("Flood Hits Town");
        assertThat(a.body()).contains("Heavy rain caused", "never seen anything like it", "The water rose a metre",
                "Emergency services evacuated");
        assertThat(a.body()).doesNotContain("Share on Facebook", "Storm warning", "my street is under water",
                "Copyright", "Home", "photographed by a resident");
        assertThat(a.body().split("\n\n")).hasSize(4);
        assertThat(a.removed()).extracting(Removed::kind)
                .contains(RemovedKind.COMMENT, RemovedKind.RELATED, RemovedKind.CAPTION, RemovedKind.BOILERPLATE);
    }

    @Test
    void metadataComesFromThePageOnlyWhenTheManifestIsSilent() {
        Article a = extract(PAGE, Metadata.UNKNOWN);
        assertThat(a.published()).isEqualTo(LocalDate.of(2021, 7, 14));
        assertThat(a.outlet()).isEqualTo("The Valley Post");
        Article b = extract(PAGE, new Metadata("Given", null, null, LocalDate.of(2021, 7, 15)));
        assertThat(b.outlet()).isEqualTo("Given");
        assertThat(b.published()).isEqualTo(LocalDate.of(2021, 7, 15));
        Article c = extract("<html><body><p>" + "Plain paragraph with no metadata at all, long enough. ".repeat(3)
                + "</p></body></html>", Metadata.UNKNOWN);
        assertThat(c.published()).isNull();
        assertThat(c.outlet()).isNull();
    }

    @Test
    void publicationDateFromSiteSpecificMetaNamesThreadMarkupAndTimestampText() {
        String body = "<p>" + "A paragraph of the article that is long enough to be kept as its body. ".repeat(3) + "</p>";
        Article named = extract("<html><head><meta name=\"w-updated-date\" content=\"2025-06-01\">"
                + "<meta name=\"w-published-date\" content=\"2025-05-27T06:03:43Z\"></head><body>" + body
                + "</body></html>", Metadata.UNKNOWN);
        assertThat(named.published()).isEqualTo(LocalDate.of(2025, 5, 27));
        // A question's dateCreated comes before its comments' datePublished.
        Article thread = extract("<html><body><div>" + body + "<time itemprop=\"dateCreated\" datetime=\"2010-10-16 21:58:06Z\">"
                + "</time></div><div class=\"comment\"><span itemprop=\"datePublished\">2010-10-17 01:03:31</span>"
                + "</div></body></html>", Metadata.UNKNOWN);
        assertThat(thread.published()).isEqualTo(LocalDate.of(2010, 10, 16));
        Article stamped = extract("<html><body><p class=\"author_publicationTime\">2022-11-23T08:10+02:00</p>" + body
                + "</body></html>", Metadata.UNKNOWN);
        assertThat(stamped.published()).isEqualTo(LocalDate.of(2022, 11, 23));
        Article modifiedOnly = extract("<html><head><meta property=\"article:modified_time\" content=\"2023-06-12\">"
                + "</head><body>" + body + "</body></html>", Metadata.UNKNOWN);
        assertThat(modifiedOnly.published()).as("an update date is not a publication date").isNull();
    }

    @Test
    void tableOfContentsIsNavigationNotText() {
        String para = "A paragraph of the guide that is long enough to be kept as article text, with detail. ";
        String html = "<html><body><article><h1>Guide</h1><h2>Table of contents</h2><ul>"
                + "<li><a href=\"#first\">First steps and where to begin</a></li>"
                + "<li><a href=\"#second\">Second steps taken later on</a></li>"
                + "<li><a href=\"#third\">Third and final steps overall</a></li></ul>"
                + "<h2 id=\"first\">First steps</h2><p>" + para.repeat(2) + "</p>"
                + "<h2 id=\"second\">Second steps</h2><p>" + para.repeat(2) + "</p>"
                + "<ul><li><a href=\"https://example.org/a\">An outside source of the figures quoted above</a></li>"
                + "<li>A plain list item the article makes as one of its points</li></ul>"
                + "</article></body></html>";
        Article a = extract(html, Metadata.UNKNOWN);
        assertThat(a.body()).doesNotContain("where to begin").doesNotContain("Table of contents")
                .contains("First steps").contains("Second steps").contains("one of its points");
        assertThat(a.removed()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(RemovedKind.BOILERPLATE);
            assertThat(r.text()).contains("where to begin");
        });
    }

    @Test
    void bodyRunsPointAtTheTextInTheHtmlSource() {
        Article a = extract(PAGE, Metadata.UNKNOWN);
        int at = a.body().indexOf("Heavy rain");
        int doc = a.documentOffset(at);
        assertThat(PAGE.substring(doc)).startsWith("Heavy rain");
        for (Removed r : a.removed()) {
            assertThat(r.documentEnd()).isLessThanOrEqualTo(PAGE.length());
        }
    }

    @Test
    void jsonLdArticleBodyIsTheLastFallbackForScriptRenderedPages() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                + "\"headline\": \"Bridge Reopens\", \"articleBody\": \"The bridge reopened on Monday after two years "
                + "of repairs.\\nTraffic was light in the morning and heavier by the evening, officials said.\"}</script>"
                + "</head><body><div id=\"app\">Loading</div></body></html>";
        Extraction e = Extractor.extract(new Document("a0", "p.html", "p.html", Format.HTML, html, Metadata.UNKNOWN),
                ExtractConfig.defaults());
        assertThat(e).isInstanceOf(Extraction.Ok.class);
        Extraction.Ok ok = (Extraction.Ok) e;
        assertThat(ok.article().body()).isEqualTo("The bridge reopened on Monday after two years of repairs.\n\n"
                + "Traffic was light in the morning and heavier by the evening, officials said.");
        assertThat(ok.article().bodyMap()).isEmpty();
        assertThat(ok.notes()).anySatisfy(n -> assertThat(n).contains("JSON-LD articleBody"));
        assertThat(ok.article().title()).isEqualTo("Bridge Reopens");
    }
}
