package org.parallax.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parallax.compare.Comparison;
import org.parallax.compare.Coverage;
import org.parallax.ingest.Manifest;
import org.parallax.model.Problem;
import org.parallax.pipeline.Pipeline;
import org.parallax.pipeline.PipelineConfig;
import org.parallax.report.Analysis;
import org.parallax.report.HtmlReport;
import org.parallax.report.JsonReport;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse text and HTML articles (files or folders) and write the JSON and HTML reports.")
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "files or folders of .txt/.html articles")
    List<Path> paths;

    @Option(names = "--db", paramLabel = "FILE",
            description = "analyse the articles of this corpus store (see ingest) and save the results in it")
    Path db;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "JSONL or CSV with file, outlet, domain, url, published (a folder's own manifest.jsonl/.csv is read too)")
    Path manifest;

    @Option(names = "--full", description = "with --db: analyse the whole store again instead of adding the "
            + "articles ingested since the last analysis")
    boolean full;

    @picocli.CommandLine.Mixin
    Limits limits = new Limits();

    @Option(names = "--json", paramLabel = "FILE", description = "write the JSON report here")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "write the HTML report here")
    Path html;

    /** The manifest given with {@code --manifest}, EMPTY without one, or null after saying why it cannot be read. */
    static Manifest manifest(Path file, PrintWriter err) {
        if (file == null) {
            return Manifest.EMPTY;
        }
        try {
            return Manifest.read(file);
        } catch (IOException e) {
            err.println("parallax: manifest " + file + ": " + e.getMessage());
            return null;
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Manifest m = AnalyzeCommand.manifest(manifest, err);
        if (m == null) {
            return 2;
        }
        long t0 = System.nanoTime();
        if ((paths == null || paths.isEmpty()) == (db == null)) {
            err.println("parallax: analyze: give PATH... or --db FILE (to add files to a store: parallax ingest)");
            return 2;
        }
        Analysis a;
        if (db != null) {
            try (org.parallax.store.CorpusStore store = org.parallax.store.CorpusStore.open(db)) {
                if (!full && json == null && html == null && Pipeline.upToDate(store, PipelineConfig.defaults())) {
                    out.println("parallax: " + db + ": the analysis is up to date (no article added since; --full to run again)");
                    return 0;
                }
                a = Pipeline.analyseStore(store, PipelineConfig.defaults(), full);
                String run = store.one("SELECT value FROM analysis_state WHERE key = ?", "last_run");
                if (run != null) {
                    var r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run);
                    err.printf("parallax: %s analysis: %d new articles; %d sentences encoded, %d from the store%n",
                            r.path("incremental").asBoolean() ? "incremental" : "full", r.path("newArticles").asInt(),
                            r.path("sentencesEncoded").asLong(), r.path("sentencesFromStore").asLong());
                }
            } catch (java.sql.SQLException | IOException e) {
                err.println("parallax: store " + db + ": " + e.getMessage());
                return 2;
            }
        } else {
            PipelineConfig config = limits.apply(PipelineConfig.defaults());
            if (config == null) {
                return 2;
            }
            a = Pipeline.run(paths, m, config);
        }
        for (Problem p : a.problems()) {
            err.println("parallax: " + p.line());
        }
        try {
            if (json != null) {
                writeFile(json, w -> JsonReport.write(a, w));
            }
            if (html != null) {
                writeFile(html, w -> HtmlReport.write(a, w));
            }
        } catch (IOException e) {
            err.println("parallax: cannot write report: " + e.getMessage());
            return 2;
        }
        summary(out, a, (System.nanoTime() - t0) / 1e9);
        return a.articles().isEmpty() ? 1 : 0;
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes beside the target and moves into place, so a failed run leaves no half report. */
    private static void writeFile(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        // A sibling name (not createTempFile, which makes the file private to its owner).
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void summary(PrintWriter out, Analysis a, double seconds) {
        int removed = a.articles().stream().mapToInt(d -> d.article().removed().size()).sum();
        out.printf("%d articles analysed (%d inputs skipped) in %.1f s%n", a.articles().size(), a.problems().size(), seconds);
        out.printf("  stage times: %s%n", String.join(", ", a.timings().stream()
                .map(t -> t.stage() + " " + t.millis() + " ms").toList()));
        out.printf("  boilerplate: %d regions removed%n", removed);
        long directed = a.reuse().stream().filter(l -> l.direction() != org.parallax.reuse.Direction.UNKNOWN).count();
        out.printf("  reuse: %d links (%d with a direction)%n", a.reuse().size(), directed);
        for (ReuseLink l : a.reuse().stream().sorted((x, y) -> Integer.compare(y.sharedWords(), x.sharedWords())).limit(5).toList()) {
            out.printf("    %s -> %s  %s, %d words, %.0f%% of target (%s)%n", l.source(), l.target(),
                    l.direction().label(), l.sharedWords(), 100 * l.targetCoverage(), l.evidence());
        }
        long speakers = a.quotes().quotes().stream().filter(q -> q.speaker() != null).count();
        out.printf("  quotes: %d (%d with a speaker), entities: %d%n", a.quotes().quotes().size(), speakers,
                a.quotes().entities().size());
        out.printf("  stories: %d%n", a.stories().size());
        for (Story s : a.stories().stream().limit(5).toList()) {
            out.printf("    %s  %d articles, %d events: %s%n", s.id(), s.articles().size(), s.events().size(), s.title());
        }
        for (Comparison c : a.comparisons().stream().limit(1).toList()) {
            for (Coverage cv : c.coverage()) {
                out.printf("    %s own voice %.0f%%, %d unattributed claims%n", cv.article(), 100 * cv.ownShare(),
                        cv.unattributedClaims());
            }
        }
        if (json != null) {
            out.println("  JSON report: " + json);
        }
        if (html != null) {
            out.println("  HTML report: " + html);
        }
    }
}
