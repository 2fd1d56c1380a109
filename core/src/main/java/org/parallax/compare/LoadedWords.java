package org.parallax.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.text.PartsOfSpeech;

/**
 * Loaded and evaluative words in the outlet's own words, from two documented word lists kept as
 * data (a sentiment lexicon was tried and dropped: on real political news, the words of strong
 * valence are the event's own words — "war", "killed", "best", "strong" — far more often than the outlet's
 * judgement):
 * <ul>
 *   <li>{@code label} — the evaluative list ({@code evaluative.txt}: delegitimising labels,
 *       moral judgement, certainty markers), words and phrases;</li>
 *   <li>{@code reporting verb} — verbs of saying that judge the speech ({@code reporting-verbs.txt}:
 *       "complained", "insisted", "lashed out"), only where the part-of-speech model reads a verb;</li>
 * </ul>
 * Never a name: a word capitalised inside a sentence, or that the model reads as a proper noun
 * ("Shields", "Slaughter"), is skipped. Words the caller marks as reported (inside quotation
 * marks, a quotation's content, a reported clause) are not the outlet's and are skipped.
 * Whether a word is a choice of the outlet at all — other outlets of the event tell the same
 * thing without it — is the caller's contrast ({@link Comparer}). Thread-safe.
 */
public final class LoadedWords {
    /** A loaded word: its words as written (lower case), offsets into the sentence, its list. */
    public record Hit(String term, int start, int end, String kind) {
    }

    public static final String LABEL = "label";
    public static final String REPORTING_VERB = "reporting verb";

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’\\-]*\\p{L}|\\p{L}");

    private final Map<String, List<String[]>> phrases = new HashMap<>(); // first word -> phrases (as words)
    private final Map<String, List<String[]>> setPhrases = new HashMap<>(); // any word -> set phrases holding it
    private final Map<String, String> verbs = new HashMap<>();            // form (with particle) -> base
    private final java.util.Set<String> beforeStatement = new java.util.HashSet<>(); // forms that judge only before one

    private static final class Holder {
        static final LoadedWords DEFAULT = new LoadedWords(CompareConfig.defaults().evaluativeTerms());
    }

    /** The lists of this package with the evaluative terms of the default configuration. */
    public static LoadedWords defaults() {
        return Holder.DEFAULT;
    }

    /** The reporting verbs of this package with {@code evaluativeTerms} as labels. */
    public LoadedWords(List<String> evaluativeTerms) {
        for (String t : evaluativeTerms) {
            boolean set = t.startsWith("!");
            String[] w = t.toLowerCase(Locale.ROOT).substring(set ? 1 : 0).strip().split("\\s+");
            if (set) {
                for (String x : w) {
                    setPhrases.computeIfAbsent(x, k -> new ArrayList<>()).add(w);
                }
            } else {
                phrases.computeIfAbsent(w[0], k -> new ArrayList<>()).add(w);
            }
        }
        for (String line : lines("reporting-verbs.txt")) {
            boolean statement = line.endsWith("~");
            String[] w = line.replaceFirst("\\s*~$", "").split("\\s+");
            String base = w[0];
            boolean particle = w.length == 2 && !forms(base).isEmpty() && isParticle(w[1]);
            List<String> forms = w.length > 1 && !particle ? List.of(w).subList(1, w.length) : forms(base);
            for (String f : forms) {
                verbs.put(particle ? f + " " + w[1] : f, particle ? base + " " + w[1] : base);
                if (statement) {
                    beforeStatement.add(f);
                }
            }
        }
    }

    private static boolean isParticle(String w) {
        return switch (w) {
            case "out", "off", "aside", "against", "into", "up", "down", "back" -> true;
            default -> false;
        };
    }

    /** The regular forms of an English verb: base, -s, -ed, -ing. */
    static List<String> forms(String base) {
        String s;
        String ed;
        String ing;
        if (base.endsWith("y") && base.length() > 2 && "aeiou".indexOf(base.charAt(base.length() - 2)) < 0) {
            String stem = base.substring(0, base.length() - 1);
            s = stem + "ies";
            ed = stem + "ied";
            ing = base + "ing";
        } else if (base.endsWith("e")) {
            s = base + "s";
            ed = base + "d";
            ing = base.endsWith("ee") ? base + "ing" : base.substring(0, base.length() - 1) + "ing";
        } else {
            s = base.matches(".*(?:s|sh|ch|x|z)") ? base + "es" : base + "s";
            ed = base + "ed";
            ing = base + "ing";
        }
        return List.of(base, s, ed, ing);
    }

    /**
     * The loaded words of {@code text} (one sentence) outside the characters {@code reported}
     * marks (null: none), in order.
     */
    public List<Hit> find(String text, boolean[] reported) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        List<Hit> candidates = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int[] w = words.get(i);
            if (reported != null && reported[w[0]]) {
                continue;
            }
            String word = norm(lower.substring(w[0], w[1]));
            if (inSetPhrase(lower, words, i, word)) {
                continue;
            }
            Hit label = phrase(lower, words, i, word);
            if (label != null) {
                candidates.add(label);
                continue;
            }
            if (i + 1 < words.size()) {
                String two = word + " " + norm(lower.substring(words.get(i + 1)[0], words.get(i + 1)[1]));
                if (verbs.containsKey(two)) {
                    candidates.add(new Hit(two, w[0], words.get(i + 1)[1], REPORTING_VERB));
                    continue;
                }
            }
            if (verbs.containsKey(word) && (!beforeStatement.contains(word) || statementAfter(text, lower, w[1]))) {
                candidates.add(new Hit(word, w[0], w[1], REPORTING_VERB));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<PartsOfSpeech.Token> tokens = PartsOfSpeech.tag(text);
        List<Hit> out = new ArrayList<>();
        for (Hit h : candidates) {
            PartsOfSpeech.Token t = tokenAt(tokens, h.start());
            if (t == null || "PROPN".equals(t.tag()) || capitalisedInside(text, tokens, t)) {
                continue;
            }
            boolean keep = !h.kind().equals(REPORTING_VERB) || "VERB".equals(t.tag());
            if (keep && (reported == null || !reported[Math.max(h.start(), h.end() - 1)])) {
                out.add(h);
            }
        }
        return out;
    }

    private static final Pattern STATEMENT = Pattern.compile(
            "^(?:\\s*(?:,|:|\"|“|‘|—|that\\b|to\\b|he\\b|she\\b|it\\b|they\\b|we\\b|i\\b|you\\b|there\\b|in\\b|on\\b|last\\b|at\\b|during\\b|repeatedly\\b|privately\\b|publicly\\b)|\\s*$)");

    /** Whether a statement follows the verb ending at {@code end}: a clause, a quotation, or the verb's adjuncts before one. */
    private static boolean statementAfter(String text, String lower, int end) {
        return STATEMENT.matcher(lower.substring(end)).find();
    }

    /** Whether word {@code i} stands in a set phrase ("terrorist attacks": a kind of attack, no label on anyone). */
    private boolean inSetPhrase(String lower, List<int[]> words, int i, String word) {
        for (String[] p : setPhrases.getOrDefault(word, List.of())) {
            for (int at = 0; at < p.length; at++) {
                if (!p[at].equals(word) || i - at < 0 || i - at + p.length > words.size()) {
                    continue;
                }
                boolean all = true;
                for (int k = 0; k < p.length && all; k++) {
                    int[] w = words.get(i - at + k);
                    all = norm(lower.substring(w[0], w[1])).equals(p[k]);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The evaluative phrase starting at word {@code i}, longest first, or null. */
    private Hit phrase(String lower, List<int[]> words, int i, String word) {
        List<String[]> list = phrases.get(word);
        if (list == null) {
            return null;
        }
        String[] best = null;
        for (String[] p : list) {
            if (i + p.length > words.size() || (best != null && p.length <= best.length)) {
                continue;
            }
            boolean all = true;
            for (int k = 1; k < p.length && all; k++) {
                int[] w = words.get(i + k);
                all = norm(lower.substring(w[0], w[1])).equals(p[k]);
            }
            if (all) {
                best = p;
            }
        }
        if (best == null) {
            return null;
        }
        int end = words.get(i + best.length - 1)[1];
        return new Hit(String.join(" ", best), words.get(i)[0], end, LABEL);
    }

    private static String norm(String w) {
        return w.replace('’', '\'');
    }

    private static PartsOfSpeech.Token tokenAt(List<PartsOfSpeech.Token> tokens, int start) {
        for (PartsOfSpeech.Token t : tokens) {
            if (t.start() <= start && start < t.end()) {
                return t;
            }
        }
        return null;
    }

    /** A capitalised word that does not open the sentence (after any opening marks): a name. */
    private static boolean capitalisedInside(String text, List<PartsOfSpeech.Token> tokens, PartsOfSpeech.Token t) {
        if (!Character.isUpperCase(text.charAt(t.start()))) {
            return false;
        }
        for (PartsOfSpeech.Token x : tokens) {
            if (x == t) {
                return false;
            }
            if (Character.isLetterOrDigit(x.text().charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = LoadedWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
