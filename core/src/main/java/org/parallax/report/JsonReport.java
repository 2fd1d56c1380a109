package org.parallax.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parallax.compare.Comparison;
import org.parallax.compare.Figure;
import org.parallax.compare.FigureGroup;
import org.parallax.compare.FramingRow;
import org.parallax.compare.SummaryItem;
import org.parallax.compare.Unit;
import org.parallax.compare.Coverage;
import org.parallax.compare.VoiceSpan;
import org.parallax.extract.Article;
import org.parallax.extract.BodyRun;
import org.parallax.extract.Removed;
import org.parallax.model.Problem;
import org.parallax.model.Span;
import org.parallax.quotes.Entity;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteGroup;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseClusters;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.Event;
import org.parallax.stories.Story;
import org.parallax.text.Annotated;

/** The JSON report: the contract of DESIGN.md, every field documented in docs/report.md. */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static void write(Analysis a, Writer out) throws IOException {
        MAPPER.writeValue(out, tree(a));
    }

    public static ObjectNode tree(Analysis a) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generator", "parallax");
        ArrayNode arts = root.putArray("articles");
        for (Annotated d : a.articles()) {
            ObjectNode n = article(d);
            // The article this one reprints (near-duplicate), so independent sources can be counted.
            n.put("duplicateOf", a.duplicateOf().get(d.id()));
            arts.add(n);
        }
        ArrayNode reuse = root.putArray("reuse");
        for (ReuseLink l : a.reuse()) {
            ObjectNode n = reuse.addObject();
            n.put("source", l.source());
            n.put("target", l.target());
            n.put("kind", l.kind());
            n.put("direction", l.direction().label());
            n.put("confidence", l.confidence());
            n.put("evidence", l.evidence());
            n.put("sharedWords", l.sharedWords());
            n.put("targetCoverage", l.targetCoverage());
            n.put("sourceCoverage", l.sourceCoverage());
            n.put("duplicate", l.duplicate());
            ArrayNode ps = n.putArray("passages");
            for (Passage p : l.passages()) {
                ObjectNode pn = ps.addObject();
                pn.put("sourceStart", p.sourceStart());
                pn.put("sourceEnd", p.sourceEnd());
                pn.put("targetStart", p.targetStart());
                pn.put("targetEnd", p.targetEnd());
                pn.put("sourceWords", p.sourceWords());
                pn.put("targetWords", p.targetWords());
                pn.put("similarity", p.similarity());
                pn.put("quotation", p.quotation());
                ObjectNode ed = pn.putObject("edits");
                ed.put("matched", p.edits().matched());
                ed.put("substituted", p.edits().substituted());
                ed.put("added", p.edits().added());
                ed.put("dropped", p.edits().dropped());
            }
        }
        ArrayNode clusters = root.putArray("reuseClusters");
        for (ReuseClusters.Cluster c : a.reuseClusters()) {
            ObjectNode n = clusters.addObject();
            n.put("id", c.id());
            n.put("origin", c.origin());
            ArrayNode ca = n.putArray("articles");
            c.articles().forEach(ca::add);
            ArrayNode ms = n.putArray("members");
            for (ReuseClusters.Occurrence o : c.members()) {
                ObjectNode m = ms.addObject();
                m.put("article", o.article());
                m.put("start", o.start());
                m.put("end", o.end());
            }
        }
        ArrayNode ents = root.putArray("entities");
        for (Entity e : a.quotes().entities()) {
            ents.add(entity(e));
        }
        ArrayNode quotes = root.putArray("quotes");
        Map<String, String> groupOf = a.quotes().groupOf();
        for (Quote q : a.quotes().quotes()) {
            quotes.add(quote(q, groupOf.get(q.id())));
        }
        ArrayNode groups = root.putArray("quoteGroups");
        for (QuoteGroup g : a.quotes().groups()) {
            groups.add(quoteGroup(g));
        }
        ArrayNode figs = root.putArray("figures");
        Map<String, Figure> figureById = new HashMap<>();
        for (Figure f : a.figures()) {
            figureById.put(f.id(), f);
            figs.add(figure(f));
        }
        ArrayNode stories = root.putArray("stories");
        for (Story s : a.stories()) {
            ObjectNode n = stories.addObject();
            n.put("id", s.id());
            n.put("title", s.title());
            n.put("date", s.date() == null ? null : s.date().toString());
            n.put("last", s.last() == null ? null : s.last().toString());
            ArrayNode sa = n.putArray("articles");
            s.articles().forEach(sa::add);
            if (s.edited()) {
                n.put("edited", true);
                ArrayNode ed = n.putArray("edits");
                s.edits().forEach(ed::add);
            }
            ArrayNode evs = n.putArray("events");
            for (Event e : s.events()) {
                ObjectNode en = evs.addObject();
                en.put("id", e.id());
                en.put("title", e.title());
                en.put("date", e.date() == null ? null : e.date().toString());
                en.put("last", e.last() == null ? null : e.last().toString());
                ArrayNode ea = en.putArray("articles");
                e.articles().forEach(ea::add);
                ArrayNode segs = en.putArray("segments");
                for (org.parallax.stories.Segment g : e.segments()) {
                    ObjectNode gn = segs.addObject();
                    gn.put("id", g.id());
                    gn.put("article", g.article());
                    gn.put("cue", g.cue());
                    gn.put("start", g.start());
                    gn.put("end", g.end());
                    if (g.heading() != null) {
                        gn.put("heading", g.heading());
                    }
                }
            }
        }
        ArrayNode comps = root.putArray("comparisons");
        for (Comparison c : a.comparisons()) {
            Story story = a.stories().stream().filter(s -> s.id().equals(c.story())).findFirst().orElse(null);
            comps.add(comparison(c, story, figureById));
        }
        ArrayNode problems = root.putArray("problems");
        for (Problem p : a.problems()) {
            ObjectNode n = problems.addObject();
            n.put("source", p.source());
            n.put("stage", p.stage());
            n.put("reason", p.reason());
        }
        return root;
    }

    /** An entity as the report writes it ({@code entities[]}). */
    public static ObjectNode entity(Entity e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", e.id());
        n.put("name", e.name());
        n.put("type", e.type().label());
        e.aliases().forEach(n.putArray("aliases")::add);
        if (e.aliases().isEmpty()) {
            n.putArray("aliases");
        }
        ArrayNode ea = n.putArray("articles");
        e.articles().forEach(ea::add);
        ArrayNode em = n.putArray("mentions");
        for (Entity.EntityMention m : e.mentions()) {
            ObjectNode mn = em.addObject();
            mn.put("article", m.article());
            mn.put("start", m.start());
            mn.put("end", m.end());
            mn.put("text", m.text());
        }
        return n;
    }

    /** A quote as the report writes it ({@code quotes[]}); {@code group} its quote group or null. */
    public static ObjectNode quote(Quote q, String group) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", q.id());
        n.put("article", q.articleId());
        n.put("start", q.start());
        n.put("end", q.end());
        n.put("text", q.text());
        n.put("kind", q.kind().label());
        n.put("speaker", q.speaker());
        n.put("speakerText", q.speakerText());
        if (q.speakerStart() >= 0) {
            n.put("speakerStart", q.speakerStart());
            n.put("speakerEnd", q.speakerEnd());
        } else {
            n.putNull("speakerStart");
            n.putNull("speakerEnd");
        }
        n.put("cue", q.cue());
        n.put("group", group);
        return n;
    }

    /** A quote group as the report writes it ({@code quoteGroups[]}). */
    public static ObjectNode quoteGroup(QuoteGroup g) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", g.id());
        g.quotes().forEach(n.putArray("quotes")::add);
        n.put("first", g.first());
        g.articles().forEach(n.putArray("articles")::add);
        g.speakers().forEach(n.putArray("speakers")::add);
        ArrayNode vs = n.putArray("variants");
        for (QuoteGroup.Variant v : g.variants()) {
            ObjectNode vn = vs.addObject();
            vn.put("quote", v.quote());
            vn.put("base", v.base());
            vn.put("verbatim", v.verbatim());
            vn.put("excerpt", v.excerpt());
            vn.put("altered", v.altered());
            vn.put("similarity", v.similarity());
            vn.put("cut", v.cut());
            v.splicedFrom().forEach(vn.putArray("splicedFrom")::add);
            if (v.speakerFrom() != null) {
                ObjectNode sc = vn.putObject("speakerChanged");
                sc.put("from", v.speakerFrom());
                sc.put("to", v.speakerTo());
            } else {
                vn.putNull("speakerChanged");
            }
            ArrayNode cs = vn.putArray("changes");
            for (QuoteGroup.Change c : v.changes()) {
                ObjectNode cn = cs.addObject();
                cn.put("type", c.type().label());
                cn.put("text", c.text());
                cn.put("start", c.start());
                cn.put("end", c.end());
                cn.put("baseText", c.baseText());
                cn.put("baseStart", c.baseStart());
                cn.put("baseEnd", c.baseEnd());
            }
        }
        return n;
    }

    private static ObjectNode article(Annotated d) {
        Article ar = d.article();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", ar.id());
        n.put("source", ar.source());
        n.put("outlet", ar.outlet());
        n.put("domain", ar.domain());
        n.put("url", ar.url());
        n.put("title", ar.title());
        n.put("published", ar.published() == null ? null : ar.published().toString());
        n.put("language", d.text().language());
        n.put("body", ar.body());
        ArrayNode map = n.putArray("bodyMap");
        for (BodyRun r : ar.bodyMap()) {
            map.addArray().add(r.bodyStart()).add(r.documentStart()).add(r.length());
        }
        n.set("removed", removed(ar));
        n.set("sentences", spans(d.text().sentences()));
        n.set("paragraphs", spans(d.text().paragraphs()));
        n.put("tokens", d.text().tokens().size());
        return n;
    }

    /** An article's removed regions as the report writes them (also used by `parallax extract`). */
    public static ArrayNode removed(Article ar) {
        ArrayNode removed = MAPPER.createArrayNode();
        for (Removed r : ar.removed()) {
            ObjectNode rn = removed.addObject();
            rn.put("kind", r.kind().label());
            rn.put("documentStart", r.documentStart());
            rn.put("documentEnd", r.documentEnd());
            rn.put("text", r.text());
        }
        return removed;
    }

    private static ArrayNode spans(List<Span> spans) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (Span s : spans) {
            arr.addArray().add(s.start()).add(s.end());
        }
        return arr;
    }

    /** A figure as the report writes it ({@code figures[]}). */
    public static ObjectNode figure(Figure f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", f.id());
        n.put("article", f.article());
        n.put("start", f.start());
        n.put("end", f.end());
        n.put("text", f.text());
        n.set("value", value(f));
        n.put("approximate", f.approximate());
        n.put("qualifier", f.qualifier());
        n.put("unit", f.unit());
        n.put("about", f.what().isEmpty() ? f.unit() : f.what());
        n.put("attributedTo", "outlet".equals(f.sourceKind()) ? "outlet" : f.source());
        ObjectNode src = n.putObject("source");
        src.put("kind", f.sourceKind());
        src.put("entity", f.source());
        src.put("text", f.sourceText());
        src.put("start", f.sourceStart());
        src.put("end", f.sourceEnd());
        n.putArray("sentence").add(f.sentenceStart()).add(f.sentenceEnd());
        return n;
    }

    /** A number for a point value, else [low, high] with null for an open side. */
    private static JsonNode value(Figure f) {
        if (f.low() != null && f.low().equals(f.high())) {
            return MAPPER.getNodeFactory().numberNode(f.low());
        }
        ArrayNode v = MAPPER.createArrayNode();
        if (f.low() == null) {
            v.addNull();
        } else {
            v.add(f.low());
        }
        if (f.high() == null) {
            v.addNull();
        } else {
            v.add(f.high());
        }
        return v;
    }

    /** A group of figures as the report writes it ({@code comparisons[].figureGroups[]}). */
    public static ObjectNode figureGroup(FigureGroup g, Map<String, Figure> figureById) {
        ObjectNode gn = MAPPER.createObjectNode();
        gn.put("id", g.id());
        Figure first = figureById.get(g.figures().get(0));
        gn.put("about", first.what().isEmpty() ? g.unit() : first.what());
        gn.put("unit", g.unit());
        gn.put("status", g.status());
        gn.put("compatible", g.compatible());
        gn.put("independent", g.independent());
        ArrayNode arts = gn.putArray("articles");
        g.articles().forEach(arts::add);
        ArrayNode fs = gn.putArray("figures");
        ArrayNode vs = gn.putArray("values");
        for (String id : g.figures()) {
            fs.add(id);
            vs.add(value(figureById.get(id)));
        }
        ArrayNode drift = gn.putArray("drift");
        for (List<String> d : g.drift()) {
            drift.addObject().put("from", d.get(0)).put("to", d.get(1));
        }
        return gn;
    }

    private static ArrayNode figureGroups(List<FigureGroup> groups, Map<String, Figure> figureById, boolean conflictsOnly) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (FigureGroup g : groups) {
            if (conflictsOnly && (g.status().equals("agree") || g.status().equals("consistent"))) {
                continue;
            }
            arr.add(figureGroup(g, figureById));
        }
        return arr;
    }

    private static ObjectNode comparison(Comparison c, Story story, Map<String, Figure> figureById) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("story", c.story());
        ArrayNode voice = n.putArray("voice");
        for (VoiceSpan v : c.voice()) {
            ObjectNode vn = voice.addObject();
            vn.put("article", v.article());
            vn.put("start", v.start());
            vn.put("end", v.end());
            vn.put("text", v.text());
            vn.put("label", v.label().label());
            vn.put("source", v.source());
            vn.put("sourceText", v.sourceText());
            if (!v.loaded().isEmpty()) {
                ArrayNode t = vn.putArray("terms");
                v.terms().forEach(t::add);
                ArrayNode lw = vn.putArray("loaded");
                for (org.parallax.compare.LoadedWords.Hit h : v.loaded()) {
                    lw.addObject().put("term", h.term()).put("kind", h.kind()).put("start", h.start()).put("end", h.end());
                }
            }
        }
        n.set("conflicts", figureGroups(c.figureGroups(), figureById, true));
        n.set("figureGroups", figureGroups(c.figureGroups(), figureById, false));
        ArrayNode framing = n.putArray("framing");
        for (FramingRow r : c.framing()) {
            ObjectNode rn = framing.addObject();
            rn.put("referent", r.referent());
            rn.put("label", r.label());
            rn.put("kind", r.kind());
            rn.put("slot", r.slot());
            ObjectNode terms = rn.putObject("terms");
            ObjectNode evidence = rn.putObject("evidence");
            r.terms().forEach((article, uses) -> {
                ArrayNode t = terms.putArray(article);
                ArrayNode ev = evidence.putArray(article);
                for (FramingRow.TermUse u : uses) {
                    t.add(u.term());
                    ObjectNode un = ev.addObject();
                    un.put("term", u.term());
                    un.put("count", u.count());
                    un.put("quoted", u.quoted());
                    ArrayNode sp = un.putArray("spans");
                    u.spans().forEach(x -> sp.addArray().add(x[0]).add(x[1]));
                }
            });
        }
        ArrayNode cov = n.putArray("coverage");
        for (Coverage cv : c.coverage()) {
            ObjectNode cn = cov.addObject();
            cn.put("article", cv.article());
            cn.put("outlet", cv.outlet());
            cn.put("sentences", cv.sentences());
            cn.put("attributed", cv.attributed());
            cn.put("own", cv.own());
            cn.put("unattributedClaims", cv.unattributedClaims());
            cn.put("quotes", cv.quotes());
            cn.put("ownShare", cv.ownShare());
            ArrayNode uq = cn.putArray("unique");
            cv.unique().forEach(uq::add);
            ArrayNode om = cn.putArray("omitted");
            cv.omitted().forEach(om::add);
        }
        ArrayNode units = n.putArray("units");
        for (Unit u : c.units()) {
            ObjectNode un = units.addObject();
            un.put("id", u.id());
            un.put("text", u.text());
            un.put("article", u.article());
            un.put("start", u.start());
            un.put("end", u.end());
            un.put("independent", u.independent());
            ArrayNode src = un.putArray("sources");
            u.sources().forEach(src::add);
            ArrayNode ua = un.putArray("articles");
            u.articles().forEach(ua::add);
            un.put("attributed", u.attributed());
            un.put("contested", u.contested());
            ArrayNode lk = un.putArray("links");
            u.links().forEach(lk::add);
            ArrayNode ss = un.putArray("sentences");
            for (Unit.Sentence x : u.sentences()) {
                ss.addObject().put("article", x.article()).put("start", x.start()).put("end", x.end())
                        .put("voice", x.voice());
            }
        }
        ArrayNode summary = n.putArray("summary");
        for (SummaryItem si : c.summary()) {
            ObjectNode sn = summary.addObject();
            sn.put("unit", si.unit());
            sn.put("text", si.text());
            sn.put("article", si.article());
            sn.put("start", si.start());
            sn.put("end", si.end());
            sn.put("independent", si.independent());
            ArrayNode src = sn.putArray("sources");
            si.sources().forEach(src::add);
            sn.put("voice", si.voice());
        }
        ArrayNode timeline = n.putArray("timeline");
        if (story != null) {
            for (Event e : story.events()) {
                ObjectNode tn = timeline.addObject();
                tn.put("date", e.date() == null ? null : e.date().toString());
                tn.put("event", e.id());
                tn.put("title", e.title());
                ArrayNode ta = tn.putArray("articles");
                e.articles().forEach(ta::add);
            }
        }
        return n;
    }

    /** Entity id to canonical name, for presenting speakers. */
    static Map<String, String> entityNames(Analysis a) {
        Map<String, String> m = new HashMap<>();
        a.quotes().entities().forEach(e -> m.put(e.id(), e.name()));
        return m;
    }
}
