package org.parallax.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Entities;
import org.parallax.compare.Comparison;
import org.parallax.compare.Coverage;
import org.parallax.compare.Figure;
import org.parallax.compare.FigureGroup;
import org.parallax.compare.FramingRow;
import org.parallax.compare.SummaryItem;
import org.parallax.compare.Unit;
import org.parallax.compare.VoiceLabel;
import org.parallax.compare.VoiceSpan;
import org.parallax.text.Annotated;

/**
 * The compare stage's panels of a story page: summary, figures (conflicts first), voice,
 * framing and the coverage matrix. Every item links to its words in the article columns;
 * {@link #targets} collects those spans so the columns can carry the anchors.
 */
final class CompareTabs {
    /** Rows a table shows; the JSON report has them all. */
    static final int MAX_ROWS = 60;

    private final Comparison cmp;
    private final Map<String, Annotated> byId;
    private final Map<String, Figure> figures;
    private final Map<String, String> names;
    /** Spans the panels link to, by article: [start, end] with the anchor id. */
    final Map<String, List<Target>> targets = new HashMap<>();

    record Target(int start, int end, String id, String title) {
    }

    /** Articles whose column is under another story of the report: links go to the column, not a span. */
    private final Set<String> shownElsewhere;

    CompareTabs(Comparison cmp, Map<String, Annotated> byId, List<Figure> allFigures, Map<String, String> names) {
        this(cmp, byId, allFigures, names, Set.of());
    }

    CompareTabs(Comparison cmp, Map<String, Annotated> byId, List<Figure> allFigures, Map<String, String> names,
                Set<String> shownElsewhere) {
        this.shownElsewhere = Set.copyOf(shownElsewhere);
        this.cmp = cmp;
        this.byId = byId;
        this.names = names;
        this.figures = new HashMap<>();
        Set<String> members = new java.util.HashSet<>(byId.keySet());
        for (Figure f : allFigures) {
            if (members.contains(f.article())) {
                figures.put(f.id(), f);
            }
        }
    }

    /** A link to a span of an article, registering the anchor it needs. */
    private String link(String article, int start, int end, String label, String title) {
        if (shownElsewhere.contains(article)) {
            return "<a href=\"#" + article + "\">" + esc(label) + "</a>";
        }
        String id = "x-" + article + "-" + start + "-" + end;
        List<Target> list = targets.computeIfAbsent(article, k -> new ArrayList<>());
        if (list.stream().noneMatch(t -> t.id().equals(id))) {
            list.add(new Target(start, end, id, title));
        }
        return "<a href=\"#" + id + "\">" + esc(label) + "</a>";
    }

    private String outlet(String article) {
        Annotated d = byId.get(article);
        String o = d == null ? null : d.article().outlet();
        return article + (o == null ? "" : " · " + o);
    }

    String summary() {
        StringBuilder b = new StringBuilder();
        if (cmp.summary().isEmpty()) {
            return "<p>No sentence to summarise.</p>";
        }
        b.append("<p class=\"meta\">Sentences carried by the most independent sources first (a reprint or copied ")
                .append("passage counts with its source). A claim an outlet makes in its own voice is flagged.</p><ol>");
        for (SummaryItem s : cmp.summary()) {
            b.append("<li>").append(link(s.article(), s.start(), s.end(), s.text(), "summary sentence")).append(" <small>(")
                    .append(s.independent()).append(s.independent() == 1 ? " source: " : " independent sources: ")
                    .append(esc(String.join(", ", s.sources()))).append(")</small>");
            if (s.voice().equals("unattributed-claim")) {
                b.append(" <span class=\"flag\">claim in ").append(esc(outlet(s.article()))).append("'s own voice</span>");
            } else if (s.voice().equals("attributed")) {
                b.append(" <span class=\"ok\">attributed</span>");
            }
            b.append("</li>");
        }
        return b.append("</ol>").toString();
    }

    String figures() {
        StringBuilder b = new StringBuilder();
        List<FigureGroup> groups = cmp.figureGroups();
        if (!groups.isEmpty()) {
            b.append("<table class=\"figures\"><tr><th>about</th><th>status</th><th>figures</th></tr>");
            for (FigureGroup g : groups.stream().limit(MAX_ROWS).toList()) {
                Figure first = figures.get(g.figures().get(0));
                b.append("<tr class=\"").append(g.status()).append("\"><td>")
                        .append(esc(first == null || first.what().isEmpty() ? g.unit() : first.what())).append("</td><td>");
                switch (g.status()) {
                    case "conflict" -> b.append("<span class=\"flag\">conflict</span>");
                    case "consistent" -> b.append("<span class=\"ok\">agree</span> <small>— different precision</small>");
                    case "drift" -> b.append("<span class=\"flag\">changed when copied</span>");
                    default -> b.append("<span class=\"ok\">agree</span>");
                }
                b.append(" <small>").append(g.independent()).append(" independent</small></td><td><ul>");
                for (String fid : g.figures()) {
                    Figure f = figures.get(fid);
                    if (f != null) {
                        b.append("<li>").append(figureItem(f)).append("</li>");
                    }
                }
                b.append("</ul></td></tr>");
            }
            b.append("</table>");
        } else {
            b.append("<p>No figure is given by more than one article.</p>");
        }
        Map<String, List<Figure>> byArticle = new LinkedHashMap<>();
        figures.values().stream().sorted(Comparator.comparing(Figure::article).thenComparingInt(Figure::start))
                .forEach(f -> byArticle.computeIfAbsent(f.article(), k -> new ArrayList<>()).add(f));
        b.append("<details><summary>All figures by article</summary>");
        for (Map.Entry<String, List<Figure>> e : byArticle.entrySet()) {
            b.append("<h4>").append(esc(outlet(e.getKey()))).append("</h4><ul>");
            e.getValue().stream().limit(MAX_ROWS).forEach(f -> b.append("<li>").append(figureItem(f)).append("</li>"));
            b.append("</ul>");
        }
        return b.append("</details>").toString();
    }

    private String figureItem(Figure f) {
        String who = switch (f.sourceKind()) {
            case "outlet" -> "the outlet itself";
            default -> f.source() != null ? names.getOrDefault(f.source(), f.source())
                    : f.sourceText() != null ? f.sourceText() : "an unnamed source";
        };
        return "<b>" + link(f.article(), f.start(), f.end(), f.text(), "figure") + "</b> <small>" + esc(f.article())
                + " · " + esc(value(f)) + (f.unit().isEmpty() ? "" : " " + esc(f.unit())) + " · according to "
                + esc(who) + "</small>";
    }

    static String value(Figure f) {
        if (f.low() != null && f.low().equals(f.high())) {
            return (f.approximate() ? "≈" : "") + num(f.low());
        }
        if (f.low() == null) {
            return "≤ " + num(f.high());
        }
        if (f.high() == null) {
            return "≥ " + num(f.low());
        }
        return num(f.low()) + "–" + num(f.high());
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(java.util.Locale.ROOT, "%,d", (long) v)
                : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    String voice() {
        StringBuilder b = new StringBuilder();
        b.append("<table class=\"coverage\"><tr><th>article</th><th>outlet</th><th>sentences</th><th>attributed</th>")
                .append("<th>own voice</th><th>own share</th><th>unattributed claims</th><th>quotes</th></tr>");
        for (Coverage c : cmp.coverage()) {
            b.append("<tr><td>").append(esc(c.article())).append("</td><td>")
                    .append(esc(c.outlet() == null ? "unknown" : c.outlet())).append("</td><td>").append(c.sentences())
                    .append("</td><td>").append(c.attributed()).append("</td><td>").append(c.own()).append("</td><td>")
                    .append(Math.round(c.ownShare() * 100)).append("%</td><td>").append(c.unattributedClaims())
                    .append("</td><td>").append(c.quotes()).append("</td></tr>");
        }
        b.append("</table>");
        Map<String, List<VoiceSpan>> claims = new LinkedHashMap<>();
        cmp.voice().stream().filter(v -> v.label() == VoiceLabel.UNATTRIBUTED_CLAIM)
                .forEach(v -> claims.computeIfAbsent(v.article(), k -> new ArrayList<>()).add(v));
        if (!claims.isEmpty()) {
            b.append("<h4>Unattributed claims</h4>");
            claims.forEach((article, list) -> {
                b.append("<p><b>").append(esc(outlet(article))).append("</b></p><ul>");
                list.stream().limit(MAX_ROWS).forEach(v -> b.append("<li>")
                        .append(link(v.article(), v.start(), v.end(), v.text().strip(), "unattributed claim"))
                        .append(" <small>(").append(esc(String.join(", ", v.terms()))).append(")</small></li>"));
                b.append("</ul>");
            });
        }
        return b.toString();
    }

    String framing() {
        if (cmp.framing().isEmpty()) {
            return "<p>No referent is named differently by two articles.</p>";
        }
        List<String> articles = new ArrayList<>(byId.keySet());
        StringBuilder b = new StringBuilder("<p class=\"meta\">The words each article uses for the same referent; ")
                .append("<i>q</i> marks words inside a quotation.</p><table class=\"framing\"><tr><th>referent</th>");
        for (String a : articles) {
            b.append("<th>").append(esc(outlet(a))).append("</th>");
        }
        b.append("</tr>");
        for (FramingRow r : cmp.framing().stream().limit(MAX_ROWS).toList()) {
            b.append("<tr><td>").append(esc(r.label())).append(" <small>(").append(esc(r.kind())).append(", ")
                    .append(esc(r.slot())).append(")</small></td>");
            for (String a : articles) {
                b.append("<td>");
                List<FramingRow.TermUse> uses = r.terms().getOrDefault(a, List.of());
                for (int i = 0; i < uses.size(); i++) {
                    FramingRow.TermUse u = uses.get(i);
                    int[] first = u.spans().get(0);
                    b.append(i == 0 ? "" : ", ").append(link(a, first[0], first[1], u.term(), "framing"));
                    if (u.count() > 1) {
                        b.append("×").append(u.count());
                    }
                    if (u.quoted() > 0) {
                        b.append("<i>q</i>");
                    }
                }
                b.append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    String coverage() {
        List<String> articles = new ArrayList<>(byId.keySet());
        List<Unit> shared = cmp.units().stream().filter(u -> u.articles().size() > 1)
                .sorted(Comparator.comparingInt(Unit::independent).reversed()
                        .thenComparing(Comparator.comparingInt((Unit u) -> u.articles().size()).reversed()))
                .limit(MAX_ROWS).toList();
        StringBuilder b = new StringBuilder("<p class=\"meta\">Information carried by more than one article; each ")
                .append("mark links to the article's sentence. Copies count once under <i>independent</i>.</p>")
                .append("<table class=\"matrix\"><tr><th>information</th><th>independent</th>");
        for (String a : articles) {
            b.append("<th>").append(esc(a)).append("</th>");
        }
        b.append("</tr>");
        for (Unit u : shared) {
            b.append("<tr><td>").append(esc(u.text().length() > 140 ? u.text().substring(0, 140) + "…" : u.text()))
                    .append(" <small>(").append(esc(String.join(", ", u.links()))).append(")</small></td><td>")
                    .append(u.independent()).append("</td>");
            for (String a : articles) {
                b.append("<td>");
                u.sentences().stream().filter(s -> s.article().equals(a)).findFirst()
                        .ifPresent(s -> b.append(link(a, s.start(), s.end(), "●", "information unit " + u.id())));
                b.append("</td>");
            }
            b.append("</tr>");
        }
        b.append("<tr><th>only here</th><td></td>");
        for (String a : articles) {
            Coverage c = cmp.coverage().stream().filter(x -> x.article().equals(a)).findFirst().orElse(null);
            b.append("<td>").append(c == null ? 0 : c.unique().size()).append("</td>");
        }
        b.append("</tr><tr><th>omitted</th><td></td>");
        for (String a : articles) {
            Coverage c = cmp.coverage().stream().filter(x -> x.article().equals(a)).findFirst().orElse(null);
            b.append("<td>").append(c == null ? 0 : c.omitted().size()).append("</td>");
        }
        b.append("</tr></table>");
        Map<String, Unit> unitById = new HashMap<>();
        cmp.units().forEach(u -> unitById.put(u.id(), u));
        for (Coverage c : cmp.coverage()) {
            if (c.omitted().isEmpty()) {
                continue;
            }
            b.append("<p><b>").append(esc(outlet(c.article()))).append("</b> leaves out what most others carry:</p><ul>");
            c.omitted().stream().limit(MAX_ROWS).map(unitById::get).forEach(u -> b.append("<li>")
                    .append(link(u.article(), u.start(), u.end(), u.text(), "omitted elsewhere")).append("</li>"));
            b.append("</ul>");
        }
        return b.toString();
    }

    private static String esc(String s) {
        return s == null ? "" : Entities.escape(s);
    }
}
