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

    public static QuoteResult run(List<Annotated> docs, QuoteConfig config) {
        MentionFinder mf = new MentionFinder(config.cues());
        Set<String> known = new LinkedHashSet<>();
        Set<String> knownOrgs = new java.util.HashSet<>();
        List<String[]> aliases = new ArrayList<>();
        List<List<MentionFinder.Alias>> aliasesByDoc = new ArrayList<>();
        // Per article work runs in parallel; what is shared is gathered in article order, so
        // the result does not depend on the number of threads.
        record First(List<Mention> mentions, List<MentionFinder.Alias> aliases) {
        }
        List<First> firsts = java.util.stream.IntStream.range(0, docs.size()).parallel().mapToObj(i -> {
            List<Mention> ms = mf.find(docs.get(i), Set.of());
            return new First(ms, mf.aliases(docs.get(i), ms));
        }).toList();
        for (First f : firsts) {
            for (Mention m : f.mentions()) {
                if (m.type() == EntityType.PERSON && Names.tokens(m.text()).size() >= 2) {
                    known.add(m.text());
                }
            }
            List<MentionFinder.Alias> as = f.aliases();
            aliasesByDoc.add(as);
            for (MentionFinder.Alias a : as) {
                aliases.add(new String[] {a.a().text(), a.b().text()});
                knownOrgs.add(Names.orgKey(a.a().text()));
                knownOrgs.add(Names.orgKey(a.b().text()));
            }
        }
        // People the corpus names by one word ("Melanie said … she"): persons wherever they appear.
        Map<String, int[]> single = new HashMap<>();
        for (Annotated d : docs) {
            mf.singleSpeakers(d, single);
        }
        Set<String> knownSingle = new java.util.HashSet<>();
        single.forEach((w, v) -> {
            if (v[0] > v[1]) {
                knownSingle.add(w);
            }
        });
        known.addAll(knownSingle);
        Set<String> knownSurnames = new java.util.HashSet<>(knownSingle);
        known.forEach(k -> knownSurnames.add(Names.fold(Names.surname(k))));
        List<Mention> mentions = new ArrayList<>();
        List<List<Mention>> byDoc = new ArrayList<>();
        Set<String> knownFolded = MentionFinder.folded(known);
        List<List<Mention>> found = java.util.stream.IntStream.range(0, docs.size()).parallel()
                .mapToObj(i -> mf.findFolded(docs.get(i), knownFolded, knownOrgs)).toList();
        for (int i = 0; i < docs.size(); i++) {
            List<Mention> ms = new ArrayList<>(found.get(i));
            for (MentionFinder.Alias a : aliasesByDoc.get(i)) {
                for (Mention m : List.of(a.a(), a.b())) {
                    if (ms.stream().noneMatch(x -> x.start() < m.end() && m.start() < x.end())) {
                        ms.add(m);
                    }
                }
            }
            ms.sort(Comparator.comparingInt(Mention::start));
            mentions.addAll(ms);
            byDoc.add(ms);
        }
        Genders genders = Genders.of(docs, byDoc, config.cues());
        QuoteFinder qf = new QuoteFinder(config);
        List<Resolved> resolved = java.util.stream.IntStream.range(0, docs.size()).parallel().mapToObj(i -> {
            Annotated d = docs.get(i);
            List<Resolved> here = new ArrayList<>();
            List<QuoteFinder.RawQuote> raw = qf.find(d);
            // Names inside quotations and reported speech are what speakers talk about: a
            // pronoun or role noun outside refers to someone in the narrative.
            List<Mention> narrative = byDoc.get(i).stream().filter(m -> raw.stream().noneMatch(q ->
                    q.start() <= m.start() && m.end() <= q.end())).toList();
            for (QuoteFinder.RawQuote q : raw) {
                here.add(resolve(d, q, narrative, here, config, knownSurnames, knownOrgs, genders));
            }
            return here;
        }).flatMap(List::stream).toList();
        List<EntityResolver.NameUse> uses = new ArrayList<>();
        for (Mention m : mentions) {
            uses.add(new EntityResolver.NameUse(m.articleId(), m.text(), m.type(), m.start(), m.end(), m.text()));
        }
        for (Resolved r : resolved) {
            if (r.name() != null) {
                var q = r.raw();
                uses.add(q.spkStart() >= 0
                        ? new EntityResolver.NameUse(r.articleId(), r.name(), r.type(), q.spkStart(), q.spkEnd(), q.spkText())
                        : new EntityResolver.NameUse(r.articleId(), r.name(), r.type()));
            }
        }
        EntityResolver er = new EntityResolver(uses, aliases);
        java.util.Map<String, String> bodies = new java.util.HashMap<>();
        docs.forEach(d -> bodies.put(d.id(), d.article().body()));
        List<Quote> quotes = new ArrayList<>();
        int n = 0;
        for (Resolved r : resolved) {
            var q = r.raw();
            String body = bodies.get(r.articleId());
            String entity = r.name() == null ? null : er.idOf(r.articleId(), r.name(), r.type());
            quotes.add(new Quote("q" + (++n), r.articleId(), q.start(), q.end(), body.substring(q.start(), q.end()),
                    q.kind(), entity, q.spkText(), q.spkStart(), q.spkEnd(), q.cue()));
        }
        Map<String, Integer> order = new HashMap<>();
        Map<String, LocalDate> published = new HashMap<>();
        for (Annotated d : docs) {
            order.put(d.id(), order.size());
            if (d.article().published() != null) {
                published.put(d.id(), d.article().published());
            }
        }
        return new QuoteResult(quotes, mentions, er.entities(), QuoteGroups.of(quotes, order, published));
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
                    .filter(x -> genders.fits(x.text(), wanted))
                    .max(Comparator.comparingInt(Mention::start)).orElse(null);
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
