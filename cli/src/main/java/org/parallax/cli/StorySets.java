package org.parallax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parallax.extract.ExtractConfig;
import org.parallax.extract.Extraction;
import org.parallax.extract.Extractor;
import org.parallax.ingest.Decoder;
import org.parallax.ingest.Document;
import org.parallax.ingest.IngestConfig;
import org.parallax.ingest.Manifest;
import org.parallax.ingest.Metadata;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.Event;
import org.parallax.stories.Story;
import org.parallax.stories.StoryClusterer;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;
import org.parallax.text.TextConfig;

/**
 * The labelled corpora stories are scored on, read the way the command line reads its inputs
 * (files decoded, extracted and analysed with the default settings, dates from a manifest or
 * the page), each article with a gold story and a gold event:
 * <ul>
 * <li>ECB+ dev: 462 articles of 22 topics (the story), each two look-alike events; no dates;</li>
 * <li>BASIL dev: 150 articles of 50 US political events of 2010–2014, each told by three
 *     outlets (the triplet is both the story and the event), dated by the manifest;</li>
 * <li>distractors: the WCXB dev article pages, one page a site, each its own story and event
 *     (unrelated pages on reviews, health, finance, tech…), dated as their pages say.</li>
 * </ul>
 * Article ids carry the set's name, so sets can be clustered together in one run.
 */
final class StorySets {
    private StorySets() {
    }

    /** One labelled corpus: its articles, the reuse links among them, and the gold labels by id. */
    record Labelled(String name, List<Annotated> docs, List<ReuseLink> reuse, Map<String, StoryBench.Gold> gold,
                    Targets targets) {
        Labelled(String name, List<Annotated> docs, List<ReuseLink> reuse, Map<String, StoryBench.Gold> gold) {
            this(name, docs, reuse, gold, Targets.NONE);
        }

        Labelled withTargets(Targets t) {
            return new Labelled(name, docs, reuse, gold, t);
        }

        /** The articles of this set and others clustered as one corpus: docs, reuse and gold joined. */
        static Labelled mixed(String name, List<Labelled> sets) {
            List<Annotated> docs = new ArrayList<>();
            List<ReuseLink> reuse = new ArrayList<>();
            Map<String, StoryBench.Gold> gold = new LinkedHashMap<>();
            for (Labelled s : sets) {
                docs.addAll(s.docs());
                gold.putAll(s.gold());
            }
            // Links between sets too: a mixed corpus is read as one.
            reuse.addAll(ReuseFinder.find(docs, ReuseConfig.defaults()));
            return new Labelled(name, docs, reuse, gold);
        }

        /** The same set restricted to {@code keep} (ids), links among them only. */
        Labelled subset(java.util.function.Predicate<String> keep) {
            List<Annotated> d = docs.stream().filter(a -> keep.test(a.id())).toList();
            java.util.Set<String> ids = new java.util.HashSet<>();
            d.forEach(a -> ids.add(a.id()));
            Map<String, StoryBench.Gold> g = new LinkedHashMap<>();
            gold.forEach((k, v) -> {
                if (ids.contains(k)) {
                    g.put(k, v);
                }
            });
            return new Labelled(name, d, reuse.stream().filter(l -> ids.contains(l.source()) && ids.contains(l.target()))
                    .toList(), g, targets);
        }
    }

    /** ECB+ dev as plain text without title or date (as the collection gives it). */
    static Labelled ecb(Path dir) throws IOException {
        List<StoryBench.Gold> gold = StoryBench.load(dir);
        List<Annotated> docs = new ArrayList<>();
        Map<String, StoryBench.Gold> byId = new LinkedHashMap<>();
        for (StoryBench.Gold g : gold) {
            String id = "ecb:" + g.id();
            docs.add(StoryBench.plainText(id, g.text()));
            byId.put(id, new StoryBench.Gold(id, "ecb:" + g.topic(), "ecb:" + g.event(), ""));
        }
        return withReuse("ecb+ dev", docs, byId).withTargets(new Targets(0.90, 0.95, 1));
    }

    /**
     * BASIL dev: the text files with their manifest (outlet, URL, date), read as {@code analyze
     * --manifest} reads them; the gold triplet is both story and event.
     */
    static Labelled basil(Path dir) throws IOException {
        Manifest manifest = Manifest.read(dir.resolve("manifest.jsonl"));
        ObjectMapper om = new ObjectMapper();
        Map<String, String> triplet = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("gold.jsonl"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode n = om.readTree(line);
                    triplet.put(n.get("file").asText(), n.get("triplet").asText());
                }
            }
        }
        List<Document> documents = new ArrayList<>();
        for (String file : triplet.keySet()) {
            Document d = document("basil:" + file, dir.resolve("docs").resolve(file), manifest.lookup(file));
            if (d != null) {
                documents.add(d);
            }
        }
        List<Annotated> docs = annotate(documents);
        Map<String, StoryBench.Gold> gold = new LinkedHashMap<>();
        for (Annotated a : docs) {
            String t = "basil:" + triplet.get(a.id().substring("basil:".length()));
            gold.put(a.id(), new StoryBench.Gold(a.id(), t, t, ""));
        }
        return withReuse("basil dev", docs, gold).withTargets(new Targets(0.95, 0.97, 1));
    }

    /**
     * The WCXB dev pages of type article, the first page of each site (by page number): pages
     * on unrelated subjects from different sites, each its own story. At most {@code limit}.
     */
    static Labelled distractors(Path wcxb, int limit) throws IOException {
        JsonNode files = new ObjectMapper().readTree(wcxb.resolve("metadata.json").toFile()).get("files");
        Map<String, String> firstOfSite = new LinkedHashMap<>();
        List<String> pages = new ArrayList<>();
        files.fieldNames().forEachRemaining(pages::add);
        pages.sort(null);
        for (String page : pages) {
            JsonNode m = files.get(page);
            if ("article".equals(m.path("page_type").asText()) && Files.exists(wcxb.resolve("html").resolve(page + ".html.gz"))) {
                firstOfSite.putIfAbsent(m.path("domain").asText(), page);
            }
        }
        List<Document> documents = new ArrayList<>();
        for (Map.Entry<String, String> e : firstOfSite.entrySet()) {
            if (documents.size() >= limit) {
                break;
            }
            Document d = document("page:" + e.getValue(), wcxb.resolve("html").resolve(e.getValue() + ".html.gz"),
                    new Metadata(null, e.getKey(), null, null));
            if (d != null) {
                documents.add(d);
            }
        }
        List<Annotated> docs = annotate(documents);
        Map<String, StoryBench.Gold> gold = new LinkedHashMap<>();
        for (Annotated a : docs) {
            gold.put(a.id(), new StoryBench.Gold(a.id(), a.id(), a.id(), ""));
        }
        return withReuse("distractors", docs, gold).withTargets(new Targets(0, 0, 0.02));
    }

    private static Labelled withReuse(String name, List<Annotated> docs, Map<String, StoryBench.Gold> gold) {
        return new Labelled(name, docs, ReuseFinder.find(docs, ReuseConfig.defaults()), gold);
    }

    /** A file as ingest decodes it (gzip unpacked), or null with a line on stderr when it cannot be read. */
    private static Document document(String id, Path file, Metadata metadata) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        try {
            if (Decoder.isGzip(bytes)) {
                bytes = Decoder.gunzip(bytes, IngestConfig.defaults().maxBytes());
                name = name.replaceFirst("\\.gz$", "");
            }
            Decoder.Decoded d = Decoder.decode(bytes, name, null, IngestConfig.defaults());
            return new Document(id, file.toString(), name, d.format(), d.text(), metadata);
        } catch (Decoder.BadInput e) {
            System.err.println("parallax: bench: " + file + ": " + e.getMessage());
            return null;
        }
    }

    /** Extraction and text analysis with the default settings, in parallel, in input order. */
    private static List<Annotated> annotate(List<Document> documents) {
        return documents.parallelStream().map(d -> {
            Extraction e = Extractor.extract(d, ExtractConfig.defaults());
            if (!(e instanceof Extraction.Ok ok)) {
                System.err.println("parallax: bench: " + d.source() + ": not an article");
                return null;
            }
            return new Annotated(ok.article(), TextAnalyzer.analyze(ok.article(), TextConfig.defaults()));
        }).filter(a -> a != null).toList();
    }

    /**
     * What a set must reach (issue targets): story and event BCubed F1 at least, and at most this
     * share of articles merged with another gold story.
     */
    record Targets(double storyF1, double eventF1, double mergedShare) {
        static final Targets NONE = new Targets(0, 0, 1);

        /** How far scores fall short of the targets (0 when all are met); merging counts twice. */
        double shortfall(SetScores s) {
            return Math.max(0, storyF1 - s.scores().topicBcubed().f()) + Math.max(0, eventF1 - s.scores().eventBcubed().f())
                    + 2 * Math.max(0, s.mergedShare() - mergedShare);
        }
    }

    /** How one clustering of a labelled set scores. */
    record SetScores(StoryBench.Scores scores, int largestStory, int storiesAcrossEvents, int articlesMerged,
                     int articles) {
        /** Share of the articles whose story holds any article of another gold story. */
        double mergedShare() {
            return articles == 0 ? 0 : (double) articlesMerged / articles;
        }
    }

    /**
     * Scores of {@code stories} on the articles of {@code over}, labels from {@code gold} (which
     * may hold more articles: those of the other sets of a mixed run, so that a story mixing
     * sets costs precision): BCubed of events and stories (precision over the whole predicted
     * cluster, recall over the gold class), pairwise over pairs of {@code over}, the largest
     * story, the stories holding articles of two gold events or more, and the articles put in a
     * story with an article of another gold story.
     */
    static SetScores score(List<Story> stories, Map<String, StoryBench.Gold> gold, java.util.Set<String> over) {
        Map<String, String> story = new HashMap<>();
        Map<String, String> event = new HashMap<>();
        int events = 0;
        int largest = 0;
        int across = 0;
        int merged = 0;
        // An article split into sections counts where most of its text went.
        Map<String, Integer> storyShare = new HashMap<>();
        Map<String, Integer> eventShare = new HashMap<>();
        for (Story st : stories) {
            Map<String, Integer> inStory = new HashMap<>();
            for (Event e : st.events()) {
                events++;
                Map<String, Integer> inEvent = new HashMap<>();
                e.segments().forEach(g -> inEvent.merge(g.article(), g.end() - g.start(), Integer::sum));
                inEvent.forEach((a, n) -> {
                    inStory.merge(a, n, Integer::sum);
                    if (n > eventShare.getOrDefault(a, -1)) {
                        eventShare.put(a, n);
                        event.put(a, st.id() + "/" + e.id());
                    }
                });
            }
            inStory.forEach((a, n) -> {
                if (n > storyShare.getOrDefault(a, -1)) {
                    storyShare.put(a, n);
                    story.put(a, st.id());
                }
            });
            List<String> mine = st.articles().stream().filter(over::contains).toList();
            largest = Math.max(largest, mine.size());
            java.util.Set<String> goldEvents = new java.util.HashSet<>();
            st.articles().stream().filter(gold::containsKey).forEach(a -> goldEvents.add(gold.get(a).event()));
            if (!mine.isEmpty() && goldEvents.size() > 1) {
                across++;
            }
            for (String a : mine) {
                String label = gold.get(a).topic();
                if (st.articles().stream().anyMatch(b -> !b.equals(a)
                        && (!gold.containsKey(b) || !gold.get(b).topic().equals(label)))) {
                    merged++;
                }
            }
        }
        Map<String, String> goldEvent = new HashMap<>();
        Map<String, String> goldStory = new HashMap<>();
        gold.forEach((id, g) -> {
            goldEvent.put(id, g.event());
            goldStory.put(id, g.topic());
        });
        StoryBench.Scores s = new StoryBench.Scores(bcubed(event, goldEvent, over), pairs(event, goldEvent, over),
                bcubed(story, goldStory, over), pairs(story, goldStory, over), events, stories.size());
        return new SetScores(s, largest, across, merged, over.size());
    }

    /** BCubed of the items {@code over}: precision over each item's whole predicted cluster. */
    static StoryBench.Prf bcubed(Map<String, String> predicted, Map<String, String> gold, java.util.Set<String> over) {
        Counts k = Counts.of(predicted, gold);
        Map<String, Integer> clusterSize = k.cluster();
        Map<String, Integer> classSize = k.gold();
        Map<String, Integer> both = k.both();
        double p = 0;
        double r = 0;
        for (String item : over) {
            String c = predicted.getOrDefault(item, "\u0000" + item);
            int common = both.get(c + "\u0001" + gold.get(item));
            p += (double) common / clusterSize.get(c);
            r += (double) common / classSize.get(gold.get(item));
        }
        int n = over.size();
        return new StoryBench.Prf(n == 0 ? 0 : p / n, n == 0 ? 0 : r / n);
    }

    /**
     * Sizes of the predicted clusters, of the gold classes and of their intersections over the
     * items of {@code gold} (an item without a prediction is a cluster of its own).
     */
    record Counts(Map<String, Integer> cluster, Map<String, Integer> gold, Map<String, Integer> both) {
        static Counts of(Map<String, String> predicted, Map<String, String> gold) {
            Map<String, Integer> clusterSize = new HashMap<>();
            Map<String, Integer> classSize = new HashMap<>();
            Map<String, Integer> both = new HashMap<>();
            for (String item : gold.keySet()) {
                String c = predicted.getOrDefault(item, "\u0000" + item);
                clusterSize.merge(c, 1, Integer::sum);
                classSize.merge(gold.get(item), 1, Integer::sum);
                both.merge(c + "\u0001" + gold.get(item), 1, Integer::sum);
            }
            return new Counts(clusterSize, classSize, both);
        }
    }

    /** Pairwise precision and recall over the pairs of {@code over}. */
    static StoryBench.Prf pairs(Map<String, String> predicted, Map<String, String> gold, java.util.Set<String> over) {
        Map<String, String> p = new HashMap<>();
        Map<String, String> g = new HashMap<>();
        for (String item : over) {
            p.put(item, predicted.getOrDefault(item, "\u0000" + item));
            g.put(item, gold.get(item));
        }
        return StoryBench.pairs(p, g);
    }

    /** Story and event clustering of one set in batch mode, scored. */
    static SetScores batch(Labelled set, org.parallax.stories.StoryConfig config, StoryClusterer.Features features) {
        List<Story> stories = StoryClusterer.cluster(StoryClusterer.Corpus.of(set.docs()), set.reuse(), config, features);
        if (System.getProperty("parallax.debug.set") != null && set.name().startsWith(System.getProperty("parallax.debug.set"))) {
            Map<String, Annotated> byId = new HashMap<>();
            set.docs().forEach(d -> byId.put(d.id(), d));
            for (Story st : stories) {
                if (Boolean.getBoolean("parallax.debug.mix")) {
                    Map<String, Integer> mix = new TreeMap<>();
                    st.articles().forEach(a -> mix.merge(set.gold().get(a).event(), 1, Integer::sum));
                    List<String> ev = new ArrayList<>();
                    for (Event e : st.events()) {
                        Map<String, Integer> em = new TreeMap<>();
                        e.articles().forEach(a -> em.merge(set.gold().get(a).event(), 1, Integer::sum));
                        ev.add(em.toString());
                    }
                    System.err.println("-- " + st.id() + " " + mix + " events " + ev);
                    continue;
                }
                if (st.articles().size() > 1) {
                    System.err.println("-- " + st.id() + " " + st.title());
                    for (String a : st.articles()) {
                        Annotated d = byId.get(a);
                        System.err.println("     " + a + " " + set.gold().get(a).topic() + " " + d.article().published() + " "
                                + d.article().domain() + " | " + d.article().title() + " | " + d.article().body().length());
                    }
                }
            }
        }
        return score(stories, set.gold(), set.gold().keySet());
    }

    /** Features of a set computed once, to cluster it with many settings. */
    static StoryClusterer.Features features(Labelled set) {
        return StoryClusterer.features(set.docs());
    }

    /** Batch and stream scores of each set alone and of all of them as one corpus, printed. */
    static void report(List<Labelled> sets, org.parallax.stories.StoryConfig config, int orders, long seed,
                       java.io.PrintStream out) {
        for (Labelled set : sets) {
            StoryClusterer.Features f = features(set);
            long t0 = System.nanoTime();
            long c0 = Measure.cpuNanos();
            SetScores b = batch(set, config, f);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (Measure.cpuNanos() - c0) / 1e9;
            out.printf(java.util.Locale.ROOT, "%s: %d articles, %d gold stories, %d gold events (batch clustering %.2f s, %.2f CPU-s)%n",
                    set.name(), set.docs().size(), distinct(set.gold(), true), distinct(set.gold(), false), seconds, cpu);
            print(out, "batch", b);
            java.util.Random random = new java.util.Random(seed);
            for (int i = 0; i < orders; i++) {
                List<Annotated> shuffled = new ArrayList<>(set.docs());
                java.util.Collections.shuffle(shuffled, random);
                print(out, "stream " + (i + 1), score(StoryClusterer.stream(shuffled, set.reuse(), config, f), set.gold(),
                        set.gold().keySet()));
            }
        }
        Labelled mixed = Labelled.mixed("mixed", sets);
        List<Story> stories = StoryClusterer.cluster(mixed.docs(), mixed.reuse(), config);
        if ("mixed".equals(System.getProperty("parallax.debug.set"))) {
            Map<String, Annotated> byId = new HashMap<>();
            mixed.docs().forEach(d -> byId.put(d.id(), d));
            for (Story st : stories) {
                Map<String, Integer> mix = new TreeMap<>();
                st.articles().forEach(a -> mix.merge(mixed.gold().get(a).topic(), 1, Integer::sum));
                if (mix.size() > 1) {
                    System.err.println("-- " + st.id() + " " + mix);
                    st.articles().forEach(a -> System.err.println("     " + a + " " + byId.get(a).article().published()
                            + " | " + byId.get(a).article().title() + " | " + byId.get(a).article().body()
                            .substring(0, Math.min(100, byId.get(a).article().body().length())).replace('\n', ' ')));
                }
            }
        }
        out.printf(java.util.Locale.ROOT, "mixed (%s in one run): %d articles, %d stories%n",
                String.join(" + ", sets.stream().map(Labelled::name).toList()), mixed.docs().size(), stories.size());
        for (Labelled set : sets) {
            print(out, set.name(), score(stories, mixed.gold(), set.gold().keySet()));
        }
    }

    private static int distinct(Map<String, StoryBench.Gold> gold, boolean story) {
        return (int) gold.values().stream().map(g -> story ? g.topic() : g.event()).distinct().count();
    }

    static void print(java.io.PrintStream out, String what, SetScores s) {
        StoryBench.Scores c = s.scores();
        out.printf(java.util.Locale.ROOT, "  %-12s story BCubed P %.3f R %.3f F1 %.3f, pairwise P %.3f R %.3f F1 %.3f"
                        + " | event BCubed P %.3f R %.3f F1 %.3f, pairwise F1 %.3f | %d stories, largest %d,"
                        + " %d across gold events, %d of %d articles merged with another story's (%.1f %%)%n",
                what, c.topicBcubed().p(), c.topicBcubed().r(), c.topicBcubed().f(), c.topicPairs().p(), c.topicPairs().r(),
                c.topicPairs().f(), c.eventBcubed().p(), c.eventBcubed().r(), c.eventBcubed().f(), c.eventPairs().f(),
                c.stories(), s.largestStory(), s.storiesAcrossEvents(), s.articlesMerged(), s.articles(),
                100 * s.mergedShare());
    }

    /** Batch scores of each set under each setting, a line per setting (exploring settings). */
    static void grid(List<Labelled> sets, List<org.parallax.stories.StoryConfig> configs, java.io.PrintStream out) {
        List<StoryClusterer.Features> features = sets.stream().map(StorySets::features).toList();
        for (org.parallax.stories.StoryConfig c : configs) {
            StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "story %.3f prior %.0f names %.2f days %3d event %.3f |", c.storyThreshold(), c.storyPrior(), c.nameWeight(), c.storyDays(),
                    c.eventThreshold()));
            for (int i = 0; i < sets.size(); i++) {
                SetScores r = batch(sets.get(i), c, features.get(i));
                line.append(String.format(java.util.Locale.ROOT, " %s story %.3f (P %.3f) event %.3f merged %.3f |",
                        sets.get(i).name(), r.scores().topicBcubed().f(), r.scores().topicBcubed().p(),
                        r.scores().eventBcubed().f(), r.mergedShare()));
            }
            out.println(line);
        }
    }

    /**
     * Quantiles of the story-level similarity of pairs: same gold event, same gold story but
     * another event, other stories; and of each article's best match in another story.
     */
    static void similarities(Labelled set, org.parallax.stories.StoryConfig config, java.io.PrintStream out) {
        float[] sim = StoryClusterer.similarities(set.docs(), config);
        int m = set.docs().size();
        List<Float> sameEvent = new ArrayList<>();
        List<Float> sameStory = new ArrayList<>();
        List<Float> other = new ArrayList<>();
        List<Float> bestOther = new ArrayList<>();
        List<Float> bestSame = new ArrayList<>();
        for (int a = 0; a < m; a++) {
            StoryBench.Gold ga = set.gold().get(set.docs().get(a).id());
            float bo = 0;
            float bs = 0;
            for (int b = 0; b < m; b++) {
                if (a == b) {
                    continue;
                }
                StoryBench.Gold gb = set.gold().get(set.docs().get(b).id());
                float v = sim[a * m + b];
                if (ga.topic().equals(gb.topic())) {
                    bs = Math.max(bs, v);
                } else {
                    bo = Math.max(bo, v);
                }
                if (b < a) {
                    continue;
                }
                (ga.event().equals(gb.event()) ? sameEvent : ga.topic().equals(gb.topic()) ? sameStory : other).add(v);
            }
            bestOther.add(bo);
            if (bs > 0) {
                bestSame.add(bs);
            }
        }
        out.println(set.name() + " story-level similarity quantiles (5 10 25 50 75 90 95 99 99.9 %):");
        quantiles(out, "same event", sameEvent);
        quantiles(out, "same story", sameStory);
        quantiles(out, "other", other);
        quantiles(out, "best same", bestSame);
        quantiles(out, "best other", bestOther);
    }

    private static void quantiles(java.io.PrintStream out, String what, List<Float> v) {
        if (v.isEmpty()) {
            return;
        }
        v.sort(null);
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "  %-11s n %7d:", what, v.size()));
        for (double q : new double[] {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999}) {
            b.append(String.format(java.util.Locale.ROOT, " %.3f", v.get((int) Math.min(v.size() - 1, q * v.size()))));
        }
        out.println(b);
    }

    /** The settings cross-validation chooses among. */
    static List<org.parallax.stories.StoryConfig> grid() {
        List<org.parallax.stories.StoryConfig> configs = new ArrayList<>();
        org.parallax.stories.StoryConfig d = org.parallax.stories.StoryConfig.defaults();
        for (double story : new double[] {0.03, 0.04, 0.05}) {
            for (double prior : new double[] {4, 5, 6}) {
                for (double names : new double[] {0.5, 0.6}) {
                    for (int days : new int[] {7, 14}) {
                        configs.add(d.withThresholds(story, d.eventThreshold()).withNameWeight(names).withStoryDays(days)
                                .withStoryPrior(prior));
                    }
                }
            }
        }
        return configs;
    }

    /** One fold: the setting chosen on the other folds, and the held-out scores per set. */
    record Fold(int fold, org.parallax.stories.StoryConfig chosen, double trainShortfall, List<SetScores> heldOut) {
    }

    /** The fold of an article: its gold story's, so a story (topic, triplet, page) is never split over folds. */
    static int fold(StoryBench.Gold g, int k) {
        return Math.floorMod(g.topic().hashCode(), k);
    }

    /**
     * K-fold cross-validation over all the sets at once: for each fold, the setting of {@link
     * #grid()} with the least total shortfall against every set's targets on the other folds'
     * articles (each set clustered alone), then each whole set clustered with it and only the
     * fold's articles scored.
     */
    static List<Fold> crossValidate(List<Labelled> sets, int k) {
        List<StoryClusterer.Features> features = sets.stream().map(StorySets::features).toList();
        List<org.parallax.stories.StoryConfig> grid = grid();
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            final int fold = f;
            org.parallax.stories.StoryConfig best = null;
            double bestShort = Double.POSITIVE_INFINITY;
            for (org.parallax.stories.StoryConfig c : grid) {
                double shortfall = 0;
                for (int i = 0; i < sets.size(); i++) {
                    Labelled set = sets.get(i);
                    Labelled train = set.subset(id -> fold(set.gold().get(id), k) != fold);
                    shortfall += set.targets().shortfall(batch(train, c, features.get(i)));
                }
                if (shortfall < bestShort - 1e-9) {
                    bestShort = shortfall;
                    best = c;
                }
            }
            List<SetScores> held = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                Labelled set = sets.get(i);
                java.util.Set<String> test = new java.util.HashSet<>();
                set.gold().forEach((id, g) -> {
                    if (fold(g, k) == fold) {
                        test.add(id);
                    }
                });
                List<Story> stories = StoryClusterer.cluster(StoryClusterer.Corpus.of(set.docs()), set.reuse(), best,
                        features.get(i));
                held.add(score(stories, set.gold(), test));
            }
            out.add(new Fold(f, best, bestShort, held));
        }
        return out;
    }

    static void print(List<Labelled> sets, List<Fold> folds, java.io.PrintStream out) {
        out.printf(java.util.Locale.ROOT, "cross-validation, %d folds by gold story over %s at once (settings chosen on the"
                + " other folds; %d settings):%n", folds.size(), String.join(" + ", sets.stream().map(Labelled::name).toList()),
                grid().size());
        double[][] pooled = new double[sets.size()][5];
        for (Fold f : folds) {
            org.parallax.stories.StoryConfig c = f.chosen();
            out.printf(java.util.Locale.ROOT, " fold %d chose story %.2f, prior %.0f, name weight %.1f, story days %d"
                    + " (shortfall on the other folds %.3f)%n", f.fold(), c.storyThreshold(), c.storyPrior(), c.nameWeight(),
                    c.storyDays(), f.trainShortfall());
            for (int i = 0; i < sets.size(); i++) {
                SetScores s = f.heldOut().get(i);
                print(out, "  " + sets.get(i).name(), s);
                int n = s.articles();
                pooled[i][0] += s.scores().topicBcubed().p() * n;
                pooled[i][1] += s.scores().topicBcubed().r() * n;
                pooled[i][2] += s.scores().eventBcubed().p() * n;
                pooled[i][3] += s.scores().eventBcubed().r() * n;
                pooled[i][4] += s.articlesMerged();
            }
        }
        out.println(" held out, all folds:");
        for (int i = 0; i < sets.size(); i++) {
            int n = sets.get(i).gold().size();
            StoryBench.Prf story = new StoryBench.Prf(pooled[i][0] / n, pooled[i][1] / n);
            StoryBench.Prf event = new StoryBench.Prf(pooled[i][2] / n, pooled[i][3] / n);
            out.printf(java.util.Locale.ROOT, "  %-12s story BCubed P %.3f R %.3f F1 %.3f | event BCubed P %.3f R %.3f F1 %.3f"
                            + " | %d of %d articles merged with another story's (%.1f %%)%n", sets.get(i).name(), story.p(),
                    story.r(), story.f(), event.p(), event.r(), event.f(), (int) pooled[i][4], n, 100 * pooled[i][4] / n);
        }
    }
}
