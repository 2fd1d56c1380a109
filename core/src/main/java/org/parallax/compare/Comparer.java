package org.parallax.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.parallax.reuse.ReuseLink;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Span;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteResult;
import org.parallax.stories.Story;
import org.parallax.text.Annotated;

/**
 * The compare stage. For each story, each sentence of each article is labelled: attributed
 * when it holds a quotation or reported speech (its source is the speaker), else the
 * outlet's own voice — and an unattributed claim when that own voice uses loaded or
 * evaluative words from the lexicon. Coverage sums this per article.
 */
public final class Comparer {
    private Comparer() {
    }

    public static CompareResult compare(List<Story> stories, List<Annotated> docs, QuoteResult quotes,
                                        List<ReuseLink> reuse, CompareConfig config) {
        return compare(stories, docs, quotes, reuse, config, MiniLmEncoder.INSTANCE);
    }

    /**
     * As {@link #compare(List, List, QuoteResult, List, CompareConfig)}, sentences embedded by
     * {@code encoder} (when {@link CompareConfig#embeddings()}).
     */
    public static CompareResult compare(List<Story> stories, List<Annotated> docs, QuoteResult quotes,
                                        List<ReuseLink> reuse, CompareConfig config, SentenceEncoder encoder) {
        Map<String, Annotated> byId = new HashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        Map<String, List<Quote>> quotesByArticle = new HashMap<>();
        quotes.quotes().forEach(q -> quotesByArticle.computeIfAbsent(q.articleId(), k -> new ArrayList<>()).add(q));
        Pattern lexicon = lexiconPattern(config.evaluativeTerms());
        List<Figure> figures = FigureStage.run(docs, quotes);
        Map<String, List<Figure>> figuresByArticle = new HashMap<>();
        figures.forEach(f -> figuresByArticle.computeIfAbsent(f.article(), k -> new ArrayList<>()).add(f));
        // Stories are compared in parallel (each reads the shared maps only); the list keeps their order.
        List<Comparison> out = java.util.stream.IntStream.range(0, stories.size()).parallel()
                .mapToObj(k -> story(stories.get(k), byId, quotesByArticle, figuresByArticle, quotes, reuse, lexicon,
                        config, encoder))
                .toList();
        return new CompareResult(figures, out);
    }

    private static Comparison story(Story s, Map<String, Annotated> byId, Map<String, List<Quote>> quotesByArticle,
                                    Map<String, List<Figure>> figuresByArticle, QuoteResult quotes,
                                    List<ReuseLink> reuse, Pattern lexicon, CompareConfig config,
                                    SentenceEncoder encoder) {
        List<VoiceSpan> voice = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        for (String id : s.articles()) {
            Annotated d = byId.get(id);
            List<Quote> qs = quotesByArticle.getOrDefault(id, List.of());
            List<VoiceSpan> here = voice(d, qs, lexicon);
            voice.addAll(here);
            int attributed = (int) here.stream().filter(v -> v.label() == VoiceLabel.ATTRIBUTED).count();
            int claims = (int) here.stream().filter(v -> v.label() == VoiceLabel.UNATTRIBUTED_CLAIM).count();
            int own = here.size() - attributed;
            coverage.add(new Coverage(id, d.article().outlet(), here.size(), attributed, own, claims, qs.size(),
                    here.isEmpty() ? 0 : Math.round(1000.0 * own / here.size()) / 1000.0, List.of(), List.of()));
        }
        List<Figure> storyFigures = new ArrayList<>();
        for (String id : s.articles()) {
            storyFigures.addAll(figuresByArticle.getOrDefault(id, List.of()));
        }
        List<ReuseLink> links = links(s, reuse);
        List<Annotated> storyDocs = s.articles().stream().map(byId::get).toList();
        List<FigureGroup> groups = FigureGroups.group(s.id(), storyFigures, sentences(storyFigures, byId), links,
                org.parallax.stories.EventIndex.of(List.of(s)), undated(s, byId));
        InformationUnits.Result units = InformationUnits.build(s.id(), storyDocs, quotes, storyFigures, groups,
                links, voice, config.embeddings() ? encoder : SentenceEncoder.NONE);
        List<Coverage> withUnits = coverage.stream().map(c -> c.withUnits(units.unique().get(c.article()),
                units.omitted().get(c.article()))).toList();
        return new Comparison(s.id(), voice, withUnits, groups, Framing.rows(storyDocs, quotes, voice),
                units.units(), units.summary());
    }

    /** The articles of a story without a publication date. */
    public static Set<String> undated(Story s, Map<String, Annotated> byId) {
        Set<String> out = new HashSet<>();
        for (String id : s.articles()) {
            if (byId.get(id).article().published() == null) {
                out.add(id);
            }
        }
        return out;
    }

    /** The reuse links between articles of a story, in the order given. */
    public static List<ReuseLink> links(Story s, List<ReuseLink> reuse) {
        Set<String> members = new HashSet<>(s.articles());
        return reuse.stream().filter(l -> members.contains(l.source()) && members.contains(l.target())).toList();
    }

    /** The sentence of each figure, by figure id. */
    public static Map<String, String> sentences(List<Figure> figures, Map<String, Annotated> byId) {
        Map<String, String> out = new HashMap<>();
        for (Figure f : figures) {
            out.put(f.id(), byId.get(f.article()).article().body().substring(f.sentenceStart(), f.sentenceEnd()));
        }
        return out;
    }

    /**
     * Sentence-level signs of attribution the quote stage may not turn into a quote: an
     * attribution cue ("according to", a poll or study that "shows" or "found", a claim or
     * warning "that", "critical of"), or a verb of saying or thinking.
     */
    private static final Pattern SOURCED = Pattern.compile("(?i)(?<![\\p{L}])(?:according to|"
            + "(?:poll|polls|survey|surveys|study|studies|report|reports|analysis|research|data|figures|statistics|"
            + "estimates?|findings)\\s+(?:also\\s+)?(?:shows?|showed|shown|finds?|found|suggests?|suggested|indicates?|"
            + "indicated|reveals?|revealed|puts?|estimated?)|"
            + "(?:claims?|assertions?|arguments?|allegations?|beliefs?|views?|warnings?|promises?|pledges?|suggestions?|"
            + "charges?|accusations?|insistence|contention|assurances?)\\s+that|critical of|criticism of)(?![\\p{L}])");
    /**
     * A speaker label opening a paragraph of a transcript or interview ("PENCE:", "Q:",
     * "MR. SMITH:"), or a headline's source before a colon ("Poll: …", "Pence: …").
     */
    private static final Pattern LABEL = Pattern.compile(
            "^[\"“]?(?:\\p{Lu}[\\p{Lu}.'’\\- ]{0,30}|\\p{Lu}[\\p{L}.'’\\-]+(?: \\p{Lu}[\\p{L}.'’\\-]+){0,2}):\\s+[\"“‘]?\\p{Lu}");

    static List<VoiceSpan> voice(Annotated d, List<Quote> quotes, Pattern lexicon) {
        String body = d.article().body();
        List<VoiceSpan> out = new ArrayList<>();
        for (Span s : d.text().sentences()) {
            Quote q = quotes.stream().filter(x -> x.start() < s.end() && s.start() < x.end()
                    && (x.kind() != org.parallax.quotes.QuoteKind.PARTIAL || covers(x, s))).findFirst().orElse(null);
            String text = s.of(body);
            if (q != null) {
                out.add(new VoiceSpan(d.id(), s.start(), s.end(), text, VoiceLabel.ATTRIBUTED, q.speaker(),
                        q.speakerText(), List.of()));
                continue;
            }
            String source = sourced(d, s, text);
            if (source != null) {
                out.add(new VoiceSpan(d.id(), s.start(), s.end(), text, VoiceLabel.ATTRIBUTED, null,
                        source.isEmpty() ? null : source, List.of()));
                continue;
            }
            List<String> terms = new ArrayList<>();
            Matcher m = lexicon.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                if (!insideQuoteMarks(text, m.start())) {
                    terms.add(m.group());
                }
            }
            VoiceLabel label = terms.isEmpty() ? VoiceLabel.OWN : VoiceLabel.UNATTRIBUTED_CLAIM;
            out.add(new VoiceSpan(d.id(), s.start(), s.end(), text, label, null, null, terms));
        }
        return out;
    }

    /** Whether the sentence reports a source without a quote the quote stage found. */
    /**
     * The words naming the source when the sentence reports one without a quotation the quote
     * stage found ("" when it names none, as "a poll shows"), or null for the outlet's own voice.
     */
    private static String sourced(Annotated d, Span s, String text) {
        Matcher m = SOURCED.matcher(text);
        if (m.find()) {
            if (m.group().toLowerCase(Locale.ROOT).startsWith("according to")) {
                int[] np = FigureStage.phraseAfter(text, m.end() + (m.end() < text.length() && text.charAt(m.end()) == ' ' ? 1 : 0));
                return np == null ? "" : text.substring(np[0], np[1]);
            }
            return "";
        }
        List<int[]> verbs = SpeechVerbs.find(text);
        if (!verbs.isEmpty()) {
            int[] subj = FigureStage.subject(text, verbs.get(0)[0], verbs.get(0)[1]);
            return subj == null ? "" : text.substring(subj[0], subj[1]);
        }
        // The line the sentence is on: transcripts put one speaker's turn on a line.
        String body = d.article().body();
        int from = body.lastIndexOf('\n', Math.max(0, s.start() - 1)) + 1;
        int to = body.indexOf('\n', from);
        String line = body.substring(from, to < 0 ? body.length() : to);
        Matcher label = LABEL.matcher(line);
        if (label.find()) {
            return line.substring(0, line.indexOf(':')).replaceAll("^[\"“]", "").strip();
        }
        return null;
    }

    /** A partial quote makes a sentence attributed when it has a speaker. */
    private static boolean covers(Quote q, Span s) {
        return q.speakerText() != null;
    }

    /** Scare-quoted words are the outlet distancing itself, not asserting. */
    static boolean insideQuoteMarks(String text, int at) {
        int open = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '‘') {
                open++;
            } else if ((c == '”' || c == '’') && open > 0 && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1)))) {
                open--;
            }
        }
        return open > 0;
    }

    private static Pattern lexiconPattern(List<String> terms) {
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort((a, b) -> b.length() - a.length());
        return Pattern.compile("(?<![\\p{L}\\-])(?:" + String.join("|", sorted.stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}])");
    }
}
