package org.parallax.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.parallax.compare.Figure;
import org.parallax.compare.FigureGroup;
import org.parallax.compare.FigureGroups;
import org.parallax.compare.FigureStage;
import org.parallax.extract.Article;
import org.parallax.pipeline.PipelineConfig;
import org.parallax.quotes.Quote;
import org.parallax.report.JsonReport;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;

/**
 * Figures on Spark: each article's figures with their sources on the executors
 * ({@link FigureStage#article}, given the article's quotes and entity mentions), numbered
 * {@code f1, f2, …} in corpus order; then per story, its articles' figures grouped by
 * quantity ({@link FigureGroups#group}) with the story's reuse links, as the command line's
 * comparison does. A figure's {@code value} (a number, or {@code [low, high]} with an open side
 * null, in the JSON report) is a {@code {low, high}} struct here: Parquet has no union type.
 */
final class FigureStages {
    private FigureStages() {
    }

    private static final String INTERVAL = "STRUCT<low: DOUBLE, high: DOUBLE>";
    static final StructType FIGURE = StructType.fromDDL("id STRING, article STRING, start INT, `end` INT, text STRING, "
            + "value " + INTERVAL + ", approximate BOOLEAN, qualifier STRING, unit STRING, about STRING, "
            + "attributedTo STRING, source STRUCT<kind: STRING, entity: STRING, text: STRING, start: INT, `end`: INT>, "
            + "sentence ARRAY<INT>");
    static final StructType FIGURE_GROUP = StructType.fromDDL("story STRING, id STRING, about STRING, unit STRING, "
            + "status STRING, compatible BOOLEAN, independent INT, articles ARRAY<STRING>, figures ARRAY<STRING>, "
            + "`values` ARRAY<" + INTERVAL + ">, drift ARRAY<STRUCT<`from`: STRING, `to`: STRING>>");
    static final StructType FIGURE_ROW = new StructType().add("n", DataTypes.LongType)
            .add("article", DataTypes.StringType).add("figure", DataTypes.BinaryType)
            .add("sentence", DataTypes.StringType).add("json", DataTypes.StringType);
    private static final StructType LOCAL = new StructType().add("n", DataTypes.LongType)
            .add("count", DataTypes.IntegerType).add("figures", DataTypes.BinaryType)
            .add("sentences", DataTypes.createArrayType(DataTypes.StringType));

    /** A report node with each figure value made an interval ({@code {low, high}}). */
    static ObjectNode intervals(ObjectNode n) {
        if (n.has("value")) {
            n.set("value", interval(n.get("value")));
        }
        if (n.has("values")) {
            ArrayNode vs = JsonNodeFactory.instance.arrayNode();
            n.get("values").forEach(v -> vs.add(interval(v)));
            n.set("values", vs);
        }
        return n;
    }

    private static ObjectNode interval(JsonNode v) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("low", v.isArray() ? v.get(0) : v);
        o.set("high", v.isArray() ? v.get(1) : v);
        return o;
    }

    /**
     * Every article's figures (the {@code figure_rows} table: the figure, its sentence and its
     * report row as JSON), from the article, its quotes ({@code quote_rows}) and the entity
     * mentions in it ({@code entities}).
     */
    static Dataset<Row> figureRows(Dataset<Row> articles, Dataset<Row> quoteRows, Dataset<Row> entities) {
        Dataset<Row> quotes = quoteRows.groupBy("n").agg(collect_list(struct("q", "quote")).as("quotes"));
        // Mentions in entity order (e1, e2, …), each entity's in text order: as the command line lists them.
        Dataset<Row> mentions = entities.select(col("id"), posexplode(col("mentions")).as(new String[] {"k", "m"}))
                .select(col("m.article").as("id"), struct(
                        org.apache.spark.sql.functions.expr("cast(substring(id, 2) as long)").as("e"), col("k"),
                        col("m.start").as("start"), col("m.end").as("end"), col("id").as("entity")).as("mention"))
                .groupBy("id").agg(collect_list("mention").as("mentions"));
        Dataset<Row> local = articles.select("n", "id", "source", "outlet", "domain", "url", "title", "author", "published",
                        "body", "bodyMap", "removed")
                .join(quotes, seq("n"), "left").join(mentions, seq("id"), "left")
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
                    List<Row> out = new ArrayList<>();
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        Article a = ArticleRows.article(r, r.getAs("id"));
                        Annotated d = new Annotated(a, TextAnalyzer.analyze(a, PipelineConfig.defaults().text()));
                        List<Row> qs = r.isNullAt(r.fieldIndex("quotes")) ? new ArrayList<>()
                                : new ArrayList<>(r.getList(r.fieldIndex("quotes")));
                        qs.sort(Comparator.comparingLong(x -> x.getLong(0)));
                        List<Quote> quoteList = new ArrayList<>();
                        qs.forEach(x -> quoteList.add(Bytes.read(x.getAs("quote"))));
                        List<Row> ms = r.isNullAt(r.fieldIndex("mentions")) ? new ArrayList<>()
                                : new ArrayList<>(r.getList(r.fieldIndex("mentions")));
                        ms.sort(Comparator.comparingLong((Row x) -> x.getLong(0)).thenComparingInt(x -> x.getInt(1)));
                        List<int[]> spans = new ArrayList<>();
                        List<String> ents = new ArrayList<>();
                        for (Row m : ms) {
                            spans.add(new int[] {m.getInt(2), m.getInt(3)});
                            ents.add(m.getString(4));
                        }
                        List<Figure> figures = FigureStage.article(d, quoteList, spans, ents, 0);
                        List<String> sentences = figures.stream()
                                .map(f -> a.body().substring(f.sentenceStart(), f.sentenceEnd())).toList();
                        out.add(RowFactory.create(r.getAs("n"), figures.size(), Bytes.of(new ArrayList<>(figures)),
                                scala.jdk.javaapi.CollectionConverters.asScala(sentences).toList()));
                    }
                    return out.iterator();
                }, Encoders.row(LOCAL)).persist(StorageLevel.MEMORY_AND_DISK());
        // Numbered over the corpus: per-article counts, prefix sums.
        HashMap<Long, Long> offsets = new HashMap<>();
        long at = 0;
        for (Row c : local.select("n", "count").orderBy("n").collectAsList()) {
            offsets.put(c.getLong(0), at);
            at += c.getInt(1);
        }
        Broadcast<HashMap<Long, Long>> off = org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(articles.sparkSession().sparkContext()).broadcast(offsets);
        return local.flatMap((FlatMapFunction<Row, Row>) r -> {
            List<Figure> figures = Bytes.read(r.getAs("figures"));
            List<String> sentences = r.getList(3);
            long first = off.value().get(r.<Long>getAs("n"));
            List<Row> out = new ArrayList<>();
            for (int k = 0; k < figures.size(); k++) {
                Figure f = renumbered(figures.get(k), "f" + (first + k + 1));
                out.add(RowFactory.create(r.getAs("n"), f.article(), Bytes.of(f), sentences.get(k),
                        intervals(JsonReport.figure(f)).toString()));
            }
            return out.iterator();
        }, Encoders.row(FIGURE_ROW));
    }

    private static Figure renumbered(Figure f, String id) {
        return new Figure(id, f.article(), f.start(), f.end(), f.text(), f.low(), f.high(), f.approximate(), f.qualifier(),
                f.unit(), f.what(), f.sourceKind(), f.source(), f.sourceText(), f.sourceStart(), f.sourceEnd(),
                f.sentenceStart(), f.sentenceEnd());
    }

    /** The report's {@code figures[]}. */
    static Dataset<Row> figures(Dataset<Row> figureRows) {
        return figureRows.sparkSession().read().schema(FIGURE).json(figureRows.select("json").as(Encoders.STRING()));
    }

    /**
     * Per story, its articles' figures grouped by quantity with the story's reuse links: each
     * story's figures in its article order, links by source then target, as the command line
     * compares a story.
     */
    static Dataset<Row> figureGroups(Dataset<Row> stories, Dataset<Row> figureRows, Dataset<Row> reuse,
                                     Dataset<Row> articles) {
        Dataset<Row> members = stories.select(col("id").as("story"), posexplode(col("articles")).as(new String[] {"at",
                "article"}));
        Dataset<Row> undated = articles.select(col("id").as("article"), col("published").isNull().as("undated"));
        Dataset<Row> figures = members.join(figureRows, "article").join(undated, "article")
                .groupBy("story").agg(collect_list(struct("at", "figure", "sentence", "undated")).as("figures"));
        Dataset<Row> source = members.select(col("story"), col("article").as("source"));
        Dataset<Row> target = members.select(col("story"), col("article").as("target"));
        Dataset<Row> links = reuse.join(source, "source").join(target, seq("story", "target"))
                .groupBy("story").agg(collect_list(struct(reuse.columns()[0], java.util.Arrays.copyOfRange(
                        reuse.columns(), 1, reuse.columns().length))).as("links"));
        Dataset<Row> events = stories.select(col("id").as("story"), col("events"));
        Dataset<String> json = figures.join(links, seq("story"), "left").join(events, "story")
                .flatMap((FlatMapFunction<Row, String>) r -> {
            List<Row> fs = new ArrayList<>(r.getList(r.fieldIndex("figures")));
            List<Figure> list = new ArrayList<>();
            Map<String, String> sentences = new HashMap<>();
            Map<String, Figure> byId = new HashMap<>();
            List<Object[]> keyed = new ArrayList<>();
            java.util.Set<String> undatedArticles = new java.util.HashSet<>();
            for (Row x : fs) {
                Figure f = Bytes.read(x.getAs("figure"));
                if (Boolean.TRUE.equals(x.getAs("undated"))) {
                    undatedArticles.add(f.article());
                }
                keyed.add(new Object[] {x.getInt(0), Integer.parseInt(f.id().substring(1)), f, x.getString(2)});
            }
            keyed.sort(Comparator.comparingInt((Object[] k) -> (Integer) k[0]).thenComparingInt(k -> (Integer) k[1]));
            for (Object[] k : keyed) {
                Figure f = (Figure) k[2];
                list.add(f);
                byId.put(f.id(), f);
                sentences.put(f.id(), (String) k[3]);
            }
            List<ReuseLink> ls = new ArrayList<>();
            if (!r.isNullAt(r.fieldIndex("links"))) {
                for (Row l : r.<Row>getList(r.fieldIndex("links"))) {
                    ls.add(ReuseGroups.link(l));
                }
            }
            ls.sort(Comparator.comparing(ReuseLink::source).thenComparing(ReuseLink::target));
            String story = r.getAs("story");
            List<String> out = new ArrayList<>();
            org.parallax.stories.EventIndex where = org.parallax.stories.EventIndex.empty();
            for (Row e : r.<Row>getList(r.fieldIndex("events"))) {
                for (Row g : e.<Row>getList(e.fieldIndex("segments"))) {
                    where.add(e.getAs("id"), g.getAs("article"), g.<Integer>getAs("start"));
                }
            }
            for (FigureGroup g : FigureGroups.group(story, list, sentences, ls, where, undatedArticles)) {
                ObjectNode n = intervals(JsonReport.figureGroup(g, byId));
                ObjectNode withStory = JsonNodeFactory.instance.objectNode().put("story", story);
                withStory.setAll(n);
                out.add(withStory.toString());
            }
            return out.iterator();
        }, Encoders.STRING());
        return figureRows.sparkSession().read().schema(FIGURE_GROUP).json(json);
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
    }
}
