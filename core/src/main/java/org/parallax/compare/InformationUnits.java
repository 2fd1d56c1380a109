package org.parallax.compare;

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
    static final double CANDIDATE = 0.2;
    /** Embedding cosine at which two sentences say the same thing. */
    static final double SEMANTIC = 0.8;
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
        int n = nodes.size();
        UnionFind uf = new UnionFind(n);
        Map<Integer, Set<String>> linkKinds = new HashMap<>();
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
                    if (best != null) {
                        join(uf, linkKinds, best.index(), t.index(), "copy");
                        copies.add(pair(best.index(), t.index()));
                    }
                }
            }
        }
        // The same quotation, the same figure.
        Map<String, Quote> quoteById = new HashMap<>();
        quotes.quotes().forEach(q -> quoteById.put(q.id(), q));
        for (QuoteGroup g : quotes.groups()) {
            joinAll(uf, linkKinds, g.quotes().stream().map(quoteById::get)
                    .filter(q -> q != null && byId.containsKey(q.articleId()))
                    .map(q -> nodeAt(nodesByArticle.get(q.articleId()), q.start())).toList(), "quote");
        }
        Map<String, Figure> figureById = new HashMap<>();
        figures.forEach(f -> figureById.put(f.id(), f));
        for (FigureGroup g : figureGroups) {
            joinAll(uf, linkKinds, g.figures().stream().map(figureById::get).filter(f -> f != null)
                    .map(f -> nodeAt(nodesByArticle.get(f.article()), f.start())).toList(), "figure");
        }
        paraphrases(nodes, uf, linkKinds, encoder);
        // Units: the components.
        Map<Integer, List<Node>> comps = new TreeMap<>();
        for (Node x : nodes) {
            comps.computeIfAbsent(uf.find(x.index()), k -> new ArrayList<>()).add(x);
        }
        Map<String, Integer> order = articleOrder(docs, reuse);
        List<Unit> units = new ArrayList<>();
        for (List<Node> members : comps.values()) {
            units.add(unit(storyId + "-u" + (units.size() + 1), members, byId, reuse, copies, order,
                    linkKinds.getOrDefault(uf.find(members.get(0).index()), Set.of()), figureGroups, figureById));
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
        int totalSources = new HashSet<>(sourceOf.values()).size();
        for (Annotated d : docs) {
            List<String> u1 = new ArrayList<>();
            List<String> o1 = new ArrayList<>();
            for (Unit u : units) {
                boolean here = u.articles().contains(d.id());
                if (here && u.independent() == 1 && u.sentences().size() >= 1
                        && u.sources().contains(sourceOf.get(d.id())) && totalSources > 1) {
                    u1.add(u.id());
                }
                // Omitted: most of the other independent sources carry it, this article does not.
                if (!here && u.independent() >= 2 && u.independent() * 2 >= totalSources
                        && !u.sources().contains(sourceOf.get(d.id()))) {
                    o1.add(u.id());
                }
            }
            unique.put(d.id(), u1);
            omitted.put(d.id(), o1);
        }
        return new Result(units, unique, omitted, summary(units, byId));
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

    private static void joinAll(UnionFind uf, Map<Integer, Set<String>> kinds, List<Node> list, String kind) {
        Node first = null;
        for (Node x : list) {
            if (x == null) {
                continue;
            }
            if (first == null) {
                first = x;
            } else if (!first.article().equals(x.article())) {
                join(uf, kinds, first.index(), x.index(), kind);
            }
        }
    }

    private static void join(UnionFind uf, Map<Integer, Set<String>> kinds, int a, int b, String kind) {
        Set<String> ka = kinds.remove(uf.find(a));
        Set<String> kb = kinds.remove(uf.find(b));
        uf.union(a, b);
        Set<String> merged = new LinkedHashSet<>();
        if (ka != null) {
            merged.addAll(ka);
        }
        if (kb != null) {
            merged.addAll(kb);
        }
        merged.add(kind);
        kinds.put(uf.find(a), merged);
    }

    private static long pair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** Paraphrase links: TF-IDF cosine of stems, and embeddings for the pairs in between. */
    private static void paraphrases(List<Node> nodes, UnionFind uf, Map<Integer, Set<String>> kinds,
                                    SentenceEncoder encoder) {
        int n = nodes.size();
        Map<String, Integer> df = new HashMap<>();
        nodes.forEach(x -> x.stems().forEach(s -> df.merge(s, 1, Integer::sum)));
        List<Map<String, Double>> vectors = new ArrayList<>();
        Map<String, List<Integer>> postings = new HashMap<>();
        for (Node x : nodes) {
            Map<String, Double> v = new HashMap<>();
            double norm = 0;
            for (String s : x.stems()) {
                double w = Math.log(1 + (double) n / df.get(s));
                v.put(s, w);
                norm += w * w;
            }
            double len = Math.sqrt(norm);
            v.replaceAll((k, w) -> w / len);
            vectors.add(v);
            for (String s : x.stems()) {
                postings.computeIfAbsent(s, k -> new ArrayList<>()).add(x.index());
            }
        }
        // Scores of pairs from different articles sharing a stem.
        Map<Long, Double> lexical = new HashMap<>();
        for (Node x : nodes) {
            Map<Integer, Double> acc = new HashMap<>();
            for (Map.Entry<String, Double> e : vectors.get(x.index()).entrySet()) {
                for (int j : postings.get(e.getKey())) {
                    if (j > x.index() && !nodes.get(j).article().equals(x.article())) {
                        acc.merge(j, e.getValue() * vectors.get(j).get(e.getKey()), Double::sum);
                    }
                }
            }
            acc.forEach((j, s) -> {
                if (s >= CANDIDATE) {
                    lexical.put(pair(x.index(), j), s);
                }
            });
        }
        // Embeddings for the candidates below the lexical bar.
        Map<Long, Double> score = new HashMap<>();
        Set<Integer> toEncode = new LinkedHashSet<>();
        lexical.forEach((p, s) -> {
            if (s >= LEXICAL) {
                score.put(p, s);
            } else {
                toEncode.add((int) (p >>> 32));
                toEncode.add((int) (p & 0xffffffffL));
            }
        });
        if (!toEncode.isEmpty()) {
            List<Integer> idx = new ArrayList<>(toEncode);
            float[][] emb = encoder.encode(idx.stream().map(i -> text(nodes.get(i))).toList());
            if (emb != null) {
                Map<Integer, float[]> byNode = new HashMap<>();
                for (int k = 0; k < idx.size(); k++) {
                    byNode.put(idx.get(k), emb[k]);
                }
                lexical.forEach((p, s) -> {
                    if (s < LEXICAL) {
                        double c = dot(byNode.get((int) (p >>> 32)), byNode.get((int) (p & 0xffffffffL)));
                        if (Boolean.getBoolean("parallax.debug") && c >= 0.6) {
                            System.err.printf("PARA %.3f lex %.3f | %s | %s%n", c, s, text(nodes.get((int) (p >>> 32))),
                                    text(nodes.get((int) (p & 0xffffffffL))));
                        }
                        if (c >= SEMANTIC) {
                            score.put(p, c);
                        }
                    }
                });
            }
        }
        // Mutual best per article pair.
        Map<String, long[]> best = new HashMap<>();
        Map<String, Double> bestScore = new HashMap<>();
        score.forEach((p, s) -> {
            int a = (int) (p >>> 32);
            int b = (int) (p & 0xffffffffL);
            offer(best, bestScore, a + ">" + nodes.get(b).article(), p, s);
            offer(best, bestScore, b + ">" + nodes.get(a).article(), p, s);
        });
        score.forEach((p, s) -> {
            int a = (int) (p >>> 32);
            int b = (int) (p & 0xffffffffL);
            if (best.get(a + ">" + nodes.get(b).article())[0] == p && best.get(b + ">" + nodes.get(a).article())[0] == p) {
                join(uf, kinds, a, b, "paraphrase");
            }
        });
    }

    private static String text(Node x) {
        return x.text().replace('\n', ' ').strip();
    }

    private static void offer(Map<String, long[]> best, Map<String, Double> score, String key, long p, double s) {
        Double old = score.get(key);
        if (old == null || s > old) {
            score.put(key, s);
            best.put(key, new long[] {p});
        }
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

    private static Unit unit(String id, List<Node> members, Map<String, Annotated> byId, List<ReuseLink> reuse,
                             Set<Long> copies, Map<String, Integer> order, Set<String> kinds,
                             List<FigureGroup> figureGroups, Map<String, Figure> figureById) {
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
        for (ReuseLink l : reuse) {
            if (l.duplicate() && index.containsKey(l.source()) && index.containsKey(l.target())) {
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
        boolean contested = members.stream().anyMatch(x -> "unattributed-claim".equals(x.voice()));
        for (FigureGroup g : figureGroups) {
            if (g.status().equals("agree")) {
                continue;
            }
            for (String fid : g.figures()) {
                Figure f = figureById.get(fid);
                if (f != null && members.stream().anyMatch(x -> x.article().equals(f.article())
                        && x.start() <= f.start() && f.start() < x.end())) {
                    contested = true;
                }
            }
        }
        String body = byId.get(rep.article()).article().body();
        List<Unit.Sentence> sentences = members.stream()
                .sorted(Comparator.comparingInt((Node x) -> order.get(x.article())).thenComparingInt(Node::start))
                .map(x -> new Unit.Sentence(x.article(), x.start(), x.end(), x.voice())).toList();
        return new Unit(id, body.substring(rep.start(), rep.end()).strip(), rep.article(), rep.start(), rep.end(),
                sentences, articles, sources, sources.size(), attributed, contested, new ArrayList<>(kinds));
    }

    /**
     * The summary: units by independent sources, then by how early they come in their articles;
     * a unit too like one already chosen is skipped. Each stands in its representative sentence,
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
        List<Unit> ranked = new ArrayList<>(units);
        ranked.sort(Comparator.comparingInt((Unit u) -> -u.independent())
                .thenComparingInt(u -> -u.articles().size()).thenComparingInt(u -> position.get(u.id())));
        List<SummaryItem> out = new ArrayList<>();
        List<Set<String>> chosen = new ArrayList<>();
        for (Unit u : ranked) {
            if (out.size() >= SUMMARY) {
                break;
            }
            Set<String> stems = Words.stems(u.text());
            if (chosen.stream().anyMatch(c -> Words.dice(c, stems) > 0.5)) {
                continue;
            }
            chosen.add(stems);
            String voice = u.attributed() ? "attributed" : u.contested() ? "unattributed-claim" : "own";
            out.add(new SummaryItem(u.id(), u.text(), u.article(), u.start(), u.end(), u.independent(), u.sources(),
                    voice));
        }
        return out;
    }
}
