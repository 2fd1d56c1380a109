package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled example end to end through the command line: the acceptance points of the
 * skeleton, checked on the report a user gets.
 */
class ExampleEndToEndTest {
    static final Path ROOT = Path.of(System.getProperty("parallax.root", ".."));
    static final Path SEEDS = ROOT.resolve("examples/seeds");

    @TempDir
    static Path out;
    static JsonNode report;
    static String html;
    static Map<String, JsonNode> byFile = new HashMap<>();

    @BeforeAll
    static void analyse() throws Exception {
        Path json = out.resolve("report.json");
        Path htmlFile = out.resolve("report.html");
        int code = Main.execute("analyze", SEEDS.toString(), "--json", json.toString(), "--html", htmlFile.toString());
        assertThat(code).isZero();
        report = new ObjectMapper().readTree(json.toFile());
        html = Files.readString(htmlFile, StandardCharsets.UTF_8);
        for (JsonNode a : report.get("articles")) {
            byFile.put(Path.of(a.get("source").asText()).getFileName().toString().substring(0, 3), a);
        }
    }

    private static String body(String prefix) {
        return byFile.get(prefix).get("body").asText();
    }

    private static List<String> removed(String prefix, String kind) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : byFile.get(prefix).get("removed")) {
            if (kind == null || r.get("kind").asText().equals(kind)) {
                out.add(r.get("text").asText());
            }
        }
        return out;
    }

    @Test
    void everyArticleIsReportedWithItsManifestMetadata() {
        assertThat(report.get("articles")).hasSize(5);
        assertThat(byFile.get("001").get("outlet").asText()).isEqualTo("Sputnik International");
        assertThat(byFile.get("001").get("published").asText()).isEqualTo("2016-12-07");
        assertThat(byFile.get("000").get("published").isNull()).isTrue();
        assertThat(byFile.get("002").get("outlet").isNull()).isTrue();
        assertThat(report.get("problems")).isEmpty();
    }

    @Test
    void liveBlogReaderCommentsAreRemovedNotBody() {
        String b = body("003");
        assertThat(b).contains("Lavrov has lashed out at the US")
                .doesNotContain("Russkies", "Keep dreaming", "Daniel Nisman", "Leave a Comment", "Correction:");
        String comments = String.join("\n", removed("003", "comment"));
        assertThat(comments).contains("Russkies", "Keep dreaming", "Daniel Nisman", "Correction:");
    }

    @Test
    void shareAndCommentFormLinesAreRemovedNotBody() {
        assertThat(body("000")).doesNotContain("Liked it?", "Leave a Reply", "Notify of", "What do you think?");
        assertThat(String.join("\n", removed("000", null))).contains("Liked it?", "Leave a Reply", "Notify of");
        assertThat(body("001")).doesNotContain("To participate in the discussion", "log in or register", "© AP Photo");
        assertThat(String.join("\n", removed("001", null))).contains("To participate in the discussion", "© AP Photo");
        assertThat(body("002")).doesNotContain("Leave a Reply", "Your email address", "You may also like");
        assertThat(body("004")).doesNotContain("You might also like", "Latest news");
        assertThat(String.join("\n", removed("004", "related"))).contains("You might also like");
    }

    /** Article sentences (openings, read off the example) that the body must keep. */
    static final Map<String, List<String>> KEEP = Map.of(
            "000", List.of("Aleppo has finally been liberated", "The US President decided last week", "Plan B, setting up",
                    "None of this is lost", "Sputnik News Agency reports", "Lavrov noted", "Addressing the western",
                    "“Actually, I do not know"),
            "001", List.of("The United States avoids attacking", "the US position at",
                    "Claims that Russia is forcing", "\"The US representatives in"),
            "002", List.of("Moscow: The Russian foreign minister", "The United Nations has said more than 400",
                    "But he denied these allegations", "He said Russia is not using any weapons"),
            "003", List.of("UPDATE 1030 GMT:", "On Thursday, two of east Aleppo", "ORIGINAL ENTRY:",
                    "Activists: Pro-Assad Forces Attack", "During the renewed Russian-regime airstrikes"),
            "004", List.of("ROME- Russian Foreign Minister", "Attempts to Keep Part of Syria", "Talking about joint Russian-US",
                    "“If the United States focuses"));

    /** Leftovers of scraping that must not be in the body. */
    static final Map<String, List<String>> DROP = Map.of(
            "000", List.of("Liked it?", "The statements, views and opinions", "What do you think?", "Leave a Reply",
                    "Notify of", "Absolut angers", "Assad speaks, one day after"),
            "001", List.of("© AP Photo", "Smoke rises after rebel fighters", "To participate in the discussion",
                    "log in or register", "Заголовок"),
            "002", List.of("Leave a Reply", "Your email address", "You may also like", "Nikki Haley"),
            "003", List.of("PHOTO:", "A Plan to De-Escalate the Conflict", "Audio: Kerry", "Related Posts", "Russkies",
                    "Leave a Comment"),
            "004", List.of("H.M", "You might also like", "Latest news", "Ryabkov"));

    @Test
    void everyArticleSentenceIsKeptAndEveryLeftoverRemoved() {
        for (String f : KEEP.keySet()) {
            String b = body(f);
            for (String k : KEEP.get(f)) {
                assertThat(b).as("%s keeps %s", f, k).contains(k);
            }
            String removedText = String.join("\n", removed(f, null));
            for (String d : DROP.get(f)) {
                assertThat(b).as("%s drops %s", f, d).doesNotContain(d);
                assertThat(removedText).as("%s records %s as removed", f, d).contains(d);
            }
        }
    }

    @Test
    void removedRegionsAndBodyMapPointIntoTheDocumentAsRead() throws Exception {
        for (Map.Entry<String, JsonNode> e : byFile.entrySet()) {
            JsonNode a = e.getValue();
            String doc = Files.readString(Path.of(a.get("source").asText()), StandardCharsets.UTF_8);
            String b = a.get("body").asText();
            for (JsonNode r : a.get("removed")) {
                assertThat(doc.substring(r.get("documentStart").asInt(), r.get("documentEnd").asInt()))
                        .isEqualTo(r.get("text").asText());
            }
            for (JsonNode run : a.get("bodyMap")) {
                int bs = run.get(0).asInt();
                int ds = run.get(1).asInt();
                int len = run.get(2).asInt();
                assertThat(b.substring(bs, bs + len)).isEqualTo(doc.substring(ds, ds + len));
            }
        }
    }

    @Test
    void reprintIsFoundWithPassagesAndTheAgencyAsSource() {
        JsonNode best = null;
        for (JsonNode l : report.get("reuse")) {
            if (best == null || l.get("sharedWords").asInt() > best.get("sharedWords").asInt()) {
                best = l;
            }
        }
        assertThat(best).isNotNull();
        assertThat(best.get("source").asText()).isEqualTo(byFile.get("001").get("id").asText());
        assertThat(best.get("target").asText()).isEqualTo(byFile.get("000").get("id").asText());
        assertThat(best.get("direction").asText()).isEqualTo("source-to-target");
        // A reprint, though one of its passages is a quotation both print: a copy.
        assertThat(best.get("kind").asText()).isEqualTo("copy");
        assertThat(best.get("passages")).anyMatch(p -> p.get("quotation").asBoolean())
                .anyMatch(p -> !p.get("quotation").asBoolean());
        assertThat(best.get("passages").size()).isGreaterThanOrEqualTo(2);
        String src = body("001");
        String tgt = body("000");
        for (JsonNode p : best.get("passages")) {
            String a = src.substring(p.get("sourceStart").asInt(), p.get("sourceEnd").asInt());
            String b = tgt.substring(p.get("targetStart").asInt(), p.get("targetEnd").asInt());
            assertThat(wordOverlap(a, b)).as("passage texts agree:\n%s\n%s", a, b).isGreaterThan(0.6);
        }
        // The reprinted passage includes the agency's opening sentence.
        assertThat(tgt.substring(best.get("passages").get(0).get("targetStart").asInt()))
                .startsWith("The United States avoids attacking al-Nusra Front");
    }

    @Test
    void aClaimTheMinisterRebutsIsNotHisQuote() {
        String lavrov = null;
        for (JsonNode e : report.get("entities")) {
            if (e.get("name").asText().contains("Lavrov")) {
                lavrov = e.get("id").asText();
            }
        }
        assertThat(lavrov).isNotNull();
        boolean rebuttal = false;
        for (JsonNode q : report.get("quotes")) {
            String text = q.get("text").asText();
            String speaker = q.path("speaker").asText(null);
            if (text.contains("burning people alive")) {
                // The media reports he answers, not his words.
                assertThat(speaker).as(text).isNotEqualTo(lavrov);
                assertThat(text).doesNotContain("Lavrov pointed out");
            }
            if (text.startsWith("Actually, I do not know any firsthand assessments")) {
                rebuttal = true;
                assertThat(speaker).isEqualTo(lavrov);
            }
        }
        assertThat(rebuttal).as("his answer is his quote").isTrue();
    }

    @Test
    void aPartialQuoteOfTheMinistersSentenceIsAnExcerptNotACut() {
        Map<String, JsonNode> quotes = new HashMap<>();
        report.get("quotes").forEach(q -> quotes.put(q.get("id").asText(), q));
        int excerpts = 0;
        for (JsonNode g : report.get("quoteGroups")) {
            for (JsonNode v : g.get("variants")) {
                if (quotes.get(v.get("quote").asText()).get("text").asText().equals("regime of silence")) {
                    excerpts++;
                    assertThat(v.get("excerpt").asBoolean()).isTrue();
                    assertThat(v.get("cut").isNull()).isTrue();
                    assertThat(v.get("altered").asBoolean()).isFalse();
                }
            }
        }
        assertThat(excerpts).isGreaterThan(0);
        assertThat(html).contains(">excerpt</span>").doesNotContain("cut at both ends");
    }

    @Test
    void noReuseBetweenArticlesThatShareNoText() {
        for (JsonNode l : report.get("reuse")) {
            String s = l.get("source").asText();
            String t = l.get("target").asText();
            assertThat(List.of(s, t)).as("002 paraphrases and shares no text")
                    .doesNotContain(byFile.get("002").get("id").asText());
            assertThat(List.of(s, t)).doesNotContain(byFile.get("003").get("id").asText());
        }
    }

    /** Direct quotations by the foreign minister, by their opening words (read off the example). */
    static final List<String> MINISTER_QUOTES = List.of(
            "We’re in talks with militant groups", "Only the intervention of our Russian", "Actually, I do not know",
            "The contacts continue", "They continue to avoid", "We're in talks with militant groups",
            "Unlike Syria, nobody", "Only the intervention of our Russian", "The main [aim] now",
            "The US representatives in international", "We have more and more reasons",
            "As I have already mentioned", "I do not rule out", "De Mistura proposed", "The idea was blocked",
            "We have already compromised", "I think it was done", "In Eastern Aleppo, we are witnessing",
            "Washington made a big mistake", "If the United States focuses");

    private static String ministerId() {
        String minister = null;
        for (JsonNode e : report.get("entities")) {
            if (e.get("name").asText().endsWith("Lavrov")) {
                assertThat(minister).as("one entity for the minister").isNull();
                minister = e.get("id").asText();
            }
        }
        assertThat(minister).isNotNull();
        return minister;
    }

    @Test
    void everyDirectQuoteOfTheMinisterHasHimAsSpeakerHoweverHeIsNamed() {
        String minister = ministerId();
        List<String> remaining = new ArrayList<>(MINISTER_QUOTES);
        java.util.Set<String> namedAs = new java.util.HashSet<>();
        for (JsonNode q : report.get("quotes")) {
            String text = q.get("text").asText().replace('\u00a0', ' ');
            String opening = remaining.stream().filter(text::startsWith).findFirst().orElse(null);
            if (opening != null && minister.equals(q.get("speaker").asText(null))) {
                remaining.remove(opening);
            }
            if (minister.equals(q.get("speaker").asText(null))) {
                namedAs.add(q.get("speakerText").asText().replace('\u00a0', ' '));
            }
        }
        assertThat(remaining).as("direct quotes without the minister as speaker").isEmpty();
        assertThat(namedAs).as("pronoun, role nouns and both spellings all resolve to him")
                .contains("he", "the minister", "the Russian top diplomat")
                .anyMatch(n -> n.contains("Sergei")).anyMatch(n -> n.contains("Sergey"));
    }

    @Test
    void theSameStatementInTwoOutletsIsOneQuoteGroup() {
        String agency = byFile.get("001").get("id").asText();
        String reprint = byFile.get("000").get("id").asText();
        Map<String, JsonNode> quotes = new HashMap<>();
        report.get("quotes").forEach(q -> quotes.put(q.get("id").asText(), q));
        JsonNode group = null;
        for (JsonNode g : report.get("quoteGroups")) {
            String first = quotes.get(g.get("first").asText()).get("text").asText();
            if (first.replace('\u00a0', ' ').startsWith("Only the intervention of our Russian")) {
                group = g;
            }
        }
        assertThat(group).as("a group for the statement both outlets print").isNotNull();
        List<String> articles = new ArrayList<>();
        group.get("articles").forEach(a -> articles.add(a.asText()));
        assertThat(articles).containsExactlyInAnyOrder(agency, reprint);
        assertThat(quotes.get(group.get("first").asText()).get("article").asText()).as("the dated agency text is first")
                .isEqualTo(agency);
        JsonNode variant = group.get("variants").get(0);
        assertThat(variant.get("verbatim").asBoolean()).isTrue();
        for (JsonNode q : report.get("quotes")) {
            if (group.get("quotes").toString().contains("\"" + q.get("id").asText() + "\"")) {
                assertThat(q.get("group").asText()).isEqualTo(group.get("id").asText());
            }
        }
        assertThat(html).contains("class=\"qgroup\"", "id=\"" + group.get("id").asText() + "\"");
    }

    @Test
    void reportedSpeechIsFoundInTheArticleWithoutDirectQuotes() {
        String paraphrase = byFile.get("002").get("id").asText();
        String minister = ministerId();
        int direct = 0;
        int reported = 0;
        for (JsonNode q : report.get("quotes")) {
            if (!q.get("article").asText().equals(paraphrase)) {
                continue;
            }
            if (q.get("kind").asText().equals("direct")) {
                direct++;
            } else if (q.get("kind").asText().equals("indirect") && minister.equals(q.get("speaker").asText(null))) {
                reported++;
            }
        }
        assertThat(direct).isZero();
        assertThat(reported).isGreaterThanOrEqualTo(5);
    }

    @Test
    void noQuotationComesFromReaderComments() {
        // What readers put in quote marks in their comments (and the comments' own words)
        // must not be reported as quotations of the story.
        java.util.regex.Pattern quoted = java.util.regex.Pattern.compile("[\"“]([^\"“”]{8,}?)[\"”]");
        List<String> commentQuotes = new ArrayList<>();
        for (String f : byFile.keySet()) {
            for (String c : removed(f, "comment")) {
                java.util.regex.Matcher m = quoted.matcher(c);
                while (m.find()) {
                    commentQuotes.add(m.group(1).strip());
                }
            }
        }
        assertThat(commentQuotes).as("the example's comments quote people").isNotEmpty();
        Map<String, String> bodies = new HashMap<>();
        report.get("articles").forEach(a -> bodies.put(a.get("id").asText(), a.get("body").asText()));
        for (JsonNode q : report.get("quotes")) {
            String text = q.get("text").asText();
            assertThat(text).doesNotContain("Russkies");
            for (String c : commentQuotes) {
                if (!bodies.get(q.get("article").asText()).contains(c)) {
                    assertThat(text).as("quote %s", q.get("id").asText()).isNotEqualTo(c);
                }
            }
        }
    }

    @Test
    void quoteOffsetsPointAtTheQuotedText() {
        Map<String, String> bodies = new HashMap<>();
        report.get("articles").forEach(a -> bodies.put(a.get("id").asText(), a.get("body").asText()));
        for (JsonNode q : report.get("quotes")) {
            String b = bodies.get(q.get("article").asText());
            assertThat(b.substring(q.get("start").asInt(), q.get("end").asInt())).isEqualTo(q.get("text").asText());
            if (!q.get("speakerStart").isNull()) {
                assertThat(b.substring(q.get("speakerStart").asInt(), q.get("speakerEnd").asInt()))
                        .isEqualTo(q.get("speakerText").asText());
            }
        }
    }

    @Test
    void htmlReportIsSelfContainedAndLinksPassagesAcrossColumns() {
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "http://", "https://");
        assertThat(html).contains("class=\"reuse src\"", "class=\"reuse tgt\"", "<details class=\"removed\">",
                "class=\"who\"");
        // Every in-page link has its target.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            links++;
            assertThat(html).contains("id=\"" + m.group(1) + "\"");
        }
        assertThat(links).isGreaterThan(0);
    }

    @Test
    void storiesGroupTheExample() {
        assertThat(report.get("stories")).isNotEmpty();
        int covered = 0;
        for (JsonNode s : report.get("stories")) {
            covered += s.get("articles").size();
            assertThat(s.get("events")).isNotEmpty();
        }
        assertThat(covered).isEqualTo(5);
    }

    @Test
    void theDecemberCoverageAndTheOctoberStatementAreTwoEventsOfOneStory() {
        // One story of the five articles: the minister's claim, first made at the start of October,
        // again in December; the live blog's update on a hospital bombing, which no other article
        // reports, stays in the blog's story as an event of its own.
        String a0 = id("000");
        String a1 = id("001");
        String a3 = id("003");
        String a4 = id("004");
        JsonNode stories = report.get("stories");
        assertThat(stories).hasSize(1);
        JsonNode story = stories.get(0);
        assertThat(story.get("articles")).hasSize(5);
        assertThat(story.get("date").asText()).isEqualTo("2016-10-01");
        assertThat(story.get("last").asText()).isEqualTo("2016-12-07");
        List<String> dates = new java.util.ArrayList<>();
        JsonNode december = null;
        JsonNode october = null;
        for (JsonNode e : story.get("events")) {
            dates.add(e.get("date").asText());
            List<String> articles = new java.util.ArrayList<>();
            e.get("articles").forEach(a -> articles.add(a.asText()));
            if (articles.contains(a1)) {
                december = e;
            }
            if (articles.contains(a3)) {
                october = e;
            }
        }
        assertThat(dates).as("the timeline is in date order").isSorted();
        // The December articles, with the reprint pair (a0 copies a1) inside, are one event.
        assertThat(december).isNotNull();
        assertThat(december.get("articles")).extracting(JsonNode::asText).contains(a0, a1, a4);
        assertThat(december.get("date").asText()).isEqualTo("2016-12-02");
        // The live blog's entry on the early-October statement is the story's first event.
        assertThat(october).isNotNull();
        assertThat(october.get("date").asText()).isEqualTo("2016-10-01");
        assertThat(october.get("segments")).extracting(g -> g.get("cue").asText()).contains("entry");
        JsonNode update = null;
        for (JsonNode e : story.get("events")) {
            for (JsonNode g : e.get("segments")) {
                if (g.get("cue").asText().equals("update")) {
                    update = e;
                }
            }
        }
        assertThat(update).as("the hospital update's event").isNotNull();
        assertThat(update.get("articles")).extracting(JsonNode::asText).containsExactly(a3);
        assertThat(update.get("segments")).extracting(g -> g.get("cue").asText()).containsExactly("update");
    }

    @Test
    void theLiveBlogsOtherSectionsAreSegmentsOfTheirOwn() {
        String blog = id("003");
        List<JsonNode> a3 = new java.util.ArrayList<>();
        for (JsonNode st : report.get("stories")) {
            for (JsonNode e : st.get("events")) {
                for (JsonNode g : e.get("segments")) {
                    if (g.get("article").asText().equals(blog)) {
                        a3.add(g);
                        if (g.get("cue").asText().equals("update")) {
                            // The hospital update pulls no other article in.
                            assertThat(e.get("articles")).extracting(JsonNode::asText).containsExactly(blog);
                        }
                    }
                }
            }
        }
        assertThat(a3).extracting(g -> g.get("cue").asText()).contains("update", "entry");
        String body = body("003");
        for (JsonNode g : a3) {
            String text = body.substring(g.get("start").asInt(), g.get("end").asInt());
            switch (g.get("cue").asText()) {
                case "update" -> assertThat(text).startsWith("UPDATE").contains("hospital");
                case "entry" -> assertThat(text).startsWith("ORIGINAL ENTRY");
                default -> assertThat(text).contains("water plant");
            }
        }
        // Whole articles carry no sections.
        assertThat(html).contains("id=\"seg-" + blog + "-1\"").doesNotContain("seg-" + id("004") + "-");
    }

    /** The story that holds an article, from the report's comparisons. */
    private static JsonNode comparisonOf(String article) {
        for (JsonNode c : report.get("comparisons")) {
            for (JsonNode v : c.get("coverage")) {
                if (v.get("article").asText().equals(article)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no comparison holds " + article);
    }

    @Test
    void theCasualtyFiguresTwoOutletsGiveForTheBombingAgreeAtDifferentPrecision() {
        String paraphrase = id("002");
        String blog = id("003");
        JsonNode cmp = comparisonOf(paraphrase);
        Map<String, JsonNode> figures = new HashMap<>();
        report.get("figures").forEach(f -> figures.put(f.get("id").asText(), f));
        JsonNode group = null;
        for (JsonNode g : cmp.get("figureGroups")) {
            List<String> arts = new ArrayList<>();
            g.get("articles").forEach(a -> arts.add(a.asText()));
            if (arts.contains(paraphrase) && arts.contains(blog)) {
                group = g;
            }
        }
        assertThat(group).as("a figure group of 002 and 003").isNotNull();
        // "more than 400" and "between 400 and 500" can both be true: no conflict, no red.
        assertThat(group.get("status").asText()).isEqualTo("consistent");
        String id = group.get("id").asText();
        assertThat(cmp.get("conflicts")).noneMatch(c -> c.get("id").asText().equals(id));
        assertThat(html).contains("different precision");
        List<String> texts = new ArrayList<>();
        for (JsonNode fid : group.get("figures")) {
            JsonNode f = figures.get(fid.asText());
            texts.add(f.get("text").asText());
            // Evidence: the figure's offsets hold its words.
            String body = report.get("articles").findValues("id").stream().anyMatch(x -> x.asText().equals(
                    f.get("article").asText())) ? bodyOf(f.get("article").asText()) : "";
            assertThat(body.substring(f.get("start").asInt(), f.get("end").asInt())).isEqualTo(f.get("text").asText());
        }
        assertThat(texts).containsExactlyInAnyOrder("more than 400 people", "between 400 and 500 people");
    }

    @Test
    void theMilitantCountsCarryTheForeignMinisterAsSource() {
        String sana = id("004");
        String lavrov = null;
        for (JsonNode e : report.get("entities")) {
            if (e.get("name").asText().contains("Lavrov")) {
                lavrov = e.get("id").asText();
            }
        }
        int militants = 0;
        for (JsonNode f : report.get("figures")) {
            if (f.get("article").asText().equals(sana) && f.get("text").asText().contains("militants")) {
                militants++;
                assertThat(f.get("attributedTo").asText()).as(f.get("text").asText()).isEqualTo(lavrov);
                assertThat(f.get("source").get("kind").asText()).isEqualTo("quote");
            }
        }
        assertThat(militants).isEqualTo(2); // some 1,500 and up to 6,000
    }

    @Test
    void theReprintingBlogOpensInItsOwnVoiceAndTheReprintedAgencyTextIsAttributed() {
        String blog = id("000");
        JsonNode cmp = comparisonOf(blog);
        List<JsonNode> voice = new ArrayList<>();
        cmp.get("voice").forEach(v -> {
            if (v.get("article").asText().equals(blog)) {
                voice.add(v);
            }
        });
        // The blog's own opening: its first sentence is a claim in its own voice, with the loaded words named.
        assertThat(voice.get(0).get("label").asText()).isEqualTo("unattributed-claim");
        assertThat(voice.get(0).get("terms")).isNotEmpty();
        assertThat(voice.subList(0, 4)).extracting(v -> v.get("label").asText()).doesNotContain("attributed");
        // The reprinted agency text: the sentences inside the passage shared with the agency are attributed.
        JsonNode link = null;
        for (JsonNode l : report.get("reuse")) {
            if (l.get("target").asText().equals(blog) || l.get("source").asText().equals(blog)) {
                link = l;
            }
        }
        assertThat(link).isNotNull();
        String side = link.get("target").asText().equals(blog) ? "target" : "source";
        int inside = 0;
        int attributed = 0;
        for (JsonNode p : link.get("passages")) {
            int from = p.get(side + "Start").asInt();
            int to = p.get(side + "End").asInt();
            for (JsonNode v : voice) {
                if (v.get("start").asInt() >= from && v.get("end").asInt() <= to) {
                    inside++;
                    attributed += v.get("label").asText().equals("attributed") ? 1 : 0;
                }
            }
        }
        assertThat(inside).isGreaterThanOrEqualTo(5);
        assertThat((double) attributed / inside).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void outletsNamesForTheGovernmentAndForTheFallOfEasternAleppoAppearSideBySide() {
        JsonNode cmp = comparisonOf(id("000"));
        boolean government = false;
        boolean aleppo = false;
        for (JsonNode row : cmp.get("framing")) {
            java.util.Set<String> words = new java.util.HashSet<>();
            int articles = 0;
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = row.get("terms").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                articles++;
                e.getValue().forEach(t -> words.add(t.asText()));
            }
            if (articles >= 2 && words.contains("regime") && words.contains("government")) {
                government = true;
            }
            if (articles >= 2 && row.get("label").asText().contains("Aleppo") || row.get("slot").asText()
                    .equals("taking territory")) {
                if (words.stream().anyMatch(w -> w.startsWith("liberat"))
                        && words.stream().anyMatch(w -> !w.startsWith("liberat"))) {
                    aleppo = true;
                }
            }
        }
        assertThat(government).as("regime and government side by side").isTrue();
        assertThat(aleppo).as("liberation of Aleppo beside other words for it").isTrue();
    }

    @Test
    void theSummaryCountsTheAgencyAndItsReprintAsOneSource() {
        String agency = id("001");
        String reprint = id("000");
        JsonNode cmp = comparisonOf(agency);
        Map<String, JsonNode> units = new HashMap<>();
        cmp.get("units").forEach(u -> units.put(u.get("id").asText(), u));
        int both = 0;
        for (JsonNode s : cmp.get("summary")) {
            JsonNode u = units.get(s.get("unit").asText());
            List<String> arts = new ArrayList<>();
            u.get("articles").forEach(a -> arts.add(a.asText()));
            List<String> sources = new ArrayList<>();
            s.get("sources").forEach(x -> sources.add(x.asText()));
            assertThat(s.get("independent").asInt()).isEqualTo(sources.size());
            if (arts.contains(agency) && arts.contains(reprint)) {
                both++;
                assertThat(s.get("independent").asInt()).isEqualTo(arts.size() - 1);
                assertThat(sources).contains("Sputnik International").doesNotContain("The Duran");
            }
        }
        assertThat(both).as("summary sentences carried by the agency and its reprint").isGreaterThan(0);
        // The HTML report shows the summary and the other compare panels as tabs.
        assertThat(html).contains(">Summary</label>", ">Figures</label>", ">Voice</label>", ">Framing</label>",
                ">Coverage</label>", ">Timeline</label>");
    }

    private static String bodyOf(String articleId) {
        for (JsonNode a : report.get("articles")) {
            if (a.get("id").asText().equals(articleId)) {
                return a.get("body").asText();
            }
        }
        throw new AssertionError(articleId);
    }

    private static String id(String prefix) {
        return byFile.get(prefix).get("id").asText();
    }

    private static double wordOverlap(String a, String b) {
        java.util.Set<String> wa = new java.util.HashSet<>(List.of(a.toLowerCase().split("\\W+")));
        java.util.Set<String> wb = new java.util.HashSet<>(List.of(b.toLowerCase().split("\\W+")));
        java.util.Set<String> inter = new java.util.HashSet<>(wa);
        inter.retainAll(wb);
        return (double) inter.size() / Math.max(1, Math.min(wa.size(), wb.size()));
    }
}
