package org.parallax.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The boilerplate heuristics as data: line patterns per {@link RemovedKind}, the shape of a
 * comment thread, and the class/id hints of HTML site furniture. Loaded from
 * {@code lexicon.json}; immutable.
 */
public final class Lexicon {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    final int maxCueLineWords;
    final LinePatterns linePatterns;
    private final RemovedKind[] lineKinds;
    final Set<RemovedKind> tailHeadingKinds;
    final int tailHeadingMaxWords;
    final int tailMinProseBefore;
    final Pattern bullet;
    final int indentMin;
    final Pattern handle;
    final Pattern timestamp;
    final int commentMetaMaxWords;
    final int commentMetaDenseCount;
    final int commentMetaMinProseDense;
    final int commentMetaMaxLeading;
    final int commentMetaTopLines;
    final Pattern bylineCue;
    final Set<String> dropTags;
    final Set<String> boilerplateTags;
    final Set<String> captionTags;
    final Map<String, RemovedKind> furnitureRoles;
    final Map<RemovedKind, Hints> negativeHints;
    final Hints positiveHints;
    final int minParagraphChars;
    final double maxLinkDensity;
    final double furnitureMaxShare;
    final int articleMarkupMinChars;
    final double siblingScoreShare;
    final int recallMinChars;
    final List<String> bodyContainers;
    final int retryMinChars;
    final double containerMinShare;
    final double listingLinkShare;
    final int trailingFragmentChars;
    final double spreadMinShare;
    final int tocMinLinks;
    final double tocAnchorShare;
    final double tocMinLinkDensity;

    private Lexicon(JsonNode root) {
        maxCueLineWords = root.path("maxCueLineWords").asInt(25);
        // One automaton for every kind; kinds are tried in their declared order.
        Map<RemovedKind, List<String>> byKind = new EnumMap<>(RemovedKind.class);
        JsonNode lp = root.path("linePatterns");
        for (Iterator<String> it = lp.fieldNames(); it.hasNext(); ) {
            String kind = it.next();
            List<String> patterns = byKind.computeIfAbsent(kind(kind), k -> new ArrayList<>());
            lp.get(kind).forEach(p -> patterns.add(p.asText()));
        }
        lineKinds = byKind.keySet().toArray(RemovedKind[]::new);
        List<List<String>> groups = new ArrayList<>(byKind.values());
        List<String> meta = new ArrayList<>();
        root.path("commentMeta").path("patterns").forEach(p -> meta.add(p.asText()));
        groups.add(meta); // the last group: comment header and signature lines
        linePatterns = LinePatterns.grouped(groups);
        EnumSet<RemovedKind> tails = EnumSet.noneOf(RemovedKind.class);
        root.path("tailHeadingKinds").forEach(k -> tails.add(kind(k.asText())));
        tailHeadingKinds = Set.copyOf(tails);
        tailHeadingMaxWords = root.path("tailHeadingMaxWords").asInt(12);
        tailMinProseBefore = root.path("tailMinProseBefore").asInt(300);
        JsonNode cs = root.path("commentShape");
        bullet = Pattern.compile(cs.path("bulletPattern").asText());
        indentMin = cs.path("indentMin").asInt(2);
        // Used with find(): the ".*" around them in the data only says "anywhere in the line".
        handle = Pattern.compile(unwrap(cs.path("handlePattern").asText()));
        timestamp = Pattern.compile(unwrap(cs.path("timestampPattern").asText()), FLAGS);
        commentMetaMaxWords = root.path("commentMeta").path("maxWords").asInt(20);
        commentMetaDenseCount = root.path("commentMeta").path("denseCount").asInt(3);
        commentMetaMinProseDense = root.path("commentMeta").path("minProseBeforeDense").asInt(40);
        commentMetaMaxLeading = root.path("commentMeta").path("maxLeadingInArticle").asInt(4);
        commentMetaTopLines = root.path("commentMeta").path("articleTopLines").asInt(3);
        bylineCue = Pattern.compile(root.path("commentMeta").path("bylineCue").asText("\\bby\\b"), FLAGS);
        JsonNode html = root.path("html");
        dropTags = strings(html.path("dropTags"));
        boilerplateTags = strings(html.path("boilerplateTags"));
        captionTags = strings(html.path("captionTags"));
        Map<String, RemovedKind> roles = new java.util.HashMap<>();
        html.path("furnitureRoles").properties().forEach(e -> roles.put(e.getKey(), kind(e.getValue().asText())));
        furnitureRoles = Map.copyOf(roles);
        negativeHints = new EnumMap<>(RemovedKind.class);
        JsonNode neg = html.path("negativeHints");
        for (Iterator<String> it = neg.fieldNames(); it.hasNext(); ) {
            String kind = it.next();
            negativeHints.put(kind(kind), new Hints(List.copyOf(strings(neg.get(kind)))));
        }
        positiveHints = new Hints(List.copyOf(strings(html.path("positiveHints"))));
        minParagraphChars = html.path("minParagraphChars").asInt(25);
        maxLinkDensity = html.path("maxLinkDensity").asDouble(0.5);
        furnitureMaxShare = html.path("furnitureMaxShare").asDouble(0.5);
        articleMarkupMinChars = html.path("articleMarkupMinChars").asInt(250);
        siblingScoreShare = html.path("siblingScoreShare").asDouble(0.2);
        recallMinChars = html.path("recallMinChars").asInt(250);
        List<String> containers = new ArrayList<>();
        html.path("bodyContainers").forEach(n -> containers.add(n.asText()));
        bodyContainers = List.copyOf(containers);
        retryMinChars = html.path("retryMinChars").asInt(500);
        containerMinShare = html.path("containerMinShare").asDouble(0.4);
        listingLinkShare = html.path("listingLinkShare").asDouble(0.4);
        trailingFragmentChars = html.path("trailingFragmentChars").asInt(40);
        spreadMinShare = html.path("spreadMinShare").asDouble(0.0);
        tocMinLinks = html.path("tocMinLinks").asInt(3);
        tocAnchorShare = html.path("tocAnchorShare").asDouble(0.8);
        tocMinLinkDensity = html.path("tocMinLinkDensity").asDouble(0.7);
    }

    private static String unwrap(String p) {
        String q = p.startsWith(".*") ? p.substring(2) : p;
        return q.endsWith(".*") ? q.substring(0, q.length() - 2) : q;
    }

    private static RemovedKind kind(String s) {
        return RemovedKind.valueOf(s.toUpperCase(Locale.ROOT));
    }

    private static Set<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return Set.copyOf(out);
    }

    private static final class Holder {
        static final Lexicon DEFAULT = load("lexicon.json");
    }

    /** The lexicon shipped with Parallax. */
    public static Lexicon defaults() {
        return Holder.DEFAULT;
    }

    /** Loads a lexicon resource next to this class. */
    public static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no lexicon resource " + resource);
            }
            return new Lexicon(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    /**
     * A stripped line as the line patterns see it: folded and scanned for their literals once,
     * when first asked, however many questions are put to it.
     */
    static final class LineProbe {
        final String line;
        private String folded;
        private long[] runnable;
        private RemovedKind cue;
        private boolean cueKnown;
        private Boolean meta;

        LineProbe(String strippedLine) {
            this.line = strippedLine;
        }

        private void scan(LinePatterns patterns) {
            if (folded == null) {
                folded = LinePatterns.fold(line);
                runnable = patterns.scan(folded);
            }
        }
    }

    /** The kind whose cue pattern matches the whole stripped line, or null. */
    RemovedKind cueKind(String strippedLine) {
        return cueKind(new LineProbe(strippedLine));
    }

    /** As {@link #cueKind(String)}, remembered in the probe. */
    RemovedKind cueKind(LineProbe p) {
        if (!p.cueKnown) {
            p.cueKnown = true;
            if (!moreWordsThan(p.line, maxCueLineWords)) {
                p.scan(linePatterns);
                int k = linePatterns.first(p.runnable, p.line, p.folded, 0, lineKinds.length);
                p.cue = k < 0 ? null : lineKinds[k];
            }
        }
        return p.cue;
    }

    /** Whether a stripped line is the header or signature of a reader comment. */
    boolean isCommentMeta(String strippedLine) {
        return isCommentMeta(new LineProbe(strippedLine));
    }

    /** As {@link #isCommentMeta(String)}, remembered in the probe. */
    boolean isCommentMeta(LineProbe p) {
        if (p.meta == null) {
            boolean m = false;
            if (!moreWordsThan(p.line, commentMetaMaxWords) && mayBeMeta(p.line)) {
                p.scan(linePatterns);
                m = linePatterns.matches(lineKinds.length, p.runnable, p.line, p.folded);
            }
            p.meta = m;
        }
        return p.meta;
    }

    private static final Pattern HEADER_END = Pattern.compile(
            "(?i).*\\b(said|says|wrote|writes|commented|replied)\\b\\s*(\\.\\.\\.|…|:)?\\s*$|.*:\\s*$");
    private static final Pattern DATE_ONLY = Pattern.compile("(?i)^(\\w+,?\\s+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})[,.]?$");

    /** A comment meta line that opens its comment ("Rosa said...", "John wrote:"). */
    boolean isCommentHeader(String strippedLine) {
        return HEADER_END.matcher(strippedLine).matches();
    }

    /** Words of an article's own byline or dateline ("Posted by", "Updated"). */
    boolean hasBylineCue(String strippedLine) {
        return bylineCue.matcher(strippedLine).find();
    }

    private static final Pattern READING_TIME = Pattern.compile("(?i)^\\d+\\s*(min|mins|minutes?)\\.?\\s*(read|reading)(\\s*time)?$");

    /** "5 min read", "0 min. read". */
    boolean isReadingTime(String strippedLine) {
        return READING_TIME.matcher(strippedLine).matches();
    }

    /** A line that is only a date ("Saturday, November 10, 2012", "09/18/2012"). */
    boolean isDateOnly(String strippedLine) {
        return DATE_ONLY.matcher(strippedLine).matches();
    }

    /**
     * The words of a class or id attribute: each value lower-cased whole, and split at
     * hyphens, underscores and case changes ("postBody-main" gives post-body-main, post, body,
     * main, postbody).
     */
    static List<String> hintWords(String classAndId) {
        List<String> out = new ArrayList<>(8);
        int n = classAndId.length();
        int i = 0;
        StringBuilder whole = new StringBuilder();
        StringBuilder part = new StringBuilder();
        while (i < n) {
            while (i < n && Character.isWhitespace(classAndId.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            whole.setLength(0);
            List<String> parts = new ArrayList<>(4);
            part.setLength(0);
            char prev = 0;
            for (; i < n && !Character.isWhitespace(classAndId.charAt(i)); i++) {
                char c = classAndId.charAt(i);
                boolean sep = c == '-' || c == '_' || c == ':' || c == '.';
                boolean camel = Character.isUpperCase(c) && Character.isLowerCase(prev);
                if (sep || camel) {
                    if (part.length() > 0) {
                        parts.add(part.toString());
                        part.setLength(0);
                    }
                    whole.append('-');
                }
                if (!sep) {
                    char l = Character.toLowerCase(c);
                    whole.append(l);
                    part.append(l);
                }
                prev = c;
            }
            if (part.length() > 0) {
                parts.add(part.toString());
            }
            out.add(whole.toString());
            if (parts.size() > 1) {
                out.addAll(parts);
            }
        }
        return out;
    }

    /** Hints compiled: exact words in a set, prefixes (written "word*") in a list. */
    static final class Hints {
        final Set<String> exact;
        final List<String> prefixes;

        Hints(List<String> hints) {
            Set<String> e = new java.util.HashSet<>();
            List<String> p = new ArrayList<>();
            for (String h : hints) {
                if (h.endsWith("*")) {
                    p.add(h.substring(0, h.length() - 1));
                } else {
                    e.add(h);
                }
            }
            exact = Set.copyOf(e);
            prefixes = List.copyOf(p);
        }

        boolean matches(List<String> words) {
            for (String w : words) {
                if (exact.contains(w)) {
                    return true;
                }
                for (String p : prefixes) {
                    if (w.startsWith(p)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * A cheap test before the patterns: every comment meta pattern needs a digit, a URL, or a
     * "said"-like word. The patterns stay the authority.
     */
    private static boolean mayBeMeta(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return l.contains("sa") || l.contains("wr") || l.contains("comment") || l.contains("http") || l.contains("ago");
    }

    /** The furniture kind the class/id words point to, or null. */
    RemovedKind hintKind(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        for (Map.Entry<RemovedKind, Hints> e : negativeHints.entrySet()) {
            if (e.getValue().matches(words)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Whether the class/id words mark main content ("article-body", "entry-content"). */
    boolean positiveHint(List<String> words) {
        return !words.isEmpty() && positiveHints.matches(words);
    }

    /** Whether {@code s} has more than {@code max} words; stops counting once it knows. */
    static boolean moreWordsThan(String s, int max) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = !Character.isWhitespace(s.charAt(i));
            if (w && !in && ++n > max) {
                return true;
            }
            in = w;
        }
        return false;
    }

    static int wordCount(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = !Character.isWhitespace(s.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }
}
