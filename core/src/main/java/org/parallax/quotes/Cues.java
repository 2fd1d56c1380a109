package org.parallax.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Attribution vocabulary loaded from {@code cues.json}: verbs, pronouns, roles, titles. */
public final class Cues {
    final Set<String> speechVerbs;
    final Set<String> thoughtVerbs;
    final Map<String, String> pronouns;
    /** Titles and role nouns that show gender before a name ("Mrs", "spokesman"). */
    final Map<String, String> genderedWords;
    final Set<String> roleNouns;
    /** Nouns that name a person ("nominee", "father", "source"), for speaker phrases. */
    final Set<String> personNouns;
    /** Heads of speaker phrases that are documents, media, institutions or groups. */
    final Set<String> sourceNouns;
    final Set<String> titles;
    final Set<String> orgNouns;
    final Set<String> notNames;
    /** "saying", "adding": a quote after the subject's own clause ("…, saying, “…”"). */
    final Set<String> participles;
    /** Regex alternative of every cue verb, longest first, with optional auxiliaries before. */
    final String verbAlt;
    final String auxAlt;
    /** The first word of every verb and participle, lower case. */
    private final Set<String> cueFirstWords;

    private Cues(JsonNode root) {
        speechVerbs = strings(root.path("speechVerbs"));
        thoughtVerbs = strings(root.path("thoughtVerbs"));
        Map<String, String> p = new HashMap<>();
        root.path("pronouns").properties().forEach(e -> p.put(e.getKey(), e.getValue().asText()));
        pronouns = Map.copyOf(p);
        Map<String, String> g = new HashMap<>();
        root.path("genderedWords").properties().forEach(e -> g.put(e.getKey(), e.getValue().asText()));
        genderedWords = Map.copyOf(g);
        roleNouns = strings(root.path("roleNouns"));
        personNouns = strings(root.path("personNouns"));
        sourceNouns = strings(root.path("sourceNouns"));
        titles = strings(root.path("titles"));
        orgNouns = strings(root.path("orgNouns"));
        notNames = strings(root.path("notNames"));
        participles = strings(root.path("participles"));
        List<String> verbs = new ArrayList<>(speechVerbs);
        verbs.addAll(thoughtVerbs);
        verbs.sort(Comparator.comparingInt(String::length).reversed());
        verbAlt = String.join("|", verbs.stream().map(v -> Pattern.quote(v).replace(" ", "\\E\\s+\\Q")).toList());
        auxAlt = String.join("|", strings(root.path("auxiliaries")));
        Set<String> first = new java.util.HashSet<>();
        for (String v : verbs) {
            first.add(v.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")[0]);
        }
        for (String v : participles) {
            first.add(v.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")[0]);
        }
        cueFirstWords = Set.copyOf(first);
    }

    /**
     * Every verb of saying or thinking and every participle, lower case; phrases ("called
     * for", "pointed out") with one space between their words.
     */
    public Set<String> verbForms() {
        Set<String> all = new java.util.HashSet<>(speechVerbs);
        all.addAll(thoughtVerbs);
        all.addAll(participles);
        return Set.copyOf(all);
    }

    /**
     * Whether {@code text} has a word that can begin a verb of saying or thinking or a
     * participle, case-insensitive: a cheap test before the attribution patterns, which all
     * need one (a sentence without any is most sentences).
     */
    boolean mayHaveCue(CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > start && cueFirstWords.contains(text.subSequence(start, i).toString().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Any verb of saying or thinking as a whole word, in any of its listed forms ("said",
     * "told", "believes", "called for") or as a participle ("saying", "promising"),
     * case-insensitive.
     */
    public java.util.regex.Pattern verbPattern() {
        List<String> ing = participles.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(java.util.regex.Pattern::quote).toList();
        return java.util.regex.Pattern.compile("(?i)(?<![\\p{L}])(?:" + verbAlt + "|" + String.join("|", ing)
                + ")(?![\\p{L}])");
    }

    private static Set<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return Set.copyOf(out);
    }

    private static final class Holder {
        static final Cues DEFAULT = load("cues.json");
    }

    public static Cues defaults() {
        return Holder.DEFAULT;
    }

    public static Cues load(String resource) {
        try (InputStream in = Cues.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no cue resource " + resource);
            }
            return new Cues(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    boolean isThought(String cue) {
        return thoughtVerbs.contains(cue.toLowerCase(java.util.Locale.ROOT));
    }
}
