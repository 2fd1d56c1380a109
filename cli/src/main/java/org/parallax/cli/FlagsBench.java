package org.parallax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parallax.compare.CompareConfig;
import org.parallax.compare.CompareResult;
import org.parallax.compare.Comparer;
import org.parallax.compare.Comparison;
import org.parallax.compare.Coverage;
import org.parallax.compare.Figure;
import org.parallax.compare.FigureGroup;
import org.parallax.compare.SummaryItem;
import org.parallax.compare.Unit;
import org.parallax.compare.VoiceLabel;
import org.parallax.compare.VoiceSpan;
import org.parallax.quotes.Entity;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteConfig;
import org.parallax.quotes.QuoteGroup;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.Story;
import org.parallax.stories.StoryClusterer;
import org.parallax.stories.StoryConfig;
import org.parallax.text.Annotated;

/**
 * The red flags of a whole analysis on real news mixed with unrelated pages: BASIL dev (50
 * events, each by three outlets, with bias annotations) and the one-page-a-site distractors in
 * one corpus, every stage with its defaults. A flag joining articles of different gold events
 * (a BASIL triplet, or a page of its own) is false by construction; the BASIL annotations score
 * the rest (speakers of quotations, loaded words in the outlet's own voice, informational bias
 * in what only one article carries, the same quotation across the outlets of one event).
 */
final class FlagsBench {
    private FlagsBench() {
    }

    /** A BASIL span mapped into our article body. */
    record Span(String article, String bias, int start, int end, String text, boolean quote, String speaker) {
    }

    /** Everything measured, for printing and for the gate. */
    record Result(int articles, int stories, int conflicts, int conflictsAcross, int conflictsWithPage,
                  int alteredVariants, int alteredAcross, int corroborated, int corroboratedAcross,
                  double groupPurity, int quoteGroups, int sameQuotePairs, int sameQuotePairsLinked,
                  int quotationPassages, int quotationPassagesMarked, int links, int linksAcross,
                  int namedQuotes, int namedQuotesFound, int namedQuotesRight,
                  int flagged, int flaggedInLex, int lexSpans, int lexSpansFound,
                  double infInUnique, double baseUnique, List<String> listing) {
        double speakerAccuracy() {
            return namedQuotesFound == 0 ? 0 : (double) namedQuotesRight / namedQuotesFound;
        }

        double pairRecall() {
            return sameQuotePairs == 0 ? 1 : (double) sameQuotePairsLinked / sameQuotePairs;
        }

        double marked() {
            return quotationPassages == 0 ? 1 : (double) quotationPassagesMarked / quotationPassages;
        }

        double loadedP() {
            return flagged == 0 ? 0 : (double) flaggedInLex / flagged;
        }

        double loadedR() {
            return lexSpans == 0 ? 0 : (double) lexSpansFound / lexSpans;
        }

        double lift() {
            return baseUnique == 0 ? 0 : infInUnique / baseUnique;
        }
    }

    static Result run(Path basilDir, Path wcxb) throws IOException {
        StorySets.Labelled basil = StorySets.basil(basilDir);
        StorySets.Labelled pages = StorySets.distractors(wcxb, 10_000);
        List<Annotated> docs = new ArrayList<>(basil.docs());
        docs.addAll(pages.docs());
        Map<String, String> event = new HashMap<>();
        basil.gold().forEach((id, g) -> event.put(id, g.event()));
        pages.gold().forEach((id, g) -> event.put(id, g.event()));
        Set<String> isPage = new HashSet<>(pages.gold().keySet());
        Map<String, Annotated> byId = new HashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));

        List<ReuseLink> reuse = ReuseFinder.find(docs, ReuseConfig.defaults());
        List<Story> stories = StoryClusterer.cluster(docs, reuse, StoryConfig.defaults());
        QuoteResult quotes = org.parallax.stories.EventIndex.groupQuotes(QuoteStage.run(docs, QuoteConfig.defaults(), false), stories, docs);
        CompareResult compared = Comparer.compare(stories, docs, quotes, reuse, CompareConfig.defaults());
        List<String> listing = new ArrayList<>();

        // Figures: conflicts, and those that join different events or an unrelated page.
        Map<String, Figure> figures = new HashMap<>();
        compared.figures().forEach(f -> figures.put(f.id(), f));
        int conflicts = 0;
        int conflictsAcross = 0;
        int conflictsWithPage = 0;
        for (Comparison c : compared.comparisons()) {
            for (FigureGroup g : c.figureGroups()) {
                if (!"conflict".equals(g.status())) {
                    continue;
                }
                conflicts++;
                boolean across = events(g.articles(), event) > 1;
                boolean page = g.articles().stream().anyMatch(isPage::contains);
                conflictsAcross += across ? 1 : 0;
                conflictsWithPage += across && page ? 1 : 0;
                StringBuilder b = new StringBuilder(across ? "FALSE conflict " : "conflict ");
                for (String id : g.figures()) {
                    Figure f = figures.get(id);
                    b.append(" | ").append(f.article()).append(": ").append(f.text()).append(" [").append(f.unit()).append(']');
                }
                listing.add(b.toString());
            }
        }

        // Quotes: altered variants and same-quotation groups.
        Map<String, Quote> quoteById = new HashMap<>();
        quotes.quotes().forEach(q -> quoteById.put(q.id(), q));
        int altered = 0;
        int alteredAcross = 0;
        double pure = 0;
        int grouped = 0;
        int groups = 0;
        Map<String, String> groupOf = quotes.groupOf();
        for (QuoteGroup g : quotes.groups()) {
            if (g.articles().size() < 2) {
                continue;
            }
            groups++;
            Map<String, Integer> byEvent = new HashMap<>();
            g.quotes().forEach(q -> byEvent.merge(event.get(quoteById.get(q).articleId()), 1, Integer::sum));
            pure += byEvent.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            grouped += g.quotes().size();
            for (QuoteGroup.Variant v : g.variants()) {
                if (!v.altered()) {
                    continue;
                }
                altered++;
                Quote q = quoteById.get(v.quote());
                Quote base = quoteById.get(v.base());
                boolean across = !event.get(q.articleId()).equals(event.get(base.articleId()));
                alteredAcross += across ? 1 : 0;
                listing.add((across ? "FALSE altered " : "altered ") + base.articleId() + ": “" + clip(base.text()) + "” → "
                        + q.articleId() + ": “" + clip(q.text()) + "”");
            }
        }

        // Summary items said to have two or more independent sources.
        int corroborated = 0;
        int corroboratedAcross = 0;
        for (Comparison c : compared.comparisons()) {
            Map<String, Unit> units = new HashMap<>();
            c.units().forEach(u -> units.put(u.id(), u));
            for (SummaryItem s : c.summary()) {
                if (s.independent() < 2) {
                    continue;
                }
                corroborated++;
                Unit u = units.get(s.unit());
                boolean across = u != null && events(u.articles(), event) > 1;
                corroboratedAcross += across ? 1 : 0;
                if (across) {
                    listing.add("FALSE corroborated " + u.articles() + ": " + clip(s.text()));
                }
            }
        }

        // Reuse: links across events, and passages inside quotations on both sides.
        int linksAcross = 0;
        int quotationPassages = 0;
        int marked = 0;
        for (ReuseLink l : reuse) {
            boolean across = !event.get(l.source()).equals(event.get(l.target()));
            linksAcross += across ? 1 : 0;
            if (across) {
                Passage p0 = l.passages().get(0);
                listing.add("FALSE reuse " + l.source() + " → " + l.target() + " (" + l.kind() + ", " + l.sharedWords()
                        + " words): " + clip(byId.get(l.source()).article().body().substring(p0.sourceStart(), p0.sourceEnd())));
            }
            String sb = byId.get(l.source()).article().body();
            String tb = byId.get(l.target()).article().body();
            for (Passage p : l.passages()) {
                if (quoted(sb, p.sourceStart(), p.sourceEnd()) >= 0.8 && quoted(tb, p.targetStart(), p.targetEnd()) >= 0.8) {
                    quotationPassages++;
                    marked += p.quotation() ? 1 : 0;
                }
            }
        }

        // BASIL annotations.
        List<Span> spans = spans(basilDir, byId);
        Map<String, Entity> entities = new HashMap<>();
        quotes.entities().forEach(e -> entities.put(e.id(), e));
        Map<String, List<Quote>> quotesOf = new HashMap<>();
        quotes.quotes().forEach(q -> quotesOf.computeIfAbsent(q.articleId(), k -> new ArrayList<>()).add(q));
        int named = 0;
        int namedFound = 0;
        int namedRight = 0;
        for (Span s : spans) {
            if (!s.quote() || !person(s.speaker())) {
                continue;
            }
            named++;
            Quote q = quotesOf.getOrDefault(s.article(), List.of()).stream()
                    .filter(x -> x.start() < s.end() && s.start() < x.end()).findFirst().orElse(null);
            if (q == null) {
                continue;
            }
            namedFound++;
            boolean right = q.speaker() != null && sameSurname(entities.get(q.speaker()), s.speaker());
            namedRight += right ? 1 : 0;
            if (!right && listing.size() < 100_000) {
                listing.add("speaker " + s.article() + ": gold " + s.speaker() + ", found "
                        + (q.speaker() == null ? q.speakerText() : entities.get(q.speaker()).name()) + " | " + clip(s.text()));
            }
        }
        // Same quotation in two outlets of one event: gold pairs of BASIL quote spans.
        int pairs = 0;
        int linked = 0;
        List<Span> quoted = spans.stream().filter(Span::quote).toList();
        for (int i = 0; i < quoted.size(); i++) {
            for (int j = i + 1; j < quoted.size(); j++) {
                Span a = quoted.get(i);
                Span b = quoted.get(j);
                if (a.article().equals(b.article()) || !event.get(a.article()).equals(event.get(b.article()))
                        || !sameWords(a.text(), b.text())) {
                    continue;
                }
                pairs++;
                Set<String> ga = groupsOver(a, quotesOf, groupOf);
                Set<String> gb = groupsOver(b, quotesOf, groupOf);
                boolean foundA = quotesOf.getOrDefault(a.article(), List.of()).stream()
                        .anyMatch(q -> q.start() < a.end() && a.start() < q.end());
                boolean foundB = quotesOf.getOrDefault(b.article(), List.of()).stream()
                        .anyMatch(q -> q.start() < b.end() && b.start() < q.end());
                Set<String> both = new HashSet<>(ga);
                both.retainAll(gb);
                linked += both.isEmpty() ? 0 : 1;
                if (both.isEmpty()) {
                    listing.add("same quotation not linked (" + (foundA ? "found" : "not found") + "/" + (foundB ? "found"
                            : "not found") + ", groups " + ga + "/" + gb + ") " + a.article() + " | " + b.article() + ": "
                            + clip(a.text()) + " || " + clip(b.text()));
                }
            }
        }
        // Loaded words in the outlet's own voice against lexical-bias spans outside quotations.
        Map<String, List<Span>> lexOf = new HashMap<>();
        spans.stream().filter(s -> s.bias().equals("lex") && !s.quote())
                .forEach(s -> lexOf.computeIfAbsent(s.article(), k -> new ArrayList<>()).add(s));
        int flagged = 0;
        int flaggedIn = 0;
        Set<Span> found = new HashSet<>();
        Set<String> basilIds = basil.gold().keySet();
        Map<String, Set<Long>> uniqueText = new HashMap<>(); // article -> sentence (start<<32|end) unique to it
        for (Comparison c : compared.comparisons()) {
            for (VoiceSpan v : c.voice()) {
                if (!basilIds.contains(v.article())) {
                    continue;
                }
                for (org.parallax.compare.LoadedWords.Hit h : v.loaded()) {
                    flagged++;
                    Span hit = lexOf.getOrDefault(v.article(), List.of()).stream()
                            .filter(x -> x.start() < h.end() && h.start() < x.end()).findFirst().orElse(null);
                    if (hit != null) {
                        flaggedIn++;
                        found.add(hit);
                        listing.add("loaded (in a lex span, " + h.kind() + ") " + v.article() + ": " + h.term() + " | "
                                + clip(v.text()));
                    } else if (listing.size() < 100_000) {
                        listing.add("loaded (not in a lex span, " + h.kind() + ") " + v.article() + ": " + h.term()
                                + " | " + clip(v.text()));
                    }
                }
            }
            Map<String, Unit> units = new HashMap<>();
            c.units().forEach(u -> units.put(u.id(), u));
            for (Coverage cov : c.coverage()) {
                for (String uid : cov.unique()) {
                    Unit u = units.get(uid);
                    if (u == null) {
                        continue;
                    }
                    for (Unit.Sentence s : u.sentences()) {
                        if (s.article().equals(cov.article())) {
                            uniqueText.computeIfAbsent(s.article(), k -> new HashSet<>()).add((long) s.start() << 32 | s.end());
                        }
                    }
                }
            }
        }
        int lexSpans = lexOf.values().stream().mapToInt(List::size).sum();
        // Informational bias in what only that article carries: share of inf spans in unique
        // sentences over the share of all sentences that are unique (BASIL articles).
        int inf = 0;
        int infUnique = 0;
        int sentences = 0;
        int unique = 0;
        for (String id : basilIds) {
            Annotated d = byId.get(id);
            Set<Long> u = uniqueText.getOrDefault(id, Set.of());
            for (org.parallax.model.Span s : d.text().sentences()) {
                sentences++;
                unique += u.contains((long) s.start() << 32 | s.end()) ? 1 : 0;
            }
        }
        for (Span s : spans) {
            if (!s.bias().equals("inf")) {
                continue;
            }
            inf++;
            Set<Long> u = uniqueText.getOrDefault(s.article(), Set.of());
            boolean in = false;
            for (long k : u) {
                int from = (int) (k >>> 32);
                int to = (int) k;
                in |= from < s.end() && s.start() < to;
            }
            infUnique += in ? 1 : 0;
        }
        return new Result(docs.size(), stories.size(), conflicts, conflictsAcross, conflictsWithPage, altered, alteredAcross,
                corroborated, corroboratedAcross, grouped == 0 ? 1 : pure / grouped, groups, pairs, linked,
                quotationPassages, marked, reuse.size(), linksAcross, named, namedFound, namedRight, flagged, flaggedIn,
                lexSpans, found.size(), inf == 0 ? 0 : (double) infUnique / inf,
                sentences == 0 ? 0 : (double) unique / sentences, listing);
    }

    static void print(Result r, boolean list, PrintStream out) {
        out.printf(Locale.ROOT, "flags: BASIL dev + distractors in one run (%d articles, %d stories)%n", r.articles(),
                r.stories());
        out.printf(Locale.ROOT, "  figure conflicts %d, between different events %d (with an unrelated page %d)    target 0%n",
                r.conflicts(), r.conflictsAcross(), r.conflictsWithPage());
        out.printf(Locale.ROOT, "  altered quote variants %d, between different events %d    target 0%n", r.alteredVariants(),
                r.alteredAcross());
        out.printf(Locale.ROOT, "  summary items with 2+ independent sources %d, between different events %d    target 0%n",
                r.corroborated(), r.corroboratedAcross());
        out.printf(Locale.ROOT, "  same-quotation groups %d, purity (one event) %.3f    target ≥ 0.97%n", r.quoteGroups(),
                r.groupPurity());
        out.printf(Locale.ROOT, "  same quotation in two outlets of one event: %d pairs, linked %.3f    target ≥ 0.90%n",
                r.sameQuotePairs(), r.pairRecall());
        out.printf(Locale.ROOT, "  reuse passages inside quotations on both sides %d, marked %.3f    target ≥ 0.95%n",
                r.quotationPassages(), r.marked());
        out.printf(Locale.ROOT, "  reuse links %d, between different events %d    target ≤ 1%n", r.links(), r.linksAcross());
        out.printf(Locale.ROOT, "  quotes of named persons (BASIL) %d, found %d, speaker right %.3f    target ≥ 0.92%n",
                r.namedQuotes(), r.namedQuotesFound(), r.speakerAccuracy());
        out.printf(Locale.ROOT, "  loaded words in own voice: %d flagged, precision %.3f; lex spans outside quotes %d,"
                + " recall %.3f    targets ≥ 0.5, ≥ 0.3%n", r.flagged(), r.loadedP(), r.lexSpans(), r.loadedR());
        out.printf(Locale.ROOT, "  informational bias in what only that article carries: %.3f of spans vs %.3f of"
                + " sentences, lift %.2f    target ≥ 1.5%n", r.infInUnique(), r.baseUnique(), r.lift());
        if (list) {
            r.listing().forEach(l -> out.println("  " + l));
        }
    }

    private static int events(List<String> articles, Map<String, String> event) {
        return (int) articles.stream().map(event::get).distinct().count();
    }

    /** Share of the characters of [from, to) inside quotation marks, from the marks alone. */
    static double quoted(String body, int from, int to) {
        if (to <= from) {
            return 0;
        }
        int para = body.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
        boolean open = false;
        int inside = 0;
        for (int i = para; i < to; i++) {
            char c = body.charAt(i);
            if (c == '“' || c == '"' && !open) {
                open = true;
            } else if (c == '”' || c == '"') {
                open = false;
            } else if (c == '\n') {
                open = false;
            } else if (i >= from && open) {
                inside++;
            }
        }
        return (double) inside / (to - from);
    }

    /** Words that make a BASIL speaker label a group or an organisation, not one named person. */
    private static final Set<String> GROUP = Set.of("party", "campaign", "officials", "official", "lawmakers",
            "republicans", "democrats", "department", "administration", "committee", "house", "senate", "congress",
            "media", "staff", "aides", "advocates", "supporters", "critics", "group", "groups", "members", "leaders",
            "now", "america", "americans", "and", "of", "the", "office", "agency", "council", "court", "state", "states",
            "union", "news", "times", "post", "network", "police", "government", "white");

    /** A BASIL speaker label naming one person: two to four capitalised words, none a group word. */
    static boolean person(String speaker) {
        if (speaker == null || speaker.isBlank() || speaker.startsWith("other")) {
            return false;
        }
        String[] parts = speaker.split("_");
        if (parts.length < 2 || parts.length > 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || !Character.isUpperCase(p.charAt(0)) || GROUP.contains(p.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameSurname(Entity e, String gold) {
        if (e == null) {
            return false;
        }
        String[] parts = gold.split("_");
        String surname = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        if (e.name().toLowerCase(Locale.ROOT).contains(surname)) {
            return true;
        }
        return e.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(surname));
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}']+");

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(s.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The same quotation: five words or more, and one's words a run (in order) of the other's. */
    private static boolean sameWords(String a, String b) {
        List<String> wa = words(a);
        List<String> wb = words(b);
        if (wa.size() < 5 || wb.size() < 5) {
            return false;
        }
        List<String> shorter = wa.size() <= wb.size() ? wa : wb;
        List<String> longer = wa.size() <= wb.size() ? wb : wa;
        return java.util.Collections.indexOfSubList(longer, shorter) >= 0;
    }

    private static Set<String> groupsOver(Span s, Map<String, List<Quote>> quotesOf, Map<String, String> groupOf) {
        Set<String> out = new HashSet<>();
        for (Quote q : quotesOf.getOrDefault(s.article(), List.of())) {
            if (q.start() < s.end() && s.start() < q.end() && groupOf.containsKey(q.id())) {
                out.add(groupOf.get(q.id()));
            }
        }
        return out;
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }

    /**
     * The BASIL spans, mapped from offsets into the .txt file to offsets into our article body
     * (the file's text found in the body near where the offset says; spans not found are left out).
     */
    static List<Span> spans(Path dir, Map<String, Annotated> byId) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Span> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("gold.jsonl"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = om.readTree(line);
                String id = "basil:" + n.get("file").asText();
                Annotated d = byId.get(id);
                if (d == null) {
                    continue;
                }
                String file = Files.readString(dir.resolve("docs").resolve(n.get("file").asText()), StandardCharsets.UTF_8);
                String body = d.article().body();
                int shift = shift(file, body);
                for (JsonNode s : n.path("spans")) {
                    String text = s.get("text").asText();
                    int at = locate(body, text, s.get("start").asInt() - shift);
                    if (at < 0) {
                        continue;
                    }
                    out.add(new Span(id, s.get("bias").asText(), at, at + text.length(), text,
                            "yes".equals(s.path("quote").asText()), s.path("speaker").asText()));
                }
            }
        }
        return out;
    }

    private static int shift(String file, String body) {
        String head = body.substring(0, Math.min(60, body.length()));
        int at = head.isEmpty() ? -1 : file.indexOf(head);
        return at < 0 ? 0 : at;
    }

    private static int locate(String body, String text, int near) {
        if (text.isEmpty()) {
            return -1;
        }
        if (near >= 0 && near + text.length() <= body.length() && body.startsWith(text, near)) {
            return near;
        }
        int best = -1;
        for (int at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
            if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) {
                best = at;
            }
        }
        return best;
    }
}
