package org.parallax.quotes;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Span;
import org.parallax.text.Annotated;

/**
 * The gender a corpus shows for each person it names, from the text alone: a gendered title
 * or role noun right before a mention ("Mrs", "spokesman"), and the first "he" or "she" after
 * a mention — in its sentence or the next — before anyone else is named. Votes are kept per
 * surname across the corpus; a surname whose votes disagree (two people, or noise) has no
 * gender. Pronoun resolution then skips people whose gender does not fit the pronoun.
 */
final class Genders {
    private static final Pattern PRONOUN = Pattern.compile("\\b(he|him|his|himself|she|her|hers|herself)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}]+)\\.?\\s*$");
    private static final int TITLE_WEIGHT = 3;

    private final Map<String, int[]> votes; // surname -> {male, female}

    private Genders(Map<String, int[]> votes) {
        this.votes = votes;
    }

    /** The genders of the votes of a corpus's articles, summed ({@link #votes}). */
    static Genders of(Map<String, int[]> votes) {
        return new Genders(votes);
    }

    /** One article's votes: surname key to {male, female} weight. */
    static Map<String, int[]> votes(Annotated doc, List<Mention> mentions, Cues cues) {
        Map<String, int[]> votes = new HashMap<>();
        String body = doc.article().body();
        List<Span> sentences = doc.text().sentences();
        List<Mention> people = mentions.stream().filter(m -> m.type() == EntityType.PERSON)
                .sorted(java.util.Comparator.comparingInt(Mention::start)).toList();
        for (int k = 0; k < people.size(); k++) {
            Mention m = people.get(k);
            String key = key(m.text());
            if (key.isEmpty()) {
                continue;
            }
            Matcher before = WORD_BEFORE.matcher(body.substring(Math.max(0, m.start() - 30), m.start()));
            if (before.find()) {
                String g = cues.genderedWords.get(before.group(1).toLowerCase(Locale.ROOT));
                vote(votes, key, g, TITLE_WEIGHT);
            }
            for (String w : m.role().toLowerCase(Locale.ROOT).split("\\s+")) {
                vote(votes, key, cues.genderedWords.get(w), TITLE_WEIGHT);
            }
            int end = windowEnd(sentences, m.end(), body.length());
            if (k + 1 < people.size()) {
                end = Math.min(end, people.get(k + 1).start());
            }
            if (end > m.end()) {
                Matcher p = PRONOUN.matcher(body).region(m.end(), end);
                if (p.find()) {
                    String w = p.group(1).toLowerCase(Locale.ROOT);
                    vote(votes, key, w.startsWith("h") && !w.startsWith("her") ? "male" : "female", 1);
                }
            }
        }
        return votes;
    }

    /** The end of the sentence after the one holding {@code offset}. */
    private static int windowEnd(List<Span> sentences, int offset, int fallback) {
        for (int s = 0; s < sentences.size(); s++) {
            if (sentences.get(s).end() >= offset) {
                return s + 1 < sentences.size() ? sentences.get(s + 1).end() : sentences.get(s).end();
            }
        }
        return fallback;
    }

    private static void vote(Map<String, int[]> votes, String key, String gender, int weight) {
        if (gender == null) {
            return;
        }
        int[] v = votes.computeIfAbsent(key, x -> new int[2]);
        v[gender.equals("male") ? 0 : 1] += weight;
    }

    private static String key(String name) {
        return Names.fold(Names.surname(name));
    }

    /** "male", "female" or null (unknown or disputed). */
    String of(String name) {
        int[] v = votes.get(key(name));
        if (v == null || v[0] + v[1] < 2) {
            return null;
        }
        return v[0] >= 2 * v[1] ? "male" : v[1] >= 2 * v[0] ? "female" : null;
    }

    /** Whether a person so named can be meant by a pronoun of gender {@code wanted} ("any" fits all). */
    boolean fits(String name, String wanted) {
        if (wanted == null || wanted.equals("any")) {
            return true;
        }
        String g = of(name);
        return g == null || g.equals(wanted);
    }
}
