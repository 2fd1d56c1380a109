package org.parallax.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parallax.extract.Extraction;
import org.parallax.extract.Extractor;
import org.parallax.pipeline.PipelineConfig;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Parallax as an Apache Spark job: the same stage code as the command line, the per-article
 * stages as maps over partitions, the corpus-wide ones with distributed algorithms. Each stage
 * writes a Parquet table under the output directory and is skipped when that table is there
 * already (written whole: Spark's {@code _SUCCESS} marker), so a failed job resumes where it
 * stopped.
 *
 * <ol>
 *   <li>{@code read}: input files (in the order the command line reads them) spread over the
 *       executors; each file read, its documents extracted; problems kept as rows.</li>
 *   <li>{@code articles}, {@code problems}: ids {@code a<n>} in reading order, as the
 *       single-machine pipeline gives them (per-file counts, prefix sums on the driver).</li>
 *   <li>{@code reuse}: shingle keys per article; keys in more than {@code maxDocFrequency}
 *       articles dropped before any list is built (skew-safe); candidate pairs from the keys'
 *       article lists, kept with at least {@code minSharedShingles} shared keys; each pair
 *       aligned by {@link ReuseFinder#link}.</li>
 * </ol>
 */
@Command(name = "parallax spark", mixinStandardHelpOptions = true,
        description = "Run the analysis as an Apache Spark job (in process with --master local[N], or through spark-submit).")
public final class SparkJob implements Callable<Integer> {
    @Option(names = "--master", description = "Spark master, e.g. local[2]; omitted under spark-submit")
    String master;

    @Option(names = "--input", required = true, split = ",", description = "input files or folders: paths every executor "
            + "sees, or URIs of a Hadoop file system (hdfs://, s3a://, file:///)")
    List<String> inputs;

    @Option(names = "--output", required = true, description = "output directory (a Parquet table per stage)")
    String output;

    @Option(names = "--partitions", description = "partitions for the shuffles (default: one per 2,000 articles, at least "
            + "Spark's default parallelism × 4)")
    int partitions;

    @Option(names = "--until", description = "stop after this stage (e.g. stories: reuse and stories only)")
    String until;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkJob()).execute(args));
    }

    @Override
    public Integer call() {
        SparkSession.Builder b = SparkSession.builder().appName("parallax");
        if (master != null) {
            b.master(master);
            if (master.startsWith("local")) {
                // In process: no cluster to be reached, nothing to show on a network.
                b.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                        .config("spark.ui.enabled", "false");
            }
        }
        SparkSession spark = b.getOrCreate();
        try {
            Result r = runOn(spark, inputs, output, partitions, until);
            StringBuilder rows = new StringBuilder();
            r.rows().forEach((t, n) -> rows.append(rows.length() == 0 ? "" : ", ").append(t).append(' ').append(n));
            System.err.println("parallax spark: " + output + ": " + rows);
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** Articles a shuffle partition of the corpus-wide stages carries, when --partitions is not given. */
    static final int ARTICLES_PER_PARTITION = 2000;

    /** Row counts of the tables a run leaves. */
    public record Result(java.util.SortedMap<String, Long> rows) {
        public long articles() {
            return rows.getOrDefault("articles", -1L);
        }

        public long reuseLinks() {
            return rows.getOrDefault("reuse", -1L);
        }

        public long stories() {
            return rows.getOrDefault("stories", -1L);
        }
    }

    /** Every stage, in the order they run. */
    static final List<String> STAGES = List.of("read", "articles", "problems", "reuse", "reuse_clusters", "duplicates",
            "story_parts", "stories", "quote_evidence", "quote_mentions", "quote_speech", "entity_groups", "entities",
            "entity_names", "quote_rows", "quote_groups", "quotes", "figure_rows", "figures", "figure_groups");

    /** The tables of the report, counted at the end of a run (those the run got to). */
    static final List<String> REPORT_TABLES = List.of("articles", "problems", "reuse", "reuse_clusters", "duplicates",
            "stories", "entities", "quotes", "quote_groups", "figures", "figure_groups");

    /** Runs (or resumes) the stages; returns what the tables hold. */
    public static Result run(SparkSession spark, List<Path> inputs, String output, int partitions) {
        return run(spark, inputs, output, partitions, null);
    }

    /** As {@link #run(SparkSession, List, String, int, String)} on local paths. */
    public static Result run(SparkSession spark, List<Path> inputs, String output, int partitions, String until) {
        return runOn(spark, inputs.stream().map(Path::toString).toList(), output, partitions, until);
    }

    /**
     * As {@link #run(SparkSession, List, String, int)}, stopping after the stage {@code until}
     * (null: all); inputs are local paths or URIs of any Hadoop file system ({@code hdfs://},
     * {@code s3a://}, {@code file:///}).
     */
    public static Result runOn(SparkSession spark, List<String> inputs, String output, int partitions, String until) {
        if (until != null && !STAGES.contains(until)) {
            throw new IllegalArgumentException("no stage \"" + until + "\"; stages: " + String.join(", ", STAGES));
        }
        int least = spark.sparkContext().defaultParallelism() * 4;
        // A value given to spark-submit (--conf spark.sql.shuffle.partitions=…) is kept.
        boolean given = partitions > 0 || spark.sparkContext().getConf().contains("spark.sql.shuffle.partitions");
        if (partitions > 0) {
            spark.conf().set("spark.sql.shuffle.partitions", partitions);
        } else if (!given) {
            spark.conf().set("spark.sql.shuffle.partitions", least);
        }
        Stages st = new Stages(spark, output, until);
        st.run("read", () -> Inputs.read(spark, inputs));
        st.run("articles", () -> articles(st.table("read")));
        if (!given) {
            // Shuffles of the corpus-wide stages carry article texts: about 2,000 articles a
            // partition keeps each in memory (8 partitions for 100,000 articles spill, 4× slower).
            long n = st.table("articles").count();
            spark.conf().set("spark.sql.shuffle.partitions", (int) Math.max(least, Math.min(100_000, n / ARTICLES_PER_PARTITION + 1)));
        }
        st.run("problems", () -> st.table("read").filter(col("kind").equalTo("problem"))
                .select("source", "stage", "reason"));
        st.run("reuse", () -> reuse(st.table("articles"), ReuseConfig.defaults()));
        st.run("reuse_clusters", () -> ReuseGroups.clusters(st.table("reuse")));
        st.run("duplicates", () -> ReuseGroups.duplicates(st.table("reuse")));
        st.run("story_parts", () -> storyParts(st.table("articles")));
        st.run("stories", () -> StoryStage.stories(st.table("story_parts"), st.table("reuse"),
                PipelineConfig.defaults().stories()));
        st.run("quote_evidence", () -> QuoteStages.evidence(st.table("articles")));
        st.run("quote_mentions", () -> QuoteStages.mentions(st.table("articles"), st.table("quote_evidence"),
                QuoteStages.known(st.table("quote_evidence"))));
        st.run("quote_speech", () -> QuoteStages.speech(st.table("articles"), st.table("quote_mentions"),
                QuoteStages.known(st.table("quote_evidence"))));
        st.run("entity_groups", () -> QuoteStages.entityGroups(st.table("quote_evidence"), st.table("quote_mentions"),
                st.table("quote_speech")));
        if (!st.stopped && (!st.done("entities") || !st.done("entity_names"))) {
            java.util.HashMap<String, String> ids = QuoteStages.entityIds(st.table("entity_groups"));
            st.run("entities", () -> QuoteStages.entities(st.table("entity_groups"), ids));
            st.run("entity_names", () -> QuoteStages.entityNames(st.table("entity_groups"), ids));
        }
        st.run("quote_rows", () -> QuoteStages.quoteRows(st.table("articles"), st.table("quote_speech"),
                st.table("entity_names")));
        st.run("quote_groups", () -> QuoteStages.quoteGroups(st.table("quote_rows"), st.table("stories")));
        st.run("quotes", () -> QuoteStages.quotes(st.table("quote_rows"), st.table("quote_groups")));
        st.run("figure_rows", () -> FigureStages.figureRows(st.table("articles"), st.table("quote_rows"),
                st.table("entities")));
        st.run("figures", () -> FigureStages.figures(st.table("figure_rows")));
        st.run("figure_groups", () -> FigureStages.figureGroups(st.table("stories"), st.table("figure_rows"),
                st.table("reuse"), st.table("articles")));
        java.util.SortedMap<String, Long> rows = new java.util.TreeMap<>();
        for (String t : REPORT_TABLES) {
            if (st.done(t)) {
                rows.put(t, st.table(t).count());
            }
        }
        return new Result(rows);
    }

    /** Stage outputs under one directory, each written once. */
    private static final class Stages {
        private final SparkSession spark;
        private final String output;
        private final String until;
        boolean stopped;

        Stages(SparkSession spark, String output, String until) {
            this.spark = spark;
            this.output = output;
            this.until = until;
        }

        String path(String stage) {
            return output + "/" + stage;
        }

        boolean done(String stage) {
            org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(path(stage), "_SUCCESS");
            try {
                return marker.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(marker);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look at " + marker, e);
            }
        }

        void run(String stage, java.util.function.Supplier<Dataset<Row>> compute) {
            if (stopped) {
                return;
            }
            stopped = stage.equals(until);
            if (done(stage)) {
                System.err.println("parallax spark: " + stage + ": kept from an earlier run");
                return;
            }
            long t0 = System.nanoTime();
            compute.get().write().mode(SaveMode.Overwrite).parquet(path(stage));
            System.err.printf(java.util.Locale.ROOT, "parallax spark: %s: %.1f s%n", stage, (System.nanoTime() - t0) / 1e9);
        }

        Dataset<Row> table(String stage) {
            return spark.read().parquet(path(stage));
        }
    }

    /** A document extracted and analysed: its article row, or the problem that kept it out. */
    static Row extracted(int file, int record, org.parallax.ingest.Document d, PipelineConfig config) {
        try {
            Extraction e = Extractor.extract(d, config.extract());
            if (e instanceof Extraction.Ok ok) {
                Annotated an = new Annotated(ok.article(), TextAnalyzer.analyze(ok.article(), config.text()));
                return ArticleRows.article(file, record, an, ReuseFinder.keys(an, config.reuse()));
            }
            return ArticleRows.problem(file, record, d.source(), "extract", ((Extraction.Rejected) e).reason());
        } catch (RuntimeException | StackOverflowError ex) {
            return ArticleRows.problem(file, record, d.source(), "extract", "failed: " + ex);
        }
    }

    /**
     * Articles with the ids the command line gives: {@code a<n>}, n counting every document read
     * before it (extracted or not) in reading order.
     */
    static Dataset<Row> articles(Dataset<Row> read) {
        List<Row> counts = read.filter(col("record").geq(0)).groupBy("file").agg(max("record").plus(1).as("n"))
                .orderBy("file").collectAsList();
        List<Row> offsets = new ArrayList<>();
        long at = 0;
        for (Row c : counts) {
            offsets.add(RowFactory.create(c.getInt(0), at));
            at += ((Number) c.get(1)).longValue();
        }
        SparkSession spark = read.sparkSession();
        StructType schema = new StructType().add("file", DataTypes.IntegerType).add("offset", DataTypes.LongType);
        Dataset<Row> off = spark.createDataFrame(offsets, schema);
        return read.filter(col("kind").equalTo("article"))
                .join(org.apache.spark.sql.functions.broadcast(off), "file")
                .withColumn("n", col("offset").plus(col("record")))
                .withColumn("id", concat(lit("a"), col("n").cast("string")))
                .drop("offset", "kind", "stage", "reason");
    }

    static final StructType PAIRS = new StructType().add("a", DataTypes.LongType, false).add("b", DataTypes.LongType, false);

    static final StructType EDITS = new StructType().add("matched", DataTypes.IntegerType).add("substituted", DataTypes.IntegerType)
            .add("added", DataTypes.IntegerType).add("dropped", DataTypes.IntegerType);
    static final StructType PASSAGE = new StructType().add("sourceStart", DataTypes.IntegerType)
            .add("sourceEnd", DataTypes.IntegerType).add("targetStart", DataTypes.IntegerType)
            .add("targetEnd", DataTypes.IntegerType).add("sourceWords", DataTypes.IntegerType)
            .add("targetWords", DataTypes.IntegerType).add("similarity", DataTypes.DoubleType)
            .add("quotation", DataTypes.BooleanType).add("edits", EDITS);
    /** The JSON report's {@code reuse[]} fields. */
    static final StructType LINK = new StructType().add("source", DataTypes.StringType).add("target", DataTypes.StringType)
            .add("kind", DataTypes.StringType).add("direction", DataTypes.StringType).add("confidence", DataTypes.DoubleType)
            .add("evidence", DataTypes.StringType).add("sharedWords", DataTypes.IntegerType)
            .add("targetCoverage", DataTypes.DoubleType).add("sourceCoverage", DataTypes.DoubleType)
            .add("duplicate", DataTypes.BooleanType).add("passages", DataTypes.createArrayType(PASSAGE));

    /**
     * Every pair ({@code a < b}) of the ids in each row's list (its second column): the
     * candidate pairs of an inverted index's postings, a pair once per posting it shares.
     */
    static Dataset<Row> pairs(Dataset<Row> postings) {
        return postings.flatMap((FlatMapFunction<Row, Row>) r -> {
            List<Long> ids = new ArrayList<>(r.getList(1));
            ids.sort(null);
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    out.add(RowFactory.create(ids.get(i), ids.get(j)));
                }
            }
            return out.iterator();
        }, Encoders.row(PAIRS));
    }

    /** The reuse stage over the articles table. */
    static Dataset<Row> reuse(Dataset<Row> articles, ReuseConfig config) {
        Dataset<Row> keys = articles.select(col("n"), explode(col("keys")).as("key"));
        // Document frequency first, from counts alone: a key in a million articles never becomes a list.
        Dataset<Row> kept = keys.groupBy("key").count()
                .filter(col("count").geq(2).and(col("count").leq(config.maxDocFrequency()))).select("key");
        Dataset<Row> pairs = pairs(keys.join(kept, "key").groupBy("key").agg(collect_list("n").as("docs")))
                .groupBy("a", "b").count().filter(col("count").geq(config.minSharedShingles())).select("a", "b");
        // What alignment reads of an article: its text layer and what direction needs (dates,
        // outlets, the body for credit lines); not its keys or the boilerplate removed.
        Dataset<Row> texts = articles.select(struct(col("id"), col("source"), col("outlet"), col("domain"), col("url"),
                col("title"), col("author"), col("published"), col("language"), col("body"), col("bodyMap"),
                col("tokenStart"), col("tokenEnd"), col("tokenNorm")).as("t"), col("n"));
        Dataset<Row> joined = pairs.join(texts.withColumnRenamed("t", "ta").withColumnRenamed("n", "a"), "a")
                .join(texts.withColumnRenamed("t", "tb").withColumnRenamed("n", "b"), "b");
        Dataset<Row> links = joined.flatMap((FlatMapFunction<Row, Row>) r -> {
            Row ta = r.getAs("ta");
            Row tb = r.getAs("tb");
            ReuseLink l = ReuseFinder.link(ArticleRows.annotated(ta), ArticleRows.annotated(tb), ReuseConfig.defaults());
            return l == null ? java.util.Collections.emptyIterator() : List.of(linkRow(l)).iterator();
        }, Encoders.row(LINK));
        return links;
    }

    /**
     * Each article's segments, titles and word counts, on the executors: the costly,
     * per-article part of story clustering (the text analysed in full: sentences, paragraphs).
     */
    static Dataset<Row> storyParts(Dataset<Row> articles) {
        return articles.flatMap((FlatMapFunction<Row, Row>) r -> {
            var a = ArticleRows.article(r, r.getAs("id"));
            Annotated an = new Annotated(a, TextAnalyzer.analyze(a, PipelineConfig.defaults().text()));
            List<org.parallax.stories.StoryClusterer.Part> parts = org.parallax.stories.StoryClusterer.parts(an);
            List<Row> out = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                out.add(StoryRows.part(r.<Long>getAs("n"), a.id(), a.body().length(), k, parts.get(k)));
            }
            return out.iterator();
        }, Encoders.row(StoryRows.PART));
    }

    private static Row linkRow(ReuseLink l) {
        List<Row> ps = new ArrayList<>();
        for (Passage p : l.passages()) {
            ps.add(RowFactory.create(p.sourceStart(), p.sourceEnd(), p.targetStart(), p.targetEnd(), p.sourceWords(),
                    p.targetWords(), p.similarity(), p.quotation(), RowFactory.create(p.edits().matched(), p.edits().substituted(),
                            p.edits().added(), p.edits().dropped())));
        }
        return RowFactory.create(l.source(), l.target(), l.kind(), l.direction().label(), l.confidence(), l.evidence(),
                l.sharedWords(), l.targetCoverage(), l.sourceCoverage(), l.duplicate(),
                scala.jdk.javaapi.CollectionConverters.asScala(ps).toSeq());
    }
}
