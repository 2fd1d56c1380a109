package org.parallax.stories;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.model.Span;
import org.parallax.model.UnionFind;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;
import org.parallax.text.Token;

/**
 * The stories stage over a corpus. Pages with several stories are first split into segments
 * ({@link Segmenter}); segments are then clustered by {@link StoryStream} — the same single
 * pass a live feed uses — into stories and, within each, events. In batch mode segments arrive
 * in date order (undated last) and document frequencies come from the whole corpus; in stream
 * mode they arrive in the order given and frequencies are counted as they come. Articles
 * linked by substantial reuse are the same event: a reprint is never split from its source.
 * Each event and story gets the most central title of its members and a date range; a story's
 * events form its timeline.
 */
public final class StoryClusterer {
    private static final int MAX_SENTENCE_TITLE = 140;

    private StoryClusterer() {
    }

    /** Batch: the whole corpus is known. */
    public static List<Story> cluster(List<Annotated> docs, List<ReuseLink> reuse, StoryConfig config) {
        return run(Corpus.of(docs), reuse, config, true, features(docs));
    }

    /**
     * Batch, from what {@link #parts} gave for each article elsewhere (on the machines of a
     * job): the same stories as {@link #cluster(List, List, StoryConfig)} on those articles.
     */
    public static List<Story> cluster(Corpus corpus, List<ReuseLink> reuse, StoryConfig config, Features f) {
        return run(corpus, reuse, config, true, f);
    }

    /** Stream: each article is clustered on arrival, in the order given, with online IDF. */
    public static List<Story> stream(List<Annotated> docs, List<ReuseLink> reuse, StoryConfig config) {
        return run(Corpus.of(docs), reuse, config, false, features(docs));
    }

    /** Stream mode with segments and word counts computed before (to run many settings). */
    public static List<Story> stream(List<Annotated> docs, List<ReuseLink> reuse, StoryConfig config, Features f) {
        return run(Corpus.of(docs), reuse, config, false, f);
    }

    /**
     * What clustering needs to know of the corpus besides the features: its article ids in
     * corpus order and the length of each body.
     */
    public record Corpus(List<String> ids, int[] bodyLengths) {
        public static Corpus of(List<Annotated> docs) {
            return new Corpus(docs.stream().map(Annotated::id).toList(),
                    docs.stream().mapToInt(d -> d.article().body().length()).toArray());
        }
    }

    /** The segments of articles with their titles and word counts, by article id. */
    public static final class Features {
        private final Map<String, List<Part>> byDoc = new HashMap<>();

        /** Adds one article's parts (as {@link #parts} gives them). */
        public void put(String article, List<Part> parts) {
            byDoc.put(article, List.copyOf(parts));
        }
    }

    /** A segment of an article, the title it would give an event, and its word counts. */
    public record Part(Segment segment, String title, StoryStream.Item item) {
    }

    public static Features features(List<Annotated> docs) {
        Features f = new Features();
        for (Annotated d : docs) {
            f.byDoc.put(d.id(), parts(d));
        }
        return f;
    }

    /** One article's segments with their titles and word counts: the per-article part of clustering. */
    public static List<Part> parts(Annotated d) {
        List<Segment> segments = Segmenter.segments(d);
        int main = mainSegment(d, segments);
        List<Part> parts = new ArrayList<>();
        // How a page is written is a property of the page: its sections share it.
        boolean addressed = TermVectors.addressed(d, 0, d.article().body().length());
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            parts.add(new Part(s, title(d, s, k == main), TermVectors.item(d, s, d.article().published(), null,
                    addressed)));
        }
        return parts;
    }

    /**
     * Story-level similarity of every pair of whole articles (row-major, corpus order), as the
     * partition into stories sees them: for evaluating the stage.
     */
    public static float[] similarities(List<Annotated> docs, StoryConfig config) {
        List<StoryStream.Item> items = new ArrayList<>();
        for (Annotated d : docs) {
            Segment whole = new Segment(d.id(), d.id(), 0, 0, d.article().body().length(), null, "article");
            items.add(TermVectors.item(d, whole, d.article().published(), null));
        }
        return StoryStream.storySimilarities(items, config);
    }

    /** Word counts of each sentence of an article as stream items (to build synthetic feeds). */
    public static List<StoryStream.Item> sentenceItems(Annotated d) {
        List<StoryStream.Item> out = new ArrayList<>();
        int n = 0;
        for (Span s : d.text().sentences()) {
            Segment seg = new Segment(d.id() + "#s" + (++n), d.id(), n, s.start(), s.end(), null, "sentence");
            out.add(TermVectors.item(d, seg, d.article().published(), null));
        }
        return out;
    }

    /** A segment placed in a story: its article (index in corpus order), bounds and date. */
    private record Unit(int doc, Segment segment, LocalDate date) {
    }

    private static List<Story> run(Corpus corpus, List<ReuseLink> reuse, StoryConfig config, boolean batch,
                                   Features features) {
        List<String> docs = corpus.ids();
        String[] reprints = reprintKeys(docs, reuse, config);
        record Pending(int doc, int part, Part p) {
        }
        List<Pending> units = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            List<Part> parts = features.byDoc.get(docs.get(i));
            for (int k = 0; k < parts.size(); k++) {
                units.add(new Pending(i, k, parts.get(k)));
            }
        }
        StoryStream.Frequencies f = new StoryStream.Frequencies();
        units.forEach(u -> f.count(u.p().item()));
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            order.add(u);
        }
        if (batch) {
            order.sort(Comparator.comparing((Integer u) -> units.get(u).p().item().date(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(u -> u));
        }
        Assembly assembly = batch ? Assembly.batch(config, f) : Assembly.online(config);
        for (int u : order) {
            Pending p = units.get(u);
            assembly.offer(p.doc(), p.part(), p.p(), p.p().segment().whole() ? reprints[p.doc()] : null);
        }
        Clusters clusters = assembly.finish(corpus);
        return build(clusters, (members, story) -> centralTitle(members.stream().map(u -> units.get(u).p().item().terms())
                .toList(), members.stream().map(u -> units.get(u).p().title()).toList(), f));
    }

    /**
     * Each article's reprint key (null for none): articles joined by links covering at least
     * {@link StoryConfig#reuseCoverage()} of either side are copies of one text (connected
     * components); the key names the component.
     */
    private static String[] reprintKeys(List<String> docs, List<ReuseLink> reuse, StoryConfig config) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            index.put(docs.get(i), i);
        }
        UnionFind reprints = new UnionFind(docs.size());
        int[] groupSize = new int[docs.size()];
        for (ReuseLink l : reuse) {
            Integer s = index.get(l.source());
            Integer t = index.get(l.target());
            if (s != null && t != null && l.copy() && reprints(l.targetCoverage(), l.sourceCoverage(), config)) {
                reprints.union(s, t);
            }
        }
        for (int i = 0; i < docs.size(); i++) {
            groupSize[reprints.find(i)]++;
        }
        String[] keys = new String[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            int root = reprints.find(i);
            keys[i] = groupSize[root] > 1 ? reprintKey(root) : null;
        }
        return keys;
    }

    /** Whether a link with these coverages makes its two articles copies of one text. */
    public static boolean reprints(double targetCoverage, double sourceCoverage, StoryConfig config) {
        return targetCoverage >= config.reuseCoverage() || sourceCoverage >= config.reuseCoverage();
    }

    /** The reprint key of the articles in one component of reprint links (any number naming it). */
    public static String reprintKey(long component) {
        return "reprint:" + component;
    }

    /**
     * The corpus-wide, sequential part of batch clustering, fed one segment at a time in
     * stream order (date, undated last, then corpus order): on a cluster job it runs on the
     * driver over segments computed elsewhere. It keeps of each segment only its article, place,
     * bounds and date; word counts are held while their pool is open. {@link #finish} gives the
     * partition; {@link #build} the stories, with titles from a {@link Titles}.
     */
    public static final class Assembly {
        private final StoryStream stream;
        private final List<StoryStream.Closed> closed = new ArrayList<>();
        private final List<Unit> arrived = new ArrayList<>();
        private final it.unimi.dsi.fastutil.longs.LongArrayList places = new it.unimi.dsi.fastutil.longs.LongArrayList();

        private Assembly(java.util.function.Function<java.util.function.Consumer<StoryStream.Closed>, StoryStream> make) {
            this.stream = make.apply(closed::add);
        }

        /** Batch mode with the corpus's frequencies (see {@link StoryStream.Frequencies}). */
        public static Assembly batch(StoryConfig config, StoryStream.Frequencies f) {
            return new Assembly(listener -> StoryStream.prime(config, f, listener));
        }

        /** Stream mode: frequencies counted as segments arrive. */
        static Assembly online(StoryConfig config) {
            return new Assembly(listener -> new StoryStream(config, listener));
        }

        /**
         * The next segment: part {@code part} of article {@code doc} (index in corpus order),
         * with the reprint key of its article's component when it is the whole article.
         */
        public void offer(int doc, int part, Part p, String reprintKey) {
            if (part >= 1 << 24) {
                throw new IllegalArgumentException("article " + doc + ": too many segments");
            }
            StoryStream.Item it = p.item();
            stream.offer(it.withReprintKey(reprintKey));
            arrived.add(new Unit(doc, p.segment(), it.date()));
            places.add((long) doc << 24 | part);
        }

        /** Closes the stream: the stories and events, neighbouring sections of a page rejoined. */
        public Clusters finish(Corpus corpus) {
            stream.finish();
            int n = arrived.size();
            int[] byPlace = new int[n];
            for (int i = 0; i < n; i++) {
                byPlace[i] = i;
            }
            it.unimi.dsi.fastutil.ints.IntArrays.quickSort(byPlace, (a, b) -> Long.compare(places.getLong(a),
                    places.getLong(b)));
            int[] unitOf = new int[n]; // arrival -> unit (units in corpus order)
            List<Unit> units = new ArrayList<>(n);
            long[] place = new long[n];
            for (int u = 0; u < n; u++) {
                unitOf[byPlace[u]] = u;
                units.add(arrived.get(byPlace[u]));
                place[u] = places.getLong(byPlace[u]);
            }
            arrived.clear();
            List<List<List<Integer>>> clusters = new ArrayList<>(); // story -> event -> units
            for (StoryStream.Closed c : closed) {
                for (List<int[]> story : c.stories()) {
                    List<List<Integer>> events = new ArrayList<>();
                    for (int[] e : story) {
                        List<Integer> members = new ArrayList<>();
                        for (int arrival : e) {
                            members.add(unitOf[arrival]);
                        }
                        events.add(members);
                    }
                    clusters.add(events);
                }
            }
            closed.clear();
            int placed = clusters.stream().flatMap(List::stream).mapToInt(List::size).sum();
            if (placed != n) {
                throw new IllegalStateException("stories: " + placed + " of " + n + " segments placed");
            }
            keepWithBlog(units, clusters);
            rejoin(corpus, units, clusters);
            for (List<List<Integer>> story : clusters) {
                for (List<Integer> members : story) {
                    members.sort(null);
                }
            }
            return new Clusters(corpus.ids(), units, place, clusters);
        }
    }

    /**
     * The partition of a corpus's segments: stories of events of units (numbered in corpus
     * order: article by article, each article's parts in order), each event's units sorted.
     */
    public static final class Clusters {
        private final List<String> docs;
        private final List<Unit> units;
        private final long[] place;
        private final List<List<List<Integer>>> stories;

        private Clusters(List<String> docs, List<Unit> units, long[] place, List<List<List<Integer>>> stories) {
            this.docs = docs;
            this.units = units;
            this.place = place;
            this.stories = stories;
        }

        /** Stories, each a list of events, each the units in it (sorted). */
        public List<List<List<Integer>>> stories() {
            return stories;
        }

        /** The article (index in corpus order) of a unit. */
        public int doc(int unit) {
            return (int) (place[unit] >>> 24);
        }

        /** Which of its article's parts ({@link #parts}) a unit came from. */
        public int part(int unit) {
            return (int) (place[unit] & ((1 << 24) - 1));
        }
    }

    /** Titles of events and stories, from their members (units in corpus order, sorted). */
    public interface Titles {
        String of(List<Integer> members, boolean story);
    }

    /**
     * A live blog follows one running story: its updates and entries (and its lead) that found no
     * other coverage — a story of nothing but sections of that one page — stay with the blog's
     * story (the story with most of the page's text among those with other coverage in them), each
     * as an event of its own. Sections under a headline (a digest's items) are left where they are:
     * a digest collects unrelated happenings. Changes {@code clusters} in place (emptied stories
     * are removed).
     */
    private static void keepWithBlog(List<Unit> units, List<List<List<Integer>>> clusters) {
        Map<Integer, Boolean> marked = new HashMap<>(); // doc -> whether the page has update or entry markers
        for (Unit u : units) {
            String cue = u.segment().cue();
            marked.merge(u.doc(), cue.equals("update") || cue.equals("entry"), Boolean::logicalOr);
        }
        int[] orphanOf = new int[clusters.size()]; // story -> the page it is made of, or -1
        for (int s = 0; s < clusters.size(); s++) {
            int doc = -1;
            for (List<Integer> event : clusters.get(s)) {
                for (int u : event) {
                    Segment g = units.get(u).segment();
                    boolean section = g.cue().equals("update") || g.cue().equals("entry") || g.cue().equals("lead");
                    doc = section && (doc == -1 || doc == units.get(u).doc()) ? units.get(u).doc() : -2;
                    if (doc == -2) {
                        break;
                    }
                }
                if (doc == -2) {
                    break;
                }
            }
            orphanOf[s] = doc >= 0 && marked.get(doc) ? doc : -1;
        }
        Map<Integer, Map<Integer, Integer>> textIn = new HashMap<>(); // doc -> story -> characters there
        for (int s = 0; s < clusters.size(); s++) {
            if (orphanOf[s] >= 0) {
                continue;
            }
            for (List<Integer> event : clusters.get(s)) {
                for (int u : event) {
                    Unit unit = units.get(u);
                    if (marked.get(unit.doc())) {
                        textIn.computeIfAbsent(unit.doc(), k -> new TreeMap<>()).merge(s,
                                unit.segment().end() - unit.segment().start(), Integer::sum);
                    }
                }
            }
        }
        boolean moved = false;
        for (int s = 0; s < clusters.size(); s++) {
            Map<Integer, Integer> in = orphanOf[s] >= 0 ? textIn.get(orphanOf[s]) : null;
            if (in == null) {
                continue;
            }
            int target = -1;
            for (Map.Entry<Integer, Integer> e : in.entrySet()) { // ties: the first story
                if (target < 0 || e.getValue() > in.get(target)) {
                    target = e.getKey();
                }
            }
            clusters.get(target).addAll(clusters.get(s));
            clusters.get(s).clear();
            moved = true;
        }
        if (moved) {
            clusters.removeIf(List::isEmpty);
        }
    }

    /**
     * Neighbouring sections of one page that landed in the same event were one story after
     * all (a sub-heading, or two entries on the same happening): they become one segment
     * again, the whole article when nothing else of it is apart. Changes {@code units} and
     * {@code clusters} in place.
     */
    private static void rejoin(Corpus corpus, List<Unit> units, List<List<List<Integer>>> clusters) {
        Map<Integer, List<Integer>> eventOf = new HashMap<>(); // unit -> its event's member list
        for (List<List<Integer>> story : clusters) {
            for (List<Integer> event : story) {
                event.forEach(u -> eventOf.put(u, event));
            }
        }
        Map<Integer, List<Integer>> byDoc = new TreeMap<>();
        for (int u = 0; u < units.size(); u++) {
            if (!units.get(u).segment().whole()) {
                byDoc.computeIfAbsent(units.get(u).doc(), k -> new ArrayList<>()).add(u);
            }
        }
        for (List<Integer> parts : byDoc.values()) {
            parts.sort(Comparator.comparingInt(u -> units.get(u).segment().index()));
            List<Integer> kept = new ArrayList<>();
            for (int u : parts) {
                int last = kept.isEmpty() ? -1 : kept.get(kept.size() - 1);
                if (last >= 0 && eventOf.get(last) == eventOf.get(u)) {
                    Unit a = units.get(last);
                    Segment sa = a.segment();
                    Segment joined = new Segment(sa.id(), sa.article(), sa.index(), sa.start(),
                            units.get(u).segment().end(), sa.heading(), sa.cue());
                    units.set(last, new Unit(a.doc(), joined, a.date()));
                    eventOf.get(u).remove(Integer.valueOf(u));
                } else {
                    kept.add(u);
                }
            }
            if (kept.size() == 1) {
                Unit a = units.get(kept.get(0));
                Segment sa = a.segment();
                String article = sa.article();
                int length = corpus.bodyLengths()[a.doc()];
                units.set(kept.get(0), new Unit(a.doc(), new Segment(article, article, 0, 0, length, null, "article"),
                        a.date()));
            } else {
                // Number the sections that remain 1, 2, ... in page order.
                for (int k = 0; k < kept.size(); k++) {
                    Unit a = units.get(kept.get(k));
                    Segment sa = a.segment();
                    units.set(kept.get(k), new Unit(a.doc(), new Segment(sa.article() + "#" + (k + 1), sa.article(), k + 1,
                            sa.start(), sa.end(), sa.heading(), sa.cue()), a.date()));
                }
            }
        }
        for (List<List<Integer>> story : clusters) {
            story.removeIf(List::isEmpty);
        }
    }

    /**
     * The stories of a partition: events ordered by first date (then first unit), stories by
     * their first event, numbered {@code s1…} and {@code ev1…} in that order; titles from
     * {@code titles}.
     */
    public static List<Story> build(Clusters c, Titles titles) {
        List<Unit> units = c.units;
        List<String> docs = c.docs;
        record Draft(String title, LocalDate first, LocalDate last, List<Integer> units) {
        }
        List<List<Draft>> stories = new ArrayList<>();
        for (List<List<Integer>> events : c.stories) {
            List<Draft> drafts = new ArrayList<>();
            for (List<Integer> members : events) {
                drafts.add(new Draft(titles.of(members, false), first(members, units), last(members, units), members));
            }
            drafts.sort(Comparator.comparing(Draft::first, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(d -> d.units().get(0)));
            stories.add(drafts);
        }
        stories.sort(Comparator.comparing((List<Draft> s) -> s.get(0).first(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> s.stream().mapToInt(d -> d.units().get(0)).min().orElse(0)));
        List<Story> out = new ArrayList<>();
        int eventNo = 0;
        for (List<Draft> drafts : stories) {
            List<Event> events = new ArrayList<>();
            List<Integer> all = new ArrayList<>();
            for (Draft d : drafts) {
                events.add(new Event("ev" + (++eventNo), d.title(), d.first(), d.last(), articles(d.units(), units, docs),
                        d.units().stream().map(u -> units.get(u).segment()).toList()));
                all.addAll(d.units());
            }
            all.sort(null);
            LocalDate first = events.stream().map(Event::date).filter(x -> x != null).min(Comparator.naturalOrder())
                    .orElse(null);
            LocalDate last = events.stream().map(Event::last).filter(x -> x != null).max(Comparator.naturalOrder())
                    .orElse(null);
            out.add(new Story("s" + (out.size() + 1), titles.of(all, true), first, last, articles(all, units, docs),
                    events));
        }
        return out;
    }

    /** The segment the page's headline belongs to: the one sharing most of its words. */
    private static int mainSegment(Annotated d, List<Segment> segments) {
        if (segments.size() == 1) {
            return 0;
        }
        Set<String> titleWords = new LinkedHashSet<>();
        for (String w : d.article().title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                titleWords.add(w);
            }
        }
        int best = 0;
        double bestShare = 0;
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            Set<String> seen = new java.util.HashSet<>();
            int words = 0;
            for (Token t : d.text().tokens()) {
                if (t.start() >= s.start() && t.end() <= s.end()) {
                    seen.add(t.norm());
                    words++;
                }
            }
            long hits = titleWords.stream().filter(seen::contains).count();
            double share = words == 0 ? 0 : hits / Math.sqrt(words); // hits, damped for long sections
            if (share > bestShare) {
                bestShare = share;
                best = k;
            }
        }
        return best;
    }

    /**
     * A readable title for a segment: its own heading, the page's headline for a whole article
     * or the page's main segment, else its first sentence.
     */
    private static String title(Annotated d, Segment s, boolean main) {
        if (s.heading() != null) {
            return s.heading();
        }
        String headline = d.article().title();
        if ((s.whole() || main) && !headline.isBlank()) {
            return headline;
        }
        String body = d.article().body();
        for (Span sentence : d.text().sentences()) {
            if (sentence.start() >= s.start() && sentence.start() < s.end()) {
                String text = body.substring(sentence.start(), Math.min(sentence.end(), s.end())).strip();
                text = text.replaceFirst("^[A-Z][A-Z ]{2,40}[^:\\n]{0,30}:\\s*", ""); // "UPDATE 1030 GMT: "
                return text.length() <= MAX_SENTENCE_TITLE ? text
                        : text.substring(0, text.lastIndexOf(' ', MAX_SENTENCE_TITLE)) + " …";
            }
        }
        return headline;
    }

    /**
     * The title of the member closest to the members' centroid (TF-IDF vectors of content
     * words, frequencies over the corpus's segments): members' word counts and titles in the
     * same order.
     */
    public static String centralTitle(List<Map<String, Integer>> terms, List<String> titles,
                                      StoryStream.Frequencies f) {
        List<Map<String, Double>> vectors = new ArrayList<>(terms.size());
        for (Map<String, Integer> tf : terms) {
            vectors.add(TermVectors.vector(tf, f::termFrequency, f.documents()));
        }
        Map<String, Double> centroid = new HashMap<>();
        for (Map<String, Double> v : vectors) {
            v.forEach((k, w) -> centroid.merge(k, w, Double::sum));
        }
        String best = "";
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < vectors.size(); m++) {
            String t = titles.get(m);
            double sim = TermVectors.cosine(vectors.get(m), centroid);
            if (t != null && !t.isBlank() && sim > bestSim) {
                bestSim = sim;
                best = t;
            }
        }
        return best;
    }

    private static LocalDate first(List<Integer> members, List<Unit> units) {
        return members.stream().map(m -> units.get(m).date()).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static LocalDate last(List<Integer> members, List<Unit> units) {
        return members.stream().map(m -> units.get(m).date()).filter(d -> d != null)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static List<String> articles(List<Integer> members, List<Unit> units, List<String> docs) {
        return members.stream().map(m -> units.get(m).doc()).distinct().sorted().map(docs::get).toList();
    }
}
