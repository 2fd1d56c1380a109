package org.parallax.extract;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parallax.ingest.Document;

/**
 * Cleans text that was scraped without its HTML. Each line is labelled from its own
 * evidence (cue phrases from the {@link Lexicon}, script, shape, repetition); then the
 * article's end is found — a comment-form or related-list heading after enough prose, or the
 * start of a comment thread — and everything after it is removed, labelled by what opened it.
 */
public final class TextCleaner {
    private final ExtractConfig config;
    private final Lexicon lex;

    public TextCleaner(ExtractConfig config) {
        this.config = config;
        this.lex = config.lexicon();
    }

    /** One line of the document with its label. */
    private static final class Line {
        final int start;      // document offset of the first non-blank character
        final int end;        // document offset after the last non-blank character
        final String text;    // stripped
        final int indent;
        RemovedKind kind;     // null = kept
        boolean commentShaped;
        boolean titled;
        final Lexicon.LineProbe probe; // cue and comment-meta answers, computed once

        Line(int start, int end, String text, int indent) {
            this.start = start;
            this.end = end;
            this.text = text;
            this.indent = indent;
            this.probe = new Lexicon.LineProbe(text);
        }
    }

    public Extraction clean(Document doc) {
        String content = doc.content();
        List<Line> lines = splitLines(content);
        if (lines.isEmpty()) {
            return new Extraction.Rejected(doc.id(), doc.source(), "no text");
        }
        UnicodeScript mainScript = dominantScript(content);
        labelLines(lines, mainScript);
        cutTail(lines, content.length());
        markLinkRuns(lines);

        // Title: the first kept line, if it is headline-shaped.
        String title = null;
        for (Line l : lines) {
            if (l.kind == null && lex.isDateOnly(l.text)) {
                continue; // a dateline above the headline
            }
            if (l.kind == null) {
                if (Lexicon.wordCount(l.text) <= 30 && !l.text.endsWith(".")) {
                    title = l.text;
                    l.kind = RemovedKind.OTHER; // marker: taken as title, not body
                    l.titled = true;
                }
                break;
            }
        }
        // A line repeating the title is a scraping artefact.
        if (title != null) {
            for (Line l : lines) {
                if (l.kind == null && l.text.equals(title)) {
                    l.kind = RemovedKind.OTHER;
                }
            }
        }
        String author = null;
        for (Line l : lines) {
            if (l.kind == RemovedKind.BYLINE) {
                author = authorOf(l.text);
                if (author != null) {
                    break;
                }
            }
        }
        StringBuilder body = new StringBuilder();
        List<BodyRun> map = new ArrayList<>();
        List<Removed> removed = new ArrayList<>();
        Line open = null;
        int openEnd = 0;
        for (Line l : lines) {
            if (l.kind == null) {
                if (body.length() > 0) {
                    body.append("\n\n");
                }
                map.add(new BodyRun(body.length(), l.start, l.text.length()));
                body.append(l.text);
            }
            // Consecutive removed lines of one kind become one region.
            boolean removedHere = l.kind != null && !l.titled;
            if (open != null && (!removedHere || l.kind != open.kind)) {
                removed.add(region(content, open.kind, open.start, openEnd));
                open = null;
            }
            if (removedHere) {
                if (open == null) {
                    open = l;
                }
                openEnd = l.end;
            }
        }
        if (open != null) {
            removed.add(region(content, open.kind, open.start, openEnd));
        }
        if (body.length() < config.minBodyChars() && title != null) {
            // A very short article: its headline is most of what it says, keep it in the body.
            Line t = lines.stream().filter(l -> l.titled).findFirst().orElseThrow();
            String rest = body.toString();
            List<BodyRun> shifted = new ArrayList<>();
            shifted.add(new BodyRun(0, t.start, t.text.length()));
            int shift = t.text.length() + (rest.isEmpty() ? 0 : 2);
            for (BodyRun r : map) {
                shifted.add(new BodyRun(r.bodyStart() + shift, r.documentStart(), r.length()));
            }
            body.setLength(0);
            body.append(t.text).append(rest.isEmpty() ? "" : "\n\n").append(rest);
            map = shifted;
        }
        if (body.length() < config.minBodyChars()) {
            return new Extraction.Rejected(doc.id(), doc.source(),
                    "no article text found (" + body.length() + " characters kept)");
        }
        var m = doc.metadata();
        Article a = new Article(doc.id(), doc.source(), m.outlet(), m.domain(), m.url(), title, author,
                m.published(), body.toString(), map, removed);
        return new Extraction.Ok(a, List.of());
    }

    private static final java.util.regex.Pattern BYLINE = java.util.regex.Pattern.compile(
            "(?i)^(?:by|written by|reporting by|posted by)\\s+(.+?)(?:\\s+(?:on|in|at|\\||–|—|-)\\s+.*|,\\s*\\d.*)?$");

    /** "by Jane Doe on March 3" gives "Jane Doe"; editor initials give nothing. */
    static String authorOf(String line) {
        java.util.regex.Matcher m = BYLINE.matcher(line.strip());
        return m.matches() ? m.group(1).strip() : null;
    }

    private static Removed region(String content, RemovedKind kind, int start, int end) {
        return new Removed(kind, start, end, content.substring(start, end));
    }

    private static List<Line> splitLines(String content) {
        List<Line> out = new ArrayList<>();
        int i = 0;
        int n = content.length();
        while (i < n) {
            int e = i;
            while (e < n && content.charAt(e) != '\n' && content.charAt(e) != '\r') {
                e++;
            }
            int s = i;
            while (s < e && Character.isWhitespace(content.charAt(s))) {
                s++;
            }
            int t = e;
            while (t > s && Character.isWhitespace(content.charAt(t - 1))) {
                t--;
            }
            if (t > s) {
                out.add(new Line(s, t, content.substring(s, t), indentWidth(content, i, s)));
            }
            i = e + 1;
        }
        return out;
    }

    private static int indentWidth(String c, int from, int to) {
        int w = 0;
        for (int k = from; k < to; k++) {
            w += c.charAt(k) == '\t' ? 4 : 1;
        }
        return w;
    }

    private void labelLines(List<Line> lines, UnicodeScript mainScript) {
        Line prevCaption = null;
        int sinceCaption = 99;
        for (Line l : lines) {
            l.commentShaped = isCommentShaped(l);
            RemovedKind k = lex.cueKind(l.probe);
            if (k == null && mainScript != null && foreignScript(l.text, mainScript)) {
                k = RemovedKind.BOILERPLATE; // e.g. an interface string in another script
            }
            if (k == null && !hasWord(l.text)) {
                k = RemovedKind.OTHER;
            }
            if (k == null && prevCaption != null && sinceCaption <= 2
                    && sharesRun(prevCaption.text, l.text, 30)) {
                k = RemovedKind.CAPTION; // caption repeated with the credit moved
            }
            l.kind = k;
            if (k == RemovedKind.CAPTION) {
                prevCaption = l;
                sinceCaption = 0;
            } else {
                sinceCaption++;
            }
        }
    }

    /**
     * Finds where the article ends and removes everything after it. Headings of the comment
     * or related kinds end the article once enough prose precedes them; a comment-shaped
     * run that fills most of the rest of the document ends it too.
     */
    private void cutTail(List<Line> lines, int docLength) {
        int prose = 0;
        int cut = -1;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean late = l.start >= config.tailCutMinPosition() * docLength;
            boolean enoughBefore = prose >= lex.tailMinProseBefore;
            // A heading ends the article late in the page, or anywhere after enough prose when
            // what follows it is shaped like a comment thread.
            if (enoughBefore && l.kind != null && lex.tailHeadingKinds.contains(l.kind)
                    && Lexicon.wordCount(l.text) <= lex.tailHeadingMaxWords
                    && (late || mostlyCommentShaped(lines, i + 1))) {
                cut = i;
                break;
            }
            if (late && enoughBefore && l.commentShaped && mostlyCommentShaped(lines, i)) {
                cut = i;
                break;
            }
            if (l.kind == null) {
                prose += l.text.length();
            }
        }
        int metaCut = commentMetaCut(lines);
        if (metaCut >= 0 && (cut < 0 || metaCut < cut)) {
            cut = metaCut;
        }
        if (cut < 0) {
            return;
        }
        RemovedKind cutKind = lines.get(cut).kind;
        RemovedKind context = cutKind != null && lex.tailHeadingKinds.contains(cutKind) ? cutKind : RemovedKind.COMMENT;
        for (int i = cut; i < lines.size(); i++) {
            Line l = lines.get(i);
            RemovedKind cue = lex.cueKind(l.probe);
            if (cue != null && lex.tailHeadingKinds.contains(cue)) {
                context = cue;
            }
            if (l.kind == RemovedKind.BOILERPLATE || l.kind == RemovedKind.CAPTION) {
                continue; // interface strings and captions keep what they are
            }
            if (l.commentShaped || l.indent >= lex.indentMin) {
                l.kind = RemovedKind.COMMENT;
            } else if (cue == null && headlineShaped(l.text) && !meta(l)) {
                l.kind = RemovedKind.RELATED; // a linked headline under the comment form
            } else if (cue != null && cue != RemovedKind.BYLINE) {
                l.kind = cue;
            } else {
                l.kind = context; // a "by ..." line in the thread signs a comment
            }
        }
    }

    /**
     * Where a thread of reader comments begins, from their header or signature lines (a name
     * with a date and time, "2 days ago", "Rosa said..."). Needs two such lines after enough
     * prose. When they head each comment, the thread starts at the first one (or the name line
     * just above it); when they sign each comment, the first comment's text comes before its
     * signature, and the thread starts that many blocks earlier — as many as the comments
     * between later signatures usually have.
     */
    private boolean meta(Line l) {
        return lex.isCommentMeta(l.probe);
    }

    private int commentMetaCut(List<Line> lines) {
        // Positions of meta lines with the prose above each; a dense thread needs less prose.
        List<Integer> all = new ArrayList<>();
        List<Integer> proseAt = new ArrayList<>();
        int prose = 0;
        int firstLine = firstLineLength(lines);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            // Dateline and byline lines between the headline and the first paragraph.
            boolean articleHeader = prose <= firstLine
                    && (lex.isDateOnly(l.text) || lex.hasBylineCue(l.text));
            if (meta(l) && !articleHeader) {
                all.add(i);
                proseAt.add(prose);
            } else if (l.kind == null) {
                prose += l.text.length();
            }
        }
        // A dateline or byline above the article is a meta line too, but a lone one: drop
        // leading meta lines whose distance to the next is far beyond the thread's rhythm.
        while (all.size() >= 3) {
            List<Integer> gaps = new ArrayList<>();
            for (int k = 2; k < all.size(); k++) {
                gaps.add(proseAt.get(k) - proseAt.get(k - 1));
            }
            gaps.sort(null);
            int median = gaps.get(gaps.size() / 2);
            int lead = proseAt.get(1) - proseAt.get(0);
            if (lead > Math.max(lex.tailMinProseBefore, 4 * median)) {
                all = all.subList(1, all.size());
                proseAt = proseAt.subList(1, proseAt.size());
            } else {
                break;
            }
        }
        List<Integer> metas = new ArrayList<>();
        int firstAllowed = -1;
        for (int k = 0; k < all.size(); k++) {
            int remaining = all.size() - k;
            int need = remaining >= lex.commentMetaDenseCount ? lex.commentMetaMinProseDense : lex.tailMinProseBefore;
            if (proseAt.get(k) >= need) {
                metas = all.subList(k, all.size());
                firstAllowed = firstProseLineAfter(lines, need);
                break;
            }
        }
        if (metas.size() < 2) {
            return -1;
        }
        // The article's own "Posted on ..." line signs the article, not a comment: when only
        // the first meta line reads like a byline, the thread starts below it.
        if (metas.size() >= 3 && lex.hasBylineCue(lines.get(metas.get(0)).text)) {
            long bylines = metas.subList(1, metas.size()).stream()
                    .filter(i -> lex.hasBylineCue(lines.get(i).text)).count();
            if (bylines * 2 < metas.size() - 1) {
                firstAllowed = Math.max(firstAllowed, metas.get(0) + 1);
                metas = metas.subList(1, metas.size());
            }
        }
        int first = metas.get(0);
        int last = metas.get(metas.size() - 1);
        int proseAfterLast = 0;
        for (int i = last + 1; i < lines.size(); i++) {
            if (lines.get(i).kind == null) {
                proseAfterLast += lines.get(i).text.length();
            }
        }
        // A header ends like "Rosa said..." or "wrote:"; headers can come with signatures too.
        boolean headed = lex.isCommentHeader(lines.get(first).text);
        if (headed || proseAfterLast >= 40) {
            // Headers: a short name line right above the first header belongs to it.
            if (first > 0 && Lexicon.wordCount(lines.get(first - 1).text) <= 6
                    && !lines.get(first - 1).text.endsWith(".") && first - 1 >= firstAllowed) {
                return first - 1;
            }
            return first;
        }
        // Signatures: count the lines between consecutive signatures.
        List<Integer> gaps = new ArrayList<>();
        for (int k = 1; k < metas.size(); k++) {
            gaps.add(Math.max(1, metas.get(k) - metas.get(k - 1) - 1));
        }
        // The shortest comment: a longer guess would cut into the article when comments are
        // signed with extra lines ("XO", a name) — better to leave a little of one comment in.
        int typical = gaps.stream().min(Integer::compare).orElse(1);
        return Math.max(firstAllowed, first - typical);
    }

    private static int firstLineLength(List<Line> lines) {
        for (Line l : lines) {
            if (l.kind == null) {
                return l.text.length();
            }
        }
        return 0;
    }

    /**
     * Runs of two or more headline-shaped lines in a row (Title Case, no closing
     * punctuation) are lists of links to other stories — a lone one is a subheading. Only
     * runs before the first prose paragraph or after the last are taken: inside the article
     * such a run is more likely a list of its own.
     */
    private void markLinkRuns(List<Line> lines) {
        int firstProse = -1;
        int lastProse = -1;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.kind == null && isProse(l.text)) {
                if (firstProse < 0) {
                    firstProse = i;
                }
                lastProse = i;
            }
        }
        if (firstProse < 0) {
            return;
        }
        int i = 1; // line 0 is the headline
        while (i < lines.size()) {
            int j = i;
            while (j < lines.size() && (j < firstProse || j > lastProse) && titleCase(lines.get(j))) {
                j++;
            }
            if (j - i >= 2) {
                for (int k = i; k < j; k++) {
                    if (lines.get(k).kind == null) {
                        lines.get(k).kind = RemovedKind.RELATED; // captions in the run stay captions
                    }
                }
            }
            i = Math.max(j, i + 1);
        }
    }

    private static boolean isProse(String s) {
        return Lexicon.wordCount(s) >= 12 && ".!?\"”’)".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    /** A line of a link list: few words, most of them capitalised, no closing punctuation. */
    private boolean titleCase(Line l) {
        if (l.kind != null && l.kind != RemovedKind.CAPTION || l.commentShaped) {
            return false;
        }
        String t = l.text.replaceFirst("^\\p{L}+:\\s+", "");
        if (!headlineShaped(t)) {
            return false;
        }
        int words = 0;
        int caps = 0;
        for (String w : t.split("\\s+")) {
            if (w.length() >= 4 && Character.isLetter(w.charAt(0))) {
                words++;
                if (Character.isUpperCase(w.charAt(0))) {
                    caps++;
                }
            }
        }
        return words >= 2 && caps * 10 >= words * 7;
    }

    /** Few words, starting with a capital, not ending a sentence. */
    static boolean headlineShaped(String s) {
        int words = Lexicon.wordCount(s);
        char last = s.charAt(s.length() - 1);
        return words >= 2 && words <= 16 && Character.isUpperCase(s.codePointAt(0))
                && ".!?,;:".indexOf(last) < 0;
    }

    /** Index of the first line after which at least {@code chars} of kept prose lie above. */
    private static int firstProseLineAfter(List<Line> lines, int chars) {
        int prose = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (prose >= chars) {
                return i;
            }
            if (lines.get(i).kind == null) {
                prose += lines.get(i).text.length();
            }
        }
        return lines.size();
    }

    private boolean mostlyCommentShaped(List<Line> lines, int from) {
        int shaped = 0;
        int total = 0;
        for (int i = from; i < lines.size(); i++) {
            total++;
            Line l = lines.get(i);
            if (l.commentShaped || l.indent >= lex.indentMin) {
                shaped++;
            }
        }
        return total >= 2 && shaped * 2 >= total;
    }

    private boolean isCommentShaped(Line l) {
        if (l.indent >= lex.indentMin && lex.bullet.matcher(" ".repeat(Math.min(l.indent, 16)) + l.text).matches()) {
            return true;
        }
        return l.text.indexOf('@') >= 0 && lex.handle.matcher(l.text).find() && lex.timestamp.matcher(l.text).find();
    }

    private static boolean hasWord(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                if (++run >= 3) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    private static boolean isBelow(String s, int limit) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= limit) {
                return false;
            }
        }
        return true;
    }

    /** The script of most letters (the first 20,000 characters are a large enough sample). */
    static UnicodeScript dominantScript(String s) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        int latin = 0;
        int n = Math.min(s.length(), 20_000);
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x250) {
                // Basic and extended Latin: no table lookup needed.
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' || cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) {
                    latin++;
                }
            } else if (Character.isLetter(cp)) {
                counts.merge(UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        if (latin > 0) {
            counts.merge(UnicodeScript.LATIN, latin, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Most letters of the line are in a script other than the document's. */
    private static boolean foreignScript(String s, UnicodeScript main) {
        if (main == UnicodeScript.LATIN && isBelow(s, 0x250)) {
            return false; // all Latin (or punctuation) in a Latin document
        }
        int letters = 0;
        int foreign = 0;
        boolean latinMain = main == UnicodeScript.LATIN;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (latinMain && cp < 0x250) {
                if (Character.isLetter(cp)) {
                    letters++; // Latin in a Latin document: no table lookup
                }
                continue;
            }
            if (Character.isLetter(cp)) {
                letters++;
                UnicodeScript sc = UnicodeScript.of(cp);
                if (sc != main && sc != UnicodeScript.COMMON && sc != UnicodeScript.INHERITED) {
                    foreign++;
                }
            }
        }
        return letters >= 4 && foreign * 2 > letters;
    }

    /** Whether the two strings share a run of at least {@code min} characters. */
    static boolean sharesRun(String a, String b, int min) {
        if (a.length() < min || b.length() < min) {
            return false;
        }
        for (int i = 0; i + min <= b.length(); i += min / 2) {
            if (a.contains(b.substring(i, i + min))) {
                return true;
            }
        }
        return false;
    }
}
