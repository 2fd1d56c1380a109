package org.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.parallax.extract.Article;
import org.parallax.extract.ExtractConfig;
import org.parallax.extract.Extraction;
import org.parallax.extract.Extractor;
import org.parallax.report.JsonReport;
import org.parallax.ingest.Document;
import org.parallax.ingest.IngestConfig;
import org.parallax.ingest.IngestResult;
import org.parallax.ingest.Ingestor;
import org.parallax.ingest.Manifest;
import org.parallax.model.Problem;
import org.parallax.text.LanguageIdentifier;
import org.parallax.text.TextConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parallax extract}: the clean article of each input, as text and JSON. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article (title, author, date, body, removed regions) from HTML or scraped-text files.")
final class ExtractCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders (.html, .htm, .txt, optionally .gz)")
    List<Path> paths;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "writes DIR/<name>.txt and DIR/<name>.json")
    Path out;

    @Option(names = "--manifest", paramLabel = "FILE", description = "JSONL or CSV manifest (outlet, domain, url, published)")
    Path manifest;

    @Override
    public Integer call() throws IOException {
        Manifest m = manifest == null ? Manifest.EMPTY : Manifest.read(manifest);
        IngestResult in = Ingestor.ingest(paths, m, IngestConfig.defaults());
        Files.createDirectories(out);
        AtomicInteger ok = new AtomicInteger();
        List<Problem> problems = new java.util.ArrayList<>(in.problems());
        List<Object> results = in.documents().parallelStream().map(d -> {
            try {
                Extraction e = Extractor.extract(d, ExtractConfig.defaults());
                if (e instanceof Extraction.Rejected r) {
                    return (Object) new Problem(d.source(), "extract", r.reason());
                }
                write(d, ((Extraction.Ok) e).article());
                ok.incrementAndGet();
                return null;
            } catch (IOException | RuntimeException ex) {
                return new Problem(d.source(), "extract", ex.toString());
            }
        }).toList();
        results.stream().filter(r -> r instanceof Problem).map(r -> (Problem) r).forEach(problems::add);
        for (Problem p : problems) {
            System.err.println("parallax: " + p.line());
        }
        System.out.println(ok.get() + " articles extracted to " + out + " (" + problems.size() + " inputs skipped)");
        return ok.get() == 0 ? 1 : 0;
    }

    /** "0001.html.gz" gives "0001". */
    static String baseName(String fileName) {
        int dot = fileName.indexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    private void write(Document d, Article a) throws IOException {
        String name = baseName(d.name());
        Files.writeString(out.resolve(name + ".txt"), a.body() + "\n", StandardCharsets.UTF_8);
        ObjectNode n = JSON.createObjectNode();
        n.put("source", d.source());
        n.put("title", a.title());
        n.put("author", a.author());
        n.put("date", a.published() == null ? null : a.published().toString());
        n.put("siteName", a.outlet());
        n.put("url", a.url());
        n.put("language", LanguageIdentifier.identify(a.body(), TextConfig.defaults()).getLang());
        n.put("body", a.body());
        n.set("removed", JsonReport.removed(a));
        JSON.writeValue(out.resolve(name + ".json").toFile(), n);
    }
}
