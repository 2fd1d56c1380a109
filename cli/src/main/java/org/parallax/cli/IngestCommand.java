package org.parallax.cli;

import java.io.IOException;
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
    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = ".txt/.html files, folders, .warc(.gz), .jsonl(.gz)")
    List<Path> sources;

    @Option(names = "--manifest", paramLabel = "FILE", description = "JSONL or CSV with file, outlet, domain, url, published")
    Path manifest;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "the corpus database (SQLite; created if absent)")
    Path db;

    /** Documents extracted and stored per transaction batch. */
    static final int BATCH = 256;

    @Override
    public Integer call() {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Manifest m = Manifest.EMPTY;
        if (manifest != null) {
            try {
                m = Manifest.read(manifest);
            } catch (IOException e) {
                err.println("parallax: manifest " + manifest + ": " + e.getMessage());
                return 2;
            }
        }
        PipelineConfig config = PipelineConfig.defaults();
        long t0 = System.nanoTime();
        IngestResult read = Ingestor.ingest(sources, m, config.ingest());
        try (CorpusStore store = CorpusStore.open(db)) {
            int created = 0;
            int unchanged = 0;
            int problems = 0;
            for (Problem p : read.problems()) {
                err.println("parallax: " + p.line());
                store.problem(p);
                problems++;
            }
            List<Document> docs = read.documents();
            for (int from = 0; from < docs.size(); from += BATCH) {
                List<Document> batch = new ArrayList<>();
                for (Document d : docs.subList(from, Math.min(docs.size(), from + BATCH))) {
                    if (store.find(d).isPresent()) {
                        unchanged++;
                    } else {
                        batch.add(d);
                    }
                }
                List<Object> done = batch.parallelStream().map(d -> annotate(d, config)).toList();
                for (int i = 0; i < batch.size(); i++) {
                    Object o = done.get(i);
                    if (o instanceof Problem p) {
                        err.println("parallax: " + p.line());
                        store.problem(p);
                        problems++;
                        store.put(batch.get(i), null);
                    } else if (store.put(batch.get(i), (Annotated) o).created()) {
                        created++;
                    } else {
                        unchanged++; // the same document twice in this input
                    }
                }
                progress(err, created, unchanged, problems, docs.size(), t0);
            }
            if (docs.isEmpty()) {
                progress(err, created, unchanged, problems, docs.size(), t0);
            }
            err.printf(Locale.ROOT, "parallax: %s now holds %d documents, %d articles%n", db, store.count("documents"),
                    store.count("articles"));
            return created + unchanged > 0 || docs.isEmpty() && problems == 0 ? 0 : 1;
        } catch (SQLException e) {
            err.println("parallax: store " + db + ": " + e.getMessage());
            return 2;
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

    private static void progress(PrintWriter err, int created, int unchanged, int problems, int total, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "ingest: %d of %d read documents stored new, %d already stored, %d problems; "
                + "%.1f s, %.0f documents/s%n", created, total, unchanged, problems, s, (created + unchanged) / Math.max(s, 1e-9));
    }
}
