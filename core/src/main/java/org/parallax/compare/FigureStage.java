package org.parallax.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Span;
import org.parallax.quotes.Entity;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteResult;
import org.parallax.text.Annotated;

/**
 * Figures of every article with their source: the speaker of the quotation or reported
 * speech that holds the figure; else the source a cue in the sentence names ("according to
 * the UN", "officials said"); else the outlet itself.
 */
public final class FigureStage {
    private static final Pattern ACCORDING = Pattern.compile("(?i)(?<![\\p{L}])according to\\s+");
    /** Words between a subject and its verb: auxiliaries and adverbs ("has also said"). */
    private static final Set<String> BETWEEN = Set.of("has", "have", "had", "also", "previously", "later", "then",
            "will", "would", "could", "may", "might", "did", "does", "do", "is", "are", "was", "were", "not",
            "repeatedly", "recently", "reportedly", "publicly", "again", "already", "still", "further", "earlier");
    private static final Set<String> CLAUSE_BREAK = Set.of("that", "and", "but", "while", "as", "which", "who",
            "because", "although", "when", "if", "after", "before", "since", "where", "whom", "though", "so");
    /** A sentence that opens with its source: "In the latest Post/ABC poll, …". */
    private static final Pattern IN_SOURCE = Pattern.compile("^(?:In|in)\\s+((?:the|a|an|this|that|its|their|his|her)\\s+"
            + "[^,;]{0,80}?\\b(?:poll|polls|survey|study|report|analysis|census|audit|review|data|estimate|count|tally))\\s*,");
    /** Verbs by which data sources give figures: "a study found", "the poll shows", "officials estimated". */
    private static final Pattern REPORTING = Pattern.compile("(?<![\\p{L}])(?:shows?|showed|showing|found|finds|"
            + "estimates?|estimated|puts|counted|counts|recorded|records|documented|tallied|reports|reported)(?![\\p{L}])");
    /** A subordinate clause between a verb and a figure: the figure is outside what was said. */
    private static final Pattern SUBORDINATE = Pattern.compile("(?i)(?<![\\p{L}])(?:after|before|because|while|when|"
            + "as|since|until|where)(?![\\p{L}])");
    private static final Pattern NUMBER_WORD = Pattern.compile("(?i)(?<![\\p{L}])(?:one|two|three|four|five|six|seven|"
            + "eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)(?![\\p{L}])|"
            + "(?i)(?:ty|teen)-(?:one|two|three|four|five|six|seven|eight|nine)");
    /** ", but" and a new subject: "…, but Mrs. Clinton would"; not "…, but would eventually add". */
    private static final Pattern NEW_CLAUSE = Pattern.compile(", but (?!(?:would|will|could|can|may|might|should|"
            + "is|are|was|were|has|have|had|also|still|not|did|does|do)\\b)");
    private static final Pattern OPENING_CLAUSE = Pattern.compile("[\"“]?(?:When|After|As|If|Because|Since|While|"
            + "Before|Although|Though|Once|Until|Whenever|Unless)\\b");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "we", "i", "it", "you");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.'’\\-]*");

    private FigureStage() {
    }

    /** Figures of all articles, ids {@code f1, f2, …} in article and text order. */
    public static List<Figure> run(List<Annotated> docs, QuoteResult quotes) {
        Map<String, List<Quote>> byArticle = new HashMap<>();
        quotes.quotes().forEach(q -> byArticle.computeIfAbsent(q.articleId(), k -> new ArrayList<>()).add(q));
        Map<String, List<int[]>> spans = new HashMap<>();
        Map<String, List<String>> spanEntity = new HashMap<>();
        for (Entity e : quotes.entities()) {
            for (Entity.EntityMention m : e.mentions()) {
                spans.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(new int[] {m.start(), m.end()});
                spanEntity.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(e.id());
            }
        }
        List<Figure> out = new ArrayList<>();
        for (Annotated d : docs) {
            out.addAll(article(d, byArticle.getOrDefault(d.id(), List.of()), spans.getOrDefault(d.id(), List.of()),
                    spanEntity.getOrDefault(d.id(), List.of()), out.size()));
        }
        return out;
    }

    /**
     * One article's figures with their sources, numbered {@code f<first+1>}, … in text order:
     * what {@link #run} does for each article.
     *
     * @param quotes          the article's quotes
     * @param mentionSpans    its mentions of entities ({start, end}), by entity then place
     * @param mentionEntities the entity of each mention
     */
    public static List<Figure> article(Annotated d, List<Quote> quotes, List<int[]> mentionSpans,
                                       List<String> mentionEntities, int first) {
        String body = d.article().body();
        List<Figure> out = new ArrayList<>();
        for (Span s : d.text().sentences()) {
            for (Figure f : FigureFinder.find(d.id(), body, s)) {
                Figure g = new Figure("f" + (first + out.size() + 1), f.article(), f.start(), f.end(), f.text(), f.low(),
                        f.high(), f.approximate(), f.qualifier(), f.unit(), f.what(), "outlet", null, null, -1, -1,
                        s.start(), s.end());
                out.add(attribute(g, body, s, quotes, mentionSpans, mentionEntities));
            }
        }
        return out;
    }

    static Figure attribute(Figure f, String body, Span s, List<Quote> quotes, List<int[]> mentionSpans,
                            List<String> mentionEntities) {
        Quote best = null;
        for (Quote q : quotes) {
            if (q.start() <= f.start() && f.end() <= q.end() + 1
                    && (best == null || q.end() - q.start() < best.end() - best.start())) {
                best = q;
            }
        }
        if (best != null && best.kind() == org.parallax.quotes.QuoteKind.INDIRECT && beyondReport(body, best, f)) {
            best = null;
        }
        if (best != null && plausibleSpeaker(best)) {
            return f.withSource("quote", best.speaker(), best.speakerText(), best.speakerStart(), best.speakerEnd());
        }
        String text = s.of(body);
        int figureAt = f.start() - s.start();
        int figureEnd = f.end() - s.start();
        Matcher a = ACCORDING.matcher(text);
        while (a.find()) {
            int[] np = phraseAfter(text, a.end());
            int phraseEnd = text.indexOf(',', a.end());
            if (phraseEnd < 0 || phraseEnd - a.end() > 160) {
                phraseEnd = np == null ? a.end() : np[1];
            }
            if (a.end() <= figureAt && figureEnd <= phraseEnd) {
                return f; // the figure describes the source ("according to a 52-count complaint")
            }
            if (a.start() > 0 && figureAt >= phraseEnd) {
                continue; // "A, according to X, B": X vouches for A; B is weighed on its own
            }
            if (np != null) {
                int from = s.start() + np[0];
                int to = s.start() + np[1];
                return f.withSource("reported", entityAt(from, to, mentionSpans, mentionEntities), body.substring(from, to),
                        from, to);
            }
        }
        // A verb of saying: the nearest before the figure governs it; else an attribution closing the
        // sentence (", officials said."). A figure in the subject of the verb ("73 percent said")
        // counts the sources: the outlet's own figure.
        Matcher in = IN_SOURCE.matcher(text);
        if (in.find() && in.end(1) <= figureAt) {
            int from = s.start() + in.start(1);
            int to = s.start() + in.end(1);
            return f.withSource("reported", entityAt(from, to, mentionSpans, mentionEntities), body.substring(from, to),
                    from, to);
        }
        int[] chosen = null;
        int[] chosenSubject = null;
        List<int[]> verbs = new ArrayList<>(SpeechVerbs.find(text));
        Matcher rv = REPORTING.matcher(text);
        while (rv.find()) {
            verbs.add(new int[] {rv.start(), rv.end()});
        }
        verbs.sort((x, y) -> x[0] - y[0]);
        for (int[] v : verbs) {
            int[] subj = subject(text, v[0], v[1]);
            if (subj != null && subj[0] <= figureAt && figureEnd <= subj[1]) {
                return f;
            }
            if (subj != null && text.substring(subj[0], subj[1]).replaceAll("\\b(?:1[89]|20)\\d\\d\\b", "").matches(".*\\d.*")) {
                continue; // "supported by 42 percent of those responding": not a source
            }
            if (v[0] >= figureEnd && subj != null && subj[0] >= figureEnd
                    && text.substring(figureEnd, subj[0]).matches("[\\s\\p{L}]{0,3}")) {
                chosen = v; // "the $18 million he says he raised"
                chosenSubject = subj;
                break;
            }
            if (v[1] <= figureAt && governs(text, v, figureAt)) {
                chosen = v;
                chosenSubject = subj;
            } else if (chosen == null && v[0] >= figureEnd && closing(text, v, subj)) {
                chosen = v;
                chosenSubject = subj;
                break;
            }
        }
        if (chosen != null && chosenSubject != null) {
            int from = s.start() + chosenSubject[0];
            int to = s.start() + chosenSubject[1];
            return f.withSource("reported", entityAt(from, to, mentionSpans, mentionEntities), body.substring(from, to),
                    from, to);
        }
        return f;
    }

    /**
     * Whether a verb before a figure reports it: no subordinate clause, dash, semicolon or new
     * clause ("…, but Mrs. Clinton would") between them, and the verb not inside an opening
     * subordinate clause the figure's main clause follows ("When the poll asked …, Clinton was
     * supported by 42 percent").
     */
    private static boolean governs(String text, int[] verb, int figureAt) {
        String between = text.substring(verb[1], figureAt);
        if (SUBORDINATE.matcher(between).find() || between.contains(" -- ") || between.contains(" — ")
                || between.contains("; ") || NEW_CLAUSE.matcher(between).find()) {
            return false;
        }
        return !(OPENING_CLAUSE.matcher(text).lookingAt() && between.contains(","));
    }

    /**
     * Reported speech ends at a dash, a semicolon or ", but": what follows is the outlet's
     * ("A majority expect Clinton to win -- 44 percent to 34 percent").
     */
    private static boolean beyondReport(String body, Quote q, Figure f) {
        String content = body.substring(q.start(), Math.min(f.start(), body.length()));
        return content.contains(" -- ") || content.contains(" — ") || content.contains("; ")
                || NEW_CLAUSE.matcher(content).find();
    }

    /** An attribution that closes its sentence: after a comma or quote mark, at most six words to the end. */
    private static boolean closing(String text, int[] verb, int[] subject) {
        int from = subject != null ? Math.min(subject[0], verb[0]) : verb[0];
        String before = text.substring(0, from).stripTrailing();
        boolean tag = before.endsWith(",") || before.endsWith("”") || before.endsWith("\"") || before.endsWith("—");
        if (!tag) {
            // "…, a USA TODAY analysis of newly filed reports shows.": the clause after the last comma.
            int comma = Math.max(before.lastIndexOf(','), Math.max(before.lastIndexOf('—'), before.lastIndexOf('”')));
            if (comma >= 0) {
                Matcher between = WORD.matcher(text.substring(comma + 1, verb[0]));
                int n = 0;
                while (between.find()) {
                    n++;
                }
                tag = n <= 10 && !text.substring(comma + 1, verb[0]).matches(".*\\d.*");
            }
        }
        int after = 0;
        Matcher w = WORD.matcher(text.substring(verb[1]));
        while (w.find()) {
            after++;
        }
        return tag && after <= 6;
    }

    /**
     * A quotation whose speaker words hold a number or are a single function word ("that",
     * "Only 52 percent of voters") is reported speech the quote stage misread: its content is
     * not a source's.
     */
    private static boolean plausibleSpeaker(Quote q) {
        String who = q.speakerText();
        if (who == null) {
            return q.kind() != org.parallax.quotes.QuoteKind.INDIRECT;
        }
        return !who.matches(".*\\d.*") && !Words.isStop(who.toLowerCase(Locale.ROOT).strip())
                && !NUMBER_WORD.matcher(who).find();
    }

    /** The noun phrase after {@code at}: words up to a comma, clause word or six words. */
    static int[] phraseAfter(String text, int at) {
        Matcher w = WORD.matcher(text);
        int start = -1;
        int end = -1;
        int count = 0;
        int pos = at;
        while (w.find(pos) && count < 6) {
            if (!text.substring(pos, w.start()).isBlank()) {
                break;
            }
            String lower = w.group().toLowerCase(Locale.ROOT);
            if (count > 0 && (CLAUSE_BREAK.contains(lower) || lower.equals("on") || lower.equals("in")
                    || lower.equals("to") || lower.equals("from"))) {
                break;
            }
            if (start < 0) {
                start = w.start();
            }
            end = trimDot(text, w.start(), w.end());
            pos = w.end();
            count++;
        }
        return start < 0 ? null : new int[] {start, end};
    }

    /** Keep a final period only for an abbreviation ("U.S."), not a sentence's end. */
    private static int trimDot(String text, int from, int to) {
        if (to > from && text.charAt(to - 1) == '.' && text.substring(from, to - 1).indexOf('.') < 0) {
            return to - 1;
        }
        return to;
    }

    /**
     * The subject of a verb of saying: the words before it back to a clause boundary (skipping
     * auxiliaries), at most six; if there are none ("…, said the minister"), the words after it.
     */
    static int[] subject(String text, int verbStart, int verbEnd) {
        List<int[]> words = new ArrayList<>();
        Matcher w = WORD.matcher(text.substring(0, verbStart));
        while (w.find()) {
            words.add(new int[] {w.start(), w.end()});
        }
        int i = words.size() - 1;
        while (i >= 0 && BETWEEN.contains(text.substring(words.get(i)[0], words.get(i)[1]).toLowerCase(Locale.ROOT))) {
            i--;
        }
        int end = i;
        int from = i;
        if (i >= 0 && PRONOUNS.contains(text.substring(words.get(i)[0], words.get(i)[1]).toLowerCase(Locale.ROOT))) {
            from = i - 1; // "he says": the pronoun alone
        }
        while (from >= 0 && end - from < 6) {
            int[] cur = words.get(from);
            String lower = text.substring(cur[0], cur[1]).toLowerCase(Locale.ROOT);
            String gap = from < end ? text.substring(cur[1], words.get(from + 1)[0]) : "";
            if (CLAUSE_BREAK.contains(lower) || gap.matches(".*[,;:—–\"“”(].*") || Character.isDigit(lower.charAt(0))) {
                break;
            }
            from--;
        }
        from++;
        if (end >= 0 && from <= end) {
            int gapAfter = words.get(end)[1];
            if (text.substring(gapAfter, verbStart).matches("[\\s\\p{L}]*")) {
                return new int[] {words.get(from)[0], trimDot(text, words.get(end)[0], words.get(end)[1])};
            }
        }
        // An inverted attribution names its source after the verb: "…,” said the minister.
        String before = text.substring(0, verbStart).stripTrailing();
        if (before.endsWith(",") || before.endsWith("”") || before.endsWith("\"") || before.endsWith("—")) {
            return phraseAfter(text, verbEnd + (verbEnd < text.length() && text.charAt(verbEnd) == ' ' ? 1 : 0));
        }
        return null;
    }

    private static String entityAt(int from, int to, List<int[]> spans, List<String> entities) {
        for (int i = 0; i < spans.size(); i++) {
            int[] sp = spans.get(i);
            if (sp[0] < to && from < sp[1]) {
                return entities.get(i);
            }
        }
        return null;
    }
}
