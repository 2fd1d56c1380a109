package org.parallax.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parallax.compare.CachedEncoder;
import org.parallax.compare.Comparer;
import org.parallax.compare.CompareResult;
import org.parallax.extract.Extraction;
import org.parallax.extract.Extractor;
import org.parallax.ingest.Document;
import org.parallax.ingest.IngestResult;
import org.parallax.ingest.Ingestor;
import org.parallax.ingest.Manifest;
import org.parallax.model.Problem;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.compare.MiniLmEncoder;
import org.parallax.report.Analysis;
import org.parallax.reuse.ReuseClusters;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.store.CorpusStore;
import org.parallax.store.ReuseIndex;
import org.parallax.store.StoredVectors;
import org.parallax.stories.StoryClusterer;
import org.parallax.stories.StoryCorrections;
import org.parallax.stories.StoryIds;
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
        long t0 = System.nanoTime();
        IngestResult ingested = Ingestor.ingest(inputs, manifest, config.ingest());
        Analysis a = analyse(ingested.documents(), ingested.problems(), config);
        List<Analysis.StageTime> times = new ArrayList<>();
        times.add(new Analysis.StageTime("ingest", (System.nanoTime() - t0) / 1_000_000 - total(a.timings())));
        times.addAll(a.timings());
        return new Analysis(a.documents(), a.articles(), a.reuse(), a.reuseClusters(), a.duplicateOf(), a.quotes(), a.stories(), a.figures(), a.comparisons(),
                a.problems(), times);
    }

    private static long total(List<Analysis.StageTime> times) {
        return times.stream().mapToLong(Analysis.StageTime::millis).sum();
    }

    /** Runs every stage after ingest on documents already read. */
    public static Analysis analyse(List<Document> documents, List<Problem> earlier, PipelineConfig config) {
        List<Problem> problems = new ArrayList<>(earlier);
        Clock clock = new Clock();
        List<Object> perDoc = documents.parallelStream().map(d -> perArticle(d, config)).toList();
        List<Annotated> articles = new ArrayList<>();
        for (Object o : perDoc) {
            if (o instanceof Annotated a) {
                articles.add(a);
            } else {
                problems.add((Problem) o);
            }
        }
        clock.lap("extract+text");
        return corpus(documents, articles, problems, clock, config);
    }

    /**
     * Runs the corpus-wide stages on the articles of a store and saves what they find there,
     * replacing the previous analysis in one transaction. When the store holds an analysis made
     * with the same reuse settings, and {@code full} is false, the run is incremental: reuse
     * looks the new articles up in the persisted fingerprint index and aligns only pairs with a
     * new article ({@link ReuseIndex}); stories keep their ids as new articles join them
     * ({@link StoryIds}); sentence embeddings come from the store when a run before computed
     * them. Quotes, entities, stories and comparisons are computed over the whole corpus (their
     * results depend on all of it).
     */
    public static Analysis analyseStore(CorpusStore store, PipelineConfig config, boolean full)
            throws java.sql.SQLException {
        Clock clock = new Clock();
        CorpusStore.Loaded loaded = store.load(config.text());
        List<Annotated> articles = loaded.articles();
        clock.lap("load");
        String reuseKey = ReuseIndex.configKey(config.reuse());
        java.util.Set<String> analysed = full ? java.util.Set.of() : ReuseIndex.analysed(store);
        boolean incremental = !analysed.isEmpty()
                && reuseKey.equals(store.one("SELECT value FROM analysis_state WHERE key = ?", "reuse"));
        List<ReuseLink> reuse;
        CorpusStore.IndexChange index;
        if (incremental) {
            ReuseIndex.Update u = ReuseIndex.update(store, articles, analysed, config.reuse());
            reuse = u.links();
            index = new CorpusStore.IndexChange(false, u.newKeys(), reuseKey);
        } else {
            reuse = ReuseFinder.find(articles, config.reuse());
            java.util.Map<String, long[]> keys = new java.util.LinkedHashMap<>();
            List<long[]> all = articles.parallelStream().map(d -> ReuseFinder.keys(d, config.reuse())).toList();
            for (int i = 0; i < articles.size(); i++) {
                keys.put(articles.get(i).id(), all.get(i));
            }
            index = new CorpusStore.IndexChange(true, keys, reuseKey);
        }
        clock.lap(incremental ? "reuse (incremental)" : "reuse");
        QuoteResult found = QuoteStage.run(articles, config.quotes(), false);
        clock.lap("quotes");
        String correctionsState = store.correctionsState();
        StoryCorrections.Result corrected = StoryCorrections.apply(StoryClusterer.cluster(articles, reuse,
                config.stories()), store.corrections(), articles.stream().map(Annotated::id).toList(), dates(articles));
        List<Story> stories = StoryIds.carry(corrected.stories(), store.savedStories());
        List<Problem> problems = new ArrayList<>();
        corrected.skipped().forEach(why -> problems.add(new Problem("story corrections", "stories", why)));
        clock.lap("stories");
        QuoteResult quotes = org.parallax.stories.EventIndex.groupQuotes(found, stories, articles);
        clock.lap("quote groups");
        CachedEncoder encoder = new CachedEncoder(MiniLmEncoder.INSTANCE, "all-MiniLM-L6-v2-q", new StoredVectors(store));
        CompareResult compared = Comparer.compare(stories, articles, quotes, reuse, config.compare(), encoder);
        clock.lap("compare");
        Analysis a = new Analysis(loaded.documents(), articles, reuse, ReuseClusters.of(reuse),
                ReuseClusters.duplicateOf(reuse), quotes, stories, compared.figures(), compared.comparisons(),
                problems, clock.times);
        com.fasterxml.jackson.databind.node.ObjectNode tree = org.parallax.report.JsonReport.tree(a);
        java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
        for (Story st : a.stories()) {
            java.io.StringWriter w = new java.io.StringWriter();
            try {
                org.parallax.report.HtmlReport.write(a, w, st.id());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
            }
            pages.put(st.id(), w.toString());
        }
        clock.lap("pages");
        com.fasterxml.jackson.databind.node.ArrayNode timings = tree.putArray("timings");
        clock.times.forEach(t -> timings.addObject().put("stage", t.stage()).put("millis", t.millis()));
        tree.put("correctionsState", correctionsState);
        long[] counts = encoder.counts();
        tree.putObject("incremental").put("incremental", incremental)
                .put("newArticles", incremental ? index.keys().size() : articles.size())
                .put("sentencesEncoded", counts[1]).put("sentencesFromStore", counts[0] - counts[1]);
        store.saveAnalysis(tree, pages, index);
        return a;
    }

    /**
     * Whether the store's saved analysis covers every stored article and was made with these
     * reuse settings: an incremental run would then find nothing new.
     */
    public static boolean upToDate(CorpusStore store, PipelineConfig config) throws java.sql.SQLException {
        String made = store.one("SELECT value FROM analysis_state WHERE key = ?", "reuse");
        return ReuseIndex.configKey(config.reuse()).equals(made) && store.correctionsApplied()
                && store.rows("SELECT id FROM articles WHERE id NOT IN (SELECT article FROM analysed_articles) LIMIT 1")
                .isEmpty();
    }

    /** A full analysis of a store: {@link #analyseStore(CorpusStore, PipelineConfig, boolean)} with {@code full}. */
    public static Analysis analyseStore(CorpusStore store, PipelineConfig config) throws java.sql.SQLException {
        return analyseStore(store, config, true);
    }

    private static Analysis corpus(List<Document> documents, List<Annotated> articles, List<Problem> problems,
                                   Clock clock, PipelineConfig config) {
        List<ReuseLink> reuse = ReuseFinder.find(articles, config.reuse());
        List<ReuseClusters.Cluster> reuseClusters = ReuseClusters.of(reuse);
        java.util.Map<String, String> duplicateOf = ReuseClusters.duplicateOf(reuse);
        clock.lap("reuse");
        QuoteResult found = QuoteStage.run(articles, config.quotes(), false);
        clock.lap("quotes");
        List<Story> stories = StoryClusterer.cluster(articles, reuse, config.stories());
        clock.lap("stories");
        QuoteResult quotes = org.parallax.stories.EventIndex.groupQuotes(found, stories, articles);
        clock.lap("quote groups");
        CompareResult compared = Comparer.compare(stories, articles, quotes, reuse, config.compare());
        clock.lap("compare");
        return new Analysis(documents, articles, reuse, reuseClusters, duplicateOf, quotes, stories, compared.figures(),
                compared.comparisons(), problems, clock.times);
    }

    /** Each article's date, where it has one. */
    private static java.util.Map<String, java.time.LocalDate> dates(List<Annotated> articles) {
        java.util.Map<String, java.time.LocalDate> out = new java.util.HashMap<>();
        for (Annotated a : articles) {
            if (a.article().published() != null) {
                out.put(a.id(), a.article().published());
            }
        }
        return out;
    }

    private static final class Clock {
        final List<Analysis.StageTime> times = new ArrayList<>();
        long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            times.add(new Analysis.StageTime(stage, (now - last) / 1_000_000));
            last = now;
        }
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
