package org.parallax.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.text.Annotated;

/**
 * Person and organisation names by rules and in-corpus evidence (no Apache-licensed NER
 * model exists on Maven Central). A capitalised run is a person when role words precede it
 * ("Foreign Minister Anna Berg") or when a two-to-four-word name is the subject of an
 * attribution verb ("Anna Berg said"); an organisation when it ends in an organisation
 * noun ("Foreign Ministry"). A later bare surname or full name of a known person is a person.
 */
final class MentionFinder {
    private static final Pattern RUN = Pattern.compile(Names.NAME);
    private final Cues cues;
    private final Pattern cueAfter;
    private final Pattern cueBefore;

    MentionFinder(Cues cues) {
        this.cues = cues;
        this.cueAfter = Pattern.compile("^\\s*,?\\s*(?:(?i:" + cues.auxAlt + ")\\s+){0,2}(?i:" + cues.verbAlt + ")\\b");
        this.cueBefore = Pattern.compile("(?i:\\b(?:" + cues.verbAlt + ")|according to)\\s*$");
    }

    /** Names with evidence of being persons, as written (role words removed). */
    Set<String> personNames(Annotated doc) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Mention m : find(doc, Set.of())) {
            if (m.type() == EntityType.PERSON && Names.tokens(m.text()).size() >= 2) {
                out.add(m.text());
            }
        }
        return out;
    }

    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}-]+)\\s+$");

    /** A lower-case role word just before a name ("his counterpart Paolo Gentiloni"). */
    private String roleBefore(String body, int at) {
        Matcher w = WORD_BEFORE.matcher(body.substring(Math.max(0, at - 30), at));
        if (w.find()) {
            String word = w.group(1);
            if (Character.isLowerCase(word.charAt(0)) && Names.isRoleWord(word, cues)
                    && !cues.notNames.contains(word)) {
                return word;
            }
        }
        return "";
    }

    /** All mentions in the article; {@code knownPersons} are full names known from the corpus. */
    List<Mention> find(Annotated doc, Set<String> knownPersons) {
        String body = doc.article().body();
        Set<String> knownFolded = new java.util.HashSet<>();
        for (String k : knownPersons) {
            knownFolded.add(Names.fold(k));
            knownFolded.add(Names.fold(Names.surname(k)));
        }
        List<Mention> out = new ArrayList<>();
        Matcher m = RUN.matcher(body);
        while (m.find()) {
            Names.Split s = Names.split(m.group(), cues);
            if (s == null) {
                continue;
            }
            int start = m.start() + s.nameOffset();
            int end = start + s.name().length();
            String name = s.name();
            if (Names.isOrg(m.group(), cues)) {
                // The whole run names the organisation, role-like words included.
                int lead = Names.leadingNotNames(m.group(), cues);
                String org = Names.stripPossessive(m.group().substring(lead));
                if (!org.isEmpty() && Names.tokens(org).size() >= 2 || org.length() >= 2 && org.equals(org.toUpperCase(java.util.Locale.ROOT))) {
                    int os = m.start() + lead;
                    out.add(new Mention(doc.id(), os, os + org.length(), org, EntityType.ORGANIZATION, ""));
                }
                continue;
            }
            int words = Names.tokens(name).size();
            String role = s.role().isEmpty() ? roleBefore(body, m.start()) : s.role();
            boolean roled = !role.isEmpty() && words <= 3;
            boolean speaking = words >= 2 && words <= 4
                    && (cueAfter.matcher(body.substring(end, Math.min(body.length(), end + 40))).find()
                    || cueBefore.matcher(body.substring(Math.max(0, start - 40), start)).find());
            boolean known = knownFolded.contains(Names.fold(name));
            if ((roled || speaking || known) && !Names.isGentilic(name) && words <= 4) {
                out.add(new Mention(doc.id(), start, end, name, EntityType.PERSON, role));
            }
        }
        return out;
    }
}
