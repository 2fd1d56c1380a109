package org.parallax.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parallax.model.UnionFind;

/**
 * Groups items of several articles from scored links, strongest first, never putting two
 * items of one article in a group: a group is one thing as each article says it. Plain
 * connected components chain through loose links into one blob on large stories; this keeps
 * each link only while the groups it joins come from different articles.
 */
final class OnePerArticle {
    private final UnionFind uf;
    private final List<Set<String>> articles = new ArrayList<>();
    private final List<double[]> links = new ArrayList<>();

    OnePerArticle(List<String> articleOfItem) {
        uf = new UnionFind(articleOfItem.size());
        for (String a : articleOfItem) {
            Set<String> s = new HashSet<>();
            s.add(a);
            articles.add(s);
        }
    }

    void link(int a, int b, double score) {
        links.add(new double[] {score, a, b});
    }

    /** Applies the links, strongest first; returns each item's group root. */
    UnionFind solve() {
        links.sort((x, y) -> Double.compare(y[0], x[0]));
        for (double[] l : links) {
            int ra = uf.find((int) l[1]);
            int rb = uf.find((int) l[2]);
            if (ra == rb) {
                continue;
            }
            Set<String> sa = articles.get(ra);
            Set<String> sb = articles.get(rb);
            boolean disjoint = sa.size() <= sb.size() ? sa.stream().noneMatch(sb::contains)
                    : sb.stream().noneMatch(sa::contains);
            if (!disjoint) {
                continue;
            }
            uf.union(ra, rb);
            int root = uf.find(ra);
            Set<String> merged = sa.size() >= sb.size() ? sa : sb;
            merged.addAll(sa.size() >= sb.size() ? sb : sa);
            articles.set(root, merged);
        }
        return uf;
    }
}
