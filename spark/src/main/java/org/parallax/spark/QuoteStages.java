package org.parallax.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parallax.extract.Article;
import org.parallax.pipeline.PipelineConfig;
import org.parallax.quotes.EntityResolver;
import org.parallax.quotes.EntityType;
import org.parallax.quotes.Mention;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteGroup;
import org.parallax.quotes.QuoteGroups;
import org.parallax.quotes.QuoteStage;
import org.parallax.report.JsonReport;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;

/**
 * The quotes stage on Spark: the command line's {@link QuoteStage.Steps} per article on the
 * executors, the corpus-wide evidence between them gathered by aggregations and broadcast, and
 * the groupings distributed:
 *
 * <ol>
 *   <li>{@code quote_evidence}: per article, people named in full, declared aliases and
 *       one-word speaker votes; summed into what the corpus knows of names
 *       ({@link QuoteStage.Known}, broadcast);</li>
 *   <li>{@code quote_mentions}: per article, its mentions of names and its votes on genders
 *       (summed, broadcast);</li>
 *   <li>{@code quote_speech}: per article, quotations and reported speech with speakers
 *       resolved to names;</li>
 *   <li>{@code entity_groups}, {@code entities}, {@code entity_names}: every use of a name
 *       keyed as {@link EntityResolver#groupKey} keys it, each key's uses grouped on an
 *       executor in corpus order ({@link EntityResolver#groups}), ids given in the command
 *       line's order (canonical name, type, first use);</li>
 *   <li>{@code quote_rows}, {@code quote_groups}, {@code quotes}: quotes numbered in corpus
 *       order with their speakers' entities; candidate pairs from shared word trigrams (stock
 *       phrases, in more than {@link QuoteGroups#MAX_TRIGRAM_QUOTES} quotes, dropped from
 *       counts alone), split into connected components, each grouped by
 *       {@link QuoteGroups#of(List, Map, Map, java.util.Set)} on an executor and numbered in
 *       the report's order.</li>
 * </ol>
 * Entities, quotes and quote groups equal the command line's on the same articles.
 */
final class QuoteStages {
    private QuoteStages() {
    }

    static final StructType ENTITY = StructType.fromDDL("id STRING, name STRING, type STRING, aliases ARRAY<STRING>, "
            + "articles ARRAY<STRING>, mentions ARRAY<STRUCT<article: STRING, start: INT, `end`: INT, text: STRING>>");
    static final StructType QUOTE = StructType.fromDDL("id STRING, article STRING, start INT, `end` INT, text STRING, "
            + "kind STRING, speaker STRING, speakerText STRING, speakerStart INT, speakerEnd INT, cue STRING, `group` STRING");
    static final StructType QUOTE_GROUP = StructType.fromDDL("id STRING, quotes ARRAY<STRING>, first STRING, "
            + "articles ARRAY<STRING>, speakers ARRAY<STRING>, variants ARRAY<STRUCT<quote: STRING, base: STRING, "
            + "verbatim: BOOLEAN, excerpt: BOOLEAN, altered: BOOLEAN, similarity: DOUBLE, cut: STRING, splicedFrom: ARRAY<STRING>, "
            + "speakerChanged: STRUCT<`from`: STRING, `to`: STRING>, changes: ARRAY<STRUCT<type: STRING, text: STRING, "
            + "start: INT, `end`: INT, baseText: STRING, baseStart: INT, baseEnd: INT>>>>");

    private static final StructType VOTE = new StructType().add("key", DataTypes.StringType)
            .add("a", DataTypes.IntegerType).add("b", DataTypes.IntegerType);
    static final StructType EVIDENCE = new StructType().add("n", DataTypes.LongType).add("id", DataTypes.StringType)
            .add("persons", DataTypes.createArrayType(DataTypes.StringType))
            .add("aliasNames", DataTypes.createArrayType(DataTypes.StringType))
            .add("singles", DataTypes.createArrayType(VOTE)).add("aliases", DataTypes.BinaryType);
    static final StructType MENTIONS = new StructType().add("n", DataTypes.LongType).add("id", DataTypes.StringType)
            .add("mentions", DataTypes.BinaryType).add("votes", DataTypes.createArrayType(VOTE));
    static final StructType SPEECH = new StructType().add("n", DataTypes.LongType).add("id", DataTypes.StringType)
            .add("speech", DataTypes.BinaryType).add("count", DataTypes.IntegerType);
    private static final StructType USE = new StructType().add("phase", DataTypes.IntegerType)
            .add("n", DataTypes.LongType).add("k", DataTypes.IntegerType).add("key", DataTypes.StringType)
            .add("use", DataTypes.BinaryType);
    static final StructType ENTITY_GROUP = new StructType().add("canonical", DataTypes.StringType)
            .add("type", DataTypes.StringType).add("phase", DataTypes.IntegerType).add("n", DataTypes.LongType)
            .add("k", DataTypes.IntegerType).add("group", DataTypes.BinaryType);
    static final StructType ENTITY_NAME = new StructType().add("article", DataTypes.StringType)
            .add("name", DataTypes.StringType).add("type", DataTypes.StringType).add("entity", DataTypes.StringType);
    static final StructType QUOTE_ROW = new StructType().add("q", DataTypes.LongType).add("n", DataTypes.LongType)
            .add("article", DataTypes.StringType).add("published", DataTypes.StringType)
            .add("start", DataTypes.IntegerType).add("quote", DataTypes.BinaryType);
    private static final StructType KEY = new StructType().add("q", DataTypes.LongType).add("key", DataTypes.StringType);
    private static final StructType DRAFT = new StructType().add("published", DataTypes.StringType)
            .add("n", DataTypes.LongType).add("start", DataTypes.IntegerType).add("group", DataTypes.BinaryType);

    private static QuoteStage.Steps steps() {
        return new QuoteStage.Steps(PipelineConfig.defaults().quotes());
    }

    /** An article row analysed in full (sentences, paragraphs, tokens), as the command line has it. */
    private static Annotated analysed(Row r) {
        Article a = ArticleRows.article(r, r.getAs("id"));
        return new Annotated(a, TextAnalyzer.analyze(a, PipelineConfig.defaults().text()));
    }

    private static Dataset<Row> texts(Dataset<Row> articles) {
        return articles.select("n", "id", "source", "outlet", "domain", "url", "title", "author", "published", "body",
                "bodyMap", "removed");
    }

    private static List<Row> votes(Map<String, int[]> votes) {
        List<Row> out = new ArrayList<>();
        votes.forEach((k, v) -> out.add(RowFactory.create(k, v[0], v[1])));
        return out;
    }

    private static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
    }

    static Dataset<Row> evidence(Dataset<Row> articles) {
        return texts(articles).mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            QuoteStage.Steps steps = steps();
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                QuoteStage.Evidence e = steps.evidence(analysed(r));
                List<String> aliasNames = e.aliases().stream().map(Mention::text).toList();
                out.add(RowFactory.create(r.getAs("n"), r.getAs("id"), seq(e.persons()), seq(aliasNames),
                        seq(votes(e.singles())), Bytes.of(new ArrayList<>(e.aliases()))));
            }
            return out.iterator();
        }, Encoders.row(EVIDENCE));
    }

    /** What every article's evidence tells of names, gathered. */
    static QuoteStage.Known known(Dataset<Row> evidence) {
        List<String> persons = evidence.select(explode(col("persons"))).distinct().as(Encoders.STRING()).collectAsList();
        List<String> aliasNames = evidence.select(explode(col("aliasNames"))).distinct().as(Encoders.STRING())
                .collectAsList();
        return QuoteStage.Known.of(persons, aliasNames, summed(evidence, "singles"));
    }

    private static Map<String, int[]> summed(Dataset<Row> table, String column) {
        Map<String, int[]> out = new HashMap<>();
        for (Row r : table.select(explode(col(column)).as("v")).groupBy("v.key").agg(sum("v.a"), sum("v.b"))
                .collectAsList()) {
            out.put(r.getString(0), new int[] {(int) r.getLong(1), (int) r.getLong(2)});
        }
        return out;
    }

    static Dataset<Row> mentions(Dataset<Row> articles, Dataset<Row> evidence, QuoteStage.Known known) {
        Broadcast<QuoteStage.Known> k = broadcast(articles, known);
        return texts(articles).join(evidence.select("n", "aliases"), "n")
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
                    QuoteStage.Steps steps = steps();
                    List<Row> out = new ArrayList<>();
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        Annotated d = analysed(r);
                        List<Mention> aliases = Bytes.read(r.getAs("aliases"));
                        List<Mention> ms = steps.mentions(d, new QuoteStage.Evidence(List.of(), aliases, Map.of()),
                                k.value());
                        out.add(RowFactory.create(r.getAs("n"), r.getAs("id"), Bytes.of(new ArrayList<>(ms)),
                                seq(votes(steps.genderVotes(d, ms)))));
                    }
                    return out.iterator();
                }, Encoders.row(MENTIONS));
    }

    static Dataset<Row> speech(Dataset<Row> articles, Dataset<Row> mentions, QuoteStage.Known known) {
        Broadcast<QuoteStage.Known> k = broadcast(articles, known);
        Broadcast<HashMap<String, int[]>> votes = broadcast(articles, new HashMap<>(summed(mentions, "votes")));
        return texts(articles).join(mentions.select("n", "mentions"), "n")
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
                    QuoteStage.Steps steps = steps();
                    List<Row> out = new ArrayList<>();
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        List<Mention> ms = Bytes.read(r.getAs("mentions"));
                        List<QuoteStage.Speech> speech = steps.speech(analysed(r), ms, k.value(), votes.value());
                        out.add(RowFactory.create(r.getAs("n"), r.getAs("id"), Bytes.of(new ArrayList<>(speech)),
                                speech.size()));
                    }
                    return out.iterator();
                }, Encoders.row(SPEECH));
    }

    private static <T> Broadcast<T> broadcast(Dataset<Row> any, T value) {
        return JavaSparkContext.fromSparkContext(any.sparkSession().sparkContext()).broadcast(value);
    }

    /**
     * Every use of a name — mentions first, then resolved speakers, each in corpus order —
     * keyed, and each key's uses grouped into entities on an executor.
     */
    static Dataset<Row> entityGroups(Dataset<Row> evidence, Dataset<Row> mentions, Dataset<Row> speech) {
        List<String[]> pairs = new ArrayList<>();
        for (Row r : evidence.filter(size(col("aliasNames")).gt(0)).orderBy("n").select("aliasNames").collectAsList()) {
            List<String> names = r.getList(0);
            for (int i = 0; i + 1 < names.size(); i += 2) {
                pairs.add(new String[] {names.get(i), names.get(i + 1)});
            }
        }
        Broadcast<HashMap<String, String>> roots = broadcast(evidence, new HashMap<>(EntityResolver.aliasRoots(pairs)));
        Dataset<Row> named = mentions.flatMap((FlatMapFunction<Row, Row>) r -> {
            List<Mention> ms = Bytes.read(r.getAs("mentions"));
            List<Row> out = new ArrayList<>();
            for (int k = 0; k < ms.size(); k++) {
                EntityResolver.NameUse u = EntityResolver.NameUse.of(ms.get(k));
                out.add(RowFactory.create(0, r.getAs("n"), k, EntityResolver.groupKey(u, roots.value()), Bytes.of(u)));
            }
            return out.iterator();
        }, Encoders.row(USE));
        Dataset<Row> speakers = speech.flatMap((FlatMapFunction<Row, Row>) r -> {
            List<QuoteStage.Speech> sp = Bytes.read(r.getAs("speech"));
            List<Row> out = new ArrayList<>();
            for (int k = 0; k < sp.size(); k++) {
                if (sp.get(k).name() != null) {
                    EntityResolver.NameUse u = sp.get(k).use(r.getAs("id"));
                    out.add(RowFactory.create(1, r.getAs("n"), k, EntityResolver.groupKey(u, roots.value()), Bytes.of(u)));
                }
            }
            return out.iterator();
        }, Encoders.row(USE));
        return named.union(speakers).groupBy("key").agg(collect_list(struct("phase", "n", "k", "use")).as("uses"))
                .flatMap((FlatMapFunction<Row, Row>) r -> {
                    List<Row> uses = new ArrayList<>(r.getList(1));
                    uses.sort(Comparator.comparingInt((Row u) -> u.getInt(0)).thenComparingLong(u -> u.getLong(1))
                            .thenComparingInt(u -> u.getInt(2)));
                    List<EntityResolver.NameUse> inOrder = new ArrayList<>();
                    IdentityHashMap<EntityResolver.NameUse, Row> where = new IdentityHashMap<>();
                    for (Row u : uses) {
                        EntityResolver.NameUse use = Bytes.read(u.getAs("use"));
                        inOrder.add(use);
                        where.put(use, u);
                    }
                    List<Row> out = new ArrayList<>();
                    for (EntityResolver.Group g : EntityResolver.groups(inOrder)) {
                        Row first = where.get(g.uses().get(0));
                        for (EntityResolver.NameUse u : g.uses()) {
                            Row w = where.get(u);
                            if (order(w, first) < 0) {
                                first = w;
                            }
                        }
                        out.add(RowFactory.create(g.canonical(), g.type().name(), first.getInt(0), first.getLong(1),
                                first.getInt(2), Bytes.of(new EntityResolver.Group(g.type(), new ArrayList<>(g.uses())))));
                    }
                    return out.iterator();
                }, Encoders.row(ENTITY_GROUP));
    }

    private static int order(Row a, Row b) {
        int c = Integer.compare(a.getInt(0), b.getInt(0));
        if (c == 0) {
            c = Long.compare(a.getLong(1), b.getLong(1));
        }
        return c != 0 ? c : Integer.compare(a.getInt(2), b.getInt(2));
    }

    /** Entity ids by the first use of each group ("phase:n:k"), in the command line's order. */
    static HashMap<String, String> entityIds(Dataset<Row> groups) {
        record Key(String canonical, EntityType type, int phase, long n, int k) {
        }
        List<Key> keys = new ArrayList<>();
        for (Iterator<Row> it = groups.select("canonical", "type", "phase", "n", "k").toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            keys.add(new Key(r.getString(0), EntityType.valueOf(r.getString(1)), r.getInt(2), r.getLong(3), r.getInt(4)));
        }
        keys.sort(Comparator.comparing(Key::canonical).thenComparing(Key::type).thenComparingInt(Key::phase)
                .thenComparingLong(Key::n).thenComparingInt(Key::k));
        HashMap<String, String> ids = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            ids.put(k.phase() + ":" + k.n() + ":" + k.k(), "e" + (i + 1));
        }
        return ids;
    }

    private static String id(Row group, Broadcast<HashMap<String, String>> ids) {
        return ids.value().get(group.getInt(2) + ":" + group.getLong(3) + ":" + group.getInt(4));
    }

    static Dataset<Row> entities(Dataset<Row> groups, HashMap<String, String> entityIds) {
        Broadcast<HashMap<String, String>> ids = broadcast(groups, entityIds);
        Dataset<String> json = groups.map((MapFunction<Row, String>) r -> {
            EntityResolver.Group g = Bytes.read(r.getAs("group"));
            return JsonReport.entity(EntityResolver.entity(id(r, ids), g)).toString();
        }, Encoders.STRING());
        return groups.sparkSession().read().schema(ENTITY).json(json);
    }

    /** Which entity each article's use of a name as a type stands for. */
    static Dataset<Row> entityNames(Dataset<Row> groups, HashMap<String, String> entityIds) {
        Broadcast<HashMap<String, String>> ids = broadcast(groups, entityIds);
        return groups.flatMap((FlatMapFunction<Row, Row>) r -> {
            EntityResolver.Group g = Bytes.read(r.getAs("group"));
            String id = id(r, ids);
            List<Row> out = new ArrayList<>();
            for (EntityResolver.NameUse u : g.uses()) {
                out.add(RowFactory.create(u.articleId(), u.name(), u.type().name(), id));
            }
            return out.iterator();
        }, Encoders.row(ENTITY_NAME)).distinct();
    }

    /**
     * Quotes numbered {@code q1, q2, …} in corpus order (articles, then each article's order),
     * with their speakers' entities: the entity of the article's use of the name as that type,
     * else (an organisation or place) as the other of the two.
     */
    static Dataset<Row> quoteRows(Dataset<Row> articles, Dataset<Row> speech, Dataset<Row> names) {
        List<Row> counts = speech.select("n", "count").orderBy("n").collectAsList();
        HashMap<Long, Long> offsets = new HashMap<>();
        long at = 0;
        for (Row c : counts) {
            offsets.put(c.getLong(0), at);
            at += c.getInt(1);
        }
        Broadcast<HashMap<Long, Long>> off = broadcast(speech, offsets);
        StructType each = new StructType().add("q", DataTypes.LongType).add("n", DataTypes.LongType)
                .add("article", DataTypes.StringType).add("name", DataTypes.StringType).add("type", DataTypes.StringType)
                .add("alt", DataTypes.StringType).add("speech", DataTypes.BinaryType);
        Dataset<Row> rows = speech.flatMap((FlatMapFunction<Row, Row>) r -> {
            List<QuoteStage.Speech> sp = Bytes.read(r.getAs("speech"));
            long first = off.value().get(r.<Long>getAs("n"));
            List<Row> out = new ArrayList<>();
            for (int k = 0; k < sp.size(); k++) {
                QuoteStage.Speech s = sp.get(k);
                String type = s.type() == null ? null : s.type().name();
                String alt = s.type() == EntityType.PLACE ? EntityType.ORGANIZATION.name()
                        : s.type() == EntityType.ORGANIZATION ? EntityType.PLACE.name() : null;
                out.add(RowFactory.create(first + k + 1, r.getAs("n"), r.getAs("id"), s.name(), type, alt,
                        Bytes.of(s)));
            }
            return out.iterator();
        }, Encoders.row(each));
        Dataset<Row> direct = names.withColumnRenamed("entity", "e1");
        Dataset<Row> other = names.withColumnRenamed("entity", "e2").withColumnRenamed("type", "alt");
        Dataset<Row> published = articles.select(col("n"), col("published"));
        return rows.join(direct, seq("article", "name", "type"), "left")
                .join(other, seq("article", "name", "alt"), "left")
                .join(published, seq("n"), "left")
                .map((MapFunction<Row, Row>) r -> {
                    QuoteStage.Speech s = Bytes.read(r.getAs("speech"));
                    String entity = r.getAs("e1") != null ? r.getAs("e1") : r.getAs("e2");
                    Quote q = s.quote("q" + r.<Long>getAs("q"), r.getAs("article"), s.name() == null ? null : entity);
                    return RowFactory.create(r.getAs("q"), r.getAs("n"), r.getAs("article"), r.getAs("published"),
                            q.start(), Bytes.of(q));
                }, Encoders.row(QUOTE_ROW));
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
    }

    /**
     * Each quote's scope, as {@link org.parallax.stories.EventIndex#at}: the event of its article's segment that
     * starts last at or before it, else of the article's first segment; quotes of articles in
     * no story get none (null).
     */
    static Dataset<Row> scopes(Dataset<Row> quoteRows, Dataset<Row> stories) {
        Dataset<Row> segments = stories.select(explode(col("events")).as("e"))
                .select(col("e.id").as("event"), explode(col("e.segments")).as("g"))
                .select(col("event"), col("g.article").as("sa"), col("g.start").as("ss"));
        Dataset<Row> joined = quoteRows.select(col("q"), col("article"), col("start"))
                .join(segments, col("article").equalTo(col("sa")));
        Dataset<Row> chosen = joined.groupBy("q").agg(
                org.apache.spark.sql.functions.max(when(col("ss").leq(col("start")), struct(col("ss"), col("event"))))
                        .as("best"),
                org.apache.spark.sql.functions.min(struct(col("ss"), col("event"))).as("first"));
        return quoteRows.join(chosen.select(col("q"), org.apache.spark.sql.functions.coalesce(col("best.event"),
                col("first.event")).as("scope")), seq("q"), "left");
    }

    /**
     * Quote groups: candidate pairs from the quotes' keys within their scope (an event, {@link
     * #scopes}; keys in more than the stock-phrase bound dropped by their counts), connected
     * components of the pairs, each component grouped on an executor with the corpus's stock
     * phrases among its keys; numbered by first appearance over the corpus.
     */
    static Dataset<Row> quoteGroups(Dataset<Row> rows, Dataset<Row> stories) {
        int max = QuoteGroups.MAX_TRIGRAM_QUOTES;
        Dataset<Row> quoteRows = scopes(rows, stories);
        Dataset<Row> keys = quoteRows.filter(col("scope").isNotNull()).flatMap((FlatMapFunction<Row, Row>) r -> {
            Quote q = Bytes.read(r.getAs("quote"));
            List<Row> out = new ArrayList<>();
            for (String k : QuoteGroups.keys(q, r.getAs("scope"))) {
                out.add(RowFactory.create(r.getAs("q"), k));
            }
            return out.iterator();
        }, Encoders.row(KEY));
        Dataset<Row> df = keys.groupBy("key").agg(count("*").as("df"));
        Dataset<Row> pairs = SparkJob.pairs(keys.join(df.filter(col("df").geq(2).and(col("df").leq(max))), "key")
                .groupBy("key").agg(collect_list("q").as("qs"))).distinct();
        Dataset<Row> labels = Components.of(pairs).withColumnRenamed("v", "q");
        // Each quote's keys that are stock phrases over the corpus.
        Dataset<Row> stock = keys.join(df.filter(col("df").gt(max)), "key").groupBy("q")
                .agg(collect_list("key").as("stock"));
        Dataset<Row> members = quoteRows.join(labels, "q").join(stock, seq("q"), "left");
        Dataset<Row> drafts = members.groupBy("label")
                .agg(collect_list(struct("q", "n", "article", "published", "quote", "stock", "scope")).as("m"))
                .flatMap((FlatMapFunction<Row, Row>) r -> {
                    List<Row> m = new ArrayList<>(r.getList(1));
                    m.sort(Comparator.comparingLong(x -> x.getLong(0)));
                    List<Quote> quotes = new ArrayList<>();
                    Map<String, Integer> order = new HashMap<>();
                    Map<String, LocalDate> published = new HashMap<>();
                    java.util.Set<String> stockKeys = new HashSet<>();
                    Map<String, Row> byId = new HashMap<>();
                    Map<String, String> scope = new HashMap<>();
                    for (Row x : m) {
                        Quote q = Bytes.read(x.getAs("quote"));
                        quotes.add(q);
                        byId.put(q.id(), x);
                        scope.put(q.id(), x.getAs("scope"));
                        order.put(q.articleId(), (int) x.getLong(1));
                        String p = x.getAs("published");
                        if (p != null) {
                            published.put(q.articleId(), LocalDate.parse(p));
                        }
                        List<String> s = x.isNullAt(5) ? List.of() : x.getList(5);
                        stockKeys.addAll(s);
                    }
                    List<Row> out = new ArrayList<>();
                    for (QuoteGroup g : QuoteGroups.of(quotes, order, published, stockKeys, scope)) {
                        Row first = byId.get(g.first());
                        Quote fq = Bytes.read(first.getAs("quote"));
                        out.add(RowFactory.create(first.getAs("published"), first.getLong(1), fq.start(), Bytes.of(g)));
                    }
                    return out.iterator();
                }, Encoders.row(DRAFT));
        // The report's order: by the first appearance's date (undated last), article, place.
        var numbered = drafts.orderBy(col("published").asc_nulls_last(), col("n"), col("start")).toJavaRDD().zipWithIndex()
                .map(p -> {
                    QuoteGroup g = Bytes.read(p._1().getAs("group"));
                    return JsonReport.quoteGroup(new QuoteGroup("g" + (p._2() + 1), g.quotes(), g.first(), g.articles(),
                            g.speakers(), g.variants())).toString();
                });
        SparkSession spark = quoteRows.sparkSession();
        return spark.read().schema(QUOTE_GROUP).json(spark.createDataset(numbered.rdd(), Encoders.STRING()));
    }

    /** The report's quotes, each with its group. */
    static Dataset<Row> quotes(Dataset<Row> quoteRows, Dataset<Row> groups) {
        Dataset<Row> groupOf = groups.select(explode(col("quotes")).as("qid"), col("id").as("g"));
        Dataset<String> json = quoteRows.join(groupOf, quoteRows.col("q").equalTo(
                        org.apache.spark.sql.functions.expr("cast(substring(qid, 2) as long)")), "left")
                .orderBy("q")
                .map((MapFunction<Row, String>) r -> {
                    Quote q = Bytes.read(r.getAs("quote"));
                    return JsonReport.quote(q, r.getAs("g")).toString();
                }, Encoders.STRING());
        return quoteRows.sparkSession().read().schema(QUOTE).json(json);
    }
}
