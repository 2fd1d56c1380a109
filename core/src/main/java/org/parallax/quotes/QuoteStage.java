package org.parallax.quotes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parallax.text.Annotated;

/**
 * The quotes stage over a corpus: names (with corpus evidence shared between articles),
 * quotations and reported speech with speakers, pronoun and role resolution, and entities
 * with aliases.
 */
public final class QuoteStage {
    private QuoteStage() {
    }

    /** A raw quote with its speaker resolved to a name, before entity ids exist. */
    private record Resolved(String articleId, QuoteFinder.RawQuote raw, String name, EntityType type) {
    }

    /** Quotes, mentions and entities of a corpus, with the same-statement groups over the whole corpus. */
    public static QuoteResult run(List<Annotated> docs, QuoteConfig config) {
        return run(docs, config, true);
    }

    /**
     * As {@link #run(List, QuoteConfig)}; without {@code group} the result has no groups yet
     * (a caller that knows the stories groups them within events:
     * {@code org.parallax.stories.EventIndex#groupQuotes}).
     */
    public static QuoteResult run(List<Annotated> docs, QuoteConfig config, boolean group) {
        Steps steps = new Steps(config);
        // Per article work runs in parallel; what is shared is gathered in article order, so
        // the result does not depend on the number of threads.
        List<Evidence> evidence = java.util.stream.IntStream.range(0, docs.size()).parallel()
                .mapToObj(i -> steps.evidence(docs.get(i))).toList();
        List<String> persons = new ArrayList<>();
        List<String> aliasNames = new ArrayList<>();
        Map<String, int[]> singles = new HashMap<>();
        for (Evidence e : evidence) {
            persons.addAll(e.persons());
            e.aliases().forEach(m -> aliasNames.add(m.text()));
            add(singles, e.singles());
        }
        Known known = Known.of(persons, aliasNames, singles);
        List<List<Mention>> byDoc = java.util.stream.IntStream.range(0, docs.size()).parallel()
                .mapToObj(i -> steps.mentions(docs.get(i), evidence.get(i), known)).toList();
        Map<String, int[]> votes = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            add(votes, steps.genderVotes(docs.get(i), byDoc.get(i)));
        }
        List<List<Speech>> speech = java.util.stream.IntStream.range(0, docs.size()).parallel()
                .mapToObj(i -> steps.speech(docs.get(i), byDoc.get(i), known, votes)).toList();
        List<Mention> mentions = byDoc.stream().flatMap(List::stream).toList();
        List<EntityResolver.NameUse> uses = new ArrayList<>();
        for (Mention m : mentions) {
            uses.add(EntityResolver.NameUse.of(m));
        }
        for (int i = 0; i < docs.size(); i++) {
            for (Speech r : speech.get(i)) {
                if (r.name() != null) {
                    uses.add(r.use(docs.get(i).id()));
                }
            }
        }
        EntityResolver er = new EntityResolver(uses, aliasPairs(evidence));
        List<Quote> quotes = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < docs.size(); i++) {
            String id = docs.get(i).id();
            for (Speech r : speech.get(i)) {
                String entity = r.name() == null ? null : er.idOf(id, r.name(), r.type());
                quotes.add(r.quote("q" + (++n), id, entity));
            }
        }
        return new QuoteResult(quotes, mentions, er.entities(), group
                ? QuoteGroups.of(quotes, order(docs), published(docs)) : List.of());
    }

    /** Each article's place in corpus order, by id (ties between equal dates). */
    public static Map<String, Integer> order(List<Annotated> docs) {
        Map<String, Integer> order = new HashMap<>();
        for (Annotated d : docs) {
            order.put(d.id(), order.size());
        }
        return order;
    }

    /** Each dated article's publication date, by id. */
    public static Map<String, LocalDate> published(List<Annotated> docs) {
        Map<String, LocalDate> published = new HashMap<>();
        for (Annotated d : docs) {
            if (d.article().published() != null) {
                published.put(d.id(), d.article().published());
            }
        }
        return published;
    }

    /** Adds votes (counts per key) into {@code into}. */
    public static void add(Map<String, int[]> into, Map<String, int[]> votes) {
        votes.forEach((k, v) -> {
            int[] to = into.computeIfAbsent(k, x -> new int[v.length]);
            for (int j = 0; j < v.length; j++) {
                to[j] += v[j];
            }
        });
    }

    /** The name pairs the articles declare one organisation or place, in article order. */
    public static List<String[]> aliasPairs(List<Evidence> evidence) {
        List<String[]> out = new ArrayList<>();
        for (Evidence e : evidence) {
            for (int k = 0; k + 1 < e.aliases().size(); k += 2) {
                out.add(new String[] {e.aliases().get(k).text(), e.aliases().get(k + 1).text()});
            }
        }
        return out;
    }

    /**
     * What one article tells the corpus about names before any is resolved: people it names
     * in full, the names it declares one ({@code aliases}: pairs, one after the other), and its
     * votes on whether a lone capitalised word before a speech verb is a person.
     */
    public record Evidence(List<String> persons, List<Mention> aliases, Map<String, int[]> singles)
            implements java.io.Serializable {
    }

    /**
     * What the whole corpus knows of names: people named in full somewhere (folded, with their
     * surnames), organisation names declared as aliases, and the one-word names that speak as
     * people. Gathered from every article's {@link Evidence}.
     */
    public static final class Known implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final Set<String> folded;
        final Set<String> orgs;
        final Set<String> surnames;

        private Known(Set<String> folded, Set<String> orgs, Set<String> surnames) {
            this.folded = folded;
            this.orgs = orgs;
            this.surnames = surnames;
        }

        /**
         * @param persons    names of people in full, from the articles' evidence
         * @param aliasNames the names in declared aliases
         * @param singles    the summed votes of the articles' evidence
         */
        public static Known of(Iterable<String> persons, Iterable<String> aliasNames, Map<String, int[]> singles) {
            Set<String> known = new LinkedHashSet<>();
            persons.forEach(known::add);
            Set<String> orgs = new java.util.HashSet<>();
            aliasNames.forEach(a -> orgs.add(Names.orgKey(a)));
            // People the corpus names by one word ("Melanie said … she"): persons wherever they appear.
            Set<String> knownSingle = new java.util.HashSet<>();
            singles.forEach((w, v) -> {
                if (v[0] > v[1]) {
                    knownSingle.add(w);
                }
            });
            known.addAll(knownSingle);
            Set<String> surnames = new java.util.HashSet<>(knownSingle);
            known.forEach(k -> surnames.add(Names.fold(Names.surname(k))));
            return new Known(MentionFinder.folded(known), orgs, surnames);
        }
    }

    /**
     * A quotation or reported speech of one article, its speaker resolved to a name ({@code
     * name} null when unresolved) before entity ids exist.
     */
    public record Speech(int start, int end, String text, QuoteKind kind, int speakerStart, int speakerEnd,
                         String speakerText, String cue, String name, EntityType type) implements java.io.Serializable {
        /** The use of a name this speech makes (its speaker's words, or the name alone). */
        public EntityResolver.NameUse use(String article) {
            return speakerStart >= 0
                    ? new EntityResolver.NameUse(article, name, type, speakerStart, speakerEnd, speakerText)
                    : new EntityResolver.NameUse(article, name, type);
        }

        /** The report's quote, with its corpus-wide id and speaker entity. */
        public Quote quote(String id, String article, String entity) {
            return new Quote(id, article, start, end, text, kind, entity, speakerText, speakerStart, speakerEnd, cue);
        }
    }

    /**
     * The stage's per-article steps, for running them apart from the corpus-wide ones (on the
     * machines of a cluster job): {@link #evidence}, then with what every article's evidence
     * tells ({@link Known}) {@link #mentions} and {@link #genderVotes}, then with the summed
     * votes {@link #speech}. {@link QuoteStage#run} is these steps in one process.
     */
    public static final class Steps {
        private final QuoteConfig config;
        private MentionFinder mf;
        private QuoteFinder qf;

        public Steps(QuoteConfig config) {
            this.config = config;
        }

        private MentionFinder mf() {
            if (mf == null) {
                mf = new MentionFinder(config.cues());
            }
            return mf;
        }

        private QuoteFinder qf() {
            if (qf == null) {
                qf = new QuoteFinder(config);
            }
            return qf;
        }

        public Evidence evidence(Annotated d) {
            List<Mention> ms = mf().find(d, Set.of());
            List<String> persons = new ArrayList<>();
            for (Mention m : ms) {
                if (m.type() == EntityType.PERSON && Names.tokens(m.text()).size() >= 2) {
                    persons.add(m.text());
                }
            }
            List<Mention> aliases = new ArrayList<>();
            for (MentionFinder.Alias a : mf().aliases(d, ms)) {
                aliases.add(a.a());
                aliases.add(a.b());
            }
            Map<String, int[]> single = new HashMap<>();
            mf().singleSpeakers(d, single);
            return new Evidence(persons, aliases, single);
        }

        /** The article's mentions of names, with what the corpus knows; sorted by place. */
        public List<Mention> mentions(Annotated d, Evidence e, Known known) {
            List<Mention> ms = new ArrayList<>(mf().findFolded(d, known.folded, known.orgs));
            for (Mention m : e.aliases()) {
                if (ms.stream().noneMatch(x -> x.start() < m.end() && m.start() < x.end())) {
                    ms.add(m);
                }
            }
            ms.sort(Comparator.comparingInt(Mention::start));
            return ms;
        }

        /** The article's votes on the gender of each surname it names (see {@link Genders}). */
        public Map<String, int[]> genderVotes(Annotated d, List<Mention> mentions) {
            return Genders.votes(d, mentions, config.cues());
        }

        /** The article's quotations and reported speech, speakers resolved to names. */
        public List<Speech> speech(Annotated d, List<Mention> mentions, Known known, Map<String, int[]> genderVotes) {
            Genders genders = Genders.of(genderVotes);
            List<Resolved> here = new ArrayList<>();
            List<QuoteFinder.RawQuote> raw = qf().find(d);
            // Names inside quotations and reported speech are what speakers talk about: a
            // pronoun or role noun outside refers to someone in the narrative.
            List<Mention> narrative = mentions.stream().filter(m -> raw.stream().noneMatch(q ->
                    q.start() <= m.start() && m.end() <= q.end())).toList();
            for (QuoteFinder.RawQuote q : raw) {
                here.add(resolve(d, q, narrative, here, config, known.surnames, known.orgs, genders));
            }
            String body = d.article().body();
            List<Speech> out = new ArrayList<>();
            for (Resolved r : here) {
                var q = r.raw();
                if (q.spkText() != null && !speakerWords(q.spkText())) {
                    // Words that cannot name a speaker ("On Friday", "which", "R-Calif"): no speaker.
                    out.add(new Speech(q.start(), q.end(), body.substring(q.start(), q.end()), q.kind(), -1, -1, null,
                            q.cue(), null, null));
                    continue;
                }
                out.add(new Speech(q.start(), q.end(), body.substring(q.start(), q.end()), q.kind(), q.spkStart(),
                        q.spkEnd(), q.spkText(), q.cue(), r.name(), r.type()));
            }
            return out;
        }
    }

    private static Resolved resolve(Annotated d, QuoteFinder.RawQuote q, List<Mention> mentions,
                                    List<Resolved> earlier, QuoteConfig config, Set<String> knownSurnames,
                                    Set<String> knownOrgs, Genders genders) {
        Cues cues = config.cues();
        String s = q.spkText();
        if (s == null) {
            return new Resolved(d.id(), q, null, null);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (cues.pronouns.containsKey(lower)) {
            // The person named last before the pronoun whose gender (as the corpus shows it)
            // fits it; failing that, the last speaker.
            // Earlier speakers count as mentions where they were named: "Johnnie Wilson, of
            // Springfield, said …. He said …" continues the speaker.
            String wanted = cues.pronouns.get(lower);
            if (wanted.equals("nonperson")) {
                // "it added": the organisation or document that spoke last, or was named last
                for (int i = earlier.size() - 1; i >= 0; i--) {
                    Resolved r = earlier.get(i);
                    if (r.name() != null && r.type() != EntityType.PERSON) {
                        return new Resolved(d.id(), q, r.name(), r.type());
                    }
                }
                Mention org = mentions.stream().filter(x -> x.type() == EntityType.ORGANIZATION && x.end() <= q.spkStart())
                        .max(Comparator.comparingInt(Mention::start)).orElse(null);
                return org == null ? new Resolved(d.id(), q, null, null) : new Resolved(d.id(), q, org.text(), org.type());
            }
            Mention m = mentions.stream()
                    .filter(x -> x.type() == EntityType.PERSON && x.end() <= q.spkStart())
                    .filter(x -> genders.fits(x.text(), wanted) && !attributive(d, x))
                    .max(Comparator.comparingInt(Mention::start)).orElse(null);
            // The subject of that sentence is the discourse's topic, not a person named later in
            // it as an object ("Perry stepped up his attacks on Obama. … he said": Perry).
            Mention subject = m == null ? null : subjectOf(d, mentions, m);
            if (subject != null && genders.fits(subject.text(), wanted)) {
                m = subject;
            }
            Resolved speaker = null;
            for (Resolved r : earlier) {
                if (r.name() != null && r.type() == EntityType.PERSON && r.raw().spkStart() >= 0
                        && r.raw().spkStart() < q.spkStart() && genders.fits(r.name(), wanted)
                        && (speaker == null || r.raw().spkStart() > speaker.raw().spkStart())) {
                    speaker = r;
                }
            }
            // The last speaker stays the topic for a while: within the same or the previous
            // paragraph a fitting speaker wins over a person merely mentioned since.
            // Unless that person is the subject of this or the previous sentence ("Tom Brandt
            // disagreed. “…,” he said.").
            boolean recentSpeaker = speaker != null && q.paragraph() - speaker.raw().paragraph() <= 1
                    && !(m != null && subjectNearby(d, mentions, m, q.spkStart()));
            if (speaker != null && (m == null || recentSpeaker || speaker.raw().spkStart() > m.start())) {
                return new Resolved(d.id(), q, speaker.name(), EntityType.PERSON);
            }
            if (m != null) {
                return new Resolved(d.id(), q, m.text(), EntityType.PERSON);
            }
            Resolved prev = lastNamedSpeaker(earlier, q.paragraph() - config.resolveWindowParagraphs(), EntityType.PERSON);
            return prev == null ? new Resolved(d.id(), q, null, null) : new Resolved(d.id(), q, prev.name(), prev.type());
        }
        String first = lower.split("\\s+")[0];
        boolean possessive = first.endsWith("'s") || first.endsWith("’s");
        if ((DETERMINERS.contains(first) || possessive) && s.indexOf(' ') > 0) {
            String head = lower.substring(lower.lastIndexOf(' ') + 1);
            if (Names.isOrg(s, cues)) {
                // "the union", "the committee": the organisation of that kind named last
                Mention org = nearestOrg(mentions, q.spkStart(), head);
                if (org != null) {
                    return new Resolved(d.id(), q, org.text(), org.type());
                }
                // "The United Nations", "The Washington Post": a proper name after the article
                String rest = s.substring(s.indexOf(' ') + 1);
                boolean proper = Names.tokens(rest).stream().allMatch(w -> Character.isUpperCase(w.charAt(0)));
                return proper ? new Resolved(d.id(), q, rest, Names.isPlace(rest) ? EntityType.PLACE : EntityType.ORGANIZATION)
                        : new Resolved(d.id(), q, null, null);
            }
            if (!isPersonNoun(head, cues)) {
                // "the letter", "the report", "the officials": a document or a group, not one person
                return new Resolved(d.id(), q, null, null);
            }
            Mention byRole = nearestPerson(mentions, q.spkStart(), head);
            if (byRole != null) {
                return new Resolved(d.id(), q, byRole.text(), EntityType.PERSON);
            }
            if (!first.equals("the")) {
                // "a friend", "one source", "his spokesman", "Obama's strategist": someone new or
                // someone else than the one named; without a name that matches the role, unknown
                return new Resolved(d.id(), q, null, null);
            }
            Resolved prev = lastNamedSpeaker(earlier, q.paragraph() - config.resolveWindowParagraphs(), EntityType.PERSON);
            if (prev != null) {
                return new Resolved(d.id(), q, prev.name(), prev.type());
            }
            Mention m = nearestPerson(mentions, q.spkStart(), null);
            return new Resolved(d.id(), q, m == null ? null : m.text(), EntityType.PERSON);
        }
        String whole = Names.stripPossessive(s.substring(Names.leadingNotNames(s, cues)));
        if (Names.isPlace(whole) && !(Names.tokens(whole).size() == 1 && knownSurnames.contains(Names.fold(whole)))) {
            return new Resolved(d.id(), q, whole, EntityType.PLACE);
        }
        if (Names.isOrg(s, cues) || knownOrgs.contains(Names.orgKey(whole))) {
            return new Resolved(d.id(), q, whole, EntityType.ORGANIZATION);
        }
        Names.Split split = Names.split(s, cues);
        if (split == null || !properName(split.name())) {
            return new Resolved(d.id(), q, null, null); // a description, not a name
        }
        // A lone capitalised word ("Critics", "Moscow") is a person only if the corpus knows
        // someone by that surname.
        if (Names.tokens(split.name()).size() == 1 && !knownSurnames.contains(Names.fold(split.name()))) {
            return new Resolved(d.id(), q, null, null);
        }
        return new Resolved(d.id(), q, split.name(), EntityType.PERSON);
    }

    /**
     * A name used as a modifier after an article ("the Obama administration", "a Clinton
     * aide"): it names no one who could be the speaker.
     */
    private static boolean attributive(Annotated d, Mention m) {
        String body = d.article().body();
        int from = Math.max(0, m.start() - 4);
        String before = body.substring(from, m.start()).toLowerCase(Locale.ROOT);
        return before.endsWith("the ") || before.endsWith(" a ") || before.equals("a ");
    }

    /**
     * The first person named in the sentence of {@code m}, when that is another person named
     * before it and not in the same quotation-free clause run as a coordinated list ("Smith and
     * Jones"); else null.
     */
    private static Mention subjectOf(Annotated d, List<Mention> mentions, Mention m) {
        var t = d.text();
        int ms = t.sentenceAt(m.start());
        if (ms < 0) {
            return null;
        }
        int sentStart = t.sentences().get(ms).start();
        Mention first = mentions.stream().filter(x -> x.type() == EntityType.PERSON && x.start() >= sentStart
                && x.start() < m.start()).min(Comparator.comparingInt(Mention::start)).orElse(null);
        if (first == null || Names.fold(first.text()).equals(Names.fold(m.text()))) {
            return null;
        }
        String between = d.article().body().substring(first.end(), m.start()).toLowerCase(Locale.ROOT).strip();
        if (between.equals("and") || between.equals(",") || between.equals("or")) {
            return null; // a list of people: no one of them is the subject
        }
        return first;
    }

    /** First words that open no name of a speaker: prepositions, time words, relative and question words. */
    private static final Set<String> NOT_A_SPEAKER_START = Set.of("on", "in", "at", "by", "for", "after", "before",
            "during", "since", "until", "which", "whom", "whose", "what", "where", "when", "why", "how", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow");
    private static final java.util.regex.Pattern PARTY_TAG = java.util.regex.Pattern.compile("[RDI]-[A-Z][A-Za-z.]*");
    private static final java.util.regex.Pattern NUMBER_WORDS = java.util.regex.Pattern.compile(
            "(?i)(?:\\d[\\d,.]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
                    + "|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|dozens|hundreds|thousands)"
                    + "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)");

    /**
     * Whether words found as a quote's speaker can name one (a person, an organisation, a
     * document, or a pronoun or role that stands for one): not a time or place phrase ("On
     * Friday", "In Washington"), a relative or question word, a bare number ("Forty-five"), or a
     * party-and-state tag ("R-Calif"); a possessive names its owner's thing ("Obama's
     * Thanksgiving"), so only a person, role or group word may follow it.
     */
    static boolean speakerWords(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return false;
        }
        String[] words = t.split("\\s+");
        String first = words[0].toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d-]", "");
        if (NOT_A_SPEAKER_START.contains(first) || PARTY_TAG.matcher(t).matches()) {
            return false;
        }
        if (words.length == 1 && NUMBER_WORDS.matcher(t).matches()) {
            return false;
        }
        for (int i = 0; i + 1 < words.length; i++) {
            String w = words[i];
            if ((w.endsWith("'s") || w.endsWith("’s")) && i + 2 == words.length
                    && Character.isUpperCase(words[i + 1].charAt(0)) && i > 0) {
                return false; // "Barack Obama's Thanksgiving": a thing of his, not him
            }
        }
        return true;
    }

    /** Whether {@code m} is the first person named in its sentence, that or the one before {@code at}. */
    private static boolean subjectNearby(Annotated d, List<Mention> mentions, Mention m, int at) {
        var t = d.text();
        int ms = t.sentenceAt(m.start());
        int qs = t.sentenceAt(at);
        if (ms < 0 || qs < 0 || qs - ms > 1) {
            return false;
        }
        int sentStart = t.sentences().get(ms).start();
        return mentions.stream().noneMatch(x -> x.type() == EntityType.PERSON && x.start() >= sentStart && x.start() < m.start());
    }

    private static final java.util.regex.Pattern PARTICLE = java.util.regex.Pattern.compile("(?:" + Names.PARTICLES + ")(?:-.*)?");

    /** Every word capitalised, but for name particles ("Ludwig van Beethoven", "Jabhat al-Sham"). */
    private static boolean properName(String name) {
        for (String w : Names.tokens(name)) {
            if (!Character.isUpperCase(w.charAt(0)) && !PARTICLE.matcher(w).matches()) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "his", "her", "their", "my", "our", "its", "one");

    private static boolean isPersonNoun(String head, Cues cues) {
        return cues.roleNouns.contains(head) || cues.personNouns.contains(head) || cues.genderedWords.containsKey(head);
    }

    /** The organisation mentioned last before {@code offset} whose name has {@code noun}. */
    private static Mention nearestOrg(List<Mention> mentions, int offset, String noun) {
        return mentions.stream()
                .filter(m -> m.type() != EntityType.PERSON && m.end() <= offset)
                .filter(m -> m.text().toLowerCase(Locale.ROOT).contains(noun))
                .max(Comparator.comparingInt(Mention::start))
                .orElse(null);
    }

    private static Resolved lastNamedSpeaker(List<Resolved> earlier, int minParagraph, EntityType type) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Resolved r = earlier.get(i);
            if (r.raw().paragraph() < minParagraph) {
                break;
            }
            if (r.name() != null && r.type() == type) {
                return r;
            }
        }
        return null;
    }

    /** The person mentioned last before {@code offset}; with a role head, one whose role has it. */
    private static Mention nearestPerson(List<Mention> mentions, int offset, String roleHead) {
        return mentions.stream()
                .filter(m -> m.type() == EntityType.PERSON && m.end() <= offset)
                .filter(m -> roleHead == null || m.role().toLowerCase(Locale.ROOT).contains(roleHead))
                .max(Comparator.comparingInt(Mention::start))
                .orElse(null);
    }
}
