package org.parallax.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.extract.Extraction;
import org.parallax.extract.Extractor;
import org.parallax.ingest.Document;
import org.parallax.ingest.Ingestor;
import org.parallax.ingest.Manifest;
import org.parallax.pipeline.PipelineConfig;
import org.parallax.report.JsonReport;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseClusters;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.Event;
import org.parallax.stories.Story;
import org.parallax.stories.StoryClusterer;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;

/**
 * The Spark job in local[2] on a small corpus (the example's five articles and ECB+ news in a
 * JSON Lines file) gives what the single-machine pipeline gives on the same input.
 */
class SparkJobTest {
    static final PipelineConfig CONFIG = PipelineConfig.defaults();
    static SparkSession spark;

    @TempDir
    static Path dir;
    static List<Path> inputs;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkSession.builder().master("local[2]").appName("parallax-test")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false").getOrCreate();
        Path ecb = Path.of(System.getProperty("parallax.shared", "../shared"), "bench", "ecbplus-dev", "articles.jsonl");
        Path jsonl = dir.resolve("ecb.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(ecb).stream().filter(l -> !l.isBlank()).limit(120).toList());
        // Two reprints of one article (other ids, the same text): near-duplicates to count once.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int copy = 1; copy <= 2; copy++) {
            var record = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(3));
            record.put("id", record.get("id").asText() + "-copy" + copy);
            lines.add(json.writeValueAsString(record));
        }
        Files.write(jsonl, lines);
        inputs = List.of(Path.of(System.getProperty("parallax.root", "..")).resolve("examples/seeds"), jsonl);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The single-machine path: the command line's reading order, extraction, text, reuse. */
    private static List<Annotated> singleMachine() {
        List<Annotated> out = new ArrayList<>();
        for (Document d : Ingestor.ingest(inputs, Manifest.EMPTY, CONFIG.ingest()).documents()) {
            if (Extractor.extract(d, CONFIG.extract()) instanceof Extraction.Ok ok) {
                out.add(new Annotated(ok.article(), TextAnalyzer.analyze(ok.article(), CONFIG.text())));
            }
        }
        return out;
    }

    private static String describe(ReuseLink l) {
        StringBuilder b = new StringBuilder(l.source() + ">" + l.target() + " " + l.direction().label() + " "
                + l.sharedWords() + " " + l.duplicate());
        for (Passage p : l.passages()) {
            b.append(" [").append(p.sourceStart()).append(',').append(p.sourceEnd()).append(' ').append(p.targetStart())
                    .append(',').append(p.targetEnd()).append(']');
        }
        return b.toString();
    }

    private static String describe(Row r) {
        StringBuilder b = new StringBuilder(r.getAs("source") + ">" + r.getAs("target") + " " + r.getAs("direction") + " "
                + r.getAs("sharedWords") + " " + r.getAs("duplicate"));
        for (Row p : r.<Row>getList(r.fieldIndex("passages"))) {
            b.append(" [").append((int) p.getAs("sourceStart")).append(',').append((int) p.getAs("sourceEnd")).append(' ')
                    .append((int) p.getAs("targetStart")).append(',').append((int) p.getAs("targetEnd")).append(']');
        }
        return b.toString();
    }

    @Test
    void theJobFindsTheReuseTheSingleMachinePipelineFinds() {
        String out = dir.resolve("out").toString();
        SparkJob.Result r = SparkJob.run(spark, inputs, out, 4);

        List<Annotated> local = singleMachine();
        assertThat(r.articles()).isEqualTo(local.size());
        List<String> ids = spark.read().parquet(out + "/articles").orderBy("n").select("id").collectAsList()
                .stream().map(x -> x.getString(0)).toList();
        assertThat(ids).isEqualTo(local.stream().map(Annotated::id).toList());

        List<String> expected = ReuseFinder.find(local, ReuseConfig.defaults()).stream().map(SparkJobTest::describe)
                .sorted().toList();
        List<String> actual = spark.read().parquet(out + "/reuse").collectAsList().stream().map(SparkJobTest::describe)
                .sorted().toList();
        assertThat(expected).hasSizeGreaterThan(5); // the example's copy and ECB+ reprints
        assertThat(actual).isEqualTo(expected);

        // Passage clusters (ids, origins, members) and each near-duplicate's original.
        List<ReuseLink> links = ReuseFinder.find(local, ReuseConfig.defaults());
        List<String> clusters = ReuseClusters.of(links).stream().map(c -> c.id() + " " + c.origin() + " " + c.articles()
                + " " + c.members().stream().map(m -> m.article() + "@" + m.start() + "-" + m.end()).toList()).toList();
        List<String> sparkClusters = spark.read().parquet(out + "/reuse_clusters").collectAsList().stream()
                .map(c -> c.getAs("id") + " " + c.getAs("origin") + " " + c.getList(c.fieldIndex("articles")) + " "
                        + c.<Row>getList(c.fieldIndex("members")).stream().map(m -> m.getAs("article") + "@"
                        + m.getAs("start") + "-" + m.getAs("end")).toList()).toList();
        assertThat(clusters).hasSizeGreaterThan(3);
        assertThat(sparkClusters).containsExactlyInAnyOrderElementsOf(clusters);
        java.util.Map<String, String> duplicates = new java.util.TreeMap<>();
        spark.read().parquet(out + "/duplicates").collectAsList().forEach(d -> duplicates.put(d.getString(0), d.getString(1)));
        assertThat(ReuseClusters.duplicateOf(links)).isNotEmpty().isEqualTo(duplicates);

        // Quotes, entities and quote groups (within the stories' events): the report's, field for field.
        org.parallax.quotes.QuoteResult quotes = org.parallax.stories.EventIndex.groupQuotes(
                org.parallax.quotes.QuoteStage.run(local, CONFIG.quotes(), false),
                StoryClusterer.cluster(local, links, CONFIG.stories()), local);
        var groupOf = quotes.groupOf();
        assertThat(quotes.quotes()).hasSizeGreaterThan(100);
        assertThat(quotes.groups()).hasSizeGreaterThan(3);
        assertThat(json(out + "/quotes")).containsExactlyInAnyOrderElementsOf(
                quotes.quotes().stream().map(q -> withoutNulls(JsonReport.quote(q, groupOf.get(q.id())))).toList());
        assertThat(json(out + "/entities")).containsExactlyInAnyOrderElementsOf(
                quotes.entities().stream().map(e -> withoutNulls(JsonReport.entity(e))).toList());
        assertThat(json(out + "/quote_groups")).containsExactlyInAnyOrderElementsOf(
                quotes.groups().stream().map(g -> withoutNulls(JsonReport.quoteGroup(g))).toList());

        // Figures, and per story the figures grouped by quantity.
        List<org.parallax.compare.Figure> figures = org.parallax.compare.FigureStage.run(local, quotes);
        assertThat(figures).hasSizeGreaterThan(50);
        assertThat(json(out + "/figures")).containsExactlyInAnyOrderElementsOf(
                figures.stream().map(f -> withoutNulls(FigureStages.intervals(JsonReport.figure(f)))).toList());
        java.util.Map<String, Annotated> byId = new java.util.HashMap<>();
        local.forEach(d -> byId.put(d.id(), d));
        java.util.Map<String, org.parallax.compare.Figure> figureById = new java.util.HashMap<>();
        figures.forEach(f -> figureById.put(f.id(), f));
        List<JsonNode> figureGroups = new ArrayList<>();
        for (Story s : StoryClusterer.cluster(local, links, CONFIG.stories())) {
            List<org.parallax.compare.Figure> of = new ArrayList<>();
            s.articles().forEach(a -> figures.stream().filter(f -> f.article().equals(a)).forEach(of::add));
            for (var g : org.parallax.compare.FigureGroups.group(s.id(), of,
                    org.parallax.compare.Comparer.sentences(of, byId), org.parallax.compare.Comparer.links(s, links),
                    org.parallax.stories.EventIndex.of(List.of(s)), org.parallax.compare.Comparer.undated(s, byId))) {
                var n = new ObjectMapper().createObjectNode().put("story", s.id());
                n.setAll(FigureStages.intervals(JsonReport.figureGroup(g, figureById)));
                figureGroups.add(withoutNulls(n));
            }
        }
        assertThat(figureGroups).hasSizeGreaterThan(3);
        assertThat(json(out + "/figure_groups")).containsExactlyInAnyOrderElementsOf(figureGroups);

        // Stories: the same stories, events, titles and dates as the command line's.
        List<String> stories = StoryClusterer.cluster(local, ReuseFinder.find(local, ReuseConfig.defaults()),
                CONFIG.stories()).stream().map(SparkJobTest::describe).toList();
        List<String> fromSpark = spark.read().parquet(out + "/stories").collectAsList().stream()
                .map(SparkJobTest::describeStory).toList();
        assertThat(stories).hasSizeGreaterThan(3);
        assertThat(fromSpark).containsExactlyInAnyOrderElementsOf(stories);
    }

    /** A table's rows as JSON (Spark leaves null fields out). */
    private static List<JsonNode> json(String table) {
        var mapper = new ObjectMapper();
        return spark.read().parquet(table).toJSON().collectAsList().stream().map(t -> {
            try {
                return mapper.readTree(t);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    /** The node with its null fields left out, at every depth. */
    private static JsonNode withoutNulls(JsonNode n) {
        if (n.isObject()) {
            var out = new ObjectMapper().createObjectNode();
            n.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), withoutNulls(e.getValue()));
                }
            });
            return out;
        }
        if (n.isArray()) {
            var out = new ObjectMapper().createArrayNode();
            n.forEach(x -> out.add(withoutNulls(x)));
            return out;
        }
        return n;
    }

    private static String describe(Story s) {
        StringBuilder b = new StringBuilder(s.id() + " " + s.title() + " " + s.date() + " " + s.articles());
        for (Event e : s.events()) {
            b.append(" | ").append(e.id()).append(' ').append(e.title()).append(' ').append(e.date()).append(' ')
                    .append(e.segments().stream().map(g -> g.id() + "@" + g.start() + "-" + g.end()).toList());
        }
        return b.toString();
    }

    private static String describeStory(Row r) {
        StringBuilder b = new StringBuilder(r.getAs("id") + " " + r.getAs("title") + " " + r.getAs("date") + " "
                + r.getList(r.fieldIndex("articles")));
        for (Row e : r.<Row>getList(r.fieldIndex("events"))) {
            List<String> segs = new ArrayList<>();
            for (Row g : e.<Row>getList(e.fieldIndex("segments"))) {
                segs.add(g.getAs("id") + "@" + g.getAs("start") + "-" + g.getAs("end"));
            }
            b.append(" | ").append((String) e.getAs("id")).append(' ').append((String) e.getAs("title")).append(' ')
                    .append((String) e.getAs("date")).append(' ').append(segs);
        }
        return b.toString();
    }

    /** Reuse links named by their articles' addresses, with their passages. */
    private static List<String> linksByUrl(String out) {
        var urls = new java.util.HashMap<String, String>();
        spark.read().parquet(out + "/articles").select("id", "url").collectAsList()
                .forEach(r -> urls.put(r.getString(0), r.getString(1)));
        return spark.read().parquet(out + "/reuse").collectAsList().stream().map(r -> {
            String d = describe(r);
            return urls.get(r.<String>getAs("source")) + ">" + urls.get(r.<String>getAs("target"))
                    + d.substring(d.indexOf(' '));
        }).sorted().toList();
    }

    @Test
    void aParquetTableOfArticlesIsReadAsItsJsonLinesWouldBe() {
        Path jsonl = inputs.get(1);
        String table = dir.resolve("ecb.parquet").toString();
        spark.read().json(jsonl.toString()).coalesce(1).write().parquet(table);
        String fromJsonl = dir.resolve("from-jsonl").toString();
        String fromParquet = dir.resolve("from-parquet").toString();
        SparkJob.Result a = SparkJob.run(spark, List.of(jsonl), fromJsonl, 4);
        SparkJob.Result b = SparkJob.run(spark, List.of(Path.of(table)), fromParquet, 4);
        assertThat(a.articles()).isEqualTo(122);
        assertThat(b).isEqualTo(a);
        List<String> links = linksByUrl(fromJsonl);
        assertThat(links).isNotEmpty();
        assertThat(linksByUrl(fromParquet)).isEqualTo(links);
    }

    @Test
    void inputsGivenAsHadoopFileSystemUrisAreReadAsTheirLocalPaths() {
        String local = dir.resolve("local-paths").toString();
        String remote = dir.resolve("uris").toString();
        SparkJob.run(spark, inputs, local, 4, "articles");
        List<String> uris = inputs.stream().map(p -> p.toAbsolutePath().toUri().toString()).toList();
        assertThat(uris).allMatch(u -> u.startsWith("file:/"));
        SparkJob.runOn(spark, uris, remote, 4, "articles");
        List<Row> a = spark.read().parquet(local + "/articles").orderBy("n").collectAsList();
        List<Row> b = spark.read().parquet(remote + "/articles").orderBy("n").collectAsList();
        assertThat(b).hasSameSizeAs(a).hasSizeGreaterThan(100);
        for (int i = 0; i < a.size(); i++) {
            for (String field : List.of("id", "url", "title", "published", "body", "keys")) {
                assertThat((Object) b.get(i).getAs(field)).as("%s of %s", field, a.get(i).getAs("id"))
                        .isEqualTo(a.get(i).getAs(field));
            }
            // The source names the file as it was given (its URI), not the executor's copy.
            String source = b.get(i).getAs("source");
            assertThat(source).startsWith("file:").endsWith((String) a.get(i).getAs("source"));
        }
    }

    @Test
    void aStageAlreadyWrittenIsKeptAndAMissingOneIsMadeAgain() throws Exception {
        String out = dir.resolve("resume").toString();
        // A run told to stop after the stories writes nothing after them.
        SparkJob.Result first = SparkJob.run(spark, inputs, out, 4, "stories");
        assertThat(first.rows()).containsKeys("articles", "reuse", "reuse_clusters", "stories")
                .doesNotContainKeys("quotes", "entities", "figures");
        assertThat(Path.of(out, "quote_evidence")).doesNotExist();
        Path marker = Path.of(out, "articles", "_SUCCESS");
        long written = Files.getLastModifiedTime(marker).toMillis();
        // A job that failed after its articles: the reuse table is gone.
        try (var files = Files.walk(Path.of(out, "reuse"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Thread.sleep(20);
        SparkJob.Result again = SparkJob.run(spark, inputs, out, 4);
        assertThat(Files.getLastModifiedTime(marker).toMillis()).isEqualTo(written);
        assertThat(again.rows()).containsAllEntriesOf(first.rows()).containsKeys("quotes", "entities", "figures");
        assertThat(again.rows().get("quotes")).isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkJob.run(spark, inputs, out, 4, "story"))
                .hasMessageContaining("no stage \"story\"");
    }
}
