package org.parallax.reuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.model.UnionFind;

/**
 * The same passage across many articles: every passage of every link is an occurrence in two
 * articles; occurrences linked by a passage, or overlapping (by half the shorter) in one
 * article, belong together (connected components, union-find). A paragraph reprinted by ten
 * outlets is one cluster with ten members, however many pairwise links found it. Also which
 * articles are near-duplicates of which, for counting independent sources.
 */
public final class ReuseClusters {
    private ReuseClusters() {
    }

    /** A stretch of one article's body. */
    public record Occurrence(String article, int start, int end) {
    }

    /**
     * One shared passage: its occurrences (one merged range per article and stretch), the
     * articles in id order, and the origin — the one article every directed link in the
     * cluster leads away from — or null when the links do not single one out.
     */
    public record Cluster(String id, List<Occurrence> members, List<String> articles, String origin) {
        public Cluster {
            members = List.copyOf(members);
            articles = List.copyOf(articles);
        }
    }

    public static List<Cluster> of(List<ReuseLink> links) {
        List<Occurrence> occ = new ArrayList<>();
        List<int[]> edges = new ArrayList<>();
        for (ReuseLink l : links) {
            for (Passage p : l.passages()) {
                if (!l.copy()) {
                    continue; // the same quotation printed by both: not reused text
                }
                occ.add(new Occurrence(l.source(), p.sourceStart(), p.sourceEnd()));
                occ.add(new Occurrence(l.target(), p.targetStart(), p.targetEnd()));
                edges.add(new int[] {occ.size() - 2, occ.size() - 1});
            }
        }
        UnionFind parent = new UnionFind(occ.size());
        for (int[] e : edges) {
            parent.union(e[0], e[1]);
        }
        // Overlapping occurrences in one article are the same text.
        Map<String, List<Integer>> byArticle = new TreeMap<>();
        for (int i = 0; i < occ.size(); i++) {
            byArticle.computeIfAbsent(occ.get(i).article(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> ids : byArticle.values()) {
            ids.sort(Comparator.comparingInt((Integer i) -> occ.get(i).start()).thenComparingInt(i -> occ.get(i).end()));
            for (int x = 0; x < ids.size(); x++) {
                Occurrence a = occ.get(ids.get(x));
                for (int y = x + 1; y < ids.size() && occ.get(ids.get(y)).start() < a.end(); y++) {
                    Occurrence b = occ.get(ids.get(y));
                    int overlap = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
                    int shorter = Math.min(a.end() - a.start(), b.end() - b.start());
                    if (overlap > 0 && 2 * overlap >= shorter) {
                        parent.union(ids.get(x), ids.get(y));
                    }
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < occ.size(); i++) {
            groups.computeIfAbsent(parent.find(i), k -> new ArrayList<>()).add(i);
        }
        Map<String, List<ReuseLink>> linksOf = new HashMap<>();
        for (ReuseLink l : links) {
            linksOf.computeIfAbsent(l.source(), k -> new ArrayList<>()).add(l);
        }
        List<Cluster> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            List<Occurrence> members = merged(g.stream().map(occ::get).toList());
            List<String> articles = members.stream().map(Occurrence::article).distinct().sorted().toList();
            List<ReuseLink> near = new ArrayList<>();
            for (String a : articles) {
                near.addAll(linksOf.getOrDefault(a, List.of()));
            }
            out.add(new Cluster("", members, articles, origin(near, new HashSet<>(articles), members)));
        }
        // Larger clusters first, then by their first member, for a stable order and ids.
        out.sort(Comparator.comparingInt((Cluster c) -> -c.articles().size())
                .thenComparing(c -> c.members().get(0).article())
                .thenComparingInt(c -> c.members().get(0).start()));
        List<Cluster> numbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Cluster c = out.get(i);
            numbered.add(new Cluster("p" + i, c.members(), c.articles(), c.origin()));
        }
        return numbered;
    }

    /** Per article, overlapping ranges of the cluster joined; sorted by article and start. */
    private static List<Occurrence> merged(List<Occurrence> occs) {
        List<Occurrence> sorted = new ArrayList<>(occs);
        sorted.sort(Comparator.comparing(Occurrence::article).thenComparingInt(Occurrence::start));
        List<Occurrence> out = new ArrayList<>();
        for (Occurrence o : sorted) {
            if (!out.isEmpty()) {
                Occurrence last = out.get(out.size() - 1);
                if (last.article().equals(o.article()) && o.start() <= last.end()) {
                    out.set(out.size() - 1, new Occurrence(o.article(), last.start(), Math.max(last.end(), o.end())));
                    continue;
                }
            }
            out.add(o);
        }
        return out;
    }

    /**
     * The article that is the source, never the target, of the cluster's directed links —
     * when exactly one article is; otherwise null.
     */
    private static String origin(List<ReuseLink> links, Set<String> articles, List<Occurrence> members) {
        Set<String> sources = new HashSet<>();
        Set<String> targets = new HashSet<>();
        for (ReuseLink l : links) {
            if (l.direction() != Direction.SOURCE_TO_TARGET || !articles.contains(l.source())
                    || !articles.contains(l.target()) || !touches(l, members)) {
                continue;
            }
            sources.add(l.source());
            targets.add(l.target());
        }
        sources.removeAll(targets);
        return sources.size() == 1 ? sources.iterator().next() : null;
    }

    /** Whether a passage of the link lies in the cluster's ranges on both sides. */
    private static boolean touches(ReuseLink l, List<Occurrence> members) {
        for (Passage p : l.passages()) {
            if (inside(members, l.source(), p.sourceStart(), p.sourceEnd())
                    && inside(members, l.target(), p.targetStart(), p.targetEnd())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(List<Occurrence> members, String article, int start, int end) {
        for (Occurrence o : members) {
            if (o.article().equals(article) && start < o.end() && o.start() < end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Near-duplicate articles and the article each one copies: the source of a duplicate link
     * when its direction is known, else the article first by id. Articles reached through
     * several duplicate links all point at one representative (the copies of a copy too), so
     * counting articles without an entry here counts independent sources.
     */
    public static Map<String, String> duplicateOf(List<ReuseLink> links) {
        Map<String, String> parent = new HashMap<>();
        List<ReuseLink> dups = links.stream().filter(ReuseLink::duplicate)
                .sorted(Comparator.comparing((ReuseLink l) -> l.direction() == Direction.SOURCE_TO_TARGET ? 0 : 1)
                        .thenComparing(ReuseLink::source).thenComparing(ReuseLink::target))
                .toList();
        for (ReuseLink l : dups) {
            String original = l.direction() == Direction.SOURCE_TO_TARGET ? l.source()
                    : l.source().compareTo(l.target()) <= 0 ? l.source() : l.target();
            String copy = original.equals(l.source()) ? l.target() : l.source();
            String root = root(parent, original);
            String copyRoot = root(parent, copy);
            if (!root.equals(copyRoot)) {
                parent.put(copyRoot, root);
            }
        }
        Map<String, String> out = new TreeMap<>();
        for (String a : parent.keySet()) {
            out.put(a, root(parent, a));
        }
        return out;
    }

    private static String root(Map<String, String> parent, String a) {
        String r = a;
        while (parent.containsKey(r)) {
            r = parent.get(r);
        }
        return r;
    }

}
