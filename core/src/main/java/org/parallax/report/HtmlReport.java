package org.parallax.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.nodes.Entities;
import org.parallax.compare.Comparison;
import org.parallax.compare.Coverage;
import org.parallax.compare.VoiceLabel;
import org.parallax.compare.VoiceSpan;
import org.parallax.extract.Article;
import org.parallax.extract.Removed;
import org.parallax.model.Problem;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteGroup;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.Event;
import org.parallax.stories.Story;
import org.parallax.text.Annotated;

/**
 * One self-contained HTML page: articles side by side, reused passages highlighted and linked
 * to their counterpart in the other column, quotes marked with their speaker, own-voice
 * claims underlined, removed boilerplate collapsed under each article. No scripts, no
 * external resources.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** A highlighted span of one article body. */
    private record Mark(int start, int end, String cls, String id, String href, String title, String label) {
    }

    /** Largest number of reuse links listed in a story's table; the JSON report has them all. */
    static final int MAX_LINK_ROWS = 300;

    public static void write(Analysis a, Writer w) throws IOException {
        write(a, w, null);
    }

    /** The page of one story ({@code storyId}), or of all stories when it is null. */
    public static void write(Analysis a, Writer w, String storyId) throws IOException {
        Map<String, String> names = JsonReport.entityNames(a);
        // Written piece by piece: a corpus of thousands of articles never sits in memory as one string.
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Parallax report</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        b.append("<header><h1>Parallax report</h1><p>").append(a.articles().size()).append(" articles, ")
                .append(a.reuse().size()).append(" reuse links, ").append(a.quotes().quotes().size()).append(" quotes, ")
                .append(a.quotes().entities().size()).append(" entities, ").append(a.stories().size())
                .append(" stories.</p></header>\n");
        if (!a.problems().isEmpty()) {
            b.append("<section class=\"problems\"><h2>Inputs not analysed</h2><ul>");
            for (Problem p : a.problems()) {
                b.append("<li>").append(esc(p.line())).append("</li>");
            }
            b.append("</ul></section>\n");
        }
        w.write(b.toString());
        b.setLength(0);
        Map<String, Annotated> byId = new java.util.HashMap<>();
        a.articles().forEach(d -> byId.put(d.id(), d));
        Map<String, List<Quote>> quotesByArticle = new java.util.HashMap<>();
        a.quotes().quotes().forEach(q -> quotesByArticle.computeIfAbsent(q.articleId(), k -> new ArrayList<>()).add(q));
        // Sections of multi-story pages, by article: marked in the article's column.
        Map<String, List<org.parallax.stories.Segment>> segments = new java.util.HashMap<>();
        for (Story s : a.stories()) {
            for (Event e : s.events()) {
                e.segments().stream().filter(g -> !g.whole())
                        .forEach(g -> segments.computeIfAbsent(g.article(), k -> new ArrayList<>()).add(g));
            }
        }
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (Story s : a.stories()) {
            if (storyId == null || storyId.equals(s.id())) {
                story(b, w, a, s, names, byId, quotesByArticle, segments, shown);
            }
        }
        b.append("</body></html>\n");
        w.write(b.toString());
    }

    private static void story(StringBuilder b, Writer w, Analysis a, Story s, Map<String, String> names,
                              Map<String, Annotated> byId, Map<String, List<Quote>> quotesByArticle,
                              Map<String, List<org.parallax.stories.Segment>> segments, java.util.Set<String> columns)
            throws IOException {
        b.append("<section class=\"story\" id=\"").append(s.id()).append("\"><h2>").append(esc(s.title()))
                .append("</h2>\n<p class=\"meta\">").append(range(s.date(), s.last())).append(" · ")
                .append(s.events().size()).append(s.events().size() == 1 ? " event" : " events").append(" · ")
                .append(s.articles().size()).append(s.articles().size() == 1 ? " article" : " articles")
                .append(s.edited() ? " · <span class=\"edited\" title=\"corrections " + esc(s.edits().toString())
                        + "\">edited by hand</span>" : "")
                .append("</p>\n");
        StringBuilder story = b;
        b = new StringBuilder();
        b.append("<ol class=\"timeline\">");
        for (Event e : s.events()) {
            b.append("<li id=\"").append(e.id()).append("\"><b>").append(range(e.date(), e.last())).append("</b> ")
                    .append(esc(e.title())).append(" <small>(");
            for (int i = 0; i < e.segments().size(); i++) {
                org.parallax.stories.Segment g = e.segments().get(i);
                b.append(i == 0 ? "" : ", ").append("<a href=\"#").append(g.whole() ? g.article() : segmentAnchor(g))
                        .append("\">").append(g.article());
                if (!g.whole()) {
                    b.append(" §").append(g.index()).append(' ').append(g.cue());
                }
                b.append("</a>");
            }
            b.append(")</small></li>");
        }
        b.append("</ol>\n");
        String timeline = b.toString();
        b.setLength(0);
        java.util.Set<String> members = new java.util.HashSet<>(s.articles());
        List<String> tableTargets = new ArrayList<>();
        List<ReuseLink> links = a.reuse().stream()
                .filter(l -> members.contains(l.source()) && members.contains(l.target())).toList();
        if (!links.isEmpty()) {
            b.append("<h3>Shared text</h3><table class=\"reuse\"><tr><th>source</th><th>target</th><th>kind</th><th>direction</th>")
                    .append("<th>evidence</th><th>target covered</th><th>passages</th></tr>");
            // Near-duplicates are marked in the table: they are not independent sources.
            List<ReuseLink> shown = links.stream()
                    .sorted(java.util.Comparator.comparingInt(ReuseLink::sharedWords).reversed())
                    .limit(MAX_LINK_ROWS).toList();
            for (ReuseLink l : shown) {
                b.append("<tr><td>").append(l.source()).append("</td><td>").append(l.target()).append("</td><td>")
                        .append(l.copy() ? "copy" : "both quote the same words").append("</td><td>")
                        .append(l.copy() ? l.direction().label() + " (" + l.confidence() + ")" : "—").append("</td><td>")
                        .append(esc(l.evidence())).append("</td><td>").append(Math.round(l.targetCoverage() * 100))
                        .append("%").append(l.duplicate() ? " (near-duplicate)" : "").append("</td><td>");
                for (int i = 0; i < l.passages().size(); i++) {
                    b.append("<a href=\"#").append(anchor(l, i, "t")).append("\">").append(i + 1).append("</a> ");
                    tableTargets.add(anchor(l, i, "t"));
                }
                b.append("</td></tr>");
            }
            b.append("</table>\n");
            if (links.size() > shown.size()) {
                b.append("<p>").append(links.size() - shown.size())
                        .append(" more links with fewer shared words are in the JSON report.</p>\n");
            }
            List<org.parallax.reuse.ReuseClusters.Cluster> wide = a.reuseClusters().stream()
                    .filter(c -> c.articles().size() >= 3 && members.containsAll(c.articles())).limit(MAX_LINK_ROWS).toList();
            if (!wide.isEmpty()) {
                Map<String, String> bodies = new java.util.HashMap<>();
                a.articles().forEach(d -> bodies.put(d.id(), d.article().body()));
                b.append("<h3>Passages in three or more articles</h3><ul class=\"clusters\">");
                for (org.parallax.reuse.ReuseClusters.Cluster c : wide) {
                    org.parallax.reuse.ReuseClusters.Occurrence first = c.members().stream()
                            .filter(o -> o.article().equals(c.origin())).findFirst().orElse(c.members().get(0));
                    String text = bodies.getOrDefault(first.article(), "");
                    String snippet = text.substring(Math.min(first.start(), text.length()),
                            Math.min(first.end(), Math.min(text.length(), first.start() + 160)));
                    b.append("<li>").append(c.articles().size()).append(" articles: ");
                    for (String id : c.articles()) {
                        b.append(id.equals(c.origin()) ? "<b>" + esc(id) + "</b> (origin) " : esc(id) + " ");
                    }
                    b.append("— <q>").append(esc(snippet)).append(first.end() - first.start() > 160 ? "…" : "")
                            .append("</q></li>");
                }
                b.append("</ul>\n");
            }
        }
        Comparison cmp = a.comparisons().stream().filter(c -> c.story().equals(s.id())).findFirst().orElse(null);
        quoteGroups(b, a, members, names, byId);
        String reuseAndQuotes = b.length() == 0 ? "<p>No text shared between these articles.</p>"
                : ReuseGraph.svg(links, byId, s.articles()) + b;
        b = story;
        Map<String, Annotated> storyDocs = new java.util.LinkedHashMap<>();
        s.articles().forEach(id -> storyDocs.put(id, byId.get(id)));
        java.util.Set<String> shownElsewhere = new java.util.HashSet<>(s.articles());
        shownElsewhere.retainAll(columns);
        CompareTabs tabs = cmp == null ? null : new CompareTabs(cmp, storyDocs, a.figures(), names, shownElsewhere);
        List<String[]> panels = new ArrayList<>();
        if (tabs != null) {
            panels.add(new String[] {"Summary", tabs.summary()});
            panels.add(new String[] {"Figures", tabs.figures()});
            panels.add(new String[] {"Voice", tabs.voice()});
            panels.add(new String[] {"Framing", tabs.framing()});
            panels.add(new String[] {"Coverage", tabs.coverage()});
        }
        panels.add(new String[] {"Timeline", timeline});
        panels.add(new String[] {"Reuse &amp; quotes", reuseAndQuotes});
        // Tabs without script: a radio button per panel, the checked one's panel shown by CSS.
        b.append("<div class=\"tabs\">");
        for (int i = 0; i < panels.size(); i++) {
            String id = s.id() + "-tab" + i;
            b.append("<input type=\"radio\" name=\"").append(s.id()).append("-tabs\" id=\"").append(id).append('"')
                    .append(i == 0 ? " checked" : "").append("><label for=\"").append(id).append("\">")
                    .append(panels.get(i)[0]).append("</label>");
        }
        for (String[] p : panels) {
            b.append("<div class=\"panel\">").append(p[1]).append("</div>");
        }
        b.append("</div>\n<div class=\"columns\">\n");
        Map<String, List<ReuseLink>> linksByArticle = new java.util.HashMap<>();
        for (ReuseLink l : links) {
            linksByArticle.computeIfAbsent(l.source(), k -> new ArrayList<>()).add(l);
            linksByArticle.computeIfAbsent(l.target(), k -> new ArrayList<>()).add(l);
        }
        Map<String, List<VoiceSpan>> claims = new java.util.HashMap<>();
        if (cmp != null) {
            cmp.voice().stream().filter(v -> !v.loaded().isEmpty())
                    .forEach(v -> claims.computeIfAbsent(v.article(), k -> new ArrayList<>()).add(v));
        }
        // Every in-page link needs its target: the table's and each highlight's counterpart.
        java.util.Set<String> referenced = new java.util.HashSet<>(tableTargets);
        for (String id : s.articles()) {
            for (Mark m : reuseMarks(id, linksByArticle.getOrDefault(id, List.of()))) {
                referenced.add(m.href().substring(1));
            }
        }
        for (String id : s.articles()) {
            if (!columns.add(id)) {
                // A multi-story page is shown once, under the first of its stories.
                b.append("<p class=\"meta\">").append(id).append(" is shown above, under its first story.</p>");
                continue;
            }
            List<Mark> extra = new ArrayList<>();
            if (tabs != null) {
                for (CompareTabs.Target t : tabs.targets.getOrDefault(id, List.of())) {
                    extra.add(new Mark(t.start(), t.end(), "ref", t.id(), null, t.title(), null));
                }
            }
            column(b, byId.get(id), linksByArticle.getOrDefault(id, List.of()),
                    quotesByArticle.getOrDefault(id, List.of()), claims.getOrDefault(id, List.of()), names, referenced,
                    segments.getOrDefault(id, List.of()), extra);
            w.write(b.toString());
            b.setLength(0);
        }
        b.append("</div></section>\n");
    }

    /**
     * The statements several articles of the story print, earliest first; each later
     * appearance shows, word by word, what it added, dropped or substituted, and whether it
     * cuts, splices or re-attributes the statement. Every entry links to the quote's mark.
     */
    private static void quoteGroups(StringBuilder b, Analysis a, java.util.Set<String> members,
                                    Map<String, String> names, Map<String, Annotated> byId) {
        List<QuoteGroup> groups = a.quotes().groups().stream()
                .filter(g -> g.articles().stream().filter(members::contains).count() >= 2).toList();
        if (groups.isEmpty()) {
            return;
        }
        Map<String, Quote> quoteById = new java.util.HashMap<>();
        a.quotes().quotes().forEach(q -> quoteById.put(q.id(), q));
        b.append("<h3>The same statement in several articles</h3><div class=\"qgroups\">");
        int shown = 0;
        for (QuoteGroup g : groups) {
            if (shown++ == MAX_LINK_ROWS) {
                b.append("<p>").append(groups.size() - MAX_LINK_ROWS).append(" more groups are in the JSON report.</p>");
                break;
            }
            Quote first = quoteById.get(g.first());
            b.append("<div class=\"qgroup\" id=\"").append(g.id()).append("\"><div class=\"qhead\">")
                    .append(g.articles().size()).append(" articles · ");
            List<String> who = g.speakers().stream().map(id -> names.getOrDefault(id, id)).toList();
            b.append(who.isEmpty() ? "speaker unknown" : esc(String.join(" / ", who)));
            if (who.size() > 1) {
                b.append(" <span class=\"flag\">attributed to different speakers</span>");
            }
            b.append("</div><ol><li>");
            quoteSource(b, first, byId, "first");
            b.append(" <q>").append(esc(first.text())).append("</q></li>");
            for (QuoteGroup.Variant v : g.variants()) {
                Quote q = quoteById.get(v.quote());
                b.append("<li>");
                quoteSource(b, q, byId, null);
                b.append(" <small>vs <a href=\"#").append(v.base()).append("\">").append(esc(quoteById.get(v.base()).articleId()))
                        .append("</a></small> ");
                if (v.verbatim()) {
                    b.append("<span class=\"ok\">verbatim</span> ");
                }
                if (v.excerpt() && v.cut() == null) {
                    b.append("<span class=\"ok\">excerpt</span> ");
                }
                if (v.cut() != null) {
                    b.append("<span class=\"flag\">cut at ").append(v.cut().equals("both") ? "both ends" : "the " + v.cut())
                            .append("</span> ");
                }
                if (!v.splicedFrom().isEmpty()) {
                    b.append("<span class=\"flag\">splices ").append(v.splicedFrom().size()).append(" quotes of ")
                            .append(esc(quoteById.get(v.splicedFrom().get(0)).articleId())).append("</span> ");
                }
                if (v.speakerFrom() != null) {
                    b.append("<span class=\"flag\">speaker ").append(esc(names.getOrDefault(v.speakerFrom(), v.speakerFrom())))
                            .append(" → ").append(esc(names.getOrDefault(v.speakerTo(), v.speakerTo()))).append("</span> ");
                }
                b.append("<q class=\"diff\">");
                String body = byId.get(q.articleId()).article().body();
                int at = q.start();
                // An excerpt's missing edges are no change to what it quotes: shown as printed.
                for (QuoteGroup.Change c : v.excerpt() && v.cut() == null ? List.<QuoteGroup.Change>of() : v.changes()) {
                    int from = Math.max(at, Math.min(c.start(), q.end()));
                    b.append(esc(body.substring(at, from)));
                    if (c.type() != QuoteGroup.ChangeType.ADDED) {
                        // Dropped words sit between words of the variant: keep them apart.
                        boolean spaceBefore = from > q.start() && !Character.isWhitespace(body.charAt(from - 1));
                        boolean spaceAfter = c.type() == QuoteGroup.ChangeType.DROPPED && from < q.end()
                                && !Character.isWhitespace(body.charAt(from));
                        b.append(spaceBefore ? " " : "").append("<del>").append(esc(c.baseText())).append("</del>")
                                .append(spaceAfter ? " " : "");
                    }
                    if (c.type() != QuoteGroup.ChangeType.DROPPED) {
                        int to = Math.max(from, Math.min(c.end(), q.end()));
                        b.append("<ins>").append(esc(body.substring(from, to))).append("</ins>");
                        from = to;
                    }
                    at = from;
                }
                b.append(esc(body.substring(at, q.end()))).append("</q></li>");
            }
            b.append("</ol></div>");
        }
        b.append("</div>\n");
    }

    private static void quoteSource(StringBuilder b, Quote q, Map<String, Annotated> byId, String note) {
        Article ar = byId.get(q.articleId()).article();
        b.append("<a href=\"#").append(q.id()).append("\">").append(esc(ar.id())).append("</a> ")
                .append(esc(orUnknown(ar.outlet()))).append(" · ")
                .append(ar.published() == null ? "date unknown" : ar.published().toString())
                .append(" · ").append(q.kind().label());
        if (note != null) {
            b.append(" · <b>").append(note).append("</b>");
        }
    }

    private static void column(StringBuilder b, Annotated d, List<ReuseLink> links, List<Quote> quotes,
                               List<VoiceSpan> claims, Map<String, String> names, java.util.Set<String> referenced,
                               List<org.parallax.stories.Segment> segments, List<Mark> extra) {
        Article ar = d.article();
        b.append("<article class=\"col\" id=\"").append(ar.id()).append("\"><div class=\"meta\"><span class=\"id\">")
                .append(ar.id()).append("</span> ").append(esc(orUnknown(ar.outlet()))).append(" · ")
                .append(ar.published() == null ? "date unknown" : ar.published().toString()).append(" · ")
                .append(d.text().language()).append("<br><small>").append(esc(ar.source())).append("</small></div>")
                .append("<h4>").append(esc(ar.title())).append("</h4>\n<div class=\"body\">");
        List<Mark> marks = new ArrayList<>(reuseMarks(ar.id(), links));
        marks.addAll(extra);
        Map<Integer, List<String>> anchors = new java.util.HashMap<>();
        for (Side side : sides(ar.id(), links)) {
            if (referenced.contains(side.anchor)) {
                anchors.computeIfAbsent(side.start, k -> new ArrayList<>()).add(side.anchor);
            }
        }
        for (Quote q : quotes) {
            {
                String who = q.speaker() == null ? (q.speakerText() == null ? "unknown speaker" : q.speakerText())
                        : names.getOrDefault(q.speaker(), q.speaker());
                marks.add(new Mark(q.start(), q.end(), "quote " + q.kind().label(), q.id(), null,
                        q.kind().label() + " quote · " + who + (q.cue() == null ? "" : " · " + q.cue()), who));
            }
        }
        for (VoiceSpan v : claims) {
            if (v.label() == VoiceLabel.UNATTRIBUTED_CLAIM) {
                marks.add(new Mark(v.start(), v.end(), "claim", null, null,
                        "own voice, unattributed: " + String.join(", ", v.terms()), null));
            }
            for (org.parallax.compare.LoadedWords.Hit h : v.loaded()) {
                marks.add(new Mark(h.start(), h.end(), "loaded", null, null,
                        "loaded word in the outlet's own words (" + h.kind() + ")", null));
            }
        }
        for (org.parallax.stories.Segment g : segments) {
            // The section's first line carries its mark: a long span would be cut into pieces.
            int eol = ar.body().indexOf('\n', g.start());
            int end = eol < 0 || eol > g.end() ? g.end() : eol;
            marks.add(new Mark(g.start(), Math.max(g.start() + 1, end), "segment", segmentAnchor(g), null,
                    "section " + g.index() + " (" + g.cue() + "), clustered on its own; ends at " + g.end(),
                    "§" + g.index() + " " + g.cue()));
        }
        render(b, ar.body(), marks, anchors);
        b.append("</div>\n");
        if (!ar.removed().isEmpty()) {
            b.append("<details class=\"removed\"><summary>Removed from the page (").append(ar.removed().size())
                    .append(")</summary>");
            for (Removed r : ar.removed()) {
                b.append("<div class=\"rm\"><span class=\"kind\">").append(r.kind().label()).append("</span> <small>[")
                        .append(r.documentStart()).append("–").append(r.documentEnd()).append("]</small><pre>")
                        .append(esc(r.text())).append("</pre></div>");
            }
            b.append("</details>");
        }
        b.append("</article>\n");
    }

    /**
     * Writes the body with every mark as nested spans over the segments between boundaries:
     * one sweep over the boundaries, marks entering and leaving an active list.
     */
    private static void render(StringBuilder b, String body, List<Mark> marks, Map<Integer, List<String>> anchors) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, body.length()));
        for (Integer at : anchors.keySet()) {
            cuts.add(Math.max(0, Math.min(body.length(), at)));
        }
        java.util.Set<String> markIds = new java.util.HashSet<>();
        for (Mark m : marks) {
            if (m.id() != null) {
                markIds.add(m.id());
            }
            cuts.add(Math.max(0, Math.min(body.length(), m.start())));
            cuts.add(Math.max(0, Math.min(body.length(), m.end())));
        }
        marks.sort(Comparator.comparingInt(Mark::start).thenComparing(Comparator.comparingInt(Mark::end).reversed()));
        List<Mark> active = new ArrayList<>();
        int next = 0;
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                int s = prev;
                for (String id : anchors.getOrDefault(s, List.of())) {
                    if (!markIds.contains(id)) {
                        b.append("<span id=\"").append(id).append("\"></span>"); // a passage inside a merged mark
                    }
                }
                active.removeIf(m -> m.end() <= s);
                while (next < marks.size() && marks.get(next).start() <= s) {
                    if (marks.get(next).end() > s) {
                        active.add(marks.get(next));
                    }
                    next++;
                }
                StringBuilder close = new StringBuilder();
                for (Mark m : active) {
                    boolean first = m.start() == s;
                    String tag = m.href() != null ? "a" : "span";
                    b.append('<').append(tag).append(" class=\"").append(m.cls()).append('"');
                    if (first && m.id() != null) {
                        b.append(" id=\"").append(m.id()).append('"');
                    }
                    if (m.href() != null) {
                        b.append(" href=\"").append(m.href()).append('"');
                    }
                    b.append(" title=\"").append(esc(m.title())).append("\">");
                    if (first && m.label() != null) {
                        b.append("<sup class=\"who\">").append(esc(m.label())).append("</sup>");
                    }
                    close.insert(0, "</" + tag + ">");
                }
                b.append(esc(body.substring(s, cut)));
                b.append(close);
            }
            prev = cut;
        }
    }

    /** The in-page anchor of a section of a multi-story page. */
    private static String segmentAnchor(org.parallax.stories.Segment g) {
        return "seg-" + g.article() + "-" + g.index();
    }

    private static String range(java.time.LocalDate first, java.time.LocalDate last) {
        if (first == null) {
            return "date unknown";
        }
        return last == null || last.equals(first) ? first.toString() : first + " – " + last;
    }

    /** One side of one reused passage in one article: where it is, its anchor, its counterpart. */
    private record Side(int start, int end, String anchor, String other, String otherAnchor, boolean source) {
    }

    private static List<Side> sides(String articleId, List<ReuseLink> links) {
        List<Side> out = new ArrayList<>();
        for (ReuseLink l : links) {
            for (int i = 0; i < l.passages().size(); i++) {
                Passage p = l.passages().get(i);
                if (l.source().equals(articleId)) {
                    out.add(new Side(p.sourceStart(), p.sourceEnd(), anchor(l, i, "s"), l.target(), anchor(l, i, "t"), true));
                }
                if (l.target().equals(articleId)) {
                    out.add(new Side(p.targetStart(), p.targetEnd(), anchor(l, i, "t"), l.source(), anchor(l, i, "s"), false));
                }
            }
        }
        out.sort(Comparator.comparingInt(Side::start).thenComparingInt(Side::end));
        return out;
    }

    /**
     * Overlapping passages shared with many articles become one highlight, linked to the
     * first counterpart and naming up to five (a paragraph reprinted by a hundred outlets is
     * one mark, not a hundred nested ones).
     */
    private static List<Mark> reuseMarks(String articleId, List<ReuseLink> links) {
        List<Mark> out = new ArrayList<>();
        List<Side> sides = sides(articleId, links);
        int i = 0;
        while (i < sides.size()) {
            Side first = sides.get(i);
            int end = first.end;
            java.util.LinkedHashSet<String> others = new java.util.LinkedHashSet<>();
            boolean anySource = false;
            int j = i;
            while (j < sides.size() && sides.get(j).start < end) {
                end = Math.max(end, sides.get(j).end);
                others.add(sides.get(j).other);
                anySource |= sides.get(j).source;
                j++;
            }
            List<String> named = others.stream().limit(5).toList();
            String title = (anySource ? "also in " : "shared with ") + String.join(", ", named)
                    + (others.size() > named.size() ? " and " + (others.size() - named.size()) + " more" : "");
            out.add(new Mark(first.start, end, anySource ? "reuse src" : "reuse tgt", first.anchor,
                    "#" + first.otherAnchor, title, null));
            i = j;
        }
        return out;
    }

    private static String anchor(ReuseLink l, int i, String side) {
        return "r-" + l.source() + "-" + l.target() + "-" + i + "-" + side;
    }

    private static String orUnknown(String s) {
        return s == null ? "outlet unknown" : s;
    }

    private static String esc(String s) {
        return s == null ? "" : Entities.escape(s);
    }

    private static final String CSS = """
            body{font:15px/1.5 system-ui,sans-serif;margin:0 1.5em;color:#222}
            header h1{margin-bottom:0}
            .columns{display:flex;gap:1em;overflow-x:auto;align-items:flex-start}
            .col{flex:0 0 28em;border:1px solid #ccc;border-radius:6px;padding:.6em .9em;background:#fff}
            .meta{font-size:.85em;color:#555}.id{font-weight:bold;color:#000}
            .body{white-space:pre-wrap}
            .reuse{background:#fff3b0;color:inherit;text-decoration:none;border-bottom:2px solid #e0b000}
            a.reuse:target,span:target{outline:3px solid #e06000}
            .quote{background:#dcefff}.quote.partial{background:#eef6ff}.quote.indirect{background:#f0f0f0}
            .who{font-size:.7em;color:#035;background:#bfe0ff;border-radius:3px;padding:0 .25em;margin-right:.2em}
            .claim{text-decoration:underline dotted #c00 2px}.loaded{background:#fde0e0;border-bottom:2px solid #c00}
            .segment{border-top:2px solid #9a6}
            .qgroup{border-left:3px solid #7ab;padding:.1em .6em;margin:.5em 0}.qgroup ol{margin:.2em 0}
            .flag{color:#900;font-size:.85em}.ok{color:#070;font-size:.85em}
            ins{background:#d4f7d4;text-decoration:none}del{background:#fbd5d5}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .5em;font-size:.9em}
            details.removed{margin-top:.8em;font-size:.85em;color:#555}
            .rm pre{white-space:pre-wrap;margin:.2em 0 .6em;background:#f7f7f7;padding:.3em}
            .kind{font-weight:bold;text-transform:uppercase;font-size:.8em}
            .problems{color:#900}
            .tabs{margin:.6em 0 1em}.tabs>input{position:absolute;opacity:0}
            .tabs>label{display:inline-block;padding:.25em .8em;margin-right:.2em;border:1px solid #ccc;border-bottom:none;
            border-radius:6px 6px 0 0;cursor:pointer;background:#f3f3f3}
            .tabs>input:checked+label{background:#fff;font-weight:bold}.tabs>input:focus-visible+label{outline:2px solid #36c}
            .tabs>.panel{display:none;border:1px solid #ccc;padding:.5em .9em;max-height:36em;overflow:auto}
            .tabs>input:nth-of-type(1):checked~.panel:nth-of-type(1),.tabs>input:nth-of-type(2):checked~.panel:nth-of-type(2),
            .tabs>input:nth-of-type(3):checked~.panel:nth-of-type(3),.tabs>input:nth-of-type(4):checked~.panel:nth-of-type(4),
            .tabs>input:nth-of-type(5):checked~.panel:nth-of-type(5),.tabs>input:nth-of-type(6):checked~.panel:nth-of-type(6),
            .tabs>input:nth-of-type(7):checked~.panel:nth-of-type(7){display:block}
            .ref{background:#f1ecff}.ref:target{outline:3px solid #e06000}
            tr.conflict td,tr.drift td{background:#fff1f0}
            .matrix td{text-align:center}.matrix td:first-child{text-align:left}
            """;
}
