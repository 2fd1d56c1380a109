package org.parallax.stories;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.parallax.model.UnionFind;

/**
 * Story and event clustering of a stream of items (articles, or segments of them), one pass.
 *
 * <p>On arrival an item joins the open <em>thread</em> whose members it resembles most on
 * average (cosines of TF-IDF vectors of content words, mixed with those of names) at or above
 * {@link StoryConfig#poolThreshold()}, or opens one in a new <em>pool</em>; an item that
 * reaches threads of several pools joins those pools into one (their threads stay apart, so a
 * thread's mean is never diluted by another subject), and an item with the reprint key of a
 * member joins that member's thread whatever its wording. A pool is coverage that may hold
 * several stories; it bounds the work and the memory of the final step.
 *
 * <p>When a pool closes, its members are partitioned by average-link clustering, which does
 * not depend on the order they came in: first into stories (mean similarity of content words
 * and names at least {@link StoryConfig#storyThreshold()}), then each story into events, on
 * vectors of content words, names, word pairs and numbers re-weighted by how rare each is
 * within the story — what all of a story's articles say (its actors, its kind of happening)
 * cannot tell its events apart, what only some say can. Members dated more than {@link
 * StoryConfig#eventDays()} apart are held apart as events, and copies of one text held
 * together. The result goes to the listener.
 *
 * <p>Memory is bounded by the open pools: candidate threads come from an inverted index of
 * thread terms, a thread's sums keep at most {@link #MAX_TERMS} terms, and a pool closes — its
 * vectors and postings released — once its newest dated member is more than {@link
 * StoryConfig#windowDays()} days behind the newest date seen, after {@link
 * StoryConfig#maxIdle()} arrivals without a new member, or once it holds {@link #MAX_POOL}
 * members (a running story is then continued by a new pool). Posting lists are swept of closed
 * threads every {@link #SWEEP} arrivals. {@link #finish()} closes the rest.
 *
 * <p>Document frequencies are counted as items arrive (online IDF), or taken from the whole
 * corpus up front with {@link #prime} (batch).
 */
public final class StoryStream {
    /** Terms a thread's sums keep; beyond twice this, the lightest are dropped. */
    static final int MAX_TERMS = 1000;
    /** The item's heaviest terms (and names) used to look up candidate threads. */
    static final int PROBE_TERMS = 12;
    /**
     * Pools with more members are partitioned in consecutive blocks of this many (average
     * link is quadratic in time and memory).
     */
    static final int MAX_PARTITION = 4000;
    /** Arrivals between two sweeps of the posting lists. */
    static final int SWEEP = 8192;
    /** A pool this large closes at once: the bound on the final step's time and memory. */
    static final int MAX_POOL = 3000;
    private static final long NO_DATE = Long.MIN_VALUE;
    /** Events this small are fragments that may join a larger event of their story. */
    static final int FRAGMENT = 2;

    /**
     * One arrival: counts of content words, names, word pairs and numbers; its date (or null)
     * and its reprint key (or null: items sharing a key are copies of one text).
     */
    public record Item(String id, LocalDate date, Map<String, Integer> terms, Map<String, Integer> names,
                       Map<String, Integer> phrases, Map<String, Integer> numbers, String reprintKey,
                       boolean addressed, Map<String, Integer> capitalised) {
        public Item {
            Objects.requireNonNull(terms);
            Objects.requireNonNull(names);
            Objects.requireNonNull(phrases);
            Objects.requireNonNull(numbers);
            Objects.requireNonNull(capitalised);
        }

        /** An item that reads as reporting (not {@link #addressed}), without other capitalised words. */
        public Item(String id, LocalDate date, Map<String, Integer> terms, Map<String, Integer> names,
                    Map<String, Integer> phrases, Map<String, Integer> numbers, String reprintKey) {
            this(id, date, terms, names, phrases, numbers, reprintKey, false, Map.of());
        }

        /** The same item with another reprint key. */
        public Item withReprintKey(String key) {
            return new Item(id, date, terms, names, phrases, numbers, key, addressed, capitalised);
        }

        /** Names and the other capitalised words together: what tells events of one story apart. */
        Map<String, Integer> allCapitalised() {
            if (capitalised.isEmpty()) {
                return names;
            }
            Map<String, Integer> all = new HashMap<>(names);
            capitalised.forEach((k, v) -> all.merge(k, v, Integer::sum));
            return all;
        }
    }

    /** Where an item went on arrival: its pool (numbered from 0), and whether it opened it. */
    public record Assignment(int pool, boolean newPool) {
    }

    /**
     * A closed pool's stories; each story a list of events, each event the arrival numbers
     * (from 0) of its members.
     */
    public record Closed(int pool, List<List<int[]>> stories) {
    }

    private final StoryConfig config;
    private final boolean online;
    private final Consumer<Closed> listener;
    private final Frequencies frequencies;
    private final Vocabulary terms;
    private final Vocabulary names;
    private final Vocabulary phrases;
    private final Vocabulary numbers;
    private final List<Pool> open = new ArrayList<>();
    private final Int2ObjectOpenHashMap<Thread> threads = new Int2ObjectOpenHashMap<>();
    private final Int2ObjectOpenHashMap<IntArrayList> postings = new Int2ObjectOpenHashMap<>();
    private final Map<String, Thread> reprintThreads = new HashMap<>();
    private int pools;
    private int threadIds;
    private int arrivals;
    private LocalDate clock;
    private int peakOpen;
    private long peakMembers;
    private long openMembers;

    public StoryStream(StoryConfig config, Consumer<Closed> listener) {
        this(config, true, listener);
    }

    private StoryStream(StoryConfig config, boolean online, Consumer<Closed> listener) {
        this(config, online, new Frequencies(), listener);
    }

    private StoryStream(StoryConfig config, boolean online, Frequencies f, Consumer<Closed> listener) {
        this.config = config;
        this.online = online;
        this.listener = listener;
        this.frequencies = f;
        this.terms = f.terms;
        this.names = f.names;
        this.phrases = f.phrases;
        this.numbers = f.numbers;
    }

    /**
     * A stream whose document frequencies are those of {@code corpus}, counted before any item
     * is clustered: batch mode, where the whole corpus is known.
     */
    public static StoryStream prime(StoryConfig config, List<Item> corpus, Consumer<Closed> listener) {
        Frequencies f = new Frequencies();
        corpus.forEach(f::count);
        return prime(config, f, listener);
    }

    /**
     * Batch mode with frequencies counted beforehand (elsewhere, e.g. by a cluster job); the
     * stream takes them over and adds nothing to them.
     */
    public static StoryStream prime(StoryConfig config, Frequencies f, Consumer<Closed> listener) {
        return new StoryStream(config, false, f.shared().sealed(), listener);
    }

    /** The kinds of feature whose document frequencies weigh. */
    public enum Feature {
        TERMS, NAMES, PHRASES, NUMBERS
    }

    /**
     * Document frequencies of content words, word pairs and numbers over a corpus of items, and
     * the ids clustering gives those features: in order of first sight, item by item in corpus
     * order and each item's features in {@link String} order — so the ids, and every sum over
     * them, do not depend on how an item's maps happen to iterate, and frequencies counted
     * elsewhere ({@link #define}) give the same ids.
     */
    public static final class Frequencies implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Vocabulary terms = new Vocabulary(0);
        private final Vocabulary names = new Vocabulary(1);
        private final Vocabulary phrases = new Vocabulary(2);
        private final Vocabulary numbers = new Vocabulary(3);
        private long documents;

        /** Counts one item (in corpus order). */
        public void count(Item item) {
            documents++;
            terms.count(item.terms());
            names.count(item.names());
            phrases.count(item.phrases());
            numbers.count(item.numbers());
        }

        /**
         * Declares a feature with its document frequency, as {@link #count} would have: call in
         * order of first sight (first item, then {@link String} order within it).
         */
        public void define(Feature kind, String feature, int df) {
            Vocabulary v = switch (kind) {
                case TERMS -> terms;
                case NAMES -> names;
                case PHRASES -> phrases;
                case NUMBERS -> numbers;
            };
            if (v.ids.containsKey(feature)) {
                throw new IllegalArgumentException(kind + " '" + feature + "' defined twice");
            }
            v.df.set(v.id(feature), df);
        }

        /** Sets the number of items counted (with {@link #define}). */
        public void documents(long n) {
            documents = n;
        }

        public long documents() {
            return documents;
        }

        /**
         * The features held by two items or more, in the same order (ids renumbered): a feature
         * of one item matches nothing, so batch clustering gives it an id of its own as it
         * arrives instead of keeping it (most word pairs of a large corpus are such). This
         * instance when it holds no other.
         */
        Frequencies shared() {
            if (terms.allShared() && names.allShared() && phrases.allShared() && numbers.allShared()) {
                return this;
            }
            Frequencies f = new Frequencies();
            f.documents = documents;
            terms.copyShared(f.terms);
            names.copyShared(f.names);
            phrases.copyShared(f.phrases);
            numbers.copyShared(f.numbers);
            return f;
        }

        /** From now on, features not held are given ids of their own that are not kept. */
        Frequencies sealed() {
            terms.seal();
            names.seal();
            phrases.seal();
            numbers.seal();
            return this;
        }

        /** Items holding the content word {@code term} (0 when none does). */
        public int termFrequency(String term) {
            int id = terms.ids.getInt(term);
            return id < 0 ? 0 : terms.df.getInt(id);
        }
    }

    public Assignment offer(Item item) {
        int arrival = arrivals++;
        if (online) {
            frequencies.count(item);
        }
        long documents = frequencies.documents;
        if (item.date() != null && (clock == null || item.date().isAfter(clock))) {
            clock = item.date();
            closeStale();
        } else if (config.maxIdle() > 0 && arrival % 1024 == 0) {
            closeStale();
        }
        if (arrival % SWEEP == SWEEP - 1) {
            sweep();
        }
        Counts[] counts = {terms.counts(item.terms()), names.counts(item.names()), phrases.counts(item.phrases()),
                numbers.counts(item.numbers()), item.capitalised().isEmpty() ? null : names.counts(item.allCapitalised())};
        Vector t = terms.vector(counts[0], true, documents);
        Vector n = names.vector(counts[1], true, documents);
        double w = config.nameWeight();

        Thread thread = item.reprintKey() == null ? null : reprintThreads.get(item.reprintKey());
        if (thread == null || !threads.containsKey(thread.id)) {
            thread = null;
            double best = config.poolThreshold();
            List<Thread> bridged = new ArrayList<>();
            for (Thread c : candidates(t, n)) {
                // Mean similarity to the thread's members, not cosine to a centroid: a centroid
                // of varied coverage is short, and a cosine with it would draw in everything.
                double sim = ((1 - w) * c.terms.dot(t) + w * c.names.dot(n)) / c.size;
                if (sim >= config.poolThreshold()) {
                    bridged.add(c);
                }
                if (sim >= best) {
                    best = sim;
                    thread = c;
                }
            }
            // An item close to threads of several pools shows the pools are one coverage.
            for (Thread other : bridged) {
                if (thread != null && other.pool != thread.pool) {
                    merge(thread.pool, other.pool);
                }
            }
        }
        boolean fresh = thread == null;
        Pool pool;
        if (fresh) {
            pool = new Pool(pools++);
            open.add(pool);
            peakOpen = Math.max(peakOpen, open.size());
            thread = new Thread(threadIds++, pool);
            pool.threads.add(thread);
            threads.put(thread.id, thread);
        } else {
            pool = thread.pool;
        }
        int threadId = thread.id;
        thread.add(t, n, key -> postings.computeIfAbsent(key, k -> new IntArrayList(2)).add(threadId));
        pool.add(counts, item, arrival);
        if (item.reprintKey() != null) {
            reprintThreads.put(item.reprintKey(), thread);
        }
        openMembers++;
        peakMembers = Math.max(peakMembers, openMembers);
        if (pool.arrivalNos.size() >= MAX_POOL) {
            close(open.indexOf(pool));
        }
        return new Assignment(pool.id, fresh);
    }

    /** Moves {@code other}'s threads and members into {@code into}. */
    private void merge(Pool into, Pool other) {
        for (Thread th : other.threads) {
            th.pool = into;
            into.threads.add(th);
        }
        into.arrivalNos.addAll(other.arrivalNos);
        into.counts.addAll(other.counts);
        into.days.addAll(other.days);
        into.keys.addAll(other.keys);
        into.addressed.addAll(other.addressed);
        if (other.last != null && (into.last == null || other.last.isAfter(into.last))) {
            into.last = other.last;
        }
        into.lastArrival = Math.max(into.lastArrival, other.lastArrival);
        open.remove(other);
    }

    /** Closes every open pool, handing its stories to the listener. */
    public void finish() {
        for (int i = open.size() - 1; i >= 0; i--) {
            close(i);
        }
    }

    /** Pools open now. */
    public int openPools() {
        return open.size();
    }

    /** The most pools open at once so far. */
    public int peakOpenPools() {
        return peakOpen;
    }

    /** The most items held in open stories at once so far. */
    public long peakOpenItems() {
        return peakMembers;
    }

    private List<Thread> candidates(Vector t, Vector n) {
        IntOpenHashSet ids = new IntOpenHashSet();
        probe(t, ids);
        probe(n, ids);
        List<Thread> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(threads.get(id)));
        out.sort((a, b) -> Integer.compare(a.id, b.id)); // ties go to the older thread
        return out;
    }

    private void probe(Vector v, IntOpenHashSet into) {
        for (int k : v.heaviest(PROBE_TERMS)) {
            IntArrayList p = postings.get(v.ids[k]);
            if (p == null) {
                continue;
            }
            int w = 0; // threads of closed pools leave the list as it is read
            for (int i = 0; i < p.size(); i++) {
                int id = p.getInt(i);
                if (threads.containsKey(id)) {
                    p.set(w++, id);
                    into.add(id);
                }
            }
            p.size(w);
            if (p.isEmpty()) {
                postings.remove(v.ids[k]);
            }
        }
    }

    /**
     * The story-level similarities of items (content words and names, weighed with the
     * frequencies of these items), row-major: what the partition into stories compares; for
     * evaluation.
     */
    static float[] storySimilarities(List<Item> items, StoryConfig config) {
        Frequencies f = new Frequencies();
        items.forEach(f::count);
        StoryStream st = prime(config, f, c -> { });
        double w = config.nameWeight();
        List<Vector> vs = new ArrayList<>();
        for (Item it : items) {
            Vector t = st.terms.vector(st.terms.counts(it.terms()), true, f.documents);
            Vector n = st.names.vector(st.names.counts(it.names()), true, f.documents);
            vs.add(Vector.concat(new Vector[] {t, n}, new double[] {1 - w, w}));
        }
        return similarities(vs);
    }

    /** Drops closed threads from every posting list, and empty lists: keeps the index to the window. */
    private void sweep() {
        var it = postings.int2ObjectEntrySet().iterator();
        while (it.hasNext()) {
            IntArrayList p = it.next().getValue();
            int w = 0;
            for (int i = 0; i < p.size(); i++) {
                if (threads.containsKey(p.getInt(i))) {
                    p.set(w++, p.getInt(i));
                }
            }
            if (w == 0) {
                it.remove();
            } else {
                p.size(w);
                p.trim();
            }
        }
    }

    private void closeStale() {
        for (int i = open.size() - 1; i >= 0; i--) {
            Pool s = open.get(i);
            boolean old = clock != null && s.last != null && config.windowDays() >= 0
                    && ChronoUnit.DAYS.between(s.last, clock) > config.windowDays();
            boolean idle = config.maxIdle() > 0 && arrivals - s.lastArrival > config.maxIdle();
            if (old || idle) {
                close(i);
            }
        }
    }

    private void close(int i) {
        Pool s = open.get(i);
        open.set(i, open.get(open.size() - 1));
        open.remove(open.size() - 1);
        for (Thread th : s.threads) {
            threads.remove(th.id);
        }
        for (String key : s.keys) {
            if (key != null) {
                reprintThreads.remove(key);
            }
        }
        openMembers -= s.arrivalNos.size();
        List<List<int[]>> stories = new ArrayList<>();
        int m = s.arrivalNos.size();
        for (int from = 0; from < m; from += MAX_PARTITION) {
            stories.addAll(partition(s, from, Math.min(m, from + MAX_PARTITION)));
        }
        listener.accept(new Closed(s.id, stories));
    }

    /** Members {@code [from, to)} of a pool as stories of events. */
    private List<List<int[]>> partition(Pool s, int from, int to) {
        List<Integer> all = new ArrayList<>();
        for (int i = from; i < to; i++) {
            all.add(i);
        }
        List<List<int[]>> out = new ArrayList<>();
        // Vectors weighed with the document frequencies of now, not of each member's arrival.
        double w = config.nameWeight();
        double rest = 1 - config.phraseWeight() - config.numberWeight();
        long documents = frequencies.documents;
        double[] storyMix = {1 - w, w};
        double[] eventMix = {rest * (1 - w), rest * w, config.phraseWeight(), config.numberWeight()};
        List<Vector> storyVectors = new ArrayList<>();
        List<Vector> eventVectors = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Counts[] c = s.counts.get(i);
            Vector t = terms.vector(c[0], true, documents);
            Vector n = names.vector(c[1], true, documents);
            storyVectors.add(Vector.concat(new Vector[] {t, n}, storyMix));
            // Within a story, names (and words capitalised in headings) are weighed by their rarity
            // in the story instead ({@link #local}).
            Vector plain = names.vector(c[4] != null ? c[4] : c[1], false, documents);
            eventVectors.add(Vector.concat(new Vector[] {t, plain, phrases.vector(c[2], true, documents),
                    numbers.vector(c[3], true, documents)}, eventMix));
        }
        float[] storySim = pairwise(s, all, storyVectors, false);
        float[] storyWeights = storyWeights(s, all);
        // Which members carry a date: merges that no dated pair vouches for need closer undated evidence.
        boolean[] dated = new boolean[all.size()];
        for (int a = 0; a < dated.length; a++) {
            dated[a] = s.days.getLong(all.get(a)) != NO_DATE;
        }
        int[] copies = new int[all.size()];
        Map<String, Integer> keyNo = new HashMap<>();
        for (int a = 0; a < copies.length; a++) {
            String key = s.keys.get(all.get(a));
            copies[a] = key == null ? -1 : keyNo.computeIfAbsent(key, k -> keyNo.size());
        }
        for (List<Integer> storyLocal : groups(AverageLink.cut(storySim, storyWeights, copies, dated,
                config.storyBridge(), all.size(), config.storyThreshold(),
                config.storyPrior()), all.size())) {
            List<Integer> story = storyLocal.stream().map(all::get).toList();
            List<Vector> local = local(story.stream().map(i -> eventVectors.get(i - from)).toList());
            float[] eventSim = pairwise(s, story, local, true);
            List<List<Integer>> events = groups(AverageLink.cut(eventSim.clone(), story.size(),
                    config.eventThreshold()), story.size());
            if (config.attach() > 0) {
                events = attach(events, eventSim, story.size());
            }
            List<int[]> arrivals = new ArrayList<>();
            for (List<Integer> event : events) {
                arrivals.add(event.stream().mapToInt(k -> s.arrivalNos.getInt(story.get(k))).toArray());
            }
            out.add(arrivals);
        }
        return out;
    }

    /**
     * Which pairs of the members are compared when stories are formed: weight 0 for two members
     * dated more than {@link StoryConfig#storyDays()} apart (unless copies of one text), 1 for the
     * rest; null when every pair is compared.
     */
    private float[] storyWeights(Pool s, List<Integer> members) {
        if (config.storyDays() < 0) {
            return null;
        }
        int m = members.size();
        long[] days = new long[m];
        boolean spread = false;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int a = 0; a < m; a++) {
            days[a] = s.days.getLong(members.get(a));
            if (days[a] != NO_DATE) {
                lo = Math.min(lo, days[a]);
                hi = Math.max(hi, days[a]);
            }
        }
        spread = lo != Long.MAX_VALUE && hi - lo > config.storyDays();
        if (!spread) {
            return null;
        }
        float[] w = new float[m * m];
        java.util.Arrays.fill(w, 1f);
        for (int a = 0; a < m; a++) {
            if (days[a] == NO_DATE) {
                continue;
            }
            String key = s.keys.get(members.get(a));
            for (int b = a + 1; b < m; b++) {
                if (days[b] != NO_DATE && Math.abs(days[a] - days[b]) > config.storyDays()
                        && (key == null || !key.equals(s.keys.get(members.get(b))))) {
                    w[a * m + b] = 0;
                    w[b * m + a] = 0;
                }
            }
        }
        return w;
    }

    /** The groups of a partition of 0..m-1, each in increasing order, by first member. */
    private static List<List<Integer>> groups(UnionFind uf, int m) {
        Map<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int a = 0; a < m; a++) {
            groups.computeIfAbsent(uf.find(a), k -> new ArrayList<>()).add(a);
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * Similarities of the given members (pool indices; {@code vectors} in the same order):
     * copies of one text count as identical; with {@code byTime}, members dated more than
     * {@link StoryConfig#eventDays()} apart are pulled apart (similarity minus one).
     */
    private float[] pairwise(Pool s, List<Integer> members, List<Vector> vectors, boolean byTime) {
        int m = members.size();
        float[] sim = similarities(vectors);
        long[] days = new long[m];
        boolean anyKey = false;
        boolean anyDate = false;
        for (int a = 0; a < m; a++) {
            days[a] = s.days.getLong(members.get(a));
            anyDate |= days[a] != NO_DATE;
            anyKey |= s.keys.get(members.get(a)) != null;
        }
        boolean anyAddressed = false;
        for (int a = 0; a < m && !byTime; a++) {
            anyAddressed |= s.addressed.getInt(members.get(a)) == 1;
        }
        if (anyKey || byTime && anyDate || anyAddressed) {
            for (int a = 0; a < m; a++) {
                String key = s.keys.get(members.get(a));
                boolean addressedA = !byTime && s.addressed.getInt(members.get(a)) == 1;
                for (int b = a + 1; b < m; b++) {
                    float v = sim[a * m + b];
                    if (key != null && key.equals(s.keys.get(members.get(b)))) {
                        v = 1; // copies of one text
                    } else if (addressedA || !byTime && s.addressed.getInt(members.get(b)) == 1) {
                        v = 0; // a page written to its reader is no coverage of a happening
                    } else if (byTime && days[a] != NO_DATE && days[b] != NO_DATE
                            && Math.abs(days[a] - days[b]) > config.eventDays()) {
                        v -= 1;
                    }
                    sim[a * m + b] = v;
                    sim[b * m + a] = v;
                }
            }
        }
        return sim;
    }

    /**
     * All pairwise dot products of the vectors, through an inverted index: a pair costs one
     * multiply-add per entry it shares, pairs sharing nothing cost nothing. Row-major m×m.
     */
    static float[] similarities(List<Vector> vectors) {
        int m = vectors.size();
        float[] sim = new float[m * m];
        Int2ObjectOpenHashMap<IntArrayList> who = new Int2ObjectOpenHashMap<>();
        Int2ObjectOpenHashMap<DoubleArrayList> weight = new Int2ObjectOpenHashMap<>();
        for (int a = 0; a < m; a++) {
            Vector v = vectors.get(a);
            int row = a * m;
            for (int k = 0; k < v.n; k++) {
                int key = v.ids[k];
                double w = v.w[k];
                IntArrayList others = who.get(key);
                DoubleArrayList ws = weight.get(key);
                if (others == null) {
                    others = new IntArrayList(2);
                    ws = new DoubleArrayList(2);
                    who.put(key, others);
                    weight.put(key, ws);
                }
                for (int i = 0; i < others.size(); i++) {
                    sim[row + others.getInt(i)] += (float) (w * ws.getDouble(i));
                }
                others.add(a);
                ws.add(w);
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < a; b++) {
                sim[b * m + a] = sim[a * m + b];
            }
        }
        return sim;
    }

    /**
     * Fragments of one or two members join the event of the story they resemble most (mean
     * similarity, from {@code sim}), if close enough: a few rare words can cut an article off
     * its event.
     */
    private List<List<Integer>> attach(List<List<Integer>> events, float[] sim, int m) {
        List<List<Integer>> big = new ArrayList<>();
        List<List<Integer>> small = new ArrayList<>();
        for (List<Integer> e : events) {
            (e.size() <= FRAGMENT ? small : big).add(e);
        }
        if (big.isEmpty()) {
            return events;
        }
        List<List<Integer>> out = new ArrayList<>();
        big.forEach(b -> out.add(new ArrayList<>(b)));
        for (List<Integer> e : small) {
            int best = -1;
            double bestSim = config.attach() * config.eventThreshold();
            for (int k = 0; k < big.size(); k++) {
                double sum = 0;
                for (int i : e) {
                    for (int j : big.get(k)) {
                        sum += sim[i * m + j];
                    }
                }
                double mean = sum / (e.size() * big.get(k).size());
                if (mean >= bestSim) {
                    bestSim = mean;
                    best = k;
                }
            }
            if (best >= 0) {
                out.get(best).addAll(e);
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The members' vectors re-weighted by how rare each key is among them (times log(1 + m /
     * df)), each block scaled back to its former length so the mix of block cosines holds.
     */
    private static List<Vector> local(List<Vector> vs) {
        it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap df = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
        for (Vector v : vs) {
            for (int i = 0; i < v.n; i++) {
                df.addTo(v.ids[i], 1);
            }
        }
        int m = vs.size();
        List<Vector> out = new ArrayList<>(m);
        for (Vector v : vs) {
            double[] w = new double[v.n];
            double[] norms = new double[4];
            double[] old = new double[4];
            for (int i = 0; i < v.n; i++) {
                w[i] = v.w[i] * Math.log(1 + (double) m / df.get(v.ids[i]));
                norms[v.ids[i] & 3] += w[i] * w[i];
                old[v.ids[i] & 3] += v.w[i] * v.w[i];
            }
            for (int i = 0; i < v.n; i++) {
                int b = v.ids[i] & 3;
                w[i] = norms[b] > 0 ? w[i] * Math.sqrt(old[b] / norms[b]) : 0;
            }
            out.add(new Vector(v.ids, w, v.n));
        }
        return out;
    }


    /** Term ids of one kind of feature, with document frequencies where they weigh. */
    private static final class Vocabulary implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        final IntArrayList df = new IntArrayList();
        final int kind;
        /** Sealed: unknown features get ids from here on, after every kept one, and are not kept. */
        private int nextOwn = -1;

        Vocabulary(int kind) {
            this.kind = kind;
            ids.defaultReturnValue(-1);
        }

        void count(Map<String, Integer> tf) {
            for (String t : sortedKeys(tf)) {
                int id = id(t);
                df.set(id, df.getInt(id) + 1);
            }
        }

        /** The features in String order: ids given in this order do not depend on the map's. */
        private static String[] sortedKeys(Map<String, Integer> tf) {
            String[] keys = tf.keySet().toArray(new String[0]);
            Arrays.sort(keys);
            return keys;
        }

        boolean allShared() {
            for (int i = 0; i < df.size(); i++) {
                if (df.getInt(i) < 2) {
                    return false;
                }
            }
            return true;
        }

        /** The features with a frequency of 2 or more into {@code into}, in id order. */
        void copyShared(Vocabulary into) {
            String[] byId = new String[df.size()];
            ids.forEach((t, id) -> byId[id] = t);
            for (int i = 0; i < byId.length; i++) {
                if (df.getInt(i) >= 2) {
                    into.df.set(into.id(byId[i]), df.getInt(i));
                }
            }
        }

        void seal() {
            if (nextOwn < 0) {
                nextOwn = df.size();
            }
        }

        private int id(String t) {
            int id = ids.getInt(t);
            if (id < 0 && nextOwn >= 0) {
                if (nextOwn >= 1 << 29) {
                    throw new IllegalStateException("stories: more than 2^29 features of one kind");
                }
                return nextOwn++;
            }
            if (id < 0) {
                id = df.size();
                ids.put(t, id);
                df.add(0);
            }
            return id;
        }

        /** The counts with their terms as ids. */
        Counts counts(Map<String, Integer> tf) {
            String[] keys = sortedKeys(tf);
            int[] id = new int[keys.length];
            int[] count = new int[keys.length];
            for (int k = 0; k < keys.length; k++) {
                id[k] = id(keys[k]);
                count[k] = tf.get(keys[k]);
            }
            return new Counts(id, count);
        }

        /** A unit vector of sublinear counts, times IDF if asked; keys carry the kind. */
        Vector vector(Counts c, boolean idf, long documents) {
            int n = c.ids().length;
            int[] keys = new int[n];
            double[] w = new double[n];
            for (int k = 0; k < n; k++) {
                int id = c.ids()[k];
                keys[k] = id * 4 + kind;
                w[k] = 1 + Math.log(c.tf()[k]);
                if (idf) {
                    int f = id < df.size() ? df.getInt(id) : 1; // a feature of one item, not kept
                    w[k] *= Math.log(1 + (double) Math.max(documents, 1) / Math.max(1, f));
                }
            }
            return Vector.unit(keys, w, n);
        }
    }

    /** Term ids and their counts in one item. */
    private record Counts(int[] ids, int[] tf) {
    }

    /** A sparse vector sorted by key: {@code n} entries used. */
    record Vector(int[] ids, double[] w, int n) {
        static Vector unit(int[] ids, double[] w, int n) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += w[i] * w[i];
            }
            double len = Math.sqrt(norm);
            return sorted(ids, w, n, len > 0 ? 1 / len : 0);
        }

        /** The first {@code n} entries sorted by key, weights times {@code scale}. */
        private static Vector sorted(int[] ids, double[] w, int n, double scale) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
            int[] si = new int[n];
            double[] sw = new double[n];
            for (int i = 0; i < n; i++) {
                si[i] = ids[order[i]];
                sw[i] = w[order[i]] * scale;
            }
            return new Vector(si, sw, n);
        }

        /** Blocks scaled so that the dot product of two mixes is the mix of block cosines. */
        static Vector concat(Vector[] blocks, double[] weights) {
            int n = 0;
            for (Vector b : blocks) {
                n += b.n;
            }
            int[] ids = new int[n];
            double[] w = new double[n];
            int k = 0;
            for (int b = 0; b < blocks.length; b++) {
                double scale = Math.sqrt(weights[b]);
                for (int i = 0; i < blocks[b].n; i++) {
                    ids[k] = blocks[b].ids[i];
                    w[k++] = blocks[b].w[i] * scale;
                }
            }
            return sorted(ids, w, n, 1);
        }

        double dot(Vector o) {
            double s = 0;
            int i = 0;
            int j = 0;
            while (i < n && j < o.n) {
                int a = ids[i];
                int b = o.ids[j];
                if (a == b) {
                    s += w[i++] * o.w[j++];
                } else if (a < b) {
                    i++;
                } else {
                    j++;
                }
            }
            return s;
        }

        /** Positions of the {@code k} heaviest entries. */
        int[] heaviest(int k) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (n > k) {
                Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
            }
            int[] out = new int[Math.min(k, n)];
            for (int i = 0; i < out.length; i++) {
                out[i] = order[i];
            }
            return out;
        }
    }

    /** A running sum of unit vectors, at most {@link #MAX_TERMS} terms once pruned. */
    private static final class Sum {
        final Int2DoubleOpenHashMap w = new Int2DoubleOpenHashMap();
        double norm2;

        /** Adds {@code v}; each key new to the sum is passed to {@code added} if not null. */
        void add(Vector v, java.util.function.IntConsumer added) {
            for (int i = 0; i < v.n; i++) {
                double old = w.get(v.ids[i]);
                double now = old + v.w[i];
                w.put(v.ids[i], now);
                norm2 += now * now - old * old;
                if (old == 0 && added != null) {
                    added.accept(v.ids[i]);
                }
            }
            if (w.size() > 2 * MAX_TERMS) {
                double[] ws = w.values().toDoubleArray();
                Arrays.sort(ws);
                double cut = ws[ws.length - MAX_TERMS];
                w.int2DoubleEntrySet().removeIf(e -> e.getDoubleValue() < cut);
                norm2 = 0;
                for (Int2DoubleMap.Entry e : w.int2DoubleEntrySet()) {
                    norm2 += e.getDoubleValue() * e.getDoubleValue();
                }
            }
        }

        /** Adds another sum; each key new to this one is passed to {@code added}. */
        void addAll(Sum other, java.util.function.IntConsumer added) {
            for (Int2DoubleMap.Entry e : other.w.int2DoubleEntrySet()) {
                double old = w.get(e.getIntKey());
                double now = old + e.getDoubleValue();
                w.put(e.getIntKey(), now);
                norm2 += now * now - old * old;
                if (old == 0) {
                    added.accept(e.getIntKey());
                }
            }
        }

        double dot(Vector v) {
            double s = 0;
            for (int i = 0; i < v.n; i++) {
                s += v.w[i] * w.get(v.ids[i]);
            }
            return s;
        }

    }

    /**
     * Items that went together on arrival: running sums of their vectors, matched by mean
     * similarity. Threads are not merged — a merged pool keeps its threads apart, so the mean
     * similarity to one subject is not diluted by another.
     */
    private static final class Thread {
        final int id;
        Pool pool;
        final Sum terms = new Sum();
        final Sum names = new Sum();
        int size;

        Thread(int id, Pool pool) {
            this.id = id;
            this.pool = pool;
        }

        void add(Vector t, Vector n, java.util.function.IntConsumer newKey) {
            terms.add(t, newKey);
            names.add(n, newKey);
            size++;
        }
    }

    /** An open pool: its threads, and each member's counts for the final partition. */
    private static final class Pool {
        final int id;
        final List<Thread> threads = new ArrayList<>();
        final IntArrayList arrivalNos = new IntArrayList();
        final List<Counts[]> counts = new ArrayList<>();
        final LongArrayList days = new LongArrayList();
        final List<String> keys = new ArrayList<>();
        /** 1 for a member that addresses its reader ({@link Item#addressed}), else 0. */
        final IntArrayList addressed = new IntArrayList();
        LocalDate last;
        int lastArrival;

        Pool(int id) {
            this.id = id;
        }

        void add(Counts[] c, Item item, int arrival) {
            arrivalNos.add(arrival);
            counts.add(c);
            days.add(item.date() == null ? NO_DATE : item.date().toEpochDay());
            keys.add(item.reprintKey());
            addressed.add(item.addressed() ? 1 : 0);
            if (item.date() != null && (last == null || item.date().isAfter(last))) {
                last = item.date();
            }
            lastArrival = arrival;
        }
    }
}
