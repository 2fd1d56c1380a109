package org.parallax.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.model.UnionFind;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseLink;

/**
 * Groups the figures of one story's articles that give the same quantity. Two figures of
 * different articles are candidates when they have the same unit and their sentences share
 * content words (Dice ≥ {@link #MIN_CONTEXT}); each figure pairs with its best candidate in
 * each other article, pairs chosen from both sides are kept, and groups grow from the
 * strongest pairs with at most one figure per article ({@link OnePerArticle}). A group with several values is a conflict; a value changed inside a copied
 * passage is drift.
 */
public final class FigureGroups {
    /** Least share of content words two figures' sentences must have in common. */
    static final double MIN_CONTEXT = 0.2;

    private FigureGroups() {
    }

    public static List<FigureGroup> group(String storyId, List<Figure> figures, Map<String, String> sentences,
                                          List<ReuseLink> reuse) {
        return group(storyId, figures, sentences, reuse, null, Set.of());
    }

    /**
     * As {@link #group(String, List, Map, List)}, figures compared only within one event:
     * {@code events} tells where each figure stands (null: one event). An undated article's
     * place among the story's events rests on its words alone, so its figures ({@code undated}
     * names such articles) are compared with those of any event of the story.
     */
    public static List<FigureGroup> group(String storyId, List<Figure> figures, Map<String, String> sentences,
                                          List<ReuseLink> reuse, org.parallax.stories.EventIndex events,
                                          Set<String> undated) {
        List<Figure> usable = figures.stream().filter(f -> !f.unit().isEmpty()).toList();
        String[] eventOf = new String[usable.size()];
        for (int i = 0; i < eventOf.length; i++) {
            Figure f = usable.get(i);
            eventOf[i] = events == null || undated.contains(f.article()) ? ANY : String.valueOf(events.at(f.article(), f.start()));
        }
        int n = usable.size();
        List<Set<String>> context = new ArrayList<>();
        for (Figure f : usable) {
            Set<String> c = new LinkedHashSet<>(Words.stems(sentences.get(f.id())));
            c.removeAll(Words.stems(f.text()));
            context.add(c);
        }
        Map<String, Set<String>> verbs = new HashMap<>(); // sentence -> the stems of its verbs, on demand
        // best[i] per other article: the index of the most similar figure there.
        List<Map<String, Integer>> best = new ArrayList<>();
        List<Map<String, Double>> bestScore = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            best.add(new HashMap<>());
            bestScore.add(new HashMap<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Figure a = usable.get(i);
                Figure b = usable.get(j);
                if (a.article().equals(b.article()) || !a.unit().equals(b.unit()) || !sameEvent(eventOf[i], eventOf[j])
                        || !sameScale(a, b) || !sameAct(verbs, sentences.get(a.id()), sentences.get(b.id()))) {
                    continue;
                }
                double sim = Words.dice(context.get(i), context.get(j));
                if (sim < MIN_CONTEXT) {
                    continue;
                }
                double score = sim + (a.overlaps(b) ? 0.1 : 0);
                offer(best.get(i), bestScore.get(i), b.article(), j, score);
                offer(best.get(j), bestScore.get(j), a.article(), i, score);
            }
        }
        OnePerArticle groups = new OnePerArticle(usable.stream().map(Figure::article).toList());
        for (int i = 0; i < n; i++) {
            for (Map.Entry<String, Integer> e : best.get(i).entrySet()) {
                int j = e.getValue();
                Integer back = best.get(j).get(usable.get(i).article());
                if (back != null && back == i && i < j) {
                    groups.link(i, j, bestScore.get(i).get(usable.get(j).article()));
                }
            }
        }
        UnionFind uf = groups.solve();
        Map<Integer, List<Figure>> comps = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            comps.computeIfAbsent(uf.find(i), k -> new ArrayList<>()).add(usable.get(i));
        }
        List<FigureGroup> out = new ArrayList<>();
        Set<String> shown = new java.util.HashSet<>();
        for (List<Figure> members : comps.values()) {
            if (members.size() < 2) {
                continue;
            }
            // One row per distinct comparison: the same values of the same articles again (a
            // figure repeated in both, "in two or three days" twice) add nothing to read.
            List<String> key = new ArrayList<>();
            members.forEach(f -> key.add(f.article() + "\u0000" + f.low() + "\u0000" + f.high()));
            key.sort(null);
            if (!shown.add(members.get(0).unit() + "\u0001" + key)) {
                continue;
            }
            out.add(describe(storyId + "-g" + (out.size() + 1), members, reuse));
        }
        // Conflicts first, then by size.
        out.sort((x, y) -> rank(y) != rank(x) ? rank(y) - rank(x) : y.figures().size() - x.figures().size());
        return out;
    }

    private static final String ANY = "\u0000any";
    /** Values further apart than this factor measure different things ("$1,179" a head, "$6.5 trillion" in all). */
    static final double MAX_RATIO = 10;

    /** Whether two figures are of one order of magnitude (a side of an open interval stands for it). */
    static boolean sameScale(Figure a, Figure b) {
        double x = Math.abs(a.low() != null ? a.low() : a.high());
        double y = Math.abs(b.low() != null ? b.low() : b.high());
        if (x == 0 || y == 0) {
            return x == y;
        }
        return Math.max(x, y) / Math.min(x, y) <= MAX_RATIO;
    }

    /**
     * Whether two figures' sentences can tell one act: they share a verb (by stem; verbs of
     * saying and auxiliaries aside), or one of them has none. "Two states filed a lawsuit" and
     * "four states have legalized marijuana" count different things however alike their
     * words; so do "his wife spent $5,150" and "he bought $10,977 worth".
     */
    static boolean sameAct(Map<String, Set<String>> cache, String a, String b) {
        Set<String> x = cache.computeIfAbsent(a, FigureGroups::verbStems);
        Set<String> y = cache.computeIfAbsent(b, FigureGroups::verbStems);
        if (x.isEmpty() || y.isEmpty()) {
            return true;
        }
        for (String v : x) {
            if (y.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> verbStems(String sentence) {
        Set<String> out = new java.util.HashSet<>();
        if (sentence == null) {
            return out;
        }
        for (org.parallax.text.PartsOfSpeech.Token t : org.parallax.text.PartsOfSpeech.tag(sentence)) {
            String w = t.text().toLowerCase(java.util.Locale.ROOT);
            if ("VERB".equals(t.tag()) && !SpeechVerbs.isSpeech(w)) {
                out.add(Words.stem(w));
            }
        }
        return out;
    }

    private static boolean sameEvent(String a, String b) {
        return a.equals(b) || a.equals(ANY) || b.equals(ANY);
    }

    private static int rank(FigureGroup g) {
        return switch (g.status()) {
            case "drift" -> 2;
            case "conflict" -> 1;
            default -> 0;
        };
    }

    private static void offer(Map<String, Integer> best, Map<String, Double> score, String article, int j, double s) {
        Double old = score.get(article);
        if (old == null || s > old) {
            score.put(article, s);
            best.put(article, j);
        }
    }

    private static FigureGroup describe(String id, List<Figure> members, List<ReuseLink> reuse) {
        List<String> articles = members.stream().map(Figure::article).distinct().toList();
        boolean same = true;
        boolean compatible = true;
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                same &= members.get(i).sameValue(members.get(j));
                compatible &= members.get(i).overlaps(members.get(j));
            }
        }
        // Collapse copies: articles whose figures sit in a passage one copied from the other.
        Map<String, Integer> index = new HashMap<>();
        articles.forEach(a -> index.put(a, index.size()));
        UnionFind copies = new UnionFind(articles.size());
        List<List<String>> drift = new ArrayList<>();
        for (ReuseLink l : reuse) {
            Integer s = index.get(l.source());
            Integer t = index.get(l.target());
            if (s == null || t == null) {
                continue;
            }
            for (Figure fs : members) {
                for (Figure ft : members) {
                    if (!fs.article().equals(l.source()) || !ft.article().equals(l.target())) {
                        continue;
                    }
                    if (l.duplicate() || inSamePassage(l, fs, ft)) {
                        copies.union(s, t);
                        if (!fs.sameValue(ft) && inSamePassage(l, fs, ft)) {
                            drift.add(List.of(fs.id(), ft.id()));
                        }
                    }
                }
            }
        }
        Set<Integer> roots = new LinkedHashSet<>();
        for (int i = 0; i < articles.size(); i++) {
            roots.add(copies.find(i));
        }
        // Values stated differently whose intervals all share a value ("more than 400", "between
        // 400 and 500") agree at different precision; only disjoint values conflict.
        String status = !drift.isEmpty() ? "drift" : same ? "agree" : compatible ? "consistent" : "conflict";
        return new FigureGroup(id, members.get(0).unit(), members.stream().map(Figure::id).toList(), articles, status,
                compatible, roots.size(), drift);
    }

    private static boolean inSamePassage(ReuseLink l, Figure source, Figure target) {
        for (Passage p : l.passages()) {
            if (l.copy() && p.sourceStart() <= source.start() && source.end() <= p.sourceEnd()
                    && p.targetStart() <= target.start() && target.end() <= p.targetEnd()) {
                return true;
            }
        }
        return false;
    }
}
