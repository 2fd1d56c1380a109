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

    private final Pattern singleSpeaker;

    MentionFinder(Cues cues) {
        this.cues = cues;
        this.singleSpeaker = Pattern.compile("(?<![\\p{L}.'’-] ?)(?<=[\\s\"“”,.;:(]|^)(\\p{Lu}\\p{Ll}+)\\s+(?:(?i:" + cues.auxAlt
                + ")\\s+){0,2}(?i:" + cues.verbAlt + ")\\b");
        this.cueAfter = Pattern.compile("^\\s*,?\\s*(?:(?i:" + cues.auxAlt + ")\\s+){0,2}(?i:" + cues.verbAlt + ")\\b");
        this.cueBefore = Pattern.compile("(?i:\\b(?:" + cues.verbAlt + ")|according to)\\s*$");
    }

    private static final Pattern JOINED_BEFORE = Pattern.compile("(?<![\\p{L}])(?:al|el|Al|El)-$");

    private static final String ALIAS_MODIFIER = "(?:formerly|previously|also|now|once|originally|better|widely|commonly|sometimes)";

    /**
     * A name followed by another that the text gives as its alias, former or other name:
     * "X, formerly known as Y", "X (also called Y)", "X, which renamed itself Y".
     */
    private static final Pattern ALIAS_CALLED = Pattern.compile("(?<a>(?:(?:[Aa]l|[Ee]l)-)?" + Names.NAME + ")"
            + "(?:\\s*[,(]\\s*(?:(?:which|who)\\s+(?:is|was)\\s+)?(?:" + ALIAS_MODIFIER + "\\s+)?|\\s+" + ALIAS_MODIFIER + "\\s+)"
            + "(?:known\\s+as|called|named|referred\\s+to\\s+as|renamed(?:\\s+itself)?(?:\\s+as)?"
            + "|rebranded(?:\\s+itself)?(?:\\s+as)?)\\s+(?:the\\s+)?(?<b>(?:(?:[Aa]l|[Ee]l)-)?" + Names.NAME + ")");
    /** "Islamic State of Iraq and the Levant (ISIL)": a name and its acronym in brackets. */
    /** An organisation's full name, with the small words long names carry ("Observatory for Human Rights"). */
    private static final String LONG_NAME = "(?:" + Names.CAP + ")(?: (?:(?:of|for|and|on|in|de|des|du|la|del|der|al)"
            + "(?: the)? )?(?:" + Names.JOINED + ")?(?:" + Names.CAP + ")){0,8}";
    private static final Pattern ALIAS_ACRONYM = Pattern.compile("(?<a>" + LONG_NAME + ")\\s+\\(\\s*(?<b>\\p{Lu}[\\p{Lu}\\p{Ll}]{0,2}\\p{Lu}{1,5}|(?:\\p{Lu}\\.){2,6})\\s*\\)");

    /** The words {@link #ALIAS_CALLED} needs, and the bracket {@link #ALIAS_ACRONYM} needs. */
    private static final Pattern ALIAS_CALLED_WORD = Pattern.compile(
            "(?<![\\p{L}])(?:known|called|named|referred|renamed|rebranded)(?![\\p{L}])");
    private static final Pattern ALIAS_ACRONYM_BRACKET = Pattern.compile("\\(\\s*\\p{Lu}");
    /** How far from those words an alias pattern's match can begin or end, in characters. */
    private static final int ALIAS_REACH = 300;

    private static final Pattern NEXT_PRONOUN = Pattern.compile("\\b(he|she|it|they)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Single capitalised words that speak ("Melanie said", "Lynch added"), with the pronoun that
     * next refers back within the following sentence: votes per word, {person, other}. A word
     * followed by "he" or "she" is a person named by one name; "it" or "they", an outlet or a group.
     */
    void singleSpeakers(Annotated doc, java.util.Map<String, int[]> votes) {
        String body = doc.article().body();
        Matcher m = singleSpeaker.matcher(body);
        while (m.find()) {
            String w = m.group(1);
            String l = Names.lower(w);
            if (cues.notNames.contains(l) || Names.isPlace(w) || Names.isGentilic(w) || Names.isRoleWord(w, cues)
                    || cues.orgNouns.contains(l) || w.equals(w.toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            int end = Math.min(body.length(), m.end() + 300);
            Matcher p = NEXT_PRONOUN.matcher(body).region(m.end(), end);
            if (p.find()) {
                String pr = p.group(1).toLowerCase(java.util.Locale.ROOT);
                int[] v = votes.computeIfAbsent(Names.fold(w), k -> new int[2]);
                v[pr.equals("he") || pr.equals("she") ? 0 : 1]++;
            }
        }
    }

    /** Two names the text says are one organisation or place: renames, aliases, acronyms. */
    record Alias(Mention a, Mention b) {
    }

    List<Alias> aliases(Annotated doc, List<Mention> persons) {
        String body = doc.article().body();
        List<Alias> out = new ArrayList<>();
        for (Pattern p : List.of(ALIAS_CALLED, ALIAS_ACRONYM)) {
            for (Matcher m : near(p, p == ALIAS_CALLED ? ALIAS_CALLED_WORD : ALIAS_ACRONYM_BRACKET, body)) {
                Mention a = orgMention(doc, body, m.start("a"), m.end("a"));
                Mention b = orgMention(doc, body, m.start("b"), m.end("b"));
                if (a == null || b == null || Names.orgKey(a.text()).equals(Names.orgKey(b.text()))) {
                    continue;
                }
                if (p == ALIAS_ACRONYM && !initialsFit(a.text(), b.text())) {
                    continue;
                }
                boolean person = persons.stream().anyMatch(x -> x.type() == EntityType.PERSON
                        && x.start() < b.end() && a.start() < x.end());
                if (!person) {
                    out.add(new Alias(a, b));
                }
            }
        }
        return out;
    }

    /**
     * The matches of {@code p} in {@code body}, left to right and not overlapping, looked for
     * only within {@link #ALIAS_REACH} characters of a match of {@code trigger} (words every
     * match of {@code p} contains): the alias patterns begin with a name and would otherwise be
     * tried at every position of every article. Each returned matcher is a snapshot.
     */
    private static List<Matcher> near(Pattern p, Pattern trigger, String body) {
        List<Matcher> out = new ArrayList<>();
        Matcher t = trigger.matcher(body);
        int done = 0;
        while (t.find()) {
            int from = Math.max(done, t.start() - ALIAS_REACH);
            int to = Math.min(body.length(), t.end() + ALIAS_REACH);
            if (from >= to) {
                continue;
            }
            Matcher m = p.matcher(body).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
            while (m.find()) {
                done = Math.max(done, m.end());
                Matcher snapshot = p.matcher(body).region(m.start(), m.end()).useTransparentBounds(true)
                        .useAnchoringBounds(false);
                snapshot.lookingAt();
                out.add(snapshot);
            }
        }
        return out;
    }

    private Mention orgMention(Annotated doc, String body, int start, int end) {
        String run = body.substring(start, end);
        int lead = Names.leadingNotNames(run, cues);
        String name = Names.stripPossessive(run.substring(lead));
        if (name.isEmpty() || Names.split(name, cues) == null && !Names.isPlace(name)) {
            return null;
        }
        EntityType type = Names.isPlace(name) ? EntityType.PLACE : EntityType.ORGANIZATION;
        return new Mention(doc.id(), start + lead, start + lead + name.length(), name, type, "");
    }

    /** The acronym's first letter is the initial of the name's first significant word. */
    private static boolean initialsFit(String name, String acronym) {
        String key = Names.orgKey(name);
        return !key.isEmpty() && Character.toLowerCase(acronym.charAt(0)) == key.charAt(0);
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
        return find(doc, knownPersons, Set.of());
    }

    /**
     * All mentions in the article. {@code knownPersons} are full names known from the corpus;
     * {@code knownOrgs} are {@link Names#orgKey} keys of organisation names the corpus gives
     * as aliases ("SOHR"), which are organisations wherever they stand.
     */
    List<Mention> find(Annotated doc, Set<String> knownPersons, Set<String> knownOrgs) {
        return findFolded(doc, folded(knownPersons), knownOrgs);
    }

    /** The {@link Names#fold} keys of known full names and of their surnames. */
    static Set<String> folded(Set<String> knownPersons) {
        Set<String> knownFolded = new java.util.HashSet<>();
        for (String k : knownPersons) {
            knownFolded.add(Names.fold(k));
            knownFolded.add(Names.fold(Names.surname(k)));
        }
        return knownFolded;
    }

    /** As {@link #find(Annotated, Set, Set)}, the known names given folded ({@link #folded}). */
    List<Mention> findFolded(Annotated doc, Set<String> knownFolded, Set<String> knownOrgs) {
        String body = doc.article().body();
        List<Mention> out = new ArrayList<>();
        Matcher m = RUN.matcher(body);
        while (m.find()) {
            int lead0 = Names.leadingNotNames(m.group(), cues);
            String whole = Names.stripPossessive(m.group().substring(lead0));
            if (Names.isPlace(whole) && !(Names.tokens(whole).size() == 1 && knownFolded.contains(Names.fold(whole)))
                    && (!cues.notNames.contains(Names.lower(whole)) || whole.equals(whole.toUpperCase(java.util.Locale.ROOT)))) {
                int ps = m.start() + lead0;
                out.add(new Mention(doc.id(), ps, ps + whole.length(), whole, EntityType.PLACE, ""));
                continue;
            }
            if (knownOrgs.contains(Names.orgKey(whole))) {
                int os = m.start() + lead0;
                out.add(new Mention(doc.id(), os, os + whole.length(), whole, EntityType.ORGANIZATION, ""));
                continue;
            }
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
                    if (lead == 0 && JOINED_BEFORE.matcher(body.substring(Math.max(0, os - 4), os)).find()) {
                        // "al-Shabaab", "el-Baradei": the joined article belongs to the name
                        int back = os - 1;
                        while (back > 0 && Character.isLetter(body.charAt(back - 1))) {
                            back--;
                        }
                        org = body.substring(back, os) + org;
                        os = back;
                    }
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
