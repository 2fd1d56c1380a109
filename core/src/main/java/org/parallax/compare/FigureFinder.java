package org.parallax.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Span;

/**
 * Finds figures — numbers that count or measure something — in a sentence: digits ("1,500",
 * "1.75 million", "$4.5bn", "40%", "33-year-old"), written-out numbers ("two hundred",
 * "twenty-five", "a dozen"), vague amounts ("dozens of", "tens of thousands of"), fractions
 * ("a third of", "two-thirds of"), ranges ("between 400 and 500", "400-500", "two or three")
 * and qualifiers ("some", "more than", "up to", "nearly").
 *
 * <p>Not figures: calendar dates and years, clock times, ordinals, numbers inside names and
 * identifiers ("M10", "F-16", "Resolution 2254"), list numbering, and "one" used as a
 * pronoun or determiner ("one of", "no one", "one day"). The rules are written for English.
 */
public final class FigureFinder {
    private FigureFinder() {
    }

    /** Words, numbers with inner punctuation ("1,500", "4.5bn", "400-500", "33-year-old"), or one symbol. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\d{1,3}(?:, \\d{3})+(?!\\d)|\\d{1,3}\\. \\d{1,2}(?=\\s+[a-z%])" // "5, 000", "6. 4 on": detokenised text
            + "|[\\p{L}\\p{N}]+(?:[.,'’\\-–/:][\\p{L}\\p{N}]+)*|[^\\s\\p{Z}]");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:, ?\\d{3})+|\\d+)(\\. ?\\d+)?");
    private static final Pattern WITH_SCALE = Pattern.compile(NUMBER.pattern() + "(k|m|mn|mln|bn|b|tn|million|billion)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile(NUMBER.pattern() + "[\\-–]" + NUMBER.pattern());
    private static final Pattern HYPHEN_UNIT = Pattern.compile(NUMBER.pattern() + "-(\\p{L}+(?:-\\p{L}+)*)");

    private static final Map<String, Integer> SMALL = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("dozen", 12));
    private static final Map<String, Double> SCALES = Map.of("hundred", 1e2, "thousand", 1e3, "million", 1e6,
            "billion", 1e9, "trillion", 1e12);
    private static final Map<String, Double> SUFFIX_SCALES = Map.of("k", 1e3, "m", 1e6, "mn", 1e6, "mln", 1e6,
            "b", 1e9, "bn", 1e9, "tn", 1e12, "million", 1e6, "billion", 1e9);
    /**
     * Vague amounts, read "… of": the least each says (two dozen, two hundred, …) and where a
     * plain reading would end; a figure keeps only the lower bound, open above ("thousands" can
     * be 20,000 in one outlet's mouth: no conflict with a count above it).
     */
    private static final Map<String, double[]> VAGUE = Map.of("dozens", new double[] {24, 99},
            "scores", new double[] {40, 99}, "hundreds", new double[] {200, 999},
            "thousands", new double[] {2000, 9999}, "millions", new double[] {2e6, 9.99e6},
            "billions", new double[] {2e9, 9.99e9});
    private static final Map<String, Double> FRACTIONS = Map.ofEntries(Map.entry("half", 50.0),
            Map.entry("third", 100 / 3.0), Map.entry("thirds", 100 / 3.0), Map.entry("quarter", 25.0),
            Map.entry("quarters", 25.0), Map.entry("fifth", 20.0), Map.entry("fifths", 20.0));
    private static final Map<String, String> CURRENCY_SIGNS = Map.of("$", "USD", "US$", "USD", "£", "GBP", "€", "EUR",
            "¥", "JPY", "₹", "INR", "₽", "RUB");
    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(Map.entry("dollars", "USD"),
            Map.entry("dollar", "USD"), Map.entry("euros", "EUR"), Map.entry("euro", "EUR"), Map.entry("pounds", "GBP"),
            Map.entry("yen", "JPY"), Map.entry("yuan", "CNY"), Map.entry("rubles", "RUB"), Map.entry("roubles", "RUB"),
            Map.entry("rupees", "INR"), Map.entry("francs", "CHF"), Map.entry("pesos", "MXN"));
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> TIME_WORDS = Set.of("a.m", "p.m", "am", "pm", "gmt", "utc", "est", "edt", "cst",
            "cdt", "pst", "pdt", "bst", "cet", "cest", "msk", "o'clock", "o’clock", "hrs", "local");
    /** Qualifiers before a number: the words, and how they bound the value. */
    private static final List<String[]> QUALIFIERS = List.of(
            new String[] {"more than", "low"}, new String[] {"greater than", "low"}, new String[] {"over", "low"},
            new String[] {"above", "low"}, new String[] {"exceeding", "low"}, new String[] {"in excess of", "low"},
            new String[] {"upwards of", "low"}, new String[] {"at least", "low"}, new String[] {"no fewer than", "low"},
            new String[] {"no less than", "low"}, new String[] {"up to", "high"}, new String[] {"at most", "high"},
            new String[] {"no more than", "high"}, new String[] {"as many as", "high"},
            new String[] {"as much as", "high"}, new String[] {"as long as", "high"},
            new String[] {"as high as", "high"}, new String[] {"as large as", "high"},
            new String[] {"as few as", "approx"}, new String[] {"as little as", "approx"},
            new String[] {"as low as", "approx"}, new String[] {"fewer than", "high"},
            new String[] {"less than", "high"}, new String[] {"under", "high"}, new String[] {"below", "high"},
            new String[] {"just under", "approx"}, new String[] {"just over", "approx"},
            new String[] {"nearly", "approx"}, new String[] {"almost", "approx"}, new String[] {"close to", "approx"},
            new String[] {"about", "approx"}, new String[] {"around", "approx"}, new String[] {"approximately", "approx"},
            new String[] {"roughly", "approx"}, new String[] {"some", "approx"}, new String[] {"an estimated", "approx"},
            new String[] {"estimated", "approx"}, new String[] {"circa", "approx"}, new String[] {"or so", "approx"},
            new String[] {"an additional", "exact"}, new String[] {"another", "exact"});
    /** Words that end a counted noun phrase. */
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "from",
            "by", "with", "without", "into", "onto", "over", "under", "and", "or", "but", "nor", "as", "than", "that",
            "which", "who", "whom", "whose", "this", "these", "those", "there", "here", "is", "are", "was", "were", "be",
            "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might",
            "must", "shall", "should", "it", "its", "they", "them", "their", "he", "she", "his", "her", "we", "our",
            "you", "your", "i", "me", "my", "not", "no", "so", "if", "when", "while", "since", "after", "before",
            "during", "per", "each", "every", "all", "both", "more", "most", "less", "least", "about", "around",
            "between", "among", "against", "across", "through", "until", "up", "down", "out", "off", "also", "just",
            "only", "even", "still", "near", "within", "outside", "inside", "behind", "beyond", "toward", "towards", "via", "amid", "despite", "throughout", "along", "upon", "versus", "vs", "yet", "ago", "later", "earlier", "now", "then", "too", "very", "alone", "apiece",
            "said", "says", "say", "told", "according", "including", "like", "such", "other", "others", "another",
            "some", "any", "many", "much", "few", "several", "what", "where", "why", "how", "rather", "because",
            "though", "although", "whereas", "unless", "whether", "instead", "respectively", "total");
    /** Verbs after "one &lt;noun&gt;" that make "one" an article: "one study found", "one aide said". */
    private static final Set<String> INDEFINITE_VERBS = Set.of("said", "says", "say", "found", "finds", "shows",
            "showed", "suggests", "suggested", "told", "noted", "notes", "added", "wrote", "writes", "argued", "argues",
            "put", "puts", "estimated", "estimates", "reported", "reports", "called", "described", "recalled");

    /** Units a written-out number joins with a hyphen to make a measure: "eight-year", "three-story". */
    private static final Set<String> MEASURES = Set.of("year", "month", "week", "day", "hour", "minute", "second",
            "mile", "foot", "inch", "meter", "metre", "kilometer", "kilometre", "km", "acre", "ton", "tonne", "pound",
            "point", "count", "story", "storey", "seat", "member", "game", "page", "person", "vote", "percent",
            "degree", "bedroom", "room", "lane", "car", "man", "woman", "hectare", "gallon", "liter", "litre");

    /** Words after "one" that make it a pronoun or idiom rather than a count. */
    private static final Set<String> ONE_IDIOMS = Set.of("another", "day", "time", "way", "thing", "side", "hand", "hell", "single",
            "point", "last", "such", "who", "that", "which", "step", "morning", "evening", "night", "reason",
            "kind", "sort", "place", "part", "more", "less", "too", "else", "other", "word", "moment", "option",
            "example", "instance", "case", "question", "issue", "problem", "item", "answer", "version");
    private static final Set<String> DETERMINERS = Set.of("the", "this", "no", "any", "every", "each", "which",
            "what", "someone", "anyone", "everyone", "such", "a", "an", "his", "her", "their", "our", "its", "my",
            "your", "only", "last", "first");

    private record Tok(String text, String lower, int start, int end) {
    }

    /** A parsed number: token range, value interval and how it was written. */
    private record Num(int from, int to, double low, double high, boolean vague, boolean range, boolean fraction,
                       boolean words, String hyphenUnit, double scale) {
    }

    /**
     * The figures of one sentence, in order; offsets into {@code body}. Ids, sources and
     * sentence bounds are filled in by the caller.
     */
    public static List<Figure> find(String article, String body, Span sentence) {
        String text = sentence.of(body);
        List<Tok> toks = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            toks.add(new Tok(m.group(), m.group().toLowerCase(Locale.ROOT), sentence.start() + m.start(),
                    sentence.start() + m.end()));
        }
        List<Figure> out = new ArrayList<>();
        String lastUnit = null;
        int lastEnd = -1;
        int i = 0;
        while (i < toks.size()) {
            Num n = number(toks, i);
            if (n == null) {
                i++;
                continue;
            }
            Figure f = figure(article, body, toks, n, lastUnit, lastEnd);
            if (f == null) {
                i = n.to;
                continue;
            }
            out.add(f);
            // Continue after the figure's own tokens.
            int next = n.to;
            while (next < toks.size() && toks.get(next).start < f.end()) {
                next++;
            }
            if (!f.unit().isEmpty()) {
                lastUnit = f.unit();
                lastEnd = next;
            }
            i = next;
        }
        return out;
    }

    /** A number starting at token {@code i}, or null. */
    private static Num number(List<Tok> toks, int i) {
        Tok t = toks.get(i);
        Matcher m;
        if ((m = NUMBER.matcher(t.text)).matches()) {
            double v = parse(m.group(1), m.group(2));
            int to = i + 1;
            double scale = 1;
            if (to < toks.size() && SCALES.containsKey(toks.get(to).lower)) {
                scale = SCALES.get(toks.get(to).lower);
                to++;
                if (to < toks.size() && SCALES.containsKey(toks.get(to).lower)
                        && SCALES.get(toks.get(to).lower) > scale) {
                    scale *= SCALES.get(toks.get(to).lower);
                    to++;
                }
            }
            String spaced = scale == 1 ? spacedCompound(toks, to) : null;
            if (spaced != null) {
                return new Num(i, to + spacedWidth(toks, to), v, v, false, false, false, false, spaced, 1);
            }
            return new Num(i, to, v * scale, v * scale, false, false, false, false, null, scale);
        }
        if ((m = WITH_SCALE.matcher(t.text)).matches()) {
            double v = parse(m.group(1), m.group(2)) * SUFFIX_SCALES.get(m.group(3).toLowerCase(Locale.ROOT));
            return new Num(i, i + 1, v, v, false, false, false, false, null, 1e6);
        }
        if ((m = RANGE.matcher(t.text)).matches()) {
            double a = parse(m.group(1), m.group(2));
            double b = parse(m.group(3), m.group(4));
            if (b <= a || !m.group(1).contains(",") && a >= 1900 && a <= 2100) {
                return null; // a score ("3-1"), a date ("9-11") or years ("2015-2016")
            }
            int to = i + 1;
            double scale = 1;
            if (to < toks.size() && SCALES.containsKey(toks.get(to).lower)) {
                scale = SCALES.get(toks.get(to).lower);
                to++;
            }
            return new Num(i, to, a * scale, b * scale, false, true, false, false, null, scale);
        }
        if ((m = HYPHEN_UNIT.matcher(t.text)).matches()) {
            double v = parse(m.group(1), m.group(2));
            return new Num(i, i + 1, v, v, false, false, false, false, m.group(3).toLowerCase(Locale.ROOT), 1);
        }
        String[] parts = t.lower.split("-", 2);
        if (parts.length == 2 && SMALL.containsKey(parts[0]) && !parts[0].equals("dozen")
                && MEASURES.contains(parts[1].split("-")[0])) {
            double v = SMALL.get(parts[0]);
            return new Num(i, i + 1, v, v, false, false, false, true, parts[1], 1);
        }
        Num n = words(toks, i);
        if (n == null && NUMBER.matcher(t.text).matches()) {
            return null;
        }
        return n;
    }

    /**
     * A measure joined by free-standing hyphens, as tokenisers leave them: "16 - year - old",
     * "two - year": the compound ("year-old"), or null.
     */
    private static String spacedCompound(List<Tok> toks, int at) {
        if (at + 1 >= toks.size() || !toks.get(at).text.equals("-") || !MEASURES.contains(lemma(toks.get(at + 1).lower))) {
            return null;
        }
        String unit = toks.get(at + 1).lower;
        if (at + 3 < toks.size() && toks.get(at + 2).text.equals("-") && toks.get(at + 3).lower.equals("old")) {
            return unit + "-old";
        }
        if (at + 2 < toks.size() && toks.get(at + 2).lower.equals("old")) {
            return unit + "-old"; // "16 - year old"
        }
        return unit;
    }

    /** Tokens {@link #spacedCompound} covers. */
    private static int spacedWidth(List<Tok> toks, int at) {
        if (at + 3 < toks.size() && toks.get(at + 2).text.equals("-") && toks.get(at + 3).lower.equals("old")) {
            return 4;
        }
        return at + 2 < toks.size() && toks.get(at + 2).lower.equals("old") ? 3 : 2;
    }

    /** Written-out numbers, vague amounts and fractions. */
    private static Num words(List<Tok> toks, int i) {
        String w = toks.get(i).lower;
        if (w.equals("twice") || w.equals("thrice")) {
            double v = w.equals("twice") ? 2 : 3;
            return new Num(i, i + 1, v, v, false, false, false, true, "time", 1);
        }
        // "hundreds more": a vague amount of the things just counted.
        if (VAGUE.containsKey(w) && i + 1 < toks.size() && toks.get(i + 1).lower.equals("more")) {
            double[] v = VAGUE.get(w);
            return new Num(i, i + 2, v[0], v[1], true, false, false, true, null, 1);
        }
        // "tens of thousands", "hundreds of thousands", "dozens", "thousands" — with "of" after.
        if ((w.equals("tens") || VAGUE.containsKey(w)) && i + 2 < toks.size() && toks.get(i + 1).lower.equals("of")) {
            String next = toks.get(i + 2).lower;
            if ((w.equals("tens") || w.equals("hundreds")) && VAGUE.containsKey(next) && !next.equals("dozens")
                    && !next.equals("hundreds")) {
                double[] base = VAGUE.get(next);
                double k = w.equals("tens") ? 10 : 100;
                // "tens of thousands": at least two tens of thousands (20,000), open above.
                return new Num(i, i + 3, base[0] * k, base[1] * k, true, false, false, true, null, 1);
            }
            if (VAGUE.containsKey(w)) {
                double[] v = VAGUE.get(w);
                return new Num(i, i + 1, v[0], v[1], true, false, false, true, null, 1);
            }
            return null;
        }
        // Fractions: "half of", "a third of", "two-thirds of", "three quarters of".
        String[] parts = w.split("[\\-–]");
        if (parts.length == 2 && SMALL.containsKey(parts[0]) && FRACTIONS.containsKey(parts[1])) {
            return new Num(i, i + 1, SMALL.get(parts[0]) * FRACTIONS.get(parts[1]),
                    SMALL.get(parts[0]) * FRACTIONS.get(parts[1]), false, false, true, true, null, 1);
        }
        if (FRACTIONS.containsKey(w) && i + 1 < toks.size() && (toks.get(i + 1).lower.equals("of")
                || w.equals("half") && (toks.get(i + 1).lower.equals("the") || toks.get(i + 1).lower.equals("their")
                || toks.get(i + 1).lower.equals("its")))) {
            int from = i;
            double k = 1;
            if (i > 0 && (toks.get(i - 1).lower.equals("a") || toks.get(i - 1).lower.equals("one"))) {
                from = i - 1;
            } else if (i > 0 && SMALL.containsKey(toks.get(i - 1).lower)) {
                from = i - 1;
                k = SMALL.get(toks.get(i - 1).lower);
            } else if (!w.equals("half")) {
                return null;
            }
            return new Num(from, i + 1, k * FRACTIONS.get(w), k * FRACTIONS.get(w), false, false, true, true, null, 1);
        }
        // Cardinals: "two", "twenty-five", "two hundred and fifty thousand", "a dozen", "a million".
        int j = i;
        double total = 0;
        double current = 0;
        boolean any = false;
        if (w.equals("a") && i + 1 < toks.size()
                && (SCALES.containsKey(toks.get(i + 1).lower) || toks.get(i + 1).lower.equals("dozen"))) {
            current = 1;
            j = i + 1;
        } else if (w.equals("half") && i + 2 < toks.size() && toks.get(i + 1).lower.equals("a")
                && SCALES.containsKey(toks.get(i + 2).lower)) {
            double s = SCALES.get(toks.get(i + 2).lower);
            return new Num(i, i + 3, s / 2, s / 2, false, false, false, true, null, s);
        }
        double scale = 1;
        while (j < toks.size()) {
            String x = toks.get(j).lower;
            String[] hy = x.split("-");
            if (hy.length == 2 && SMALL.containsKey(hy[0]) && SMALL.containsKey(hy[1]) && SMALL.get(hy[0]) >= 20
                    && SMALL.get(hy[1]) < 10) {
                current += SMALL.get(hy[0]) + SMALL.get(hy[1]);
            } else if (SMALL.containsKey(x)) {
                if (x.equals("dozen")) {
                    current = (current == 0 ? 1 : current) * 12;
                } else {
                    current += SMALL.get(x);
                }
            } else if (SCALES.containsKey(x) && (any || current > 0)) {
                double s = SCALES.get(x);
                scale = Math.max(scale, s);
                if (s == 100) {
                    current = (current == 0 ? 1 : current) * 100;
                } else {
                    total += (current == 0 ? 1 : current) * s;
                    current = 0;
                }
            } else if (x.equals("and") && any && j + 1 < toks.size() && SMALL.containsKey(toks.get(j + 1).lower)
                    && current >= 100) {
                j++;
                continue;
            } else {
                break;
            }
            any = true;
            j++;
        }
        if (!any) {
            return null;
        }
        double v = total + current;
        if (j + 2 < toks.size() && toks.get(j).lower.equals("and") && toks.get(j + 1).lower.equals("a")
                && toks.get(j + 2).lower.equals("half")) {
            v += 0.5 * (scale > 1 ? scale : 1); // "seven and a half years"
            j += 3;
        }
        String spaced = scale == 1 ? spacedCompound(toks, j) : null;
        if (spaced != null) {
            return new Num(i, j + spacedWidth(toks, j), v, v, false, false, false, true, spaced, 1);
        }
        return new Num(i, j, v, v, false, false, false, true, null, scale);
    }

    private static double parse(String integer, String fraction) {
        return Double.parseDouble(integer.replace(",", "").replace(" ", "")
                + (fraction == null ? "" : fraction.replace(" ", "")));
    }

    /** The figure around a number, or null when the number is a date, time, name or pronoun. */
    private static Figure figure(String article, String body, List<Tok> toks, Num n, String lastUnit, int lastEnd) {
        int from = n.from;
        int to = n.to;
        double low = n.low;
        double high = n.high;
        boolean approx = n.vague;
        boolean lowOpen = false;
        boolean highOpen = false;
        String qualifier = n.vague ? "vague" : "";
        String unit = null;
        String what = "";
        Tok first = toks.get(from);
        Tok prev = from > 0 ? toks.get(from - 1) : null;
        Tok next = to < toks.size() ? toks.get(to) : null;
        boolean plainDigits = NUMBER.matcher(first.text).matches() && n.to - n.from == 1;
        // Currency before: "$4.5 billion", "US$ 20m".
        if (prev != null && CURRENCY_SIGNS.containsKey(prev.text)) {
            unit = CURRENCY_SIGNS.get(prev.text);
            from--;
            prev = from > 0 ? toks.get(from - 1) : null;
        }
        if (next != null && CURRENCY_WORDS.containsKey(next.lower) && plainDigits && prev != null
                && (prev.lower.equals("in") || prev.text.equals("(")) && isYear(first.text, toks, n.from)) {
            return null; // "in 2006 dollars"
        }
        boolean hasUnitAfter = next != null && (next.text.equals("%") || next.lower.equals("percent")
                || next.lower.equals("per") || CURRENCY_WORDS.containsKey(next.lower));
        if (unit == null && plainDigits && (prev != null && (prev.text.equals("/") || prev.text.equals(":")
                && n.from > 1 && NUMBER.matcher(toks.get(n.from - 2).text).matches())
                || next != null && next.text.equals("/"))) {
            return null; // "09 / 10 / 10", the minutes of "3: 45"
        }
        if (unit == null && plainDigits && n.scale == 1 && n.hyphenUnit == null && !hasUnitAfter && prev != null
                && (prev.lower.equals("a") || prev.lower.equals("an")) && low > 1
                && spacedCompound(toks, n.to) == null) {
            return null; // "a 911 dispatcher", "a 2500 block": a number used as a name
        }
        if (unit == null && !n.words && n.hyphenUnit == null && !n.range && !hasUnitAfter) {
            if (isDate(toks, n.from, to) || isTime(toks, to)) {
                return null;
            }
            if (plainDigits && n.scale == 1 && isYear(first.text, toks, n.from)) {
                return null;
            }
            if (plainDigits && n.scale == 1 && first.text.indexOf(',') < 0 && first.text.indexOf('.') < 0
                    && first.text.length() >= 7) {
                return null; // identifiers, timestamps, phone numbers: counts this large carry commas
            }
            if (prev != null && isIdentifierBefore(toks, n.from)) {
                return null;
            }
            if (n.from == 0 && next != null && (next.text.equals(".") || next.text.equals(")"))) {
                return null; // list numbering
            }
        }
        if (n.words && !n.vague && !n.fraction && n.low == 1 && n.scale == 1 && n.hyphenUnit == null
                && !isCountedOne(toks, n)) {
            return null;
        }
        if (n.words && isTime(toks, n.to)) {
            return null; // "three o'clock"
        }
        // A range with the unit on both ends: "from 5 percent to 25 percent", "5% to 25%".
        if (next != null && (next.text.equals("%") || next.lower.equals("percent")) && to + 2 < toks.size()) {
            Tok conn = toks.get(to + 1);
            boolean between = prev != null && (prev.lower.equals("between") && conn.lower.equals("and")
                    || prev.lower.equals("from") && conn.lower.equals("to"));
            if (between || conn.lower.equals("to") || conn.text.equals("-") || conn.text.equals("–")) {
                Num second = number(toks, to + 2);
                if (second != null && second.low > low && second.to < toks.size()
                        && toks.get(second.to).lower.equals(next.lower)) {
                    high = second.high;
                    qualifier = between ? "between" : "range";
                    if (between) {
                        from--;
                    }
                    to = second.to;
                    next = toks.get(to);
                }
            }
        }
        // Ranges written out: "between 400 and 500", "from 400 to 500", "400 to 500", "two or three".
        if (next != null && (next.lower.equals("to") || next.lower.equals("and") || next.lower.equals("or")
                || next.text.equals("-") || next.text.equals("–")) && to + 1 < toks.size()) {
            boolean between = prev != null && (prev.lower.equals("between") && next.lower.equals("and")
                    || prev.lower.equals("from") && next.lower.equals("to"));
            boolean plainRange = next.lower.equals("to") || next.lower.equals("or") || next.text.equals("-")
                    || next.text.equals("–");
            if (between || plainRange) {
                int k = to + 1;
                if (unit != null && CURRENCY_SIGNS.containsKey(toks.get(k).text)) {
                    k++;
                }
                Num second = k < toks.size() ? number(toks, k) : null;
                // "between 4 and 5 million": the first end takes the second's scale, and must
                // still be the smaller ("between 4 and 3 million" is no range).
                double s = second != null && n.scale == 1 && second.scale > 1 ? second.scale : 1;
                if (second != null && second.low > low * s && !second.vague && !second.fraction
                        && (second.words == n.words) && !(isDate(toks, k, second.to))) {
                    low *= s;
                    high = second.high;
                    to = second.to;
                    qualifier = between ? "between" : "range";
                    if (between) {
                        from--;
                    }
                    next = to < toks.size() ? toks.get(to) : null;
                }
            }
        }
        // Qualifiers before: "more than", "some", "up to".
        for (String[] q : QUALIFIERS) {
            String[] words = q[0].split(" ");
            if (q[0].equals("or so")) {
                continue;
            }
            if (from - words.length < 0) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < words.length; k++) {
                if (!toks.get(from - words.length + k).lower.equals(words[k])) {
                    match = false;
                    break;
                }
            }
            if (match && q[0].equals("over") && from - 2 >= 0 && isAmountWord(toks.get(from - 2))) {
                match = false; // "$374 billion over 10 years": a period, not "more than"
            }
            if (match && qualifier.isEmpty()) {
                // "some" as a determiner of a plain count is still "about"; "over" as a verb
                // particle ("took over 20") reads the same way.
                qualifier = q[0];
                from -= words.length;
                switch (q[1]) {
                    case "low" -> highOpen = true;
                    case "high" -> lowOpen = true;
                    case "approx" -> approx = true;
                    default -> {
                    }
                }
                break;
            }
        }
        // "$3 million or more", "20 or so".
        if (next != null && next.lower.equals("or") && to + 1 < toks.size() && qualifier.isEmpty()) {
            String w2 = toks.get(to + 1).lower;
            if (w2.equals("more") || w2.equals("above") || w2.equals("over")) {
                qualifier = "or more";
                highOpen = true;
                to += 2;
                next = to < toks.size() ? toks.get(to) : null;
            } else if (w2.equals("less") || w2.equals("fewer") || w2.equals("below")) {
                qualifier = "or less";
                lowOpen = true;
                to += 2;
                next = to < toks.size() ? toks.get(to) : null;
            } else if (w2.equals("so")) {
                qualifier = "or so";
                approx = true;
                to += 2;
                next = to < toks.size() ? toks.get(to) : null;
            }
        }
        // Units after: percent, currency words, the counted noun.
        if (next != null && next.text.equals("%")) {
            unit = "percent";
            to++;
        } else if (next != null && (next.lower.equals("percent") || next.lower.equals("pct"))) {
            unit = "percent";
            to++;
        } else if (next != null && next.lower.equals("per") && to + 1 < toks.size()
                && toks.get(to + 1).lower.equals("cent")) {
            unit = "percent";
            to += 2;
        } else if (next != null && next.lower.equals("percentage") && to + 1 < toks.size()
                && toks.get(to + 1).lower.startsWith("point")) {
            unit = "percentage points";
            to += 2;
        } else if (next != null && CURRENCY_WORDS.containsKey(next.lower) && unit == null
                && !(next.lower.equals("pounds") && to + 1 < toks.size() && toks.get(to + 1).lower.equals("of"))) {
            unit = CURRENCY_WORDS.get(next.lower);
            to++;
        } else if (n.fraction) {
            unit = "percent";
        }
        if (n.hyphenUnit != null && unit == null) {
            unit = lemma(n.hyphenUnit.replaceFirst("-(?:long|high|wide|deep|tall|strong|thick)$", ""));
        } else if (n.hyphenUnit != null) {
            what = n.hyphenUnit; // "$12-an-hour"
        }
        boolean ratio = false;
        // Ratios: "eight of 10 voters", "one in five Americans", "three out of four" — a percentage.
        if (unit == null && !n.vague && !n.fraction && !n.range && qualifier.isEmpty() || unit == null && approx) {
            int r = to;
            if (r + 1 < toks.size() && toks.get(r).lower.equals("out") && toks.get(r + 1).lower.equals("of")) {
                r++;
            }
            if (r + 1 < toks.size() && (toks.get(r).lower.equals("of") || toks.get(r).lower.equals("in"))) {
                Num base = number(toks, r + 1);
                if (base != null && !base.vague && !base.fraction && !base.range && base.low > low
                        && (base.low <= 10 || base.low == 100 || base.low == 1000)) {
                    double pct = 100 * low / base.low;
                    low = pct;
                    high = pct;
                    unit = "percent";
                    ratio = true;
                    to = base.to;
                    next = to < toks.size() ? toks.get(to) : null;
                }
            }
        }
        // "of" after a vague amount, a fraction or a percentage: "dozens of people", "40% of voters".
        int k = to;
        if (n.fraction && k < toks.size() && (toks.get(k).lower.equals("the") || toks.get(k).lower.equals("its")
                || toks.get(k).lower.equals("their"))) {
            k++; // "half the money"
        } else if ((n.vague || n.fraction || "percent".equals(unit)) && k < toks.size()
                && toks.get(k).lower.equals("of")) {
            k++;
            if (k < toks.size() && (toks.get(k).lower.equals("the") || toks.get(k).lower.equals("all")
                    || toks.get(k).lower.equals("those") || toks.get(k).lower.equals("its")
                    || toks.get(k).lower.equals("their"))) {
                k++;
            }
            if (n.vague && k < toks.size() && (toks.get(k).lower.equals("thousands") || toks.get(k).lower.equals("millions"))) {
                k++;
                if (k < toks.size() && toks.get(k).lower.equals("of")) {
                    k++;
                }
            }
        }
        // Partitives: "two of the city's remaining hospitals", "three of them".
        if (k == to && unit == null && k + 1 < toks.size() && toks.get(k).lower.equals("of")) {
            int p = k + 1;
            for (int q = k + 1; q < Math.min(toks.size(), k + 4); q++) {
                if (toks.get(q).lower.endsWith("'s") || toks.get(q).lower.endsWith("’s")) {
                    p = q + 1;
                    break;
                }
            }
            if (p < toks.size() && (toks.get(p).lower.equals("the") || toks.get(p).lower.equals("its")
                    || toks.get(p).lower.equals("their") || toks.get(p).lower.equals("those")
                    || toks.get(p).lower.equals("these"))) {
                p++;
            }
            k = p;
        }
        boolean percentNoOf = ("percent".equals(unit) || "percentage points".equals(unit)) && k == to
                && !n.fraction && !ratio;
        if (n.hyphenUnit == null && !percentNoOf) {
            int runEnd = k;
            List<String> run = new ArrayList<>();
            int lastWord = -1;
            while (runEnd < toks.size() && run.size() < 3) {
                Tok t = toks.get(runEnd);
                if ((t.lower.endsWith("'s") || t.lower.endsWith("’s")) && run.isEmpty() && runEnd > to) {
                    runEnd++; // "40% of the bank's customers"
                    continue;
                }
                if (run.isEmpty() && (t.lower.equals("other") || t.lower.equals("more"))) {
                    runEnd++; // "three other assault rifles"
                    continue;
                }
                if (!Character.isLetter(t.text.charAt(0)) || STOP.contains(t.lower) || MONTHS.contains(t.lower)
                        || SCALES.containsKey(t.lower) || SMALL.containsKey(t.lower)) {
                    break;
                }
                if (!run.isEmpty() && (t.lower.endsWith("ed") || t.lower.endsWith("ing") || t.lower.endsWith("ly"))) {
                    break;
                }
                if (run.isEmpty() && t.lower.endsWith("ed") && (runEnd + 1 >= toks.size()
                        || !Character.isLetter(toks.get(runEnd + 1).text.charAt(0))
                        || STOP.contains(toks.get(runEnd + 1).lower))) {
                    break; // "the two raised $350 million": a verb, not "armed men"
                }
                if (t.lower.endsWith("ly") && !t.lower.endsWith("ply")) {
                    break;
                }
                if (run.isEmpty() && t.lower.endsWith("ing") && (runEnd + 1 >= toks.size()
                        || !Character.isLetter(toks.get(runEnd + 1).text.charAt(0))
                        || STOP.contains(toks.get(runEnd + 1).lower))) {
                    break; // "tens of millions flowing into races"
                }
                if (!run.isEmpty() && Character.isUpperCase(t.text.charAt(0))
                        && !Character.isUpperCase(toks.get(runEnd - 1).text.charAt(0))) {
                    break; // "5 Democrats", "American workers", but not "voters Trump"
                }
                run.add(t.text);
                lastWord = runEnd;
                runEnd++;
                if (low != 1 && !lemma(t.lower).equals(t.lower)) {
                    break; // a plural ends the counted noun: "two women spoke", "11 swing states in"
                }
            }
            if (!run.isEmpty()) {
                what = String.join(" ", run);
                String head = run.get(run.size() - 1).toLowerCase(Locale.ROOT);
                if (unit == null && CURRENCY_WORDS.containsKey(head)
                        && !(head.equals("pounds") && runEnd < toks.size() && toks.get(runEnd).lower.equals("of"))) {
                    unit = CURRENCY_WORDS.get(head); // "millions of dollars"
                } else if (unit == null) {
                    unit = lemma(head);
                }
                to = Math.max(to, lastWord + 1);
            }
        }
        boolean vagueMore = n.vague && toks.get(n.to - 1).lower.equals("more");
        if (unit == null && lastUnit != null && !n.fraction && (!n.vague || vagueMore) && lastEnd >= 0
                && n.from - lastEnd <= 6
                && toks.subList(lastEnd, n.from).stream().noneMatch(t -> t.text.equals(";") || t.text.equals(":"))) {
            unit = lastUnit; // "86 people, including 35 in the capital"
        }
        // A written-out number right after a noun, not followed by what it counts, is part of a
        // name ("stage two of the plan", "Plan Two"): "won two games", "killed two of them" count.
        if (n.words && !n.vague && !n.fraction && n.hyphenUnit == null && qualifier.isEmpty() && from > 0) {
            Tok before = toks.get(from - 1);
            Tok after = n.to < toks.size() ? toks.get(n.to) : null;
            boolean countsNext = after != null && Character.isLetter(after.text.charAt(0)) && !STOP.contains(after.lower);
            if (Character.isLetter(before.text.charAt(0)) && !STOP.contains(before.lower) && !before.lower.endsWith("ed")
                    && !before.lower.endsWith("ing") && !countsNext && !"percent".equals(unit)) {
                return null;
            }
        }
        if (n.vague && high == n.high && qualifier.equals("vague")) {
            highOpen = true; // a vague amount says how many at least, not at most
        }
        if (lowOpen) {
            low = Double.NaN;
        }
        if (highOpen) {
            high = Double.NaN;
        }
        int start = toks.get(from).start;
        int end = toks.get(Math.max(to - 1, from)).end;
        return new Figure("", article, start, end, body.substring(start, end), Double.isNaN(low) ? null : low,
                Double.isNaN(high) ? null : high, approx, qualifier, unit, what, "outlet", null, null, -1, -1, -1, -1);
    }

    private static boolean isDate(List<Tok> toks, int from, int to) {
        Tok prev = from > 0 ? toks.get(from - 1) : null;
        if (prev != null && from >= 2 && (prev.lower.equals("to") || prev.lower.equals("through")
                || prev.lower.equals("and") || prev.text.equals("-") || prev.text.equals("–"))
                && NUMBER.matcher(toks.get(from - 2).text).matches() && isDate(toks, from - 2, from - 1)) {
            return true; // "Sept. 19 to 22"
        }
        if (prev != null && prev.text.equals(".") && from > 1) {
            prev = toks.get(from - 2); // "Sept. 19"
        }
        Tok next = to < toks.size() ? toks.get(to) : null;
        return prev != null && MONTHS.contains(prev.lower) && Character.isUpperCase(prev.text.charAt(0))
                || next != null && MONTHS.contains(next.lower) && Character.isUpperCase(next.text.charAt(0))
                || next != null && next.text.equals(",") && to + 1 < toks.size()
                && NUMBER.matcher(toks.get(to + 1).text).matches() && prev != null && MONTHS.contains(prev.lower);
    }

    private static boolean isTime(List<Tok> toks, int to) {
        if (to < toks.size() && TIME_WORDS.contains(toks.get(to).lower)) {
            return true;
        }
        if (to + 2 < toks.size() && (toks.get(to).lower.equals("a") || toks.get(to).lower.equals("p"))
                && toks.get(to + 1).text.equals(".") && toks.get(to + 2).lower.startsWith("m")) {
            return true; // "10 a. m."
        }
        // "3: 30 a. m.", "02: 31 GMT" (a clock time torn apart by a tokeniser)
        return to + 1 < toks.size() && toks.get(to).text.equals(":") && toks.get(to + 1).text.matches("\\d{2}(?:[ap]m)?");
    }

    /** A four-digit number between 1800 and 2100 with no qualifier, currency or unit: a year. */
    private static boolean isYear(String digits, List<Tok> toks, int at) {
        if (!digits.matches("\\d{4}")) {
            return false;
        }
        int v = Integer.parseInt(digits);
        if (v < 1800 || v > 2100) {
            return false;
        }
        Tok prev = at > 0 ? toks.get(at - 1) : null;
        return prev == null || !(prev.lower.equals("than") || prev.lower.equals("about") || prev.lower.equals("some")
                || prev.lower.equals("nearly") || prev.lower.equals("least") || prev.lower.equals("to")
                && at > 1 && toks.get(at - 2).lower.equals("up"));
    }

    /** A capitalised word right before the number ("Resolution 2254", "Flight 17", "No. 5"). */
    private static boolean isIdentifierBefore(List<Tok> toks, int at) {
        Tok prev = toks.get(at - 1);
        if (prev.text.equals("#") || prev.lower.equals("no") || prev.lower.equals("no.")
                || prev.text.equals(".") && at > 1 && toks.get(at - 2).lower.equals("no")) {
            return true;
        }
        if (!Character.isUpperCase(prev.text.charAt(0)) || !Character.isLetter(prev.text.charAt(0))
                || prev.lower.endsWith("'s") || prev.lower.endsWith("’s")) {
            return false;
        }
        if (MONTHS.contains(prev.lower) || prev.text.equals("I")) {
            return false;
        }
        // A capital at the sentence start is just the sentence's first word, unless it is the subject
        // of a name-with-number ("Apollo 11 landed"): keep counts like "About 400".
        return at - 1 > 0 || !STOP.contains(prev.lower) && !isQualifierWord(prev.lower);
    }

    private static boolean isAmountWord(Tok t) {
        return Character.isDigit(t.text.charAt(0)) || SCALES.containsKey(t.lower) || t.text.equals("%")
                || t.lower.equals("percent") || CURRENCY_WORDS.containsKey(t.lower);
    }

    private static boolean isQualifierWord(String w) {
        for (String[] q : QUALIFIERS) {
            if (q[0].endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** "one" counts something only before a noun, not as a pronoun or in an idiom. */
    private static boolean isCountedOne(List<Tok> toks, Num n) {
        if (n.to >= toks.size()) {
            return false;
        }
        Tok next = toks.get(n.to);
        if ((next.lower.equals("to") || next.lower.equals("or")) && n.to + 1 < toks.size()
                && number(toks, n.to + 1) != null) {
            return true; // "one to two years"
        }
        if ((next.lower.equals("in") || next.lower.equals("out")) && n.to + 1 < toks.size()
                && (number(toks, n.to + 1) != null || toks.get(n.to + 1).lower.equals("of"))) {
            return true; // "one in five", "one out of four"
        }
        if (!Character.isLetter(next.text.charAt(0)) || STOP.contains(next.lower) || ONE_IDIOMS.contains(next.lower)
                || Character.isUpperCase(next.text.charAt(0)) || next.lower.endsWith("ly")) {
            return false;
        }
        if (n.from > 0) {
            String prev = toks.get(n.from - 1).lower;
            if (DETERMINERS.contains(prev)) {
                return false;
            }
        }
        // "one study found", "one official said": "one" means "a".
        if (n.to + 1 < toks.size() && INDEFINITE_VERBS.contains(toks.get(n.to + 1).lower)) {
            return false;
        }
        // "one in five", "one person", "one soldier"; not "one said", "one wonders".
        return !next.lower.endsWith("ed") && !next.lower.endsWith("s") || next.lower.endsWith("ss");
    }

    /** Lower-case singular of a counted noun: "soldiers" → "soldier", "people" stays, "cities" → "city". */
    static String lemma(String w) {
        String x = w.toLowerCase(Locale.ROOT);
        if (x.contains("-")) {
            String[] parts = x.split("-");
            for (int i = 0; i < parts.length; i++) {
                parts[i] = lemma(parts[i]);
            }
            return String.join("-", parts);
        }
        return switch (x) {
            case "people", "persons", "person" -> "people";
            case "men" -> "man";
            case "women" -> "woman";
            case "children" -> "child";
            case "feet" -> "foot";
            case "yrs" -> "year";
            default -> {
                if (x.endsWith("ies") && x.length() > 4) {
                    yield x.substring(0, x.length() - 3) + "y";
                }
                if (x.endsWith("sses") || x.endsWith("xes") || x.endsWith("ches") || x.endsWith("shes")) {
                    yield x.substring(0, x.length() - 2);
                }
                if (x.endsWith("s") && !x.endsWith("ss") && !x.endsWith("us") && !x.endsWith("is") && x.length() > 3) {
                    yield x.substring(0, x.length() - 1);
                }
                yield x;
            }
        };
    }
}
