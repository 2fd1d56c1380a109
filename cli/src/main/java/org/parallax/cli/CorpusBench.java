package org.parallax.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parallax.extract.Extraction;
import org.parallax.extract.Extractor;
import org.parallax.ingest.Document;
import org.parallax.ingest.DocumentSink;
import org.parallax.ingest.Ingestor;
import org.parallax.ingest.Manifest;
import org.parallax.pipeline.PipelineConfig;
import org.parallax.reuse.ReuseClusters;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.Story;
import org.parallax.stories.StoryClusterer;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;

/**
 * The work of {@code parallax spark --until stories} in one process, on the same inputs:
 * reading and extraction with text analysis, reuse, passage clusters and near-duplicates,
 * stories. Times each step and the peak heap, to compare the single machine with the Spark job
 * at the sizes one machine can hold.
 */
final class CorpusBench {
    private CorpusBench() {
    }

    static void run(List<Path> inputs, PrintStream out) {
        PipelineConfig config = PipelineConfig.defaults();
        Measure.resetPeaks();
        long t0 = System.nanoTime();
        List<Document> docs = new ArrayList<>();
        var read = Ingestor.stream(inputs, Manifest.EMPTY, config.ingest(), f -> false, new DocumentSink(docs::add));
        List<Annotated> articles = docs.parallelStream().map(d -> Extractor.extract(d, config.extract()))
                .filter(e -> e instanceof Extraction.Ok).map(e -> ((Extraction.Ok) e).article())
                .map(a -> new Annotated(a, TextAnalyzer.analyze(a, config.text()))).toList();
        docs.clear();
        long t1 = System.nanoTime();
        List<ReuseLink> links = ReuseFinder.find(articles, config.reuse());
        long t2 = System.nanoTime();
        List<ReuseClusters.Cluster> clusters = ReuseClusters.of(links);
        int duplicates = ReuseClusters.duplicateOf(links).size();
        long t3 = System.nanoTime();
        List<Story> stories = StoryClusterer.cluster(articles, links, config.stories());
        long t4 = System.nanoTime();
        out.printf(Locale.ROOT, "corpus: %d articles (%d problems), %d reuse links, %d passage clusters, %d near-duplicates, "
                + "%d stories%n", articles.size(), read.problems().size(), links.size(), clusters.size(), duplicates,
                stories.size());
        out.printf(Locale.ROOT, "  time: read + extract + text %.1f s; reuse %.1f s; clusters %.1f s; stories %.1f s; "
                        + "total %.1f s; peak heap %.0f MB%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                (t4 - t3) / 1e9, (t4 - t0) / 1e9, Measure.peakHeap() / 1e6);
    }
}
