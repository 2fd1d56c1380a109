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
        LoadedWords lexicon = config.evaluativeTerms().equals(CompareConfig.defaults().evaluativeTerms())
                ? LoadedWords.defaults() : new LoadedWords(config.evaluativeTerms());
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
                                    List<ReuseLink> reuse, LoadedWords lexicon, CompareConfig config,
                                    SentenceEncoder encoder) {
        List<VoiceSpan> voice = new ArrayList<>();
        for (String id : s.articles()) {
            voice.addAll(voice(byId.get(id), quotesByArticle.getOrDefault(id, List.of()), lexicon));
        }
        org.parallax.stories.EventIndex events = org.parallax.stories.EventIndex.of(List.of(s));
        voice = contrast(events, voice, byId);
        List<Coverage> coverage = new ArrayList<>();
        for (String id : s.articles()) {
            Annotated d = byId.get(id);
            List<Quote> qs = quotesByArticle.getOrDefault(id, List.of());
            List<VoiceSpan> here = voice.stream().filter(v -> v.article().equals(id)).toList();
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
                events, undated(s, byId));
        InformationUnits.Result units = InformationUnits.build(s.id(), storyDocs, quotes, storyFigures, groups,
                links, voice, config.embeddings() ? encoder : SentenceEncoder.NONE, events);
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

    static List<VoiceSpan> voice(Annotated d, List<Quote> quotes, LoadedWords lexicon) {
        String body = d.article().body();
        List<VoiceSpan> out = new ArrayList<>();
        for (Span s : d.text().sentences()) {
            Quote q = quotes.stream().filter(x -> x.start() < s.end() && s.start() < x.end()
                    && (x.kind() != org.parallax.quotes.QuoteKind.PARTIAL || covers(x, s))).findFirst().orElse(null);
            String text = s.of(body);
            boolean[] reported = reported(text, s.start(), quotes);
            VoiceLabel label = VoiceLabel.OWN;
            String source = null;
            String sourceText = null;
            if (q != null) {
                label = VoiceLabel.ATTRIBUTED;
                source = q.speaker();
                sourceText = q.speakerText();
            } else {
                String named = sourced(d, s, text, reported);
                if (named != null) {
                    label = VoiceLabel.ATTRIBUTED;
                    sourceText = named.isEmpty() ? null : named;
                }
            }
            List<LoadedWords.Hit> hits = new ArrayList<>();
            for (LoadedWords.Hit h : lexicon.find(text, reported)) {
                hits.add(new LoadedWords.Hit(h.term(), s.start() + h.start(), s.start() + h.end(), h.kind()));
            }
            if (label == VoiceLabel.OWN && !hits.isEmpty()) {
                label = VoiceLabel.UNATTRIBUTED_CLAIM;
            }
            out.add(new VoiceSpan(d.id(), s.start(), s.end(), text, label, source, sourceText, hits));
        }
        return out;
    }

    /**
     * The characters of a sentence (starting at {@code offset} of its article) that are not the
     * outlet's words: a quotation's content and whatever stands inside quotation marks.
     */
    static boolean[] reported(String text, int offset, List<Quote> quotes) {
        boolean[] out = new boolean[text.length()];
        for (Quote q : quotes) {
            int from = Math.max(q.start(), offset) - offset;
            int to = Math.min(q.end(), offset + text.length()) - offset;
            for (int i = Math.max(0, from); i < to; i++) {
                out[i] = true;
            }
        }
        int curly = 0;
        int straight = -1;
        int straightMarks = 0;
        for (int i = 0; i < text.length(); i++) {
            straightMarks += text.charAt(i) == '"' ? 1 : 0;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '“' || (c == '‘' && (i == 0 || !Character.isLetter(text.charAt(i - 1))))) {
                curly++;
            } else if ((c == '”' || c == '’') && curly > 0 && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1)))) {
                curly--;
            } else if (c == '"' && straightMarks % 2 == 0) {
                straight = straight < 0 ? i : -1;
            }
            if (curly > 0 || straight >= 0) {
                out[i] = true;
            }
        }
        return out;
    }

    /**
     * Loaded words are a choice of the outlet only where the other outlets of the event tell
     * it without them: a word (by its stem) that another outlet's article of the same event
     * also uses is the event's vocabulary or a set phrase ("terrorist attacks on Sept. 11"),
     * and is dropped. Where no other outlet tells the event, every loaded word stays.
     */
    static List<VoiceSpan> contrast(org.parallax.stories.EventIndex events, List<VoiceSpan> voice,
                                    Map<String, Annotated> byId) {
        if (voice.stream().allMatch(v -> v.loaded().isEmpty())) {
            return voice;
        }
        Map<String, Map<String, Set<String>>> stems = new HashMap<>(); // event -> article -> stems
        for (VoiceSpan v : voice) {
            String e = events.at(v.article(), v.start());
            Set<String> into = stems.computeIfAbsent(e == null ? "" : e, k -> new HashMap<>())
                    .computeIfAbsent(v.article(), k -> new HashSet<>());
            for (String w : v.text().toLowerCase(Locale.ROOT).split("[^\\p{L}'’\\-]+")) {
                if (!w.isEmpty()) {
                    into.add(Words.stem(w));
                }
            }
        }
        List<VoiceSpan> out = new ArrayList<>(voice.size());
        for (VoiceSpan v : voice) {
            if (v.loaded().isEmpty()) {
                out.add(v);
                continue;
            }
            String e = events.at(v.article(), v.start());
            String outlet = outletOf(byId.get(v.article()));
            List<Set<String>> others = new ArrayList<>();
            stems.getOrDefault(e == null ? "" : e, Map.of()).forEach((a, set) -> {
                if (!outletOf(byId.get(a)).equals(outlet)) {
                    others.add(set);
                }
            });
            List<LoadedWords.Hit> keep = new ArrayList<>();
            for (LoadedWords.Hit h : v.loaded()) {
                String key = Words.stem(h.term().split(" ")[0]);
                boolean shared = others.stream().anyMatch(o -> o.contains(key));
                if (!shared) {
                    keep.add(h);
                }
            }
            out.add(keep.size() == v.loaded().size() ? v : v.withLoaded(keep));
        }
        return out;
    }

    /** The outlet of an article, its id when it has none (an article of unknown outlet is an outlet of its own). */
    private static String outletOf(Annotated d) {
        String o = d.article().outlet();
        return o == null || o.isBlank() ? "article:" + d.id() : o.toLowerCase(Locale.ROOT);
    }

    /** Whether the sentence reports a source without a quote the quote stage found. */
    /**
     * The words naming the source when the sentence reports one without a quotation the quote
     * stage found ("" when it names none, as "a poll shows"), or null for the outlet's own voice.
     */
    private static String sourced(Annotated d, Span s, String text, boolean[] reported) {
        Matcher m = SOURCED.matcher(text);
        if (m.find()) {
            java.util.Arrays.fill(reported, true);
            if (m.group().toLowerCase(Locale.ROOT).startsWith("according to")) {
                int[] np = FigureStage.phraseAfter(text, m.end() + (m.end() < text.length() && text.charAt(m.end()) == ' ' ? 1 : 0));
                return np == null ? "" : text.substring(np[0], np[1]);
            }
            return "";
        }
        List<int[]> verbs = SpeechVerbs.find(text);
        if (!verbs.isEmpty()) {
            // What follows the verb is the source's; the verb and what stands before it, the outlet's.
            java.util.Arrays.fill(reported, verbs.get(0)[1], text.length(), true);
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
            java.util.Arrays.fill(reported, true);
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
}
