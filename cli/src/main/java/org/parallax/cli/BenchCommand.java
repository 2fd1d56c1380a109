package org.parallax.cli;

import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parallax.stories.StoryConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parallax bench ...}: quality and speed of a stage on the evaluation data. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Score a stage on ../shared/bench.",
        subcommands = {BenchCommand.Extract.class, BenchCommand.Reuse.class, BenchCommand.Quotes.class,
                BenchCommand.Stories.class, BenchCommand.Compare.class, BenchCommand.FigureDraft.class, BenchCommand.Ingest.class,
                BenchCommand.Serve.class, BenchCommand.Corpus.class, BenchCommand.Flags.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Where ../shared is: the option, else beside the working folder, else beside the repository. */
    static Path shared(Path given) {
        if (given != null) {
            return given;
        }
        for (Path p : new Path[] {Path.of("../shared"), Path.of("shared"), Path.of("../../shared")}) {
            if (Files.isDirectory(p.resolve("bench"))) {
                return p;
            }
        }
        return Path.of("../shared");
    }

    /**
     * The evaluation data folder {@code bench/<parts>} under the shared folder, or null after
     * saying on stderr that it is missing.
     */
    static Path data(Path given, String... parts) {
        Path p = shared(given).resolve("bench");
        for (String part : parts) {
            p = p.resolve(part);
        }
        if (!Files.isDirectory(p)) {
            System.err.println("parallax: bench: no evaluation data at " + p + " (give --shared DIR)");
            return null;
        }
        return p;
    }

    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = "Time reading, reuse and stories of a corpus in one process (what `spark --until stories` does).")
    static final class Corpus implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "INPUT", arity = "1..*", description = "files or folders")
        List<Path> inputs;

        @Override
        public Integer call() {
            CorpusBench.run(inputs, System.out);
            return 0;
        }
    }

    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Extraction quality (P/R/F1, title/date) and speed on WCXB dev and the text-cleanup set.")
    static final class Extract implements Callable<Integer> {
        @Option(names = "--shared", paramLabel = "DIR", description = "the shared folder (default ../shared)")
        Path shared;

        @Option(names = "--limit", defaultValue = "100000", description = "score at most this many pages per set")
        int limit;

        @Option(names = "--set", defaultValue = "all", description = "wcxb, cleanup or all (default ${DEFAULT-VALUE})")
        String set;

        @Option(names = "--worst", description = "list the worst pages")
        boolean worst;

        @Option(names = "--pages", paramLabel = "FILE", description = "write every page's scores to FILE (TSV)")
        Path pages;

        @Override
        public Integer call() throws Exception {
            Path bench = data(shared);
            if (bench == null) {
                return 2;
            }
            if (set.equals("all") || set.equals("wcxb")) {
                ExtractBench.Result r = ExtractBench.wcxb(bench.resolve("wcxb-dev"), limit);
                ExtractBench.print(r, System.out, worst);
                dump(r);
            }
            if (set.equals("all") || set.equals("cleanup")) {
                ExtractBench.Result r = ExtractBench.cleanup(bench.resolve("text-cleanup-dev"), limit);
                ExtractBench.print(r, System.out, worst);
                dump(r);
            }
            return 0;
        }

        private void dump(ExtractBench.Result r) throws java.io.IOException {
            if (pages == null) {
                return;
            }
            StringBuilder b = new StringBuilder();
            for (ExtractBench.Page p : r.pages()) {
                b.append(r.set()).append('\t').append(p.id()).append('\t').append(p.type()).append('\t')
                        .append(String.format(java.util.Locale.ROOT, "%.4f\t%.4f\t%.4f\t%.4f", p.bow().p(), p.bow().r(),
                                p.bow().f(), p.shingle().f()))
                        .append('\t').append(p.titleOk()).append('\t').append(p.dateOk()).append('\n');
            }
            Files.writeString(pages, b.toString(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    @Command(name = "reuse", mixinStandardHelpOptions = true,
            description = "Text-reuse quality (PAN plagdet, precision, recall, granularity; direction) and speed"
                    + " on a synthetic corpus with planted reuse, built from the news texts in ../shared/bench.")
    static final class Reuse implements Callable<Integer> {
        @Option(names = "--shared", paramLabel = "DIR", description = "the shared folder (default ../shared)")
        Path shared;

        @Option(names = "--articles", defaultValue = "561", description = "articles at scale 1 (default ${DEFAULT-VALUE})")
        int articles;

        @Option(names = "--scale", defaultValue = "1", split = ",",
                description = "corpus sizes as multiples of --articles, e.g. 1,10,100 (default ${DEFAULT-VALUE})")
        List<Integer> scales;

        @Option(names = "--seed", defaultValue = "7", description = "random seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--write", paramLabel = "DIR",
                description = "also write the corpus of the first scale to DIR: one .txt per article, manifest.jsonl and truth.jsonl")
        Path write;

        @Option(names = "--config", paramLabel = "K=V", split = ",",
                description = "reuse settings to try instead of the defaults, e.g. minSimilarity=0.7,maxGap=10")
        java.util.Map<String, String> config = new java.util.HashMap<>();

        @Override
        public Integer call() throws Exception {
            org.parallax.reuse.ReuseConfig rc = ReuseBench.config(config);
            Path bench = data(shared);
            if (bench == null) {
                return 2;
            }
            List<String> pool = ReuseCorpus.pool(bench);
            System.out.printf("pool: %d news texts with no reuse among them%n", pool.size());
            for (int scale : scales) {
                ReuseCorpus.Corpus corpus = ReuseCorpus.generate(pool, articles * scale, seed);
                if (write != null && scale == scales.get(0)) {
                    ReuseCorpus.write(corpus, write);
                    System.out.printf("wrote %d articles, manifest.jsonl and truth.jsonl to %s%n", corpus.docs().size(), write);
                }
                System.out.printf("scale %dx:%n", scale);
                ReuseBench.print(ReuseBench.run(corpus, rc), System.out);
            }
            return 0;
        }
    }

    @Command(name = "quotes", mixinStandardHelpOptions = true,
            description = "Quotation and attribution quality on PolNeAR (direct-quote spans, speakers, pronoun/role"
                    + " resolution, content of all attributions) and speed.")
    static final class Quotes implements Callable<Integer> {
        @Mixin
        Polnear data;

        @Override
        public Integer call() throws Exception {
            Path polnear = data.dir();
            if (polnear == null) {
                return 2;
            }
            QuoteBench.print(QuoteBench.run(polnear, data.split), System.out);
            return 0;
        }
    }

    /** The PolNeAR options shared by the benches scored on it. */
    static final class Polnear {
        @Option(names = "--shared", paramLabel = "DIR", description = "the shared folder (default ../shared)")
        Path shared;

        @Option(names = "--split", defaultValue = "dev", description = "dev, train or all (default ${DEFAULT-VALUE})")
        String split;

        /** The data folder, or null (with a message) when it is missing. */
        Path dir() {
            return data(shared, "polnear");
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "The compare stage: sentence-level attributed vs own voice against PolNeAR attributions.")
    static final class Compare implements Callable<Integer> {
        @Mixin
        Polnear data;

        @Option(names = "--figures", paramLabel = "FILE",
                description = "the figure annotations (default bench/figures.tsv of the repository)")
        Path figures;

        @Option(names = "--speed", paramLabel = "N", defaultValue = "0",
                description = "also time the compare stage on one story of N articles (PolNeAR; e.g. 50)")
        int speed;

        @Override
        public Integer call() throws Exception {
            Path polnear = data.dir();
            if (polnear == null) {
                return 2;
            }
            CompareBench.print(CompareBench.voice(polnear, data.split), data.split, System.out);
            Path gold = figures != null ? figures : Path.of("bench", "figures.tsv");
            if (!java.nio.file.Files.isRegularFile(gold)) {
                System.err.println("parallax: bench compare: no figure annotations at " + gold + " (give --figures FILE)");
                return 2;
            }
            PrintStream debug = Boolean.getBoolean("parallax.debug") ? System.err : null;
            List<Path> sets = new java.util.ArrayList<>(List.of(gold));
            Path heldOut = gold.resolveSibling("figures-heldout.tsv");
            if (figures == null && java.nio.file.Files.isRegularFile(heldOut)) {
                sets.add(heldOut);
            }
            int attributed = 0;
            int right = 0;
            for (Path set : sets) {
                List<FigureBench.Gold> g = FigureBench.loadGold(set);
                FigureBench.Texts texts = FigureBench.texts(polnear.getParent(), g.stream().map(FigureBench.Gold::doc)
                        .distinct().toList());
                System.out.println("[" + set.getFileName() + "]");
                FigureBench.Result r = FigureBench.score(g, texts, FigureBench.predict(texts), debug);
                FigureBench.print(r, System.out);
                attributed += r.attributed();
                right += r.attributionRight();
            }
            if (sets.size() > 1) {
                System.out.printf(java.util.Locale.ROOT, "attribution, all annotated sets: accuracy %.3f (%d of %d)%n",
                        attributed == 0 ? 0 : (double) right / attributed, right, attributed);
            }
            Path hard = gold.resolveSibling("figures-hard.tsv");
            if (java.nio.file.Files.isRegularFile(hard)) {
                FigureBench.print(FigureBench.hard(hard, debug), System.out);
            }
            if (speed > 0) {
                CompareBench.speed(polnear, speed, System.out);
            }
            return 0;
        }
    }

    @Command(name = "flags", mixinStandardHelpOptions = true,
            description = "The red flags of a whole analysis of BASIL dev and unrelated pages (one WCXB dev article page a"
                    + " site) in one corpus: flags between different events, same-quotation groups, shared quotations,"
                    + " speakers, loaded words, informational bias.")
    static final class Flags implements Callable<Integer> {
        @Option(names = "--shared", paramLabel = "DIR", description = "the shared folder (default ../shared)")
        Path shared;

        @Option(names = "--list", description = "also list every flag, false ones marked FALSE, for reading by eye")
        boolean list;

        @Override
        public Integer call() throws Exception {
            Path basil = data(shared, "basil-dev");
            Path wcxb = data(shared, "wcxb-dev");
            if (basil == null || wcxb == null) {
                return 2;
            }
            long t0 = System.nanoTime();
            long c0 = Measure.cpuNanos();
            FlagsBench.Result r = FlagsBench.run(basil, wcxb);
            FlagsBench.print(r, list, System.out);
            System.out.printf(java.util.Locale.ROOT, "  time %.1f s wall, %.1f CPU-s%n", (System.nanoTime() - t0) / 1e9,
                    (Measure.cpuNanos() - c0) / 1e9);
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingest speed into the corpus store: the WCXB dev HTML pages, first and again (unchanged).")
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--shared", paramLabel = "DIR", description = "the shared folder (default ../shared)")
        Path shared;

        @Option(names = "--db", paramLabel = "FILE", description = "the store to write (default: a new temporary file)")
        Path db;

        @Override
        public Integer call() throws Exception {
            Path html = data(shared, "wcxb-dev", "html");
            if (html == null) {
                return 2;
            }
            Path file = db != null ? db : java.nio.file.Files.createTempDirectory("parallax-ingest").resolve("corpus.db");
            java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
            long bytes;
            try (var files = java.nio.file.Files.list(html)) {
                bytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            IngestCommand.Counts first = IngestCommand.ingest(List.of(html), org.parallax.ingest.Manifest.EMPTY, file,
                    err, false);
            IngestCommand.Counts again = IngestCommand.ingest(List.of(html), org.parallax.ingest.Manifest.EMPTY, file,
                    err, false);
            System.out.printf(java.util.Locale.ROOT, "ingest, WCXB dev: %d HTML pages (%.1f MB gzipped) into %s%n",
                    first.read() + first.problems(), bytes / 1e6, file);
            System.out.printf(java.util.Locale.ROOT, "  first:  %d stored, %d problems in %.2f s = %.0f pages/s%n",
                    first.created(), first.problems(), first.seconds(), (first.read() + first.problems()) / first.seconds());
            System.out.printf(java.util.Locale.ROOT, "  again:  %d already stored, %d new in %.2f s = %.0f pages/s "
                    + "(%.1fx faster)%n", again.unchanged(), again.created(), again.seconds(),
                    (again.read() + again.problems()) / again.seconds(), first.seconds() / again.seconds());
            System.out.printf(java.util.Locale.ROOT, "  store:  %d documents, %d articles, %.1f MB%n", again.documents(),
                    again.articles(), java.nio.file.Files.size(file) / 1e6);
            // The same pages into a second, new store in this JVM: the speed once the code is compiled.
            Path second = file.resolveSibling("corpus-warm.db");
            IngestCommand.Counts warm = IngestCommand.ingest(List.of(html), org.parallax.ingest.Manifest.EMPTY, second,
                    err, false);
            System.out.printf(java.util.Locale.ROOT, "  warm:   %d stored into a new store in %.2f s = %.0f pages/s%n",
                    warm.created(), warm.seconds(), (warm.read() + warm.problems()) / warm.seconds());
            return 0;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Load test of the web app: the ECB+ dev articles, the largest event topped up with reprints to "
                    + "--articles; N requests from C concurrent clients on loopback over story pages, searches and the API; "
                    + "errors and latency percentiles.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--shared", paramLabel = "DIR", description = "the shared folder (default ../shared)")
        Path shared;

        @Option(names = "--articles", defaultValue = "50", description = "articles in the story (default ${DEFAULT-VALUE})")
        int articles;

        @Option(names = "--clients", defaultValue = "50", description = "concurrent clients (default ${DEFAULT-VALUE})")
        int clients;

        @Option(names = "--requests", defaultValue = "20000", description = "requests in all (default ${DEFAULT-VALUE})")
        int requests;

        @Override
        public Integer call() throws Exception {
            Path ecb = data(shared, "ecbplus-dev");
            if (ecb == null) {
                return 2;
            }
            ServeBench.run(ecb, articles, clients, requests, System.out);
            return 0;
        }
    }

    @Command(name = "figures-draft", mixinStandardHelpOptions = true,
            description = "Draft figure annotations for bench articles (polnear:NAME, ecb:ID) to review by hand.")
    static final class FigureDraft implements Callable<Integer> {
        @Option(names = "--shared", paramLabel = "DIR", description = "the shared folder (default ../shared)")
        Path shared;

        @picocli.CommandLine.Parameters(paramLabel = "DOC", description = "polnear:NAME or ecb:ID")
        List<String> docs;

        @Override
        public Integer call() throws Exception {
            Path bench = data(shared);
            if (bench == null) {
                return 2;
            }
            FigureBench.Texts texts = FigureBench.texts(bench, docs);
            FigureBench.draft(texts, FigureBench.predict(texts), System.out);
            return 0;
        }
    }

    @Command(name = "stories", mixinStandardHelpOptions = true,
            description = "Story and event clustering on ECB+ dev, BASIL dev (150 articles, 50 events of 2010-2014) and"
                    + " distractors (WCXB dev article pages, one a site), each alone and all in one run: BCubed and pairwise"
                    + " P/R/F1, largest story, share merged; batch and random stream orders; time.")
    static final class Stories implements Callable<Integer> {
        @Option(names = "--shared", paramLabel = "DIR", description = "the shared folder (default ../shared)")
        Path shared;

        @Option(names = "--orders", defaultValue = "5", description = "random stream orders (default ${DEFAULT-VALUE})")
        int orders;

        @Option(names = "--seed", defaultValue = "7", description = "seed of the stream orders (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--cv", paramLabel = "K", defaultValue = "0",
                description = "also K-fold cross-validation over ECB+, BASIL and the distractors at once: settings chosen"
                        + " on the other folds")
        int folds;

        @Option(names = "--grid", description = "score the settings cross-validation chooses among on every set"
                + " (batch, in sample) and stop")
        boolean grid;

        @Option(names = "--stream", paramLabel = "N", defaultValue = "0",
                description = "also cluster a synthetic feed of N articles in stream mode: throughput and memory")
        int streamCount;

        @Option(names = "--window-days", defaultValue = "14",
                description = "stream window: a pool closes this many days after its newest article (default ${DEFAULT-VALUE})")
        int windowDays;

        @Override
        public Integer call() throws Exception {
            Path ecb = data(shared, "ecbplus-dev");
            if (ecb == null) {
                return 2;
            }
            StoryBench.print(StoryBench.run(ecb, orders, seed), System.out);
            Path wcxb = data(shared, "wcxb-dev");
            if (wcxb != null) {
                SegmentBench.print(SegmentBench.run(wcxb, seed), System.out);
            }
            Path basil = data(shared, "basil-dev");
            if (basil == null || wcxb == null) {
                return 2;
            }
            List<StorySets.Labelled> sets = List.of(StorySets.ecb(ecb), StorySets.basil(basil),
                    StorySets.distractors(wcxb, 10_000));
            if (grid) {
                StorySets.grid(sets, StorySets.grid(), System.out);
                return 0;
            }
            StorySets.report(sets, StoryConfig.defaults(), orders, seed, System.out);
            if (folds > 1) {
                StorySets.print(sets, StorySets.crossValidate(sets, folds), System.out);
            }
            if (streamCount > 0) {
                StreamBench.print(StreamBench.run(shared(shared), streamCount, windowDays, seed), System.out);
            }
            return 0;
        }
    }
}
