package org.parallax.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Span;
import org.parallax.text.Annotated;

/**
 * Splits pages that carry several stories — live blogs with UPDATE or timestamped entries,
 * digests of headed sections — into segments clustered on their own. A paragraph opens a new
 * segment when it starts with an entry marker ("UPDATE 1030 GMT:", "Update, 3:15 pm —",
 * "ORIGINAL ENTRY:", "14:05 GMT —") or when it is a headline (a short title-case line without
 * closing punctuation) followed by prose. Sections shorter than {@link #MIN_WORDS} words join
 * the one before them, and a headed section about the same thing as the one before it (by
 * {@link #SAME_STORY}) is a sub-heading, not another story; a page that yields one segment
 * is a normal article and stays whole. Marked entries of a live blog are always kept apart.
 */
public final class Segmenter {
    /** Fewer words than this do not make a segment of their own. */
    static final int MIN_WORDS = 40;
    /**
     * A headed section at least this similar to the one before it (cosine of content words) is
     * a sub-heading of the same article, not another story.
     */
    static final double SAME_STORY = 0.3;
    /** On a page without entry markers, only sections this unlike the one before are apart. */
    static final double UNMARKED_SAME_STORY = 0.05;
    private static final String ZONE = "(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|PST|PDT|ET|PT|[AP]\\.?M\\.?)";
    private static final Pattern UPDATE = Pattern.compile(
            "^(?:UPDATE[D]?|Update[d]?)\\b[^:\\n.]{0,40}?(?::|\\s[-–—]\\s)");
    private static final Pattern ENTRY = Pattern.compile(
            "^(?:ORIGINAL (?:ENTRY|POST|STORY|ARTICLE)|EARLIER|Original (?:entry|post|story)|Earlier)\\s*(?::|\\s[-–—]\\s)");
    private static final Pattern STAMP = Pattern.compile(
            "^\\d{1,2}[:.]?\\d{2}\\s*" + ZONE + "\\b\\s*(?::|[-–—])", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");
    /** Short words a title-case headline leaves in lower case. */
    private static final java.util.Set<String> MINOR = java.util.Set.of("a", "an", "the", "and", "or", "but", "of", "in",
            "on", "at", "to", "for", "by", "with", "from", "as", "into", "over", "after", "is", "are", "vs", "not", "its");

    private Segmenter() {
    }

    public static List<Segment> segments(Annotated doc) {
        String body = doc.article().body();
        List<Span> paragraphs = doc.text().paragraphs();
        String id = doc.id();
        List<int[]> starts = new ArrayList<>(); // {paragraph index, cue}
        List<String> cues = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            Span p = paragraphs.get(i);
            String text = body.substring(p.start(), p.end()).strip();
            String cue = null;
            String heading = null;
            if (UPDATE.matcher(text).find() || STAMP.matcher(text).find()) {
                cue = "update";
            } else if (ENTRY.matcher(text).find()) {
                cue = "entry";
            } else if (i > 0 && i + 1 < paragraphs.size() && isHeadline(text)
                    && words(body.substring(paragraphs.get(i + 1).start(), paragraphs.get(i + 1).end())) >= 15) {
                cue = "heading";
                heading = text;
            }
            if (cue != null) {
                starts.add(new int[] {i});
                cues.add(cue);
                headings.add(heading);
            }
        }
        if (starts.isEmpty() || starts.size() == 1 && starts.get(0)[0] == 0) {
            return List.of(whole(doc));
        }
        // Sections: [0, first marker) if not empty, then marker to marker.
        List<int[]> ranges = new ArrayList<>(); // paragraph from, to (exclusive)
        List<String> rangeCues = new ArrayList<>();
        List<String> rangeHeadings = new ArrayList<>();
        if (starts.get(0)[0] > 0) {
            ranges.add(new int[] {0, starts.get(0)[0]});
            rangeCues.add("lead");
            rangeHeadings.add(null);
        }
        for (int k = 0; k < starts.size(); k++) {
            int to = k + 1 < starts.size() ? starts.get(k + 1)[0] : paragraphs.size();
            ranges.add(new int[] {starts.get(k)[0], to});
            rangeCues.add(cues.get(k));
            rangeHeadings.add(headings.get(k));
        }
        // Short sections join the one before (the first joins the next).
        for (int k = 0; k < ranges.size() && ranges.size() > 1; ) {
            int w = 0;
            for (int i = ranges.get(k)[0]; i < ranges.get(k)[1]; i++) {
                w += words(body.substring(paragraphs.get(i).start(), paragraphs.get(i).end()));
            }
            if (w >= MIN_WORDS) {
                k++;
                continue;
            }
            if (k == 0) {
                ranges.get(1)[0] = ranges.get(0)[0];
                rangeCues.set(1, rangeCues.get(0).equals("lead") ? rangeCues.get(1) : rangeCues.get(0));
                rangeHeadings.set(1, rangeHeadings.get(0) != null ? rangeHeadings.get(0) : rangeHeadings.get(1));
            } else {
                ranges.get(k - 1)[1] = ranges.get(k)[1];
            }
            ranges.remove(k);
            rangeCues.remove(k);
            rangeHeadings.remove(k);
            if (k > 0) {
                k = Math.max(0, k - 1);
            }
        }
        // A headed section much like the one before it is a sub-heading of one article. On a page
        // without entry markers a heading is only a story boundary between unrelated sections.
        boolean marked = rangeCues.stream().anyMatch(c -> c.equals("update") || c.equals("entry"));
        double same = marked ? SAME_STORY : UNMARKED_SAME_STORY;
        for (int k = ranges.size() - 1; k >= 1; k--) {
            if (!rangeCues.get(k).equals("heading")) {
                continue;
            }
            int[] prev = ranges.get(k - 1);
            int[] cur = ranges.get(k);
            double sim = similarity(doc, paragraphs.get(prev[0]).start(), paragraphs.get(prev[1] - 1).end(),
                    paragraphs.get(cur[0]).start(), paragraphs.get(cur[1] - 1).end());
            if (sim >= same) {
                prev[1] = cur[1];
                ranges.remove(k);
                rangeCues.remove(k);
                rangeHeadings.remove(k);
            }
        }
        if (ranges.size() == 1) {
            return List.of(whole(doc));
        }
        List<Segment> out = new ArrayList<>();
        for (int k = 0; k < ranges.size(); k++) {
            int start = paragraphs.get(ranges.get(k)[0]).start();
            int end = paragraphs.get(ranges.get(k)[1] - 1).end();
            String cue = rangeCues.get(k);
            out.add(new Segment(id + "#" + (k + 1), id, k + 1, start, end, rangeHeadings.get(k), cue));
        }
        return out;
    }

    /** Cosine of the content words (sublinear counts) of two parts of the body. */
    private static double similarity(Annotated doc, int aStart, int aEnd, int bStart, int bEnd) {
        java.util.Map<String, Integer> a = TermVectors.terms(doc, aStart, aEnd);
        java.util.Map<String, Integer> b = TermVectors.terms(doc, bStart, bEnd);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (var e : a.entrySet()) {
            double wa = 1 + Math.log(e.getValue());
            na += wa * wa;
            Integer cb = b.get(e.getKey());
            if (cb != null) {
                dot += wa * (1 + Math.log(cb));
            }
        }
        for (int c : b.values()) {
            double wb = 1 + Math.log(c);
            nb += wb * wb;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static Segment whole(Annotated doc) {
        return new Segment(doc.id(), doc.id(), 0, 0, doc.article().body().length(), null, "article");
    }

    /**
     * A headline: one line of 3 to 16 words, no closing punctuation, most longer words
     * capitalised ("Officials: Rescuers Reach Flooded Villages Near the Dam").
     */
    static boolean isHeadline(String text) {
        if (text.indexOf('\n') >= 0 || text.isEmpty()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        if (".?!:;,\"”’'…)".indexOf(last) >= 0) {
            return false;
        }
        Matcher m = WORD.matcher(text);
        int n = 0;
        int content = 0;
        int capital = 0;
        while (m.find()) {
            n++;
            String w = m.group();
            if (MINOR.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            content++;
            if (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0))) {
                capital++;
            }
        }
        return n >= 3 && n <= 16 && content > 0 && capital >= 0.8 * content;
    }

    private static int words(String s) {
        Matcher m = WORD.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
