package org.parallax.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.quotes.Entity;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteResult;
import org.parallax.text.Annotated;

/**
 * Framing contrasts within a story: how each article names the same referent.
 *
 * <p>Referents are aligned across articles through their names: the quote stage's resolved
 * entities, plus capitalised words outside them ("Marlow", "pro-Marlow"), where an adjective
 * joins the place it comes from by its first five letters ("Ruritanian" → Ruritania). Around each
 * mention three slots are read: the words it modifies ("Marlow <b>regime</b>", "Ruritanian
 * <b>government</b>"), the noun it completes ("the <b>fall</b> of Zenda", "the
 * <b>liberation</b> of a part of eastern Zenda") and the act done to it ("Zenda was
 * <b>liberated</b>", "<b>besieged</b> Zenda"). A slot where articles use different words is a
 * contrast. Families of alternative words from a general lexicon ({@code framing.txt}) and the
 * loaded words each article uses in its own voice complete the table.
 */
public final class Framing {
    private static final Pattern NAME = Pattern.compile("(?:(?:pro|anti)-)?\\p{Lu}[\\p{L}’'\\-]*\\p{L}|\\p{Lu}");
    private static final Pattern FOLLOW = Pattern.compile("^(?:['’]s)?\\s+(\\p{Ll}[\\p{Ll}\\-]+)(?:\\s+(\\p{Ll}[\\p{Ll}\\-]+))?");
    /** "X of": a whole lower-case word (never the tail of a capitalised one: "Secretary of State"). */
    private static final Pattern OF = Pattern.compile("(?<![\\p{L}\\p{N}'’\\-])(\\p{Ll}[\\p{Ll}\\-]+)\\s+of\\s+");
    /** A passive after the name: "the city has finally been liberated", "Zenda was captured". */
    private static final Pattern ACT_AFTER = Pattern.compile(
            "^(?:['’]s)?\\s+(?:(?:has|have|had|finally|now|fully|largely|reportedly)\\s+){0,2}"
            + "(?:was|were|is|are|been|being|be)\\s+(?:(?:finally|now|fully|largely|reportedly|been)\\s+){0,2}"
            + "(\\p{Ll}+ed)\\b");
    private static final Pattern ACT_BEFORE = Pattern.compile("\\b(\\p{Ll}+ed)\\s+(?:(?:the|of)\\s+)?(?:\\p{Ll}+\\s+)?$");
    /** Nouns of part or place that pass the "of" slot on to the noun before them ("part of", "outskirts of"). */
    private static final Set<String> PARTITIVE = Set.of("part", "parts", "most", "much", "rest", "some", "all", "half",
            "areas", "area", "districts", "district", "city", "cities", "outskirts", "centre", "center", "east", "west",
            "north", "south", "side", "neighbourhoods", "neighborhoods", "residents", "people", "citizens",
            "province", "region", "capital", "streets", "suburbs", "territory", "sections", "section", "one", "each",
            "many", "none", "number", "majority", "control", "countryside");
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "mr", "mrs", "ms", "dr");
    private static final Map<String, String> FAMILY = loadFamilies();
    private static final Pattern FAMILY_WORDS = familyPattern();
    /** Rows kept per story for each kind. */
    static final int MAX_ROWS = 40;

    private Framing() {
    }

    record Use(String article, String referent, String label, String slot, String term, int start, int end,
               boolean quoted) {
    }

    /** The framing table of one story. */
    public static List<FramingRow> rows(List<Annotated> docs, QuoteResult quotes, List<VoiceSpan> voice) {
        Map<String, List<Quote>> quotesByArticle = new HashMap<>();
        quotes.quotes().forEach(q -> quotesByArticle.computeIfAbsent(q.articleId(), k -> new ArrayList<>()).add(q));
        Set<String> ids = new HashSet<>();
        docs.forEach(d -> ids.add(d.id()));
        // Entity mentions in these articles, and the five-letter keys of entity names (for "Ruritanian" → Ruritania).
        Map<String, List<int[]>> mentionSpans = new HashMap<>();
        Map<String, List<Entity>> mentionEntity = new HashMap<>();
        Map<String, Entity> byKey = new HashMap<>();
        for (Entity e : quotes.entities()) {
            boolean here = false;
            for (Entity.EntityMention m : e.mentions()) {
                if (ids.contains(m.article()) && Character.isUpperCase(m.text().isEmpty() ? 'a' : m.text().charAt(0))) {
                    mentionSpans.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(new int[] {m.start(), m.end()});
                    mentionEntity.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(e);
                    here = true;
                }
            }
            if (here) {
                byKey.putIfAbsent(key(e.name()), e);
                e.aliases().forEach(a -> byKey.putIfAbsent(key(a), e));
            }
        }
        List<Use> uses = new ArrayList<>();
        for (Annotated d : docs) {
            String body = d.article().body();
            List<Quote> qs = quotesByArticle.getOrDefault(d.id(), List.of());
            List<int[]> spans = mentionSpans.getOrDefault(d.id(), List.of());
            List<Entity> ents = mentionEntity.getOrDefault(d.id(), List.of());
            int covered = 0;
            Matcher m = NAME.matcher(body);
            while (m.find()) {
                if (m.start() < covered) {
                    continue;
                }
                int s = m.start();
                int e = m.end();
                String referent = null;
                String label = null;
                for (int i = 0; i < spans.size(); i++) {
                    int[] sp = spans.get(i);
                    if (sp[0] <= s && s < sp[1]) {
                        referent = ents.get(i).id();
                        label = ents.get(i).name();
                        s = sp[0];
                        e = Math.max(e, sp[1]);
                        break;
                    }
                }
                if (referent == null) {
                    String word = m.group().replaceFirst("^(?:pro|anti)-", "");
                    String lower = word.toLowerCase(Locale.ROOT);
                    if (word.length() < 3 || Words.isStop(lower) || WEEKDAYS.contains(lower)
                            || FAMILY.containsKey(lower) || word.equals(word.toUpperCase(Locale.ROOT))) {
                        continue;
                    }
                    Entity ent = byKey.get(key(word));
                    referent = ent != null ? ent.id() : "name:" + key(word);
                    label = ent != null ? ent.name() : word;
                }
                covered = e;
                read(d.id(), body, referent, label, s, e, qs, uses);
            }
            Matcher f = FAMILY_WORDS.matcher(body.toLowerCase(Locale.ROOT));
            while (f.find()) {
                String fam = FAMILY.get(f.group());
                uses.add(new Use(d.id(), "family:" + fam, fam, fam, f.group(), f.start(), f.end(),
                        quoted(body, qs, f.start())));
            }
        }
        List<FramingRow> out = new ArrayList<>();
        out.addAll(contrasts(uses, "family", u -> u.referent().startsWith("family:")));
        out.addAll(contrasts(uses, "entity", u -> !u.referent().startsWith("family:")));
        FramingRow evaluative = evaluative(voice);
        if (evaluative != null) {
            out.add(evaluative);
        }
        return out;
    }

    /** The three slots around one mention {@code [s, e)}. */
    private static void read(String article, String body, String referent, String label, int s, int e,
                             List<Quote> quotes, List<Use> uses) {
        String after = body.substring(e, Math.min(body.length(), e + 60));
        boolean quoted = quoted(body, quotes, s);
        Matcher f = FOLLOW.matcher(after);
        if (f.find()) {
            String w1 = f.group(1);
            String w2 = f.group(2);
            String rest = after.substring(f.end());
            boolean verbLike = !w1.endsWith("ss") && (w1.endsWith("s") || w1.endsWith("ing"))
                    && OBJECT_START.matcher(rest).find() && w2 == null
                    || w1.endsWith("ing") && w2 == null || NOT_NAMES.contains(w1)
                    || !w1.endsWith("ss") && w1.endsWith("s") && w2 != null && w2.endsWith("ing");
            if (w2 != null && !nounLike(w2) && w1.endsWith("s") && !w1.endsWith("ss")) {
                verbLike |= OBJECT_START.matcher(" " + w2 + rest).find();
            }
            if (nounLike(w1) && !verbLike) {
                String term = w1;
                int end = e + f.end(1);
                if (w2 != null && nounLike(w2) && !w1.endsWith("s")) {
                    term = w1 + " " + w2; // "air force", "armed forces" stay whole
                    end = e + f.end(2);
                }
                if (!Character.isUpperCase(body.charAt(end < body.length() ? end : end - 1))) {
                    uses.add(new Use(article, referent, label, "name", term, s, end, quoted));
                }
            }
        }
        Matcher act = ACT_AFTER.matcher(after);
        if (act.find() && !Words.isStop(act.group(1)) && SpeechVerbs.find(act.group(1)).isEmpty()) {
            uses.add(new Use(article, referent, label, "act", act.group(1), s, e + act.end(1), quoted));
        }
        int from = Math.max(0, s - 90);
        String before = body.substring(from, s);
        Matcher ab = ACT_BEFORE.matcher(before);
        if (ab.find() && !Words.isStop(ab.group(1)) && SpeechVerbs.find(ab.group(1)).isEmpty()) {
            uses.add(new Use(article, referent, label, "act", ab.group(1), from + ab.start(1), e, quoted));
        }
        // The nearest "X of … <name>" with at most five words between, past partitives ("part of").
        List<int[]> ofs = new ArrayList<>();
        Matcher o = OF.matcher(before);
        while (o.find()) {
            ofs.add(new int[] {o.start(1), o.end(1), o.end()});
        }
        for (int i = ofs.size() - 1; i >= 0; i--) {
            int[] x = ofs.get(i);
            String between = before.substring(x[2]);
            if (between.contains(".") || between.contains(",") || between.contains(";")
                    || between.isBlank() == false && between.trim().split("\\s+").length > 5) {
                break;
            }
            String noun = before.substring(x[0], x[1]);
            if (PARTITIVE.contains(noun)) {
                continue;
            }
            if (noun.length() >= 4 && !Words.isStop(noun) && nounLike(noun)) {
                uses.add(new Use(article, referent, label, "of", noun, from + x[0], e, quoted));
            }
            break;
        }
    }

    /** A lower-case content word that can head a noun phrase: not a stop word, adverb or past form. */
    private static boolean nounLike(String w) {
        return w.length() >= 3 && !Words.isStop(w) && !w.endsWith("ly") && !(w.endsWith("ed") && !w.endsWith("eed"))
                && !FAMILY_VERBS.contains(w);
    }

    /** What follows a verb, not a noun: "Russia hopes <b>to</b>", "the US wants <b>the</b> …". */
    private static final Pattern OBJECT_START = Pattern.compile("^\\s+(?:to|that|the|a|an|his|her|its|their|our|this|"
            + "these|those|it|them|him|us|me|no|any|all|some|every|in|on|at|for|with|from|by|up|out|off|away|back)\\b");

    /** Words that follow names without naming anything: adverbs and common verbs. */
    private static final Set<String> NOT_NAMES = Set.of("apart", "still", "now", "then", "again", "alone", "meant",
            "use", "used", "uses", "made", "makes", "make", "show", "shows", "took", "takes", "take", "gave", "gives",
            "give", "got", "gets", "get", "went", "goes", "came", "comes", "come", "put", "puts", "set", "sets",
            "need", "needs", "must", "may", "might", "can", "cannot", "itself", "himself", "herself", "themselves",
            "instead", "together", "later", "today", "tomorrow", "yesterday", "last", "next", "first", "both",
            "either", "neither", "whose", "wish", "hope", "hopes", "wants", "want", "tries", "try", "tried", "seems",
            "seem", "knows", "know", "thinks", "think", "believes", "believe", "continues", "continue", "remains",
            "remain", "begins", "began", "begin", "avoids", "avoid", "supports", "support", "lost", "won", "wins");

    private static final Set<String> FAMILY_VERBS = Set.of("said", "says", "told", "added", "stressed", "noted",
            "insisted", "warned", "claimed", "argued", "announced", "reported", "has", "had", "have", "was", "were",
            "will", "would", "could", "also", "should", "did", "does", "tells", "wrote", "writes");

    /** Rows of one kind: per (referent, slot), the words each article uses, kept where articles differ. */
    private static List<FramingRow> contrasts(List<Use> uses, String kind, java.util.function.Predicate<Use> which) {
        Map<String, List<Use>> bySlot = new TreeMap<>();
        for (Use u : uses) {
            if (which.test(u)) {
                bySlot.computeIfAbsent(u.referent() + "\u0000" + u.slot(), k -> new ArrayList<>()).add(u);
            }
        }
        List<FramingRow> rows = new ArrayList<>();
        Map<FramingRow, Integer> weight = new HashMap<>();
        for (List<Use> list : bySlot.values()) {
            Map<String, Map<String, List<Use>>> byArticle = new LinkedHashMap<>();
            for (Use u : list) {
                byArticle.computeIfAbsent(u.article(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(u.term(), k -> new ArrayList<>()).add(u);
            }
            if (byArticle.size() < 2) {
                continue;
            }
            // A contrast: some word one article uses and another article, using this slot, does not.
            Set<String> all = new HashSet<>();
            byArticle.values().forEach(m -> all.addAll(m.keySet()));
            boolean differs = byArticle.values().stream().anyMatch(m -> !m.keySet().containsAll(all));
            if (!differs) {
                continue;
            }
            Map<String, List<FramingRow.TermUse>> terms = new LinkedHashMap<>();
            int total = 0;
            for (Map.Entry<String, Map<String, List<Use>>> e : byArticle.entrySet()) {
                List<FramingRow.TermUse> tu = new ArrayList<>();
                for (Map.Entry<String, List<Use>> t : e.getValue().entrySet()) {
                    List<int[]> spans = t.getValue().stream().map(u -> new int[] {u.start(), u.end()}).toList();
                    int quoted = (int) t.getValue().stream().filter(Use::quoted).count();
                    tu.add(new FramingRow.TermUse(t.getKey(), t.getValue().size(), quoted, spans));
                    total += t.getValue().size();
                }
                tu.sort(Comparator.comparingInt(FramingRow.TermUse::count).reversed()
                        .thenComparing(FramingRow.TermUse::term));
                terms.put(e.getKey(), tu);
            }
            Use first = list.get(0);
            String referent = first.referent();
            FramingRow row = new FramingRow(referent, first.label(), kind, first.slot(), terms);
            rows.add(row);
            weight.put(row, byArticle.size() * 1000 + all.size() * 10 + total);
        }
        rows.sort(Comparator.comparingInt((FramingRow r) -> weight.get(r)).reversed());
        return rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows;
    }

    /** Loaded words each article uses in its own words, in any sentence (the reporter's words around a quotation count). */
    private static FramingRow evaluative(List<VoiceSpan> voice) {
        Map<String, Map<String, List<int[]>>> byArticle = new LinkedHashMap<>();
        for (VoiceSpan v : voice) {
            for (LoadedWords.Hit h : v.loaded()) {
                byArticle.computeIfAbsent(v.article(), k -> new TreeMap<>())
                        .computeIfAbsent(h.term(), k -> new ArrayList<>()).add(new int[] {h.start(), h.end()});
            }
        }
        if (byArticle.isEmpty()) {
            return null;
        }
        Map<String, List<FramingRow.TermUse>> terms = new LinkedHashMap<>();
        byArticle.forEach((a, m) -> {
            List<FramingRow.TermUse> tu = new ArrayList<>();
            m.forEach((t, spans) -> tu.add(new FramingRow.TermUse(t, spans.size(), 0, spans)));
            tu.sort(Comparator.comparingInt(FramingRow.TermUse::count).reversed().thenComparing(FramingRow.TermUse::term));
            terms.put(a, tu);
        });
        return new FramingRow("evaluative", "loaded words in the outlet's own voice", "evaluative", "own voice", terms);
    }

    /** Whether {@code at} is inside a quotation the quote stage found, or inside quote marks on its line. */
    static boolean quoted(String body, List<Quote> quotes, int at) {
        for (Quote q : quotes) {
            if (q.kind() != org.parallax.quotes.QuoteKind.INDIRECT && q.start() <= at && at < q.end()) {
                return true;
            }
        }
        int line = body.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        return Comparer.insideQuoteMarks(body.substring(line, at), at - line);
    }

    /** First five letters, lower case: "Ruritanian" and "Ruritania" meet, so do "Russian" and "Russia". */
    static String key(String name) {
        String w = name.toLowerCase(Locale.ROOT).replaceFirst("['’]s$", "").replaceFirst("^(?:pro|anti)-", "");
        w = w.replaceFirst("^(?:al|el)-", "");
        String[] parts = w.split("\\s+");
        String last = parts[parts.length - 1];
        String head = parts.length > 1 ? parts[0] : last;
        return head.length() >= 5 ? head.substring(0, 5) : head;
    }

    private static Map<String, String> loadFamilies() {
        Map<String, String> out = new HashMap<>();
        try (var in = Framing.class.getResourceAsStream("framing.txt")) {
            if (in == null) {
                throw new IllegalStateException("framing.txt missing");
            }
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String family = line.substring(0, colon).strip();
                for (String t : line.substring(colon + 1).split(",")) {
                    out.put(t.strip().toLowerCase(Locale.ROOT), family);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }

    private static Pattern familyPattern() {
        List<String> terms = new ArrayList<>(FAMILY.keySet());
        terms.sort((a, b) -> b.length() - a.length());
        return Pattern.compile("(?<![\\p{L}\\-])(?:" + String.join("|", terms.stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}])");
    }
}
