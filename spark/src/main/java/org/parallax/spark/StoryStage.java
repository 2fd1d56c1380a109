package org.parallax.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parallax.stories.Story;
import org.parallax.stories.StoryClusterer;
import org.parallax.stories.StoryConfig;
import org.parallax.stories.StoryStream;

/**
 * The story stage over the {@code story_parts} table, in the single-machine clusterer's steps
 * with the corpus-wide ones distributed:
 *
 * <ol>
 *   <li>reprint groups: connected components of the links covering enough of either article
 *       ({@link Components}), each component one reprint key;</li>
 *   <li>document frequencies of words, word pairs and numbers over all segments, with the
 *       segment that first shows each (aggregations), which fix the clusterer's feature
 *       ids;</li>
 *   <li>the one pass: segments sorted by date (undated last) then corpus order and streamed
 *       to the driver through {@link StoryClusterer.Assembly} — its memory is the open pools and
 *       a few numbers per segment, not the word counts of the corpus;</li>
 *   <li>titles: each event's and story's members joined back with their word counts and
 *       titles, the most central found per group on the executors
 *       ({@link StoryClusterer#centralTitle}).</li>
 * </ol>
 * The stories equal the command line's on the same articles (ids included).
 */
final class StoryStage {
    private StoryStage() {
    }

    static final StructType UNIT = new StructType().add("n", DataTypes.LongType).add("part", DataTypes.IntegerType)
            .add("unit", DataTypes.IntegerType).add("event", DataTypes.IntegerType).add("story", DataTypes.IntegerType);
    private static final StructType TITLE = new StructType().add("key", DataTypes.IntegerType)
            .add("title", DataTypes.StringType);

    static Dataset<Row> stories(Dataset<Row> parts, Dataset<Row> reuse, StoryConfig config) {
        SparkSession spark = parts.sparkSession();
        // 1. Reprint groups.
        Dataset<Row> edges = reuse.filter((org.apache.spark.api.java.function.FilterFunction<Row>) r ->
                        StoryClusterer.reprints(r.<Double>getAs("targetCoverage"), r.<Double>getAs("sourceCoverage"), config))
                .select(col("source").substr(2, 20).cast("long").as("a"), col("target").substr(2, 20).cast("long").as("b"));
        Dataset<Row> reprints = Components.of(edges).withColumnRenamed("v", "n");

        // 2. Frequencies, and the corpus (ids and body lengths in order).
        StoryStream.Frequencies f = frequencies(parts);
        List<String> ids = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        Long2IntOpenHashMap docOf = new Long2IntOpenHashMap();
        List<Long> nOf = new ArrayList<>();
        for (Iterator<Row> it = parts.filter(col("part").equalTo(0)).select("n", "article", "bodyLength").orderBy("n")
                .toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            docOf.put(r.getLong(0), ids.size());
            nOf.add(r.getLong(0));
            ids.add(r.getString(1));
            lengths.add(r.getInt(2));
        }
        var corpus = new StoryClusterer.Corpus(ids, lengths.stream().mapToInt(Integer::intValue).toArray());

        // 3. The pass, in stream order.
        StoryClusterer.Assembly assembly = StoryClusterer.Assembly.batch(config, f);
        Dataset<Row> stream = parts.drop("article", "bodyLength").join(reprints, seq("n"), "left")
                .orderBy(col("date").asc_nulls_last(), col("n"), col("part"));
        for (Iterator<Row> it = stream.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            StoryClusterer.Part p = StoryRows.part(r);
            Object label = r.getAs("label");
            String key = p.segment().whole() && label != null ? StoryClusterer.reprintKey((Long) label) : null;
            assembly.offer(docOf.get(r.<Long>getAs("n")), r.<Integer>getAs("part"), p, key);
        }
        StoryClusterer.Clusters clusters = assembly.finish(corpus);

        // 4. Titles: per event and per story, keyed by its first unit.
        List<Row> units = new ArrayList<>();
        for (List<List<Integer>> story : clusters.stories()) {
            int storyKey = story.stream().mapToInt(e -> e.get(0)).min().orElseThrow();
            for (List<Integer> event : story) {
                for (int u : event) {
                    units.add(RowFactory.create(nOf.get(clusters.doc(u)), clusters.part(u), u, event.get(0), storyKey));
                }
            }
        }
        Broadcast<StoryStream.Frequencies> freq = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(f);
        Dataset<Row> members = spark.createDataFrame(spread(spark, units), UNIT)
                .join(parts.select("n", "part", "title", "terms"),
                        seq("n", "part"));
        Map<Integer, String> eventTitles = titles(members, "event", freq);
        Map<Integer, String> storyTitles = titles(members, "story", freq);
        List<Row> rows = new ArrayList<>();
        for (Story s : StoryClusterer.build(clusters, (m, story) -> (story ? storyTitles : eventTitles).get(m.get(0)))) {
            rows.add(StoryRows.story(s));
        }
        return spark.createDataFrame(spread(spark, rows), StoryRows.STORY);
    }

    /**
     * Rows made on the driver as a distributed collection in slices of at most 20,000 rows:
     * no single task (or query plan) carries a million of them.
     */
    private static org.apache.spark.api.java.JavaRDD<Row> spread(SparkSession spark, List<Row> rows) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return jsc.parallelize(rows, Math.max(jsc.defaultParallelism(), rows.size() / 20_000 + 1));
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
    }

    /** Central titles of the groups of {@code key} (event or story), on the executors. */
    private static Map<Integer, String> titles(Dataset<Row> members, String key, Broadcast<StoryStream.Frequencies> f) {
        Dataset<Row> titled = members.groupBy(key).agg(collect_list(struct("unit", "title", "terms")).as("m"))
                .map((MapFunction<Row, Row>) r -> {
                    List<Row> m = new ArrayList<>(r.getList(1));
                    m.sort(Comparator.comparingInt(x -> x.getInt(0)));
                    List<Map<String, Integer>> terms = new ArrayList<>();
                    List<String> titles = new ArrayList<>();
                    for (Row x : m) {
                        terms.add(x.getJavaMap(2));
                        titles.add(x.getString(1));
                    }
                    return RowFactory.create(r.getInt(0), StoryClusterer.centralTitle(terms, titles, f.value()));
                }, Encoders.row(TITLE));
        Map<Integer, String> out = new HashMap<>();
        for (Iterator<Row> it = titled.toLocalIterator(); it.hasNext(); ) {
            Row r = it.next();
            out.put(r.getInt(0), r.getString(1));
        }
        return out;
    }

    /**
     * Document frequencies of the three weighed features over all segments, declared in the
     * order the single-machine count meets them: by the first segment (corpus order) holding
     * each, then in String order.
     */
    /** A feature with its document frequency. */
    private record Seen(String feature, int df) {
    }

    static StoryStream.Frequencies frequencies(Dataset<Row> parts) {
        StoryStream.Frequencies f = new StoryStream.Frequencies();
        for (StoryStream.Feature kind : StoryStream.Feature.values()) {
            String column = kind.name().toLowerCase(java.util.Locale.ROOT);
            // Only features of two segments or more: one segment's own match nothing, and the
            // clusterer gives them ids of their own as they arrive (most word pairs are such).
            Dataset<Row> counted = parts.select(col("n"), col("part"), explode(map_keys(col(column))).as("f"))
                    .groupBy("f").agg(count("*").as("df"), min(struct(col("n"), col("part"))).as("first"))
                    .filter(col("df").geq(2))
                    .select(col("f"), col("df"), col("first.n").as("n"), col("first.part").as("part"))
                    .orderBy("n", "part");
            // Streamed in order of first segment; each segment's features put in String order here.
            List<Seen> batch = new ArrayList<>();
            long n = -1;
            int part = -1;
            for (Iterator<Row> it = counted.toLocalIterator(); it.hasNext(); ) {
                Row r = it.next();
                if (r.getLong(2) != n || r.getInt(3) != part) {
                    define(f, kind, batch);
                    n = r.getLong(2);
                    part = r.getInt(3);
                }
                batch.add(new Seen(r.getString(0), (int) r.getLong(1)));
            }
            define(f, kind, batch);
        }
        f.documents(parts.count());
        return f;
    }

    /** Declares one segment's new features, in String order, and empties the batch. */
    private static void define(StoryStream.Frequencies f, StoryStream.Feature kind, List<Seen> batch) {
        batch.sort(Comparator.comparing(Seen::feature));
        for (Seen s : batch) {
            f.define(kind, s.feature(), s.df());
        }
        batch.clear();
    }
}
