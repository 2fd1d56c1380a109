package org.parallax.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parallax.compare.Comparer;
import org.parallax.compare.Comparison;
import org.parallax.extract.Extraction;
import org.parallax.extract.Extractor;
import org.parallax.ingest.Document;
import org.parallax.ingest.IngestResult;
import org.parallax.ingest.Ingestor;
import org.parallax.ingest.Manifest;
import org.parallax.model.Problem;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.report.Analysis;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.StoryClusterer;
import org.parallax.stories.Story;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;
import org.parallax.text.TextAnnotation;

/**
 * The one place that knows the order of the stages: ingest → extract → text (per article, in
 * parallel) → reuse → quotes → stories → compare (corpus-wide). A document that fails a
 * per-article stage becomes a {@link Problem}; the others go on.
 */
public final class Pipeline {
    private Pipeline() {
    }

    public static Analysis run(List<Path> inputs, Manifest manifest, PipelineConfig config) {
        IngestResult ingested = Ingestor.ingest(inputs, manifest, config.ingest());
        return analyse(ingested.documents(), ingested.problems(), config);
    }

    /** Runs every stage after ingest on documents already read. */
    public static Analysis analyse(List<Document> documents, List<Problem> earlier, PipelineConfig config) {
        List<Problem> problems = new ArrayList<>(earlier);
        List<Object> perDoc = documents.parallelStream().map(d -> perArticle(d, config)).toList();
        List<Annotated> articles = new ArrayList<>();
        for (Object o : perDoc) {
            if (o instanceof Annotated a) {
                articles.add(a);
            } else {
                problems.add((Problem) o);
            }
        }
        List<ReuseLink> reuse = ReuseFinder.find(articles, config.reuse());
        QuoteResult quotes = QuoteStage.run(articles, config.quotes());
        List<Story> stories = StoryClusterer.cluster(articles, reuse, config.stories());
        List<Comparison> comparisons = Comparer.compare(stories, articles, quotes, config.compare());
        return new Analysis(documents, articles, reuse, quotes, stories, comparisons, problems);
    }

    private static Object perArticle(Document d, PipelineConfig config) {
        try {
            Extraction e = Extractor.extract(d, config.extract());
            if (e instanceof Extraction.Rejected r) {
                return new Problem(d.source(), "extract", r.reason());
            }
            Extraction.Ok ok = (Extraction.Ok) e;
            TextAnnotation t = TextAnalyzer.analyze(ok.article(), config.text());
            return new Annotated(ok.article(), t);
        } catch (RuntimeException | StackOverflowError ex) {
            // One document's failure must not end the run; say which and why.
            return new Problem(d.source(), "extract", "failed: " + ex);
        }
    }
}
