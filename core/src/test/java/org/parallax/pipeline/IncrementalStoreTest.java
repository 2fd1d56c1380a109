package org.parallax.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.extract.Extraction;
import org.parallax.extract.Extractor;
import org.parallax.ingest.Document;
import org.parallax.ingest.IngestResult;
import org.parallax.ingest.Ingestor;
import org.parallax.ingest.Manifest;
import org.parallax.report.Analysis;
import org.parallax.reuse.ReuseLink;
import org.parallax.store.CorpusStore;
import org.parallax.store.ReuseIndex;
import org.parallax.stories.Story;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;

/**
 * A store analysed, then grown and analysed again incrementally, ends as a store given all its
 * articles at once and analysed in full: same reuse links (found through the persisted
 * fingerprint index), same story partition, story ids kept.
 */
class IncrementalStoreTest {
    private static final PipelineConfig CONFIG = PipelineConfig.defaults();
    private static List<String> lines;

    @TempDir
    Path dir;

    @BeforeAll
    static void readCorpus() throws Exception {
        Path ecb = Path.of(System.getProperty("parallax.shared", "../shared"), "bench", "ecbplus-dev", "articles.jsonl");
        lines = Files.readAllLines(ecb).stream().filter(l -> !l.isBlank()).limit(180).toList();
    }

    private List<Document> documents(List<String> part, String name) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, part);
        IngestResult r = Ingestor.ingest(List.of(f), Manifest.EMPTY, CONFIG.ingest());
        assertThat(r.problems()).isEmpty();
        return r.documents();
    }

    private static void put(CorpusStore store, List<Document> docs) throws Exception {
        for (Document d : docs) {
            Extraction.Ok ok = (Extraction.Ok) Extractor.extract(d, CONFIG.extract());
            store.put(d, new Annotated(ok.article(), TextAnalyzer.analyze(ok.article(), CONFIG.text())));
        }
    }

    @Test
    void newArticlesJoinTheAnalysisAsIfItHadBeenRunOnceOnEverything() throws Exception {
        // Interleaved halves: the second brings more coverage of the first's events.
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (i % 3 == 2 ? second : first).add(lines.get(i));
        }
        List<Document> a = documents(first, "a.jsonl");
        List<Document> b = documents(second, "b.jsonl");

        Analysis grown;
        Map<String, List<String>> storiesBefore;
        Set<String> firstIds;
        try (CorpusStore store = CorpusStore.open(dir.resolve("grown.db"))) {
            put(store, a);
            assertThat(Pipeline.upToDate(store, CONFIG)).isFalse();
            Analysis before = Pipeline.analyseStore(store, CONFIG, false);
            assertThat(lastRun(store).path("incremental").asBoolean()).isFalse(); // nothing to add to yet
            storiesBefore = store.savedStories();
            firstIds = ReuseIndex.analysed(store);
            assertThat(firstIds).hasSize(a.size());
            assertThat(before.reuse()).isNotEmpty();
            assertThat(store.count("shingles")).isPositive();

            assertThat(Pipeline.upToDate(store, CONFIG)).isTrue();
            put(store, b);
            assertThat(Pipeline.upToDate(store, CONFIG)).isFalse();
            grown = Pipeline.analyseStore(store, CONFIG, false);
            assertThat(Pipeline.upToDate(store, CONFIG)).isTrue();
            var run = lastRun(store);
            assertThat(run.path("incremental").asBoolean()).isTrue();
            assertThat(run.path("newArticles").asInt()).isEqualTo(b.size());
            assertThat(run.path("sentencesFromStore").asLong()).isPositive(); // embeddings kept from the first run
            assertThat(ReuseIndex.analysed(store)).hasSize(a.size() + b.size());
            // What was saved reads back whole: the links the next run starts from.
            assertThat(new HashSet<>(ReuseIndex.saved(store))).isEqualTo(new HashSet<>(grown.reuse()));
        }

        Analysis once;
        try (CorpusStore store = CorpusStore.open(dir.resolve("once.db"))) {
            put(store, a);
            put(store, b);
            once = Pipeline.analyseStore(store, CONFIG, true);
            assertThat(lastRun(store).path("incremental").asBoolean()).isFalse();
        }

        assertThat(grown.reuse()).isEqualTo(once.reuse());
        assertThat(grown.reuse()).anyMatch(l -> firstIds.contains(l.source()) != firstIds.contains(l.target()));
        assertThat(partition(grown.stories())).isEqualTo(partition(once.stories()));
        assertThat(grown.quotes().quotes()).isEqualTo(once.quotes().quotes());

        // A story that kept its articles and gained new ones kept its id.
        int joined = 0;
        for (Story s : grown.stories()) {
            List<String> old = storiesBefore.get(s.id());
            if (old != null && s.articles().containsAll(old) && s.articles().size() > old.size()) {
                joined++;
            }
        }
        assertThat(joined).as("stories that new articles joined under their old id").isPositive();
        // A story holding all of one earlier story's articles and none of another's has its id
        // (merged stories keep the id of the one they share most with).
        Set<String> before = new HashSet<>();
        storiesBefore.values().forEach(before::addAll);
        int checked = 0;
        for (var e : storiesBefore.entrySet()) {
            Set<String> old = new HashSet<>(e.getValue());
            for (Story s : grown.stories()) {
                boolean onlyThat = s.articles().stream().filter(before::contains).allMatch(old::contains);
                if (s.articles().containsAll(old) && onlyThat) {
                    assertThat(s.id()).as("story holding " + e.getKey() + "'s articles").isEqualTo(e.getKey());
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    private static Set<Set<String>> partition(List<Story> stories) {
        return stories.stream().map(s -> (Set<String>) new TreeSet<>(s.articles())).collect(Collectors.toSet());
    }

    private static com.fasterxml.jackson.databind.JsonNode lastRun(CorpusStore store) throws Exception {
        return new ObjectMapper().readTree(store.one("SELECT value FROM analysis_state WHERE key = ?", "last_run"));
    }
}
