package org.parallax.compare;

import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.model.Span;
import org.parallax.model.UnionFind;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteGroup;
import org.parallax.quotes.QuoteResult;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;

/**
 * The coverage matrix of a story: its sentences clustered across articles into information
 * units, what each article alone carries and what it omits, and an extractive summary.
 *
 * <p>Sentences of different articles join when a reuse passage holds both (a copy), when they
 * hold the same quotation (quote group) or the same figure (figure group), or when they are
 * paraphrases: TF-IDF cosine of their stems ≥ {@link #LEXICAL}, or, for pairs that share some
 * words (cosine ≥ {@link #CANDIDATE}), sentence embeddings with cosine ≥ {@link #SEMANTIC}.
 * Paraphrase links keep only pairs that are each other's best match between two articles,
 * so units do not chain through loosely related sentences.
 */
public final class InformationUnits {
    /** Word-overlap cosine at which two sentences are paraphrases without asking the encoder. */
    static final double LEXICAL = 0.5;
    /** Word-overlap cosine from which a pair is worth encoding. */
    static final double CANDIDATE = 0.3;
    /** Word-overlap cosine two sentences holding the same figure or quotation need to be one unit. */
    static final double SHARED = 0.15;
    /** Embedding cosine at which two sentences say the same thing. */
    static final double SEMANTIC = 0.8;
    /** Share of sentences above which a stem proposes no candidate pairs (it still counts in the cosine). */
    static final double MAX_DF = 0.02;
    /** Most sentences of one story sent to the encoder: its cost bounds the stage's time. */
    static final int ENCODER_BUDGET = 1200;
    /** Sentences shorter than this many content words carry no unit of their own. */
    static final int MIN_STEMS = 4;
    /** Summary length, in sentences. */
    static final int SUMMARY = 6;

    private InformationUnits() {
    }

    public record Result(List<Unit> units, Map<String, List<String>> unique, Map<String, List<String>> omitted,
                         List<SummaryItem> summary) {
    }

    private record Node(int index, String article, int start, int end, Set<String> stems, String voice, String text) {
    }

    public static Result build(String storyId, List<Annotated> docs, QuoteResult quotes, List<Figure> figures,
                               List<FigureGroup> figureGroups, List<ReuseLink> reuse, List<VoiceSpan> voice,
                               SentenceEncoder encoder) {
        return build(storyId, docs, quotes, figures, figureGroups, reuse, voice, encoder, null);
    }

    /**
     * As {@link #build(String, List, QuoteResult, List, List, List, List, SentenceEncoder)}, with
     * "unique" and "omitted" judged within the event of each unit ({@code events}; null: the
     * story is one event): what one outlet alone carries says something only beside other
     * outlets telling the same happening, and an article cannot omit what happened elsewhere.
     */
    public static Result build(String storyId, List<Annotated> docs, QuoteResult quotes, List<Figure> figures,
                               List<FigureGroup> figureGroups, List<ReuseLink> reuse, List<VoiceSpan> voice,
                               SentenceEncoder encoder, org.parallax.stories.EventIndex events) {
        Map<String, Annotated> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        Map<String, String> voiceAt = new HashMap<>();
        voice.forEach(v -> voiceAt.put(v.article() + ":" + v.start(), v.label().label()));
        List<Node> nodes = new ArrayList<>();
        Map<String, List<Node>> nodesByArticle = new LinkedHashMap<>();
        for (Annotated d : docs) {
            String body = d.article().body();
            for (Span s : d.text().sentences()) {
                Set<String> stems = Words.stems(s.of(body));
                if (stems.size() < MIN_STEMS) {
                    continue;
                }
                Node n = new Node(nodes.size(), d.id(), s.start(), s.end(), stems,
                        voiceAt.getOrDefault(d.id() + ":" + s.start(), "own"), s.of(body));
                nodes.add(n);
                nodesByArticle.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(n);
            }
        }
        List<Edge> edges = new ArrayList<>();
        Set<Long> copies = new HashSet<>();
        // Copies: sentences inside the two sides of a reuse passage.
        for (ReuseLink l : reuse) {
            for (Passage p : l.passages()) {
                for (Node t : inRange(nodesByArticle.get(l.target()), p.targetStart(), p.targetEnd())) {
                    Node best = null;
                    double bestScore = 0.3;
                    for (Node s : inRange(nodesByArticle.get(l.source()), p.sourceStart(), p.sourceEnd())) {
                        double d = Words.dice(s.stems(), t.stems());
                        if (d >= bestScore) {
                            best = s;
                            bestScore = d;
                        }
                    }
                    if (best != null && !l.copy()) {
                        // The same quotation printed by both: the same information, independent sources.
                        edges.add(new Edge(best.index(), t.index(), 2 + bestScore, "quote"));
                    } else if (best != null) {
                        edges.add(new Edge(best.index(), t.index(), 3 + bestScore, "copy"));
                        copies.add(pair(best.index(), t.index()));
                    }
                }
            }
        }
        // The same quotation.
        Map<String, Quote> quoteById = new HashMap<>();
        quotes.quotes().forEach(q -> quoteById.put(q.id(), q));
        for (QuoteGroup g : quotes.groups()) {
            chain(edges, g.quotes().stream().map(quoteById::get)
                    .filter(q -> q != null && byId.containsKey(q.articleId()))
                    .map(q -> nodeAt(nodesByArticle.get(q.articleId()), q.start())).toList(), 2, "quote", null);
        }
        Long2DoubleOpenHashMap lexical = lexical(nodes);
        // The same figure, in sentences that also share words.
        Map<String, Figure> figureById = new HashMap<>();
        figures.forEach(f -> figureById.put(f.id(), f));
        for (FigureGroup g : figureGroups) {
            chain(edges, g.figures().stream().map(figureById::get).filter(f -> f != null)
                    .map(f -> nodeAt(nodesByArticle.get(f.article()), f.start())).toList(), 0, "figure", lexical);
        }
        paraphrases(nodes, lexical, edges, encoder);
        OnePerArticle groups = new OnePerArticle(nodes.stream().map(Node::article).toList());
        edges.forEach(e -> groups.link(e.a(), e.b(), e.score()));
        UnionFind uf = groups.solve();
        Map<Integer, Set<String>> linkKinds = new HashMap<>();
        for (Edge e : edges) {
            if (uf.find(e.a()) == uf.find(e.b())) {
                linkKinds.computeIfAbsent(uf.find(e.a()), k -> new LinkedHashSet<>()).add(e.kind());
            }
        }
        // Units: the groups.
        Map<Integer, List<Node>> comps = new TreeMap<>();
        for (Node x : nodes) {
            comps.computeIfAbsent(uf.find(x.index()), k -> new ArrayList<>()).add(x);
        }
        Map<String, Integer> order = articleOrder(docs, reuse);
        // Sentences holding a figure that other articles give differently.
        Set<Integer> disputed = new HashSet<>();
        for (FigureGroup g : figureGroups) {
            if (!g.status().equals("agree")) {
                for (String fid : g.figures()) {
                    Figure f = figureById.get(fid);
                    Node x = f == null ? null : nodeAt(nodesByArticle.get(f.article()), f.start());
                    if (x != null) {
                        disputed.add(x.index());
                    }
                }
            }
        }
        List<ReuseLink> reprints = reuse.stream().filter(ReuseLink::duplicate).toList();
        List<Unit> units = new ArrayList<>();
        for (List<Node> members : comps.values()) {
            units.add(unit(storyId + "-u" + (units.size() + 1), members, byId, reprints, copies, order,
                    linkKinds.getOrDefault(uf.find(members.get(0).index()), Set.of()), disputed));
        }
        // Unique and omitted units per article.
        Set<String> allSources = new LinkedHashSet<>();
        units.forEach(u -> allSources.addAll(u.sources()));
        Map<String, String> sourceOf = new HashMap<>();
        for (Annotated d : docs) {
            sourceOf.put(d.id(), d.article().outlet() != null ? d.article().outlet() : d.id());
        }
        Map<String, List<String>> unique = new LinkedHashMap<>();
        Map<String, List<String>> omitted = new LinkedHashMap<>();
        docs.forEach(d -> {
            unique.put(d.id(), new ArrayList<>());
            omitted.put(d.id(), new ArrayList<>());
        });
        // Which outlets and articles tell each event (by the events of their sentences).
        Map<String, Set<String>> eventSources = new HashMap<>();
        Map<String, Set<String>> eventArticles = new HashMap<>();
        for (Node x : nodes) {
            String e = eventOf(events, x.article(), x.start());
            eventSources.computeIfAbsent(e, k -> new HashSet<>()).add(sourceOf.get(x.article()));
            eventArticles.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(x.article());
        }
        for (Unit u : units) {
            Set<String> here = new HashSet<>(u.articles());
            Set<String> sources = new HashSet<>(u.sources());
            String e = eventOf(events, u.article(), u.start());
            int totalSources = eventSources.getOrDefault(e, Set.of()).size();
            if (u.independent() == 1 && totalSources > 1) {
                for (String a : u.articles()) {
                    if (sources.contains(sourceOf.get(a))) {
                        unique.get(a).add(u.id());
                    }
                }
            }
            // Omitted: most of the other independent sources of the event carry it, this article does not.
            if (u.independent() >= 2 && u.independent() * 2 >= totalSources) {
                for (String a : eventArticles.getOrDefault(e, Set.of())) {
                    if (!here.contains(a) && !sources.contains(sourceOf.get(a))) {
                        omitted.get(a).add(u.id());
                    }
                }
            }
        }
        return new Result(units, unique, omitted, summary(units, byId));
    }

    private static String eventOf(org.parallax.stories.EventIndex events, String article, int offset) {
        String e = events == null ? null : events.at(article, offset);
        return e == null ? "" : e;
    }

    private static List<Node> inRange(List<Node> nodes, int from, int to) {
        List<Node> out = new ArrayList<>();
        if (nodes == null) {
            return out;
        }
        for (Node x : nodes) {
            int overlap = Math.min(to, x.end()) - Math.max(from, x.start());
            if (overlap * 2 >= x.end() - x.start()) {
                out.add(x);
            }
        }
        return out;
    }

    private static Node nodeAt(List<Node> nodes, int offset) {
        if (nodes == null) {
            return null;
        }
        for (Node x : nodes) {
            if (x.start() <= offset && offset < x.end()) {
                return x;
            }
        }
        return null;
    }

    /** A scored link between two sentences, and what it rests on. */
    private record Edge(int a, int b, double score, String kind) {
    }

    /**
     * Links the members of a group from different articles; with {@code lexical}, only pairs
     * that share words (cosine ≥ {@link #SHARED}), scored by it.
     */
    private static void chain(List<Edge> edges, List<Node> list, double score, String kind, Long2DoubleOpenHashMap lexical) {
        List<Node> present = list.stream().filter(x -> x != null).toList();
        for (int i = 0; i < present.size(); i++) {
            for (int j = i + 1; j < present.size(); j++) {
                Node x = present.get(i);
                Node y = present.get(j);
                if (x.article().equals(y.article())) {
                    continue;
                }
                if (lexical == null) {
                    edges.add(new Edge(x.index(), y.index(), score, kind));
                } else {
                    long p = pair(x.index(), y.index());
                    if (lexical.containsKey(p)) {
                        edges.add(new Edge(x.index(), y.index(), lexical.get(p), kind));
                    }
                }
            }
        }
    }

    private static long pair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /**
     * TF-IDF cosine of the stems of sentence pairs from different articles, where ≥ {@link #SHARED}.
     * Candidates come from the postings of stems in at most {@link #MAX_DF} of the sentences (a
     * pair sharing only common words cannot reach the bar); their cosine is then exact.
     */
    private static Long2DoubleOpenHashMap lexical(List<Node> nodes) {
        int n = nodes.size();
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> terms = new ArrayList<>();
        int[] df = new int[0];
        List<Integer> dfList = new ArrayList<>();
        for (Node x : nodes) {
            int[] t = new int[x.stems().size()];
            int k = 0;
            for (String st : x.stems()) {
                Integer id = ids.get(st);
                if (id == null) {
                    id = ids.size();
                    ids.put(st, id);
                    dfList.add(0);
                }
                dfList.set(id, dfList.get(id) + 1);
                t[k++] = id;
            }
            java.util.Arrays.sort(t);
            terms.add(t);
        }
        df = dfList.stream().mapToInt(Integer::intValue).toArray();
        double[] idf = new double[df.length];
        for (int i = 0; i < df.length; i++) {
            idf[i] = Math.log(1 + (double) n / df[i]);
        }
        double[] norm = new double[n];
        for (int x = 0; x < n; x++) {
            double sum = 0;
            for (int t : terms.get(x)) {
                sum += idf[t] * idf[t];
            }
            norm[x] = Math.sqrt(sum);
        }
        int cap = Math.max(20, (int) (MAX_DF * n));
        int[][] postings = new int[df.length][];
        int[] fill = new int[df.length];
        for (int t = 0; t < df.length; t++) {
            postings[t] = df[t] <= cap ? new int[df[t]] : null;
        }
        for (int x = 0; x < n; x++) {
            for (int t : terms.get(x)) {
                if (postings[t] != null) {
                    postings[t][fill[t]++] = x;
                }
            }
        }
        int[] articleOf = new int[n];
        Map<String, Integer> articleIds = new HashMap<>();
        for (int x = 0; x < n; x++) {
            articleOf[x] = articleIds.computeIfAbsent(nodes.get(x).article(), k -> articleIds.size());
        }
        // Rare stems' share of each pair's dot product, accumulated in a reused array; the exact
        // cosine only for pairs whose rare stems alone reach half the bar.
        // Pair keys are two ints in a long: fastutil's map mixes their bits (a JDK HashMap of
        // Longs hashes them as x ^ y, and its buckets collide by the thousand).
        Long2DoubleOpenHashMap lexical = new Long2DoubleOpenHashMap();
        double[] acc = new double[n];
        int[] touched = new int[n];
        for (int x = 0; x < n; x++) {
            int count = 0;
            for (int t : terms.get(x)) {
                if (postings[t] == null) {
                    continue;
                }
                double w = idf[t] * idf[t];
                for (int y : postings[t]) {
                    if (y <= x || articleOf[y] == articleOf[x]) {
                        continue;
                    }
                    if (acc[y] == 0) {
                        touched[count++] = y;
                    }
                    acc[y] += w;
                }
            }
            for (int k = 0; k < count; k++) {
                int y = touched[k];
                double partial = acc[y] / (norm[x] * norm[y]);
                acc[y] = 0;
                if (partial < SHARED / 2) {
                    continue;
                }
                double c = dot(terms.get(x), terms.get(y), idf) / (norm[x] * norm[y]);
                if (c >= SHARED) {
                    lexical.put(pair(x, y), c);
                }
            }
        }
        return lexical;
    }

    /** The weighted overlap of two sorted stem-id arrays. */
    private static double dot(int[] a, int[] b, double[] idf) {
        double s = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                s += idf[a[i]] * idf[a[i]];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return s;
    }

    /**
     * Paraphrase links: pairs with cosine ≥ {@link #LEXICAL} on shared words; below that, the
     * mutually closest pairs of sentences no other link holds yet go to the encoder (its cost
     * is what this stage spends most on) and link at embedding cosine ≥ {@link #SEMANTIC}.
     * Of the paraphrase pairs, only mutual best matches between two articles are kept.
     */
    private static void paraphrases(List<Node> nodes, Long2DoubleOpenHashMap lexical, List<Edge> edges,
                                    SentenceEncoder encoder) {
        Long2DoubleOpenHashMap score = new Long2DoubleOpenHashMap();
        lexical.long2DoubleEntrySet().fastForEach(e -> {
            if (e.getDoubleValue() >= LEXICAL) {
                score.put(e.getLongKey(), e.getDoubleValue());
            }
        });
        Set<Integer> linked = new HashSet<>();
        for (Edge e : edges) {
            linked.add(e.a());
            linked.add(e.b());
        }
        score.keySet().forEach((long p) -> {
            linked.add((int) (p >>> 32));
            linked.add((int) (p & 0xffffffffL));
        });
        Long2DoubleOpenHashMap candidates = new Long2DoubleOpenHashMap();
        lexical.long2DoubleEntrySet().fastForEach(e -> {
            if (e.getDoubleValue() >= CANDIDATE) {
                candidates.put(e.getLongKey(), e.getDoubleValue());
            }
        });
        LongOpenHashSet mutual = mutualBest(nodes, candidates);
        List<Long> asked = new ArrayList<>();
        Set<Integer> toEncode = new LinkedHashSet<>();
        long[] keys = lexical.keySet().toLongArray();
        java.util.Arrays.sort(keys); // a fixed order, whatever the map's
        for (long p : keys) {
            double s = lexical.get(p);
            int a = (int) (p >>> 32);
            int b = (int) (p & 0xffffffffL);
            if (s < LEXICAL && mutual.contains(p) && !(linked.contains(a) && linked.contains(b))) {
                asked.add(p);
                toEncode.add(a);
                toEncode.add(b);
            }
        }
        if (toEncode.size() > ENCODER_BUDGET) {
            // Over budget: the pairs that share most words first.
            asked.sort((x, y) -> Double.compare(lexical.get((long) y), lexical.get((long) x)));
            toEncode.clear();
            List<Long> kept = new ArrayList<>();
            for (long p : asked) {
                int a = (int) (p >>> 32);
                int b = (int) (p & 0xffffffffL);
                int extra = (toEncode.contains(a) ? 0 : 1) + (toEncode.contains(b) ? 0 : 1);
                if (toEncode.size() + extra > ENCODER_BUDGET) {
                    continue;
                }
                toEncode.add(a);
                toEncode.add(b);
                kept.add(p);
            }
            asked.clear();
            asked.addAll(kept);
        }
        if (!toEncode.isEmpty()) {
            List<Integer> idx = new ArrayList<>(toEncode);
            long t0 = System.nanoTime();
            float[][] emb = encoder.encode(idx.stream().map(i -> text(nodes.get(i))).toList());
            if (Boolean.getBoolean("parallax.debug")) {
                System.err.printf("encoded %d of %d sentences in %.2f s; %d candidate pairs%n", idx.size(), nodes.size(),
                        (System.nanoTime() - t0) / 1e9, lexical.size());
            }
            if (emb != null) {
                Map<Integer, float[]> byNode = new HashMap<>();
                for (int k = 0; k < idx.size(); k++) {
                    byNode.put(idx.get(k), emb[k]);
                }
                for (long p : asked) {
                    double c = dot(byNode.get((int) (p >>> 32)), byNode.get((int) (p & 0xffffffffL)));
                    if (c >= SEMANTIC) {
                        score.put(p, c - 0.5); // below any word-overlap paraphrase
                    }
                }
            }
        }
        long[] kept = mutualBest(nodes, score).toLongArray();
        java.util.Arrays.sort(kept);
        for (long p : kept) {
            edges.add(new Edge((int) (p >>> 32), (int) (p & 0xffffffffL), score.get(p), "paraphrase"));
        }
    }

    /**
     * The pairs that are, in both directions, a sentence's best-scored partner in the other's
     * article (ties to the smaller pair key, so the result does not depend on map order).
     */
    private static LongOpenHashSet mutualBest(List<Node> nodes, Long2DoubleOpenHashMap score) {
        Object2IntOpenHashMap<String> articleIds = new Object2IntOpenHashMap<>();
        int[] articleOf = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            articleOf[i] = articleIds.computeIfAbsent(nodes.get(i).article(), k -> articleIds.size());
        }
        // Key: a sentence and the other article, (sentence << 32 | article).
        Long2LongOpenHashMap best = new Long2LongOpenHashMap();
        Long2DoubleOpenHashMap bestScore = new Long2DoubleOpenHashMap();
        score.long2DoubleEntrySet().fastForEach(e -> {
            long p = e.getLongKey();
            int a = (int) (p >>> 32);
            int b = (int) (p & 0xffffffffL);
            offer(best, bestScore, (long) a << 32 | articleOf[b], p, e.getDoubleValue());
            offer(best, bestScore, (long) b << 32 | articleOf[a], p, e.getDoubleValue());
        });
        LongOpenHashSet out = new LongOpenHashSet();
        score.keySet().forEach((long p) -> {
            int a = (int) (p >>> 32);
            int b = (int) (p & 0xffffffffL);
            if (best.get((long) a << 32 | articleOf[b]) == p && best.get((long) b << 32 | articleOf[a]) == p) {
                out.add(p);
            }
        });
        return out;
    }

    private static void offer(Long2LongOpenHashMap best, Long2DoubleOpenHashMap score, long key, long p, double s) {
        if (!score.containsKey(key) || s > score.get(key) || s == score.get(key) && p < best.get(key)) {
            score.put(key, s);
            best.put(key, p);
        }
    }

    private static String text(Node x) {
        return x.text().replace('\n', ' ').strip();
    }

    private static double dot(float[] a, float[] b) {
        if (a == null || b == null) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Earliest first: by publication date, then the reuse direction, then story order. */
    private static Map<String, Integer> articleOrder(List<Annotated> docs, List<ReuseLink> reuse) {
        List<Annotated> sorted = new ArrayList<>(docs);
        Map<String, Integer> copiedBy = new HashMap<>();
        for (ReuseLink l : reuse) {
            if (l.direction() == org.parallax.reuse.Direction.SOURCE_TO_TARGET) {
                copiedBy.merge(l.target(), 1, Integer::sum);
            }
        }
        sorted.sort(Comparator.comparing((Annotated d) -> d.article().published() == null ? LocalDate.MAX
                : d.article().published()).thenComparing(d -> copiedBy.getOrDefault(d.id(), 0)));
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            order.put(sorted.get(i).id(), i);
        }
        return order;
    }

    private static Unit unit(String id, List<Node> members, Map<String, Annotated> byId, List<ReuseLink> reprints,
                             Set<Long> copies, Map<String, Integer> order, Set<String> kinds, Set<Integer> disputed) {
        List<String> articles = members.stream().map(Node::article).distinct()
                .sorted(Comparator.comparingInt(order::get)).toList();
        // Independent sources: collapse copies inside the unit, whole reprints and one outlet's articles.
        Map<String, Integer> index = new HashMap<>();
        articles.forEach(a -> index.put(a, index.size()));
        UnionFind same = new UnionFind(articles.size());
        for (Node a : members) {
            for (Node b : members) {
                if (a.index() < b.index() && copies.contains(pair(a.index(), b.index()))) {
                    same.union(index.get(a.article()), index.get(b.article()));
                }
            }
        }
        for (ReuseLink l : reprints) {
            if (index.containsKey(l.source()) && index.containsKey(l.target())) {
                same.union(index.get(l.source()), index.get(l.target()));
            }
        }
        Map<String, Integer> outletFirst = new HashMap<>();
        for (String a : articles) {
            String outlet = byId.get(a).article().outlet();
            if (outlet != null) {
                Integer other = outletFirst.putIfAbsent(outlet, index.get(a));
                if (other != null) {
                    same.union(other, index.get(a));
                }
            }
        }
        Map<Integer, String> sourceByRoot = new LinkedHashMap<>();
        for (String a : articles) {
            String outlet = byId.get(a).article().outlet();
            sourceByRoot.putIfAbsent(same.find(index.get(a)), outlet != null ? outlet : a);
        }
        List<String> sources = new ArrayList<>(sourceByRoot.values());
        // The representative: the earliest article's sentence, an attributed one if any.
        Node rep = members.stream().min(Comparator.comparingInt((Node x) -> "attributed".equals(x.voice()) ? 0 : 1)
                .thenComparingInt(x -> order.get(x.article())).thenComparingInt(Node::start)).orElseThrow();
        boolean attributed = members.stream().anyMatch(x -> "attributed".equals(x.voice()));
        boolean contested = members.stream().anyMatch(x -> "unattributed-claim".equals(x.voice())
                || disputed.contains(x.index()));
        String body = byId.get(rep.article()).article().body();
        List<Unit.Sentence> sentences = members.stream()
                .sorted(Comparator.comparingInt((Node x) -> order.get(x.article())).thenComparingInt(Node::start))
                .map(x -> new Unit.Sentence(x.article(), x.start(), x.end(), x.voice())).toList();
        return new Unit(id, body.substring(rep.start(), rep.end()).strip(), rep.article(), rep.start(), rep.end(),
                sentences, articles, sources, sources.size(), attributed, contested, new ArrayList<>(kinds));
    }

    /**
     * The summary: units by independent sources, then from the sources used least so far, then
     * by how early they come in their articles; a unit too like one already chosen is skipped. Each stands in its representative sentence,
     * which carries its source when any version of it does.
     */
    private static List<SummaryItem> summary(List<Unit> units, Map<String, Annotated> byId) {
        Map<String, Integer> position = new HashMap<>();
        for (Unit u : units) {
            int best = Integer.MAX_VALUE;
            for (Unit.Sentence s : u.sentences()) {
                List<Span> sents = byId.get(s.article()).text().sentences();
                int i = byId.get(s.article()).text().sentenceAt(s.start());
                best = Math.min(best, i < 0 ? sents.size() : i);
            }
            position.put(u.id(), best);
        }
        // Greedy: most independent sources first; among equals, the source least used so far
        // (every outlet's view gets in), then the earliest in its article.
        List<Unit> pool = new ArrayList<>(units);
        Map<String, Integer> used = new HashMap<>();
        List<SummaryItem> out = new ArrayList<>();
        List<Set<String>> chosen = new ArrayList<>();
        while (out.size() < SUMMARY && !pool.isEmpty()) {
            Unit best = pool.stream().min(Comparator.comparingInt((Unit u) -> -u.independent())
                    .thenComparingInt(u -> u.sources().stream().mapToInt(x -> used.getOrDefault(x, 0)).min().orElse(0))
                    .thenComparingInt(u -> position.get(u.id()))).orElseThrow();
            pool.remove(best);
            Set<String> stems = Words.stems(best.text());
            if (chosen.stream().anyMatch(c -> Words.dice(c, stems) > 0.5)) {
                continue;
            }
            chosen.add(stems);
            best.sources().forEach(x -> used.merge(x, 1, Integer::sum));
            String voice = best.attributed() ? "attributed" : best.contested() ? "unattributed-claim" : "own";
            out.add(new SummaryItem(best.id(), best.text(), best.article(), best.start(), best.end(), best.independent(),
                    best.sources(), voice));
        }
        return out;
    }
}
