package org.parallax.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Entities;
import org.parallax.reuse.Direction;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;

/**
 * Who copied whom, drawn: the story's articles on a circle, an arrow from each source to the
 * article that copied from it (a dashed line when the direction is unknown), thicker for more
 * shared words. Plain SVG in the page, no script; each node links to its article's column.
 */
final class ReuseGraph {
    /** Articles drawn at most; a larger story's graph shows those with the most links. */
    static final int MAX_NODES = 60;

    private ReuseGraph() {
    }

    static String svg(List<ReuseLink> all, Map<String, Annotated> byId, List<String> members) {
        // Only copies: two articles printing the same quotation did not copy each other.
        List<ReuseLink> links = all.stream().filter(ReuseLink::copy).toList();
        if (links.isEmpty()) {
            return "";
        }
        Map<String, Integer> degree = new HashMap<>();
        members.forEach(m -> degree.put(m, 0));
        for (ReuseLink l : links) {
            degree.merge(l.source(), 1, Integer::sum);
            degree.merge(l.target(), 1, Integer::sum);
        }
        List<String> nodes = degree.entrySet().stream()
                .sorted((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()))
                .limit(MAX_NODES).map(Map.Entry::getKey).sorted().toList();
        Set<String> shown = new LinkedHashSet<>(nodes);
        int size = 420;
        double r = 150;
        double cx = size / 2.0;
        double cy = size / 2.0;
        Map<String, double[]> at = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            double angle = 2 * Math.PI * i / nodes.size() - Math.PI / 2;
            at.put(nodes.get(i), new double[] {cx + r * Math.cos(angle), cy + r * Math.sin(angle)});
        }
        int maxWords = links.stream().mapToInt(ReuseLink::sharedWords).max().orElse(1);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg class=\"reuse-graph\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"Who copied whom\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" "
                + "refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"12\" markerHeight=\"12\" orient=\"auto\"><path d=\"M 0 0 L 10 5 L 0 10 z\" "
                + "fill=\"#a06000\"/></marker></defs>", size, size, size, size));
        List<ReuseLink> drawn = new ArrayList<>();
        for (ReuseLink l : links) {
            if (shown.contains(l.source()) && shown.contains(l.target())) {
                drawn.add(l);
            }
        }
        for (ReuseLink l : drawn) {
            double[] s = at.get(l.source());
            double[] t0 = at.get(l.target());
            // Stop at the target's rim so the arrowhead shows.
            double dx = t0[0] - s[0];
            double dy = t0[1] - s[1];
            double len = Math.max(1, Math.hypot(dx, dy));
            double[] t = {t0[0] - dx / len * 12, t0[1] - dy / len * 12};
            double width = 1 + 5.0 * l.sharedWords() / maxWords;
            boolean known = l.direction() == Direction.SOURCE_TO_TARGET;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#a06000\" "
                    + "stroke-width=\"%.1f\"%s%s><title>%s</title></line>", s[0], s[1], t[0], t[1], width,
                    known ? " marker-end=\"url(#arrow)\"" : " stroke-dasharray=\"6 4\"", "",
                    esc(l.source() + (known ? " → " : " — ") + l.target() + ": " + l.sharedWords() + " shared words"
                            + (l.duplicate() ? " (near-duplicate)" : ""))));
        }
        for (String n : nodes) {
            double[] p = at.get(n);
            Annotated d = byId.get(n);
            String outlet = d == null || d.article().outlet() == null ? "" : d.article().outlet();
            b.append(String.format(Locale.ROOT, "<a href=\"#%s\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"11\" fill=\"#fff3b0\" "
                    + "stroke=\"#a06000\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%s</text>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"9\" fill=\"#555\">%s</text></a>",
                    esc(n), p[0], p[1], p[0], p[1] + 3.5, esc(n), p[0], p[1] + 24, esc(outlet.length() > 24
                            ? outlet.substring(0, 24) + "…" : outlet)));
        }
        return b.append("</svg>").toString();
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
