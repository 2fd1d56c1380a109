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

    @picocli.CommandLine.Mixin
    Limits limits = new Limits();

    @Option(names = "--max-seconds", paramLabel = "S", description = "time one document's extraction and text "
            + "analysis may take before it is named as a problem and passed over (default: ${DEFAULT-VALUE})")
    int maxSeconds = DEFAULT_MAX_SECONDS;

    /** Documents extracted and stored per transaction batch. */
    static final int BATCH = 256;
    static final int DEFAULT_MAX_SECONDS = 60;

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
            PipelineConfig config = limits.apply(PipelineConfig.defaults());
            if (config == null) {
                return 2;
            }
            if (maxSeconds <= 0) {
                err.println("parallax: ingest: --max-seconds must be positive");
                return 2;
            }
            Counts c = ingest(paths, feeds, m, db, err, true, config, maxSeconds);
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
        return ingest(sources, feeds, m, db, err, verbose, PipelineConfig.defaults(), DEFAULT_MAX_SECONDS);
    }

    /** As above, with these limits, and at most {@code maxSeconds} of work per document. */
    static Counts ingest(List<Path> sources, List<java.net.URI> feeds, Manifest m, Path db, PrintWriter err, boolean verbose,
                         PipelineConfig config, int maxSeconds) throws SQLException {
        try (CorpusStore store = CorpusStore.open(db)) {
            Batches batches = new Batches(store, config, err, verbose, maxSeconds);
            // Documents stream from the readers into batches: an archive is never held whole.
            org.parallax.ingest.DocumentSink sink = new org.parallax.ingest.DocumentSink(batches::add);
            IngestResult files = Ingestor.stream(sources, m, config.ingest(), f -> {
                try {
                    return store.unchanged(f);
                } catch (SQLException e) {
                    return false;
                }
            }, sink);
            List<Problem> problems = new ArrayList<>(files.problems());
            if (!feeds.isEmpty()) {
                problems.addAll(Ingestor.feeds(feeds, org.parallax.ingest.PoliteFetcher.defaults(config.ingest()),
                        config.ingest(), sink));
            }
            batches.flush();
            batches.finishInFlight();
            for (Problem p : problems) {
                batches.problem(p);
            }
            // Files whose every document is now stored are not read again while unchanged.
            store.inTransaction(() -> {
                for (Path f : files.files()) {
                    store.stored(f);
                }
                return null;
            });
            batches.unchanged += files.skipped().size();
            if (verbose && (System.console() != null || batches.seen == 0)) {
                progress(err, batches.created, batches.unchanged, batches.problems, sink.count() + files.skipped().size(),
                        batches.t0, true);
            }
            return new Counts(sink.count() + files.skipped().size(), batches.created, batches.unchanged, batches.problems,
                    (System.nanoTime() - batches.t0) / 1e9, store.count("documents"), store.count("articles"));
        }
    }

    /** Documents gathered into batches: hashed, extracted and analysed in parallel, stored one transaction a batch. */
    private static final class Batches {
        final CorpusStore store;
        final PipelineConfig config;
        final PrintWriter err;
        final boolean verbose;
        final long t0 = System.nanoTime();
        final List<Document> pending = new ArrayList<>();
        java.util.concurrent.Future<List<Object[]>> inFlight;
        int seen;
        int created;
        int unchanged;
        int problems;

        final long maxNanos;

        Batches(CorpusStore store, PipelineConfig config, PrintWriter err, boolean verbose, int maxSeconds) {
            this.store = store;
            this.config = config;
            this.err = err;
            this.verbose = verbose;
            this.maxNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(maxSeconds);
        }

        void add(Document d) {
            pending.add(d);
            if (pending.size() >= BATCH) {
                try {
                    flush();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        void problem(Problem p) throws SQLException {
            if (verbose) {
                err.println("parallax: " + p.line());
            }
            store.problem(p);
            problems++;
        }

        /**
         * Sends the pending documents on: the documents already stored are set aside at once,
         * the others are extracted and analysed on the worker pool while the reader goes on
         * filling the next batch; the batch before this one, if still in flight, is waited for
         * and written first. One batch is in flight at a time, so memory stays bounded.
         */
        void flush() throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            List<Document> batch = new ArrayList<>(pending);
            pending.clear();
            seen += batch.size();
            List<byte[]> utf8 = batch.parallelStream().map(d -> d.content().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toList();
            List<String> hashes = utf8.parallelStream().map(CorpusStore::contentHash).toList();
            List<Integer> fresh = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (store.find(hashes.get(i), batch.get(i).metadata().url()).isEmpty()) {
                    fresh.add(i);
                } else {
                    unchanged++;
                }
            }
            finishInFlight();
            List<Timed> work = fresh.stream().map(i -> Timed.start(() -> annotate(batch.get(i), config), maxNanos)).toList();
            inFlight = COLLECTOR.submit(() -> {
                List<Object[]> out = new ArrayList<>();
                for (int k = 0; k < work.size(); k++) {
                    int i = fresh.get(k);
                    Document d = batch.get(i);
                    Object o = work.get(k).result(() -> new Problem(d.source(), "extract", "took longer than "
                            + java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(maxNanos) + " s; passed over (--max-seconds)"));
                    out.add(new Object[] {CorpusStore.Prepared.of(d, o instanceof Annotated a ? a : null, hashes.get(i),
                            utf8.get(i)), o});
                }
                return out;
            });
        }

        /** Waits for the batch in flight, if any, and stores it in one transaction. */
        void finishInFlight() throws SQLException {
            if (inFlight == null) {
                return;
            }
            List<Object[]> done;
            try {
                done = inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ingest interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                inFlight = null;
            }
            for (Object[] x : done) {
                if (x[1] instanceof Problem p) {
                    problem(p);
                }
            }
            int[] made = store.inTransaction(() -> {
                int c = 0;
                int u = 0;
                for (Object[] x : done) {
                    if (store.put((CorpusStore.Prepared) x[0]).created()) {
                        c++;
                    } else {
                        u++; // the same document twice in this input
                    }
                }
                return new int[] {c, u};
            });
            created += made[0];
            unchanged += made[1];
            if (verbose) {
                progress(err, created, unchanged, problems, seen, t0, false);
            }
        }
    }

    /** Gathers a batch's results in order while the reader goes on (waits only). */
    private static final java.util.concurrent.ExecutorService COLLECTOR = java.util.concurrent.Executors
            .newSingleThreadExecutor(daemon("parallax-ingest-collect"));
    /** Runs documents' extraction and text analysis, one document a task. */
    private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors
            .newCachedThreadPool(daemon("parallax-extract"));
    /**
     * As many documents in work as cores, apart from the thread that reads the inputs (which
     * decompresses and decodes while a batch is analysed). A document over its time limit gives
     * its slot back: its thread cannot be stopped safely and finishes in the background, but the
     * batch goes on at full width.
     */
    private static final java.util.concurrent.Semaphore SLOTS = new java.util.concurrent.Semaphore(
            Runtime.getRuntime().availableProcessors());

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Declares documents late: a timer per document in work, independent of who waits for it. */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(daemon("parallax-extract-watchdog"));

    /**
     * One document's work on {@link #WORKERS}: it waits for a slot, then has {@code maxNanos} to
     * finish; past that it is late — its slot is given back and its result is "late" — whether
     * or not anyone is waiting for it yet (the collector waits in document order).
     */
    static final class Timed {
        private static final Object LATE = new Object();
        private final java.util.concurrent.CompletableFuture<Object> result = new java.util.concurrent.CompletableFuture<>();
        private final java.util.concurrent.atomic.AtomicBoolean slotHeld = new java.util.concurrent.atomic.AtomicBoolean();

        static Timed start(java.util.function.Supplier<Object> work, long maxNanos) {
            Timed t = new Timed();
            WORKERS.execute(() -> {
                SLOTS.acquireUninterruptibly();
                t.slotHeld.set(true);
                java.util.concurrent.ScheduledFuture<?> watch = WATCHDOG.schedule(() -> {
                    t.giveBack();
                    t.result.complete(LATE);
                }, maxNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
                try {
                    t.result.complete(work.get());
                } catch (Throwable e) {
                    t.result.completeExceptionally(e);
                } finally {
                    watch.cancel(false);
                    t.giveBack();
                }
            });
            return t;
        }

        private void giveBack() {
            if (slotHeld.compareAndSet(true, false)) {
                SLOTS.release();
            }
        }

        /** The result, or {@code late}'s when the work ran past its time. */
        Object result(java.util.function.Supplier<Object> late) throws Exception {
            try {
                Object o = result.get();
                return o == LATE ? late.get() : o;
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
            }
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

    /**
     * On a terminal, one line redrawn in place (the total is not known while archives stream);
     * otherwise one plain line per batch.
     */
    private static void progress(PrintWriter err, int created, int unchanged, int problems, int seen, long t0,
                                 boolean last) {
        double s = (System.nanoTime() - t0) / 1e9;
        int done = created + unchanged;
        String counts = String.format(Locale.ROOT, "%d read: %d new, %d already stored, %d problems; %.1f s, %.0f documents/s",
                seen, created, unchanged, problems, s, done / Math.max(s, 1e-9));
        if (System.console() != null) {
            err.print("\r\033[K" + counts);
            if (last) {
                err.println();
            }
            err.flush();
        } else {
            err.println("ingest: " + counts);
        }
    }
}
