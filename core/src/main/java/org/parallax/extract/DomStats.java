package org.parallax.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Visible text and link-text characters of every element of a page, from one post-order pass. */
final class DomStats {
    private final Map<Element, int[]> stats = new IdentityHashMap<>();

    private DomStats() {
    }

    static DomStats of(Element root) {
        DomStats d = new DomStats();
        Map<Element, int[]> stats = d.stats;
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode t) {
                    int len = visibleLength(t.getWholeText());
                    Element p = t.parent();
                    if (p != null && len > 0) {
                        int[] s = stats.computeIfAbsent(p, k -> new int[2]);
                        s[0] += len;
                        if (p.normalName().equals("a")) {
                            s[1] += len;
                        }
                    }
                } else if (node instanceof Element e && e != root) {
                    int[] mine = stats.get(e);
                    if (mine != null && e.parent() != null) {
                        int[] up = stats.computeIfAbsent(e.parent(), k -> new int[2]);
                        up[0] += mine[0];
                        up[1] += e.normalName().equals("a") ? mine[0] : mine[1];
                    }
                }
            }
        }, root);
        return d;
    }

    private static int visibleLength(String s) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    n++;
                }
                space = true;
            } else {
                n++;
                space = false;
            }
        }
        return n;
    }

    /** Visible characters in the element and below. */
    int textOf(Element e) {
        int[] s = stats.get(e);
        return s == null ? 0 : s[0];
    }

    /** Share of the element's text inside links. */
    double linkDensity(Element e) {
        int[] s = stats.get(e);
        return s == null || s[0] == 0 ? 0 : (double) s[1] / s[0];
    }
}
