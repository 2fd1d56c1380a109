package org.parallax.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.extract.Extraction;
import org.parallax.extract.Extractor;
import org.parallax.ingest.Document;
import org.parallax.ingest.IngestResult;
import org.parallax.ingest.Ingestor;
import org.parallax.ingest.Manifest;
import org.parallax.model.Problem;
import org.parallax.pipeline.PipelineConfig;
import org.parallax.store.CorpusStore;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parallax ingest SOURCE... --db corpus.db}: reads text and HTML files, folders, WARC
 * archives and JSON Lines of articles into the corpus store. Documents already stored (same
 * content, or same URL) are skipped before any extraction, so ingesting the same input again
 * stores nothing twice and costs little. Progress goes to stderr.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Store articles from files, folders, WARC(.gz) archives and JSONL in a corpus database.")
final class IngestCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SOURCE",
            description = ".txt/.html files, folders, .warc(.gz), .jsonl(.gz), .rss/.atom files, or http(s) addresses of feeds")
    List<String> sources;

    @Option(names = "--manifest", paramLabel = "FILE", description = "JSONL or CSV with file, outlet, domain, url, published")
    Path manifest;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "the corpus database (SQLite; created if absent)")
    Path db;

    /** Documents extracted and stored per transaction batch. */
    static final int BATCH = 256;

    @Override
    public Integer call() {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Manifest m = AnalyzeCommand.manifest(manifest, err);
        if (m == null) {
            return 2;
        }
        try {
            List<Path> paths = new ArrayList<>();
            List<java.net.URI> feeds = new ArrayList<>();
            for (String src : sources) {
                if (src.startsWith("http://") || src.startsWith("https://")) {
                    feeds.add(java.net.URI.create(src));
                } else {
                    paths.add(Path.of(src));
                }
            }
            Counts c = ingest(paths, feeds, m, db, err, true);
            err.printf(Locale.ROOT, "parallax: %s now holds %d documents, %d articles%n", db, c.documents(), c.articles());
            return c.created() + c.unchanged() > 0 || c.read() == 0 && c.problems() == 0 ? 0 : 1;
        } catch (SQLException e) {
            err.println("parallax: store " + db + ": " + e.getMessage());
            return 2;
        }
    }

    /** What one ingest did, and what the store holds after it. */
    record Counts(int read, int created, int unchanged, int problems, double seconds, long documents, long articles) {
    }

    /** Reads the sources and stores what is new; progress and problems go to {@code err} when asked. */
    static Counts ingest(List<Path> sources, Manifest m, Path db, PrintWriter err, boolean verbose) throws SQLException {
        return ingest(sources, List.of(), m, db, err, verbose);
    }

    /** As above, and feeds by their addresses, fetched politely (robots.txt, one request a second per host). */
    static Counts ingest(List<Path> sources, List<java.net.URI> feeds, Manifest m, Path db, PrintWriter err, boolean verbose)
            throws SQLException {
        PipelineConfig config = PipelineConfig.defaults();
        long t0 = System.nanoTime();
        try (CorpusStore store = CorpusStore.open(db)) {
            IngestResult files = Ingestor.ingest(sources, m, config.ingest(), f -> {
                try {
                    return store.unchanged(f);
                } catch (SQLException e) {
                    return false;
                }
            });
            IngestResult fetched = feeds.isEmpty() ? new IngestResult(List.of(), List.of())
                    : Ingestor.feeds(feeds, org.parallax.ingest.PoliteFetcher.defaults(config.ingest()), config.ingest());
            List<Document> all = new ArrayList<>(files.documents());
            all.addAll(fetched.documents());
            List<Problem> allProblems = new ArrayList<>(files.problems());
            allProblems.addAll(fetched.problems());
            IngestResult read = new IngestResult(all, allProblems, files.files(), files.skipped());
            if (Boolean.getBoolean("parallax.debug")) {
                err.printf(Locale.ROOT, "read %d documents in %.2f s%n", read.documents().size(), (System.nanoTime() - t0) / 1e9);
            }
            int created = 0;
            int unchanged = read.skipped().size();
            int problems = 0;
            for (Problem p : read.problems()) {
                if (verbose) {
                    err.println("parallax: " + p.line());
                }
                store.problem(p);
                problems++;
            }
            List<Document> docs = read.documents();
            List<Problem> errors = new ArrayList<>();
            long writing = 0;
            for (int from = 0; from < docs.size(); from += BATCH) {
                // Hash, compress, extract and analyse in parallel; then one transaction per batch.
                List<CorpusStore.Prepared> ready = docs.subList(from, Math.min(docs.size(), from + BATCH))
                        .parallelStream().map(d -> {
                            String hash = CorpusStore.contentHash(d.content());
                            return new Object[] {d, hash};
                        }).toList().stream().filter(x -> {
                            try {
                                return store.find((String) x[1], ((Document) x[0]).metadata().url()).isEmpty();
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        }).map(x -> (Document) x[0]).toList().parallelStream()
                        .map(d -> {
                            Object o = annotate(d, config);
                            return new Object[] {CorpusStore.Prepared.of(d, o instanceof Annotated a ? a : null), o};
                        }).map(x -> {
                            if (x[1] instanceof Problem p) {
                                synchronized (errors) {
                                    errors.add(p);
                                }
                            }
                            return (CorpusStore.Prepared) x[0];
                        }).toList();
                int skipped = Math.min(docs.size(), from + BATCH) - from - ready.size();
                unchanged += skipped;
                for (Problem p : errors) {
                    if (verbose) {
                        err.println("parallax: " + p.line());
                    }
                    store.problem(p);
                    problems++;
                }
                errors.clear();
                long w0 = System.nanoTime();
                int[] made = store.inTransaction(() -> {
                    int c = 0;
                    int u = 0;
                    for (CorpusStore.Prepared p : ready) {
                        if (store.put(p).created()) {
                            c++;
                        } else {
                            u++; // the same document twice in this input
                        }
                    }
                    return new int[] {c, u};
                });
                created += made[0];
                unchanged += made[1];
                writing += System.nanoTime() - w0;
                if (verbose) {
                    progress(err, created, unchanged, problems, docs.size(), t0);
                }
            }
            // Files whose every document is now stored are not read again while unchanged.
            store.inTransaction(() -> {
                for (Path f : read.files()) {
                    store.stored(f);
                }
                return null;
            });
            if (Boolean.getBoolean("parallax.debug")) {
                err.printf(Locale.ROOT, "writing took %.2f s%n", writing / 1e9);
            }
            if (verbose && docs.isEmpty()) {
                progress(err, created, unchanged, problems, docs.size(), t0);
            }
            return new Counts(docs.size() + read.skipped().size(), created, unchanged, problems, (System.nanoTime() - t0) / 1e9,
                    store.count("documents"), store.count("articles"));
        }
    }

    private static Object annotate(Document d, PipelineConfig config) {
        try {
            Extraction e = Extractor.extract(d, config.extract());
            if (e instanceof Extraction.Rejected r) {
                return new Problem(d.source(), "extract", r.reason());
            }
            Extraction.Ok ok = (Extraction.Ok) e;
            return new Annotated(ok.article(), TextAnalyzer.analyze(ok.article(), config.text()));
        } catch (RuntimeException | StackOverflowError ex) {
            return new Problem(d.source(), "extract", "failed: " + ex);
        }
    }

    /** On a terminal, a bar redrawn in place; otherwise one plain line per batch. */
    private static void progress(PrintWriter err, int created, int unchanged, int problems, int total, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        int done = created + unchanged;
        String counts = String.format(Locale.ROOT, "%d new, %d already stored, %d problems; %.1f s, %.0f documents/s",
                created, unchanged, problems, s, done / Math.max(s, 1e-9));
        if (System.console() != null && total > 0) {
            int width = 30;
            int filled = (int) Math.round(width * Math.min(1.0, (double) done / total));
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d %s", "#".repeat(filled), " ".repeat(width - filled), done, total, counts);
            if (done >= total) {
                err.println();
            }
            err.flush();
        } else {
            err.printf(Locale.ROOT, "ingest: %d of %d: %s%n", done, total, counts);
        }
    }
}
