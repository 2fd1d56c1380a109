package org.parallax.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.parallax.ingest.Document;
import org.parallax.ingest.DocumentSink;
import org.parallax.ingest.IngestResult;
import org.parallax.ingest.Ingestor;
import org.parallax.ingest.Manifest;
import org.parallax.model.Problem;
import org.parallax.pipeline.PipelineConfig;

/**
 * The job's inputs: files and folders given as local paths (read where they are: a path every
 * executor sees) or as URIs of a Hadoop file system ({@code hdfs://}, {@code s3a://},
 * {@code file:///}: listed through Hadoop on the driver, each file copied to the executor's
 * local disk — with its folder's manifest — and read there by the command line's readers, its
 * documents keeping the URI as their source). Parquet tables of articles are read by Spark
 * from either. Files are read in the command line's order: inputs as given, a folder's files
 * in path order.
 */
final class Inputs {
    private Inputs() {
    }

    /** One file to read: where it is, and the folder it was listed from (for its manifest). */
    private record Task(int file, String path, String folder, boolean remote) implements java.io.Serializable {
    }

    static boolean remote(String input) {
        return input.contains("://") || input.startsWith("file:");
    }

    /** The {@code read} table: every input's documents extracted, or its problems. */
    static Dataset<Row> read(SparkSession spark, List<String> inputs) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<String> parquet = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<Problem> listing = new ArrayList<>();
        for (String in : inputs) {
            if (isParquet(in, hadoop)) {
                parquet.add(in);
            } else if (remote(in)) {
                listRemote(in, hadoop, tasks, listing);
            } else {
                for (Ingestor.Input f : Ingestor.inputs(List.of(Path.of(in)), PipelineConfig.defaults().ingest(), listing)) {
                    tasks.add(new Task(tasks.size(), f.file().toString(), f.folder() == null ? null : f.folder().toString(),
                            false));
                }
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(hadoop));
        int slices = Math.max(1, Math.min(tasks.size(), jsc.defaultParallelism() * 4));
        var rows = jsc.parallelize(tasks, slices).flatMap((FlatMapFunction<Task, Row>) t -> readFile(t, conf));
        List<Row> listed = new ArrayList<>();
        for (Problem p : listing) {
            listed.add(ArticleRows.problem(-1, -1, p.source(), p.stage(), p.reason()));
        }
        Dataset<Row> read = spark.createDataFrame(rows.union(jsc.parallelize(listed, 1)), ArticleRows.READ);
        int file = tasks.size();
        for (String p : parquet) {
            read = read.union(readParquet(spark, p, file++));
        }
        return read;
    }

    /** A Parquet table of articles: a {@code .parquet} file, or a folder holding such files. */
    static boolean isParquet(String input, Configuration hadoop) {
        if (input.endsWith(".parquet")) {
            return true;
        }
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
            FileSystem fs = p.getFileSystem(hadoop);
            if (!fs.getFileStatus(p).isDirectory()) {
                return false;
            }
            for (var f : fs.listStatus(p)) {
                if (f.getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false; // not there: the reader reports it
        }
    }

    /** A remote file, or a remote folder's readable files (recursively, in path order). */
    private static void listRemote(String input, Configuration hadoop, List<Task> tasks, List<Problem> problems) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
            FileSystem fs = p.getFileSystem(hadoop);
            if (!fs.getFileStatus(p).isDirectory()) {
                tasks.add(new Task(tasks.size(), fs.makeQualified(p).toString(), null, true));
                return;
            }
            String root = fs.makeQualified(p).toString();
            List<String> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                if (f.isFile() && Ingestor.listed(Path.of(f.getPath().getName()), PipelineConfig.defaults().ingest())) {
                    files.add(f.getPath().toString());
                }
            }
            files.sort(Comparator.naturalOrder());
            for (String f : files) {
                tasks.add(new Task(tasks.size(), f, root, true));
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new Problem(input, "ingest", "cannot list: " + e.getMessage()));
        }
    }

    private static Iterator<Row> readFile(Task t, Broadcast<SerializableConfiguration> conf) throws IOException {
        if (!t.remote()) {
            return read(t.file(), new Ingestor.Input(Path.of(t.path()), t.folder() == null ? null : Path.of(t.folder())),
                    null, null);
        }
        Path local = Files.createTempDirectory("parallax-input");
        try {
            Configuration hadoop = conf.value().value();
            org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(t.path());
            FileSystem fs = src.getFileSystem(hadoop);
            // The file under its path relative to the folder it was listed from, so the
            // folder's manifest finds it; the manifest beside it.
            String relative = t.folder() == null ? src.getName() : URI.create(t.folder()).relativize(URI.create(t.path()))
                    .getPath();
            Path copy = local.resolve(relative);
            Files.createDirectories(copy.getParent());
            fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(copy.toUri()), true);
            Path folder = null;
            if (t.folder() != null) {
                folder = local;
                for (String name : List.of("manifest.jsonl", "manifest.csv")) {
                    org.apache.hadoop.fs.Path m = new org.apache.hadoop.fs.Path(t.folder(), name);
                    if (fs.exists(m)) {
                        fs.copyToLocalFile(false, m, new org.apache.hadoop.fs.Path(local.resolve(name).toUri()), true);
                    }
                }
            }
            return read(t.file(), new Ingestor.Input(copy, folder), copy.toString(), t.path());
        } finally {
            try (var walk = Files.walk(local)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** One file's rows; with {@code localName}, sources naming the local copy name the original. */
    private static Iterator<Row> read(int file, Ingestor.Input in, String localName, String original) {
        PipelineConfig config = PipelineConfig.defaults();
        List<Row> out = new ArrayList<>();
        int[] record = {0};
        IngestResult r = Ingestor.read(in, Manifest.EMPTY, config.ingest(), new DocumentSink(d -> out.add(
                SparkJob.extracted(file, record[0]++, localName == null ? d : new Document(d.id(),
                        renamed(d.source(), localName, original), d.name(), d.format(), d.content(), d.metadata()),
                        config))));
        for (Problem p : r.problems()) {
            out.add(ArticleRows.problem(file, -1, renamed(p.source(), localName, original), p.stage(), p.reason()));
        }
        return out.iterator();
    }

    private static String renamed(String source, String localName, String original) {
        return localName != null && source.startsWith(localName) ? original + source.substring(localName.length()) : source;
    }

    /** Rows of a Parquet table of articles, each made a document as a JSON Lines record would be. */
    private static Dataset<Row> readParquet(SparkSession spark, String table, int file) {
        Dataset<Row> t = spark.read().parquet(table);
        var rows = t.toJavaRDD().zipWithIndex().map(pair -> {
            Row r = pair._1();
            int record = (int) (long) pair._2();
            var o = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            for (String f : r.schema().fieldNames()) {
                Object v = r.getAs(f);
                if (v != null) {
                    o.put(f, v.toString());
                }
            }
            Object d = Ingestor.record(o, table + "#" + record, "a" + record);
            if (d instanceof Document doc) {
                return SparkJob.extracted(file, record, doc, PipelineConfig.defaults());
            }
            Problem p = (Problem) d;
            return ArticleRows.problem(file, record, p.source(), p.stage(), p.reason());
        });
        return spark.createDataFrame(rows, ArticleRows.READ);
    }
}
