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

    public static void write(Analysis a, Writer w) throws IOException {
        Map<String, String> names = JsonReport.entityNames(a);
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
        for (Story s : a.stories()) {
            story(b, a, s, names);
        }
        b.append("</body></html>\n");
        w.write(b.toString());
    }

    private static void story(StringBuilder b, Analysis a, Story s, Map<String, String> names) {
        b.append("<section class=\"story\" id=\"").append(s.id()).append("\"><h2>").append(esc(s.title()))
                .append("</h2>\n<h3>Timeline</h3><ol class=\"timeline\">");
        for (Event e : s.events()) {
            b.append("<li><b>").append(e.date() == null ? "date unknown" : e.date().toString()).append("</b> ")
                    .append(esc(e.title())).append(" <small>(").append(String.join(", ", e.articles()))
                    .append(")</small></li>");
        }
        b.append("</ol>\n");
        List<ReuseLink> links = a.reuse().stream()
                .filter(l -> s.articles().contains(l.source()) && s.articles().contains(l.target())).toList();
        if (!links.isEmpty()) {
            b.append("<h3>Shared text</h3><table class=\"reuse\"><tr><th>source</th><th>target</th><th>direction</th>")
                    .append("<th>evidence</th><th>target covered</th><th>passages</th></tr>");
            for (ReuseLink l : links) {
                b.append("<tr><td>").append(l.source()).append("</td><td>").append(l.target()).append("</td><td>")
                        .append(l.direction().label()).append(" (").append(l.confidence()).append(")</td><td>")
                        .append(esc(l.evidence())).append("</td><td>").append(Math.round(l.targetCoverage() * 100))
                        .append("%</td><td>");
                for (int i = 0; i < l.passages().size(); i++) {
                    b.append("<a href=\"#").append(anchor(l, i, "t")).append("\">").append(i + 1).append("</a> ");
                }
                b.append("</td></tr>");
            }
            b.append("</table>\n");
        }
        Comparison cmp = a.comparisons().stream().filter(c -> c.story().equals(s.id())).findFirst().orElse(null);
        if (cmp != null) {
            b.append("<h3>Voice</h3><table class=\"coverage\"><tr><th>article</th><th>outlet</th><th>sentences</th>")
                    .append("<th>attributed</th><th>own voice</th><th>unattributed claims</th><th>quotes</th></tr>");
            for (Coverage c : cmp.coverage()) {
                b.append("<tr><td>").append(c.article()).append("</td><td>").append(esc(orUnknown(c.outlet())))
                        .append("</td><td>").append(c.sentences()).append("</td><td>").append(c.attributed())
                        .append("</td><td>").append(c.own()).append("</td><td>").append(c.unattributedClaims())
                        .append("</td><td>").append(c.quotes()).append("</td></tr>");
            }
            b.append("</table>\n");
        }
        b.append("<div class=\"columns\">\n");
        for (String id : s.articles()) {
            Annotated d = a.articles().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            column(b, a, d, links, cmp, names);
        }
        b.append("</div></section>\n");
    }

    private static void column(StringBuilder b, Analysis a, Annotated d, List<ReuseLink> links, Comparison cmp,
                               Map<String, String> names) {
        Article ar = d.article();
        b.append("<article class=\"col\" id=\"").append(ar.id()).append("\"><div class=\"meta\"><span class=\"id\">")
                .append(ar.id()).append("</span> ").append(esc(orUnknown(ar.outlet()))).append(" · ")
                .append(ar.published() == null ? "date unknown" : ar.published().toString()).append(" · ")
                .append(d.text().language()).append("<br><small>").append(esc(ar.source())).append("</small></div>")
                .append("<h4>").append(esc(ar.title())).append("</h4>\n<div class=\"body\">");
        List<Mark> marks = new ArrayList<>();
        for (ReuseLink l : links) {
            for (int i = 0; i < l.passages().size(); i++) {
                Passage p = l.passages().get(i);
                if (l.source().equals(ar.id())) {
                    marks.add(new Mark(p.sourceStart(), p.sourceEnd(), "reuse src", anchor(l, i, "s"),
                            "#" + anchor(l, i, "t"), "also in " + l.target() + " (similarity " + p.similarity() + ")", null));
                }
                if (l.target().equals(ar.id())) {
                    marks.add(new Mark(p.targetStart(), p.targetEnd(), "reuse tgt", anchor(l, i, "t"),
                            "#" + anchor(l, i, "s"), "shared with " + l.source() + " (" + l.direction().label() + ")", null));
                }
            }
        }
        for (Quote q : a.quotes().quotes()) {
            if (q.articleId().equals(ar.id())) {
                String who = q.speaker() == null ? (q.speakerText() == null ? "unknown speaker" : q.speakerText())
                        : names.getOrDefault(q.speaker(), q.speaker());
                marks.add(new Mark(q.start(), q.end(), "quote " + q.kind().label(), q.id(), null,
                        q.kind().label() + " quote · " + who + (q.cue() == null ? "" : " · " + q.cue()), who));
            }
        }
        if (cmp != null) {
            for (VoiceSpan v : cmp.voice()) {
                if (v.article().equals(ar.id()) && v.label() == VoiceLabel.UNATTRIBUTED_CLAIM) {
                    marks.add(new Mark(v.start(), v.end(), "claim", null, null,
                            "own voice, unattributed: " + String.join(", ", v.terms()), null));
                }
            }
        }
        render(b, ar.body(), marks);
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

    /** Writes the body with every mark as nested spans over the segments between boundaries. */
    private static void render(StringBuilder b, String body, List<Mark> marks) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, body.length()));
        for (Mark m : marks) {
            cuts.add(Math.max(0, Math.min(body.length(), m.start())));
            cuts.add(Math.max(0, Math.min(body.length(), m.end())));
        }
        marks.sort(Comparator.comparingInt(Mark::start).thenComparing(Comparator.comparingInt(Mark::end).reversed()));
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                int s = prev;
                List<Mark> active = marks.stream().filter(m -> m.start() <= s && s < m.end()).toList();
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
            .claim{text-decoration:underline dotted #c00 2px}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .5em;font-size:.9em}
            details.removed{margin-top:.8em;font-size:.85em;color:#555}
            .rm pre{white-space:pre-wrap;margin:.2em 0 .6em;background:#f7f7f7;padding:.3em}
            .kind{font-weight:bold;text-transform:uppercase;font-size:.8em}
            .problems{color:#900}
            """;
}
