package org.parallax.cli;

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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.parallax.extract.Article;
import org.parallax.quotes.Entity;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteConfig;
import org.parallax.quotes.QuoteKind;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;
import org.parallax.text.TextConfig;

/**
 * Scores the quote stage on PolNeAR (brat attribution relations: Source, Cue, Content; see the
 * corpus README). Units and matching, all on character offsets into the article text:
 * <ul>
 *   <li><b>direct quotes</b>: each quoted stretch of a gold Content (a Content fragment that
 *       opens and closes with a quote mark) against each quote the stage calls direct;
 *       exact match of the text inside the marks (surrounding white space and punctuation
 *       ignored);</li>
 *   <li><b>direct quote with speaker</b>: as above, and the stage's speaker is right: its
 *       speaker mention overlaps the gold Source, or its resolved entity carries the surname
 *       of the gold source's name (the Source itself, or for a pronoun or role noun the
 *       nearest named gold Source before it);</li>
 *   <li><b>pronoun/role resolution</b>: over gold attributions whose Source is a pronoun or
 *       a role noun ("he", "the official", "the Republican nominee": a determiner and a
 *       common-noun head) with a named gold Source before it, the share for
 *       which the stage's quote over that content resolves to an entity with that name's
 *       surname;</li>
 *   <li><b>content</b>: every gold Content fragment against every quote content of any kind
 *       (direct, partial, indirect), exact match as above; a partial quote inside one of our
 *       reported-speech contents belongs to that attribution and is not counted again.</li>
 * </ul>
 * Gold offsets count Unicode code points (brat); they are converted to Java string offsets.
 */
final class QuoteBench {
    private QuoteBench() {
    }

    record Prf(int matched, int predicted, int gold) {
        double p() {
            return predicted == 0 ? 0 : (double) matched / predicted;
        }

        double r() {
            return gold == 0 ? 0 : (double) matched / gold;
        }

        double f() {
            return p() + r() == 0 ? 0 : 2 * p() * r() / (p() + r());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P %.1f  R %.1f  F1 %.1f  (%d of %d predicted, %d gold)",
                    100 * p(), 100 * r(), 100 * f(), matched, predicted, gold);
        }
    }

    /**
     * @param found         resolvable sources whose attribution the stage finds with the same
     *                      speaker words (its speaker mention overlaps the gold Source)
     * @param resolvedFound of those, the ones resolved right: resolution once the attribution is found
     */
    record Result(String split, int docs, Prf direct, Prf directSpeaker, int resolvable, int resolved, int found,
                  int resolvedFound, Prf content, double seconds, double cpuSeconds, long peakHeap) {
        double resolution() {
            return resolvable == 0 ? 0 : (double) resolved / resolvable;
        }
    }

    /** One gold attribution: its content fragments and its source span (null when none). */
    record Gold(List<int[]> content, int[] source, String sourceText, String cueText, List<int[]> cue) {
        Gold(List<int[]> content, int[] source, String sourceText) {
            this(content, source, sourceText, null, List.of());
        }
    }

    record Doc(String name, String text, List<Gold> gold) {
    }

    static List<Doc> load(Path polnear, String split) throws IOException {
        List<Doc> out = new ArrayList<>();
        for (String s : split.equals("all") ? List.of("train", "dev") : List.of(split)) {
            Path dir = polnear.resolve(s);
            List<Path> texts;
            try (Stream<Path> st = Files.list(dir.resolve("text"))) {
                texts = st.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            List<Path> anns;
            try (Stream<Path> st = Files.list(dir.resolve("attributions"))) {
                anns = st.filter(p -> p.toString().endsWith(".ann")).sorted().toList();
            }
            for (Path t : texts) {
                String name = t.getFileName().toString().replaceFirst("\\.txt$", "");
                Path ann = anns.stream().filter(a -> a.getFileName().toString().startsWith(name + "_")).findFirst()
                        .orElse(null);
                if (ann == null) {
                    continue;
                }
                String text = Files.readString(t, StandardCharsets.UTF_8);
                out.add(new Doc(name, text, parse(Files.readAllLines(ann, StandardCharsets.UTF_8), text)));
            }
        }
        return out;
    }

    private static final Pattern TAB = Pattern.compile("\t");

    static List<Gold> parse(List<String> lines, String text) {
        Map<String, List<int[]>> spans = new HashMap<>();
        for (String line : lines) {
            String[] f = TAB.split(line, -1);
            if (f.length < 2 || !f[0].startsWith("T")) {
                continue;
            }
            int sp = f[1].indexOf(' ');
            if (sp < 0) {
                continue;
            }
            List<int[]> frags = new ArrayList<>();
            for (String frag : f[1].substring(sp + 1).split(";")) {
                String[] be = frag.trim().split(" ");
                int b = Integer.parseInt(be[0]);
                int e = Integer.parseInt(be[1]);
                frags.add(new int[] {charIndex(text, b), charIndex(text, e)});
            }
            spans.put(f[0], frags);
        }
        List<Gold> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = TAB.split(line, -1);
            if (f.length < 2 || !f[0].startsWith("E")) {
                continue;
            }
            List<int[]> content = null;
            int[] source = null;
            String cue = null;
            List<int[]> cueSpans = List.of();
            for (String part : f[1].trim().split(" ")) {
                int colon = part.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String role = part.substring(0, colon);
                List<int[]> s = spans.get(part.substring(colon + 1));
                if (s == null) {
                    continue;
                }
                if (role.startsWith("Content")) {
                    content = s;
                } else if (role.startsWith("Source")) {
                    source = new int[] {s.get(0)[0], s.get(s.size() - 1)[1]};
                } else if (role.startsWith("Cue")) {
                    cue = text.substring(s.get(0)[0], s.get(s.size() - 1)[1]);
                    cueSpans = s;
                }
            }
            if (content != null) {
                out.add(new Gold(content, source, source == null ? null : text.substring(source[0], source[1]), cue,
                        cueSpans));
            }
        }
        return out;
    }

    /** The Java string index of code point {@code cp} (brat counts code points). */
    private static int charIndex(String text, int cp) {
        try {
            return text.offsetByCodePoints(0, cp);
        } catch (IndexOutOfBoundsException e) {
            return Math.min(cp, text.length());
        }
    }

    /**
     * Scores one split. Speed is the fastest of three timed passes (text analysis and the
     * quotes stage over the whole split) after at least three seconds of warm-up passes, so
     * that it measures the code and not the JIT compiler working beside it.
     */
    static Result run(Path polnear, String split) throws IOException {
        return run(polnear, split, true);
    }

    /** With {@code timed} false, one pass and no warm-up: the scores without a speed worth quoting. */
    static Result run(Path polnear, String split, boolean timed) throws IOException {
        List<Doc> docs = load(polnear, split);
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (timed && System.nanoTime() < warmUntil) {
            pass(docs);
        }
        Measure.resetPeaks();
        QuoteResult qr = null;
        double seconds = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        for (int i = 0; i < (timed ? 3 : 1); i++) {
            long c0 = Measure.cpuNanos();
            long t0 = System.nanoTime();
            qr = pass(docs);
            seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
            cpu = Math.min(cpu, (Measure.cpuNanos() - c0) / 1e9);
        }
        long peak = Measure.peakHeap();
        return score(split, docs, qr, seconds, cpu, peak);
    }

    private static QuoteResult pass(List<Doc> docs) {
        List<Annotated> annotated = new ArrayList<>();
        for (Doc d : docs) {
            Article a = new Article(d.name(), d.name(), null, null, null, "", null, null, d.text(), List.of(), List.of());
            annotated.add(new Annotated(a, TextAnalyzer.analyze(a, TextConfig.defaults())));
        }
        return QuoteStage.run(annotated, QuoteConfig.defaults());
    }

    static Result score(String split, List<Doc> docs, QuoteResult qr, double seconds, double cpu, long peak) {
        Map<String, Entity> entities = new HashMap<>();
        qr.entities().forEach(e -> entities.put(e.id(), e));
        Map<String, List<Quote>> byDoc = new HashMap<>();
        qr.quotes().forEach(q -> byDoc.computeIfAbsent(q.articleId(), k -> new ArrayList<>()).add(q));
        int dMatched = 0;
        int dPred = 0;
        int dGold = 0;
        int sMatched = 0;
        int cMatched = 0;
        int cPred = 0;
        int cGold = 0;
        int resolvable = 0;
        int resolved = 0;
        int found = 0;
        int resolvedFound = 0;
        for (Doc d : docs) {
            String text = d.text();
            List<Quote> quotes = byDoc.getOrDefault(d.name(), List.of());
            // Gold units.
            Map<String, Gold> directGold = new HashMap<>();
            Set<String> contentGold = new HashSet<>();
            for (Gold g : d.gold()) {
                for (int[] f : g.content()) {
                    contentGold.add(key(text, f[0], f[1]));
                    if (quoted(text, f[0], f[1])) {
                        directGold.putIfAbsent(key(text, f[0], f[1]), g);
                    }
                }
            }
            dGold += directGold.size();
            cGold += contentGold.size();
            if (Boolean.getBoolean("parallax.debug.content")) {
                Set<String> ours = new HashSet<>();
                quotes.forEach(q -> ours.add(key(text, q.start(), q.end())));
                for (Gold g : d.gold()) {
                    for (int[] f : g.content()) {
                        if (!ours.contains(key(text, f[0], f[1])) && !quoted(text, f[0], f[1])) {
                            Quote near = overlapping(quotes, List.of(f));
                            System.out.printf("  MISSED src=%s | cue=%s | gold=[%s] | ours=[%s]%s%n", g.sourceText(), g.cueText(),
                                    text.substring(f[0], f[1]).replace('\n', ' '),
                                    near == null ? null : near.text().replace('\n', ' '),
                                    near == null && g.source() != null ? " | ctx=" + text.substring(
                                            Math.max(0, Math.min(f[0], g.source()[0]) - 60),
                                            Math.min(text.length(), Math.max(f[1], g.source()[1]) + 60)).replace('\n', '/') : "");
                        }
                    }
                }
            }
            Set<String> seenDirect = new HashSet<>();
            Set<String> seenContent = new HashSet<>();
            for (Quote q : quotes) {
                String k = key(text, q.start(), q.end());
                // A partial quote inside reported speech of ours is part of that attribution
                // (a mixed quote, as PolNeAR annotates it), not an attribution of its own.
                boolean nested = q.kind() == QuoteKind.PARTIAL && quotes.stream().anyMatch(o -> o != q
                        && o.kind() == QuoteKind.INDIRECT && o.start() <= q.start() && q.end() <= o.end());
                if (!nested && seenContent.add(k)) {
                    cPred++;
                    if (contentGold.contains(k)) {
                        cMatched++;
                    }
                }
                if (q.kind() == QuoteKind.DIRECT && seenDirect.add(k)) {
                    dPred++;
                    Gold g = directGold.get(k);
                    if (g == null && Boolean.getBoolean("parallax.debug")) {
                        System.out.printf("  FALSE DIRECT %s | %s%n", d.name().substring(0, Math.min(30, d.name().length())),
                                text.substring(Math.max(0, q.start() - 40), Math.min(text.length(), q.end() + 40)).replace('\n', ' '));
                    }
                    if (g != null) {
                        dMatched++;
                        if (speakerRight(q, g, d, entities)) {
                            sMatched++;
                        } else if (Boolean.getBoolean("parallax.debug")) {
                            Entity e = q.speaker() == null ? null : entities.get(q.speaker());
                            System.out.printf("  SPEAKER gold=%s | ours=%s -> %s | %s%n", g.sourceText(), q.speakerText(),
                                    e == null ? null : e.name(), Boolean.getBoolean("parallax.debug.context")
                                            ? (text.substring(Math.max(0, q.start() - 160), q.start()) + "[[Q]]"
                                            + text.substring(q.end(), Math.min(text.length(), q.end() + 120))).replace('\n', '/')
                                            : text.substring(q.start(), Math.min(q.end(), q.start() + 60)).replace('\n', ' '));
                        }
                    }
                }
            }
            // Pronoun and role-noun sources: resolved to the nearest named gold source before?
            for (Gold g : d.gold()) {
                if (g.source() == null || !pronounOrRole(g.sourceText())) {
                    continue;
                }
                String target = nearestNamed(d, g.source()[0]);
                if (target == null) {
                    continue;
                }
                resolvable++;
                Quote q = overlapping(quotes, g.content());
                boolean sameWords = q != null && q.speakerStart() >= 0 && q.speakerStart() < g.source()[1]
                        && g.source()[0] < q.speakerEnd();
                if (sameWords) {
                    found++;
                }
                if (q != null && q.speaker() != null && entities.containsKey(q.speaker())
                        && sameSurname(entities.get(q.speaker()), target)) {
                    resolved++;
                    if (sameWords) {
                        resolvedFound++;
                    }
                } else if (Boolean.getBoolean("parallax.debug")) {
                    int cs = g.content().get(0)[0];
                    System.out.printf("  UNRESOLVED %s -> %s | cue=%s | quote=%s spk=%s entity=%s | %s%n", g.sourceText(), target, g.cueText(),
                            q == null ? null : q.kind(), q == null ? null : q.speakerText(),
                            q == null || q.speaker() == null ? null : entities.get(q.speaker()).name(),
                            text.substring(Math.max(0, Math.min(cs, g.source()[0]) - 20),
                                    Math.min(text.length(), Math.max(cs, g.source()[1]) + 80)).replace('\n', ' '));
                }
            }
        }
        return new Result(split, docs.size(), new Prf(dMatched, dPred, dGold), new Prf(sMatched, dPred, dGold),
                resolvable, resolved, found, resolvedFound, new Prf(cMatched, cPred, cGold), seconds, cpu, peak);
    }

    private static boolean speakerRight(Quote q, Gold g, Doc d, Map<String, Entity> entities) {
        if (g.source() == null) {
            return false;
        }
        if (q.speakerStart() >= 0 && q.speakerStart() < g.source()[1] && g.source()[0] < q.speakerEnd()) {
            return true;
        }
        String target = pronounOrRole(g.sourceText()) ? nearestNamed(d, g.source()[0]) : g.sourceText();
        return target != null && q.speaker() != null && entities.containsKey(q.speaker())
                && sameSurname(entities.get(q.speaker()), target);
    }

    private static Quote overlapping(List<Quote> quotes, List<int[]> content) {
        Quote best = null;
        int bestOverlap = 0;
        for (Quote q : quotes) {
            for (int[] f : content) {
                int o = Math.min(q.end(), f[1]) - Math.max(q.start(), f[0]);
                if (o > bestOverlap) {
                    bestOverlap = o;
                    best = q;
                }
            }
        }
        return best;
    }

    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "i", "we", "you", "it", "him", "her",
            "them", "his", "its", "their", "who", "which", "that");
    private static final Pattern NAMED = Pattern.compile("\\p{Lu}\\p{L}+");

    /**
     * "he", "she", "the official", "a spokesman", "the Republican nominee": a pronoun, or a
     * phrase opening with a determiner whose head (last word) is a common noun — proper
     * adjectives before it do not make it a name.
     */
    static boolean pronounOrRole(String s) {
        String t = s.strip();
        if (PRONOUNS.contains(t.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String[] w = t.split("\\s+");
        if (w.length < 2 || !Set.of("the", "a", "an", "this", "that").contains(w[0].toLowerCase(Locale.ROOT))) {
            return false;
        }
        String head = w[w.length - 1].replaceAll("[’']s?$|[^\\p{L}]", "");
        return !head.isEmpty() && Character.isLowerCase(head.charAt(0));
    }

    /** The nearest gold Source before {@code at} that names someone (a capitalised name). */
    private static String nearestNamed(Doc d, int at) {
        String best = null;
        int bestStart = -1;
        for (Gold g : d.gold()) {
            if (g.source() == null || g.source()[0] >= at || pronounOrRole(g.sourceText())) {
                continue;
            }
            if (NAMED.matcher(g.sourceText()).find() && g.source()[0] > bestStart) {
                bestStart = g.source()[0];
                best = g.sourceText();
            }
        }
        return best;
    }

    /** Whether the entity's name or an alias shares the last capitalised word of {@code name}. */
    private static boolean sameSurname(Entity e, String name) {
        var m = NAMED.matcher(name);
        String last = null;
        while (m.find()) {
            last = m.group().toLowerCase(Locale.ROOT);
        }
        if (last == null) {
            return false;
        }
        List<String> forms = new ArrayList<>(e.aliases());
        forms.add(e.name());
        for (String f : forms) {
            for (String w : f.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (w.equals(last)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String MARKS = "\"“”„‟«»'‘’‚‛";

    /** A fragment that is a quotation: it opens and closes with quote marks. */
    static boolean quoted(String text, int s, int e) {
        String t = text.substring(s, e).strip();
        while (!t.isEmpty() && ".,;:!?)".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t.length() >= 2 && "\"“„«".indexOf(t.charAt(0)) >= 0 && "\"”»".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** A span compared without surrounding white space, punctuation and quote marks. */
    static String key(String text, int s, int e) {
        int a = Math.max(0, s);
        int b = Math.min(text.length(), e);
        while (a < b && trim(text.charAt(a))) {
            a++;
        }
        while (b > a && trim(text.charAt(b - 1))) {
            b--;
        }
        return a + ":" + b;
    }

    private static boolean trim(char c) {
        return Character.isWhitespace(c) || MARKS.indexOf(c) >= 0 || ".,;:!?()—–-".indexOf(c) >= 0;
    }

    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "polnear %s: %d documents%n", r.split(), r.docs());
        out.printf(Locale.ROOT, "  direct-quote span (exact)        %s%n", r.direct());
        out.printf(Locale.ROOT, "  direct quote + correct speaker   %s%n", r.directSpeaker());
        out.printf(Locale.ROOT, "  pronoun/role resolution          %.1f%%  (%d of %d)%n", 100 * r.resolution(), r.resolved(),
                r.resolvable());
        out.printf(Locale.ROOT, "    of attributions found with that speaker mention: %.1f%% (%d of %d)%n",
                r.found() == 0 ? 0 : 100.0 * r.resolvedFound() / r.found(), r.resolvedFound(), r.found());
        out.printf(Locale.ROOT, "  content exact match, all kinds   %s%n", r.content());
        out.printf(Locale.ROOT, "  speed %.1f documents/s (%.1f per CPU-second; text analysis + quote stage, best of 3 warm passes),"
                        + " peak heap %.0f MB%n", r.docs() / Math.max(1e-9, r.seconds()),
                r.docs() / Math.max(1e-9, r.cpuSeconds()), r.peakHeap() / 1e6);
    }
}
