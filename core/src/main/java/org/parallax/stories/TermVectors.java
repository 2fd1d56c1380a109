package org.parallax.stories;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.text.Annotated;
import org.parallax.text.Token;

/** Word counts of articles and segments, and TF-IDF vectors over them. */
final class TermVectors {
    private static final Set<String> STOP = Stopwords.english();
    /** Words of attributed reporting: someone said, told, announced (English). */
    private static final Set<String> ATTRIBUTION = Set.of("said", "says", "told", "according", "added", "announced",
            "reported", "stated", "explained", "asked", "claimed", "confirmed", "denied", "warned", "insisted", "argued",
            "noted", "wrote", "declared");
    /** The reader addressed (English). */
    private static final Set<String> SECOND_PERSON = Set.of("you", "your", "yours", "yourself", "yourselves", "you're",
            "you'll", "you've", "you'd");
    /** Below this many words a segment is too short to tell how it is written. */
    static final int ADDRESSED_MIN_WORDS = 100;
    /** Second-person words per word at or above which a text addresses its reader. */
    static final double SECOND_PERSON_RATE = 0.01;
    /** Attribution words per sentence below which a text reports nobody's words. */
    static final double ATTRIBUTION_RATE = 0.05;

    private TermVectors() {
    }

    /** Counts of content words (three letters or more, no stop words) in {@code [start, end)}. */
    static Map<String, Integer> terms(Annotated d, int start, int end) {
        Map<String, Integer> tf = new HashMap<>();
        for (Token t : d.text().tokens()) {
            if (t.start() < start || t.end() > end) {
                continue;
            }
            String w = t.norm();
            if (w.length() >= 3 && !STOP.contains(w) && Character.isLetter(w.charAt(0))) {
                tf.merge(w, 1, Integer::sum);
            }
        }
        return tf;
    }

    /**
     * Counts of capitalised words that do not open a sentence in {@code [start, end)}: mostly
     * names of people, places and organisations.
     */
    static Map<String, Integer> names(Annotated d, int start, int end) {
        return capitalised(d, start, end, false);
    }

    /**
     * Counts of capitalised words that do not open a sentence in {@code [start, end)}: with
     * {@code common} false, those the article never writes in lower case — mostly names of people,
     * places and organisations; with {@code common} true, the others ("Best Coffee Makers": common
     * words of a title-case heading).
     */
    static Map<String, Integer> capitalised(Annotated d, int start, int end, boolean common) {
        Map<String, Integer> tf = new HashMap<>();
        String body = d.article().body();
        Set<Integer> sentenceStarts = new HashSet<>();
        d.text().sentences().forEach(s -> sentenceStarts.add(s.start()));
        Set<String> lower = new HashSet<>();
        for (Token t : d.text().tokens()) {
            if (Character.isLowerCase(body.charAt(t.start()))) {
                lower.add(t.norm());
            }
        }
        for (Token t : d.text().tokens()) {
            if (t.start() < start || t.end() > end) {
                continue;
            }
            String w = t.norm();
            if (Character.isUpperCase(body.charAt(t.start())) && !sentenceStarts.contains(t.start())
                    && !STOP.contains(w) && w.length() >= 2 && lower.contains(w) == common) {
                tf.merge(w, 1, Integer::sum);
            }
        }
        return tf;
    }

    /** The stream item of one segment: its words, names, word pairs and numbers. */
    static StoryStream.Item item(Annotated d, Segment s, java.time.LocalDate date, String reprintKey) {
        return item(d, s, date, reprintKey, addressed(d, s.start(), s.end()));
    }

    /** The stream item of one segment, with whether its article addresses the reader. */
    static StoryStream.Item item(Annotated d, Segment s, java.time.LocalDate date, String reprintKey,
                                 boolean addressed) {
        Map<String, Integer> phrases = new HashMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        List<Token> tokens = d.text().tokens();
        String body = d.article().body();
        String prev = null;
        int prevEnd = -1;
        for (Token t : tokens) {
            if (t.start() < s.start() || t.end() > s.end()) {
                continue;
            }
            String w = t.norm();
            boolean content = w.length() >= 3 && !STOP.contains(w) && Character.isLetter(w.charAt(0));
            if (Character.isDigit(w.charAt(0))) {
                numbers.merge(w, 1, Integer::sum);
            }
            // A pair: two content words with only spaces between them.
            if (content && prev != null && body.substring(prevEnd, t.start()).isBlank()
                    && body.substring(prevEnd, t.start()).indexOf('\n') < 0) {
                phrases.merge(prev + " " + w, 1, Integer::sum);
            }
            prev = content ? w : null;
            prevEnd = t.end();
        }
        return new StoryStream.Item(s.id(), date, terms(d, s.start(), s.end()), names(d, s.start(), s.end()), phrases,
                numbers, reprintKey, addressed, capitalised(d, s.start(), s.end(), true));
    }

    /**
     * Whether the text in {@code [start, end)} is written to its reader rather than reporting a
     * happening: second-person words at least {@link #SECOND_PERSON_RATE} of its words and
     * attribution words ("said", "according") in fewer than {@link #ATTRIBUTION_RATE} of its
     * sentences — guides, reviews, how-tos and reference pages, not coverage. English words;
     * false for texts under {@link #ADDRESSED_MIN_WORDS} words.
     */
    static boolean addressed(Annotated d, int start, int end) {
        int words = 0;
        int second = 0;
        int attributed = 0;
        for (Token t : d.text().tokens()) {
            if (t.start() < start || t.end() > end) {
                continue;
            }
            words++;
            if (SECOND_PERSON.contains(t.norm())) {
                second++;
            } else if (ATTRIBUTION.contains(t.norm())) {
                attributed++;
            }
        }
        if (words < ADDRESSED_MIN_WORDS) {
            return false;
        }
        long sentences = d.text().sentences().stream().filter(x -> x.start() >= start && x.start() < end).count();
        return second >= 3 && second >= SECOND_PERSON_RATE * words
                && attributed < ATTRIBUTION_RATE * Math.max(1, sentences);
    }

    /**
     * The length-normalised TF-IDF vector of term counts, {@code df} counted over {@code n}
     * items. Entries are put in String order, so the map iterates the same way for the same
     * terms however {@code tf} iterates.
     */
    static Map<String, Double> vector(Map<String, Integer> tf, java.util.function.ToIntFunction<String> df, long n) {
        String[] keys = tf.keySet().toArray(new String[0]);
        java.util.Arrays.sort(keys);
        double[] w = new double[keys.length];
        double norm = 0;
        for (int i = 0; i < keys.length; i++) {
            w[i] = (1 + Math.log(tf.get(keys[i]))) * Math.log(1 + (double) n / Math.max(1, df.applyAsInt(keys[i])));
            norm += w[i] * w[i];
        }
        double len = Math.sqrt(norm);
        Map<String, Double> v = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            v.put(keys[i], len > 0 ? w[i] / len : w[i]);
        }
        return v;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.size() > b.size()) {
            Map<String, Double> t = a;
            a = b;
            b = t;
        }
        double s = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double w = b.get(e.getKey());
            if (w != null) {
                s += e.getValue() * w;
            }
        }
        return s;
    }
}
