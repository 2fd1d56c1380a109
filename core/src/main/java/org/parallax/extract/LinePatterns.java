package org.parallax.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * Groups of whole-line patterns from the lexicon (one group per kind of line), compiled for
 * speed without changing what they match. Lines are tested millions of times, so:
 * <ul>
 *   <li>a pattern that needs one of a few literals ("share", or one of "tweet", "email", ...)
 *       is only run on lines containing one: all such literals are found in a single pass over
 *       the line by an Aho-Corasick automaton;</li>
 *   <li>patterns written {@code ".*X.*"} ("X anywhere in the line") are searched for X with
 *       {@code find()} instead of backtracking over {@code .*} at every position;</li>
 *   <li>the rest of a group is joined into one alternation;</li>
 *   <li>case is folded once per line ({@link #fold}) and case-free patterns are compiled
 *       without the (slow, per-character) case-insensitive flag; a pattern that tests case
 *       itself (an upper-case class such as {@code \p{Lu}}) runs on the original line;</li>
 *   <li>groups are made non-capturing (the patterns are only ever tested, never read).</li>
 * </ul>
 */
final class LinePatterns {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Pattern ids (bits in a mask) by the literal that lets them run. */
    private final AhoCorasickDoubleArrayTrie<int[]> literals;
    private final Group[] groups;
    private final int filteredCount;

    /** One group's patterns: those behind a literal (by id), the rest joined. */
    private record Group(Filtered[] filtered, Pattern whole, Pattern anywhere, Pattern caseWhole,
            Pattern caseAnywhere) {
    }

    private record Filtered(int id, Pattern pattern, boolean find, boolean caseful) {
        boolean matches(String line, String folded) {
            var m = pattern.matcher(caseful ? line : folded);
            return find ? m.find() : m.matches();
        }
    }

    /** One group of patterns. */
    static LinePatterns of(List<String> patterns) {
        return new LinePatterns(List.of(patterns));
    }

    /** Several groups; {@link #first} tells which group matched first. */
    static LinePatterns grouped(List<List<String>> patternGroups) {
        return new LinePatterns(patternGroups);
    }

    private LinePatterns(List<List<String>> patternGroups) {
        Map<String, List<Integer>> byLiteral = new TreeMap<>();
        List<Group> gs = new ArrayList<>();
        int ids = 0;
        for (List<String> patterns : patternGroups) {
            List<String> w = new ArrayList<>();
            List<String> a = new ArrayList<>();
            List<String> cw = new ArrayList<>();
            List<String> ca = new ArrayList<>();
            List<Filtered> f = new ArrayList<>();
            for (String p : patterns) {
                Pattern.compile(p, FLAGS); // each pattern must stand alone: fail early on a typo
                String q = nonCapturing(p);
                boolean caseful = testsCase(q);
                String inner = anywhereCore(q);
                String body = inner != null ? inner : q;
                List<String> required = requiredAnyOf(body);
                if (required != null) {
                    int id = ids++;
                    for (String lit : required) {
                        byLiteral.computeIfAbsent(fold(lit), k -> new ArrayList<>()).add(id);
                    }
                    f.add(new Filtered(id, Pattern.compile(body, caseful ? FLAGS : 0), inner != null, caseful));
                } else if (inner != null) {
                    (caseful ? ca : a).add("(?:" + inner + ")");
                } else {
                    (caseful ? cw : w).add("(?:" + q + ")");
                }
            }
            gs.add(new Group(f.toArray(Filtered[]::new), join(w, 0), join(a, 0), join(cw, FLAGS), join(ca, FLAGS)));
        }
        groups = gs.toArray(Group[]::new);
        filteredCount = ids;
        TreeMap<String, int[]> trie = new TreeMap<>();
        byLiteral.forEach((k, v) -> trie.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        literals = new AhoCorasickDoubleArrayTrie<>();
        if (!trie.isEmpty()) {
            literals.build(trie);
        }
    }

    /** The line as the case-free patterns see it. */
    static String fold(String line) {
        return line.toLowerCase(Locale.ROOT);
    }

    /** Whether a pattern of any group matches the whole line; {@code folded} is {@link #fold}(line). */
    boolean matches(String line, String folded) {
        return first(line, folded) >= 0;
    }

    /** The index of the first group with a pattern matching the whole line, or -1. */
    int first(String line, String folded) {
        return first(scan(folded), line, folded, 0, groups.length);
    }

    /**
     * Which literal-gated patterns may match: bits by pattern id, set for each pattern one of
     * whose literals occurs in the folded line. One pass over the line for every group.
     */
    long[] scan(String folded) {
        Hits hits = new Hits(new long[(filteredCount + 63) >>> 6]);
        if (filteredCount > 0) {
            literals.parseText(folded, hits);
        }
        return hits.bits;
    }

    /** The first group in [from, to) with a pattern matching the line, or -1; {@code runnable} from {@link #scan}. */
    int first(long[] runnable, String line, String folded, int from, int to) {
        for (int g = from; g < to; g++) {
            if (matches(g, runnable, line, folded)) {
                return g;
            }
        }
        return -1;
    }

    /** Whether a pattern of group {@code g} matches the whole line. */
    boolean matches(int g, long[] runnable, String line, String folded) {
        Group group = groups[g];
        for (Filtered f : group.filtered()) {
            if ((runnable[f.id() >>> 6] & 1L << f.id()) != 0 && f.matches(line, folded)) {
                return true;
            }
        }
        return group.whole() != null && group.whole().matcher(folded).matches()
                || group.anywhere() != null && group.anywhere().matcher(folded).find()
                || group.caseWhole() != null && group.caseWhole().matcher(line).matches()
                || group.caseAnywhere() != null && group.caseAnywhere().matcher(line).find();
    }

    /** Collects the ids of the patterns whose literals the automaton reports. */
    private record Hits(long[] bits) implements AhoCorasickDoubleArrayTrie.IHit<int[]> {
        @Override
        public void hit(int begin, int end, int[] ids) {
            for (int id : ids) {
                bits[id >>> 6] |= 1L << id;
            }
        }
    }

    private static Pattern join(List<String> parts, int flags) {
        return parts.isEmpty() ? null : Pattern.compile(String.join("|", parts), flags);
    }

    /**
     * For {@code ".*X.*"} where X has no top-level alternation, X (to be found anywhere);
     * otherwise null. The leading {@code ^} or trailing {@code $} of such a pattern changes
     * nothing and is dropped with the {@code .*}.
     */
    static String anywhereCore(String p) {
        String q = p.startsWith("^") ? p.substring(1) : p;
        if (q.endsWith("$") && !q.endsWith("\\$")) {
            q = q.substring(0, q.length() - 1);
        }
        if (!q.startsWith(".*") || !q.endsWith(".*") || q.endsWith("\\.*") || q.length() < 5) {
            return null;
        }
        String core = q.substring(2, q.length() - 2);
        return hasTopLevelBar(core) ? null : core;
    }

    private static boolean hasTopLevelBar(String p) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Literals of which every match of the pattern contains at least one, or null when the
     * pattern gives no selective set: a run of literal characters not made optional by a
     * quantifier, or a required group whose alternatives each give such a set ("(tweet|email)"
     * gives both). Of the candidates in a sequence, the most selective is kept.
     */
    static List<String> requiredAnyOf(String p) {
        List<String> set = alternation(p, 0, p.length());
        return set != null && weight(set) >= MIN_WEIGHT ? set : null;
    }

    /** The single literal every match contains, when the required set has one member. */
    static String requiredLiteral(String p) {
        List<String> set = requiredAnyOf(p);
        return set != null && set.size() == 1 ? set.get(0) : null;
    }

    /** Letters, digits and spaces weigh 1, other characters (rarer in text) 3. */
    private static final int MIN_WEIGHT = 3;

    private static int weight(List<String> set) {
        int min = Integer.MAX_VALUE;
        for (String s : set) {
            int w = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                w += Character.isLetterOrDigit(c) || c == ' ' ? 1 : 3;
            }
            min = Math.min(min, w);
        }
        return set.isEmpty() ? 0 : min;
    }

    private static List<String> better(List<String> a, List<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int wa = weight(a);
        int wb = weight(b);
        return wb > wa || wb == wa && b.size() < a.size() ? b : a;
    }

    private static List<String> alternation(String p, int from, int to) {
        List<String> union = new ArrayList<>();
        int depth = 0;
        int altStart = from;
        for (int i = from; i <= to; i++) {
            char c = i < to ? p.charAt(i) : '|';
            if (i < to && c == '\\') {
                i++;
            } else if (i < to && c == '[') {
                i = classEnd(p, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                List<String> alt = sequence(p, altStart, i);
                if (alt == null) {
                    return null;
                }
                for (String s : alt) {
                    if (!union.contains(s)) {
                        union.add(s);
                    }
                }
                altStart = i + 1;
            }
        }
        return union;
    }

    private static List<String> sequence(String p, int from, int to) {
        List<String> best = null;
        StringBuilder run = new StringBuilder();
        for (int i = from; i < to; ) {
            char c = p.charAt(i);
            char literal = 0;
            int next = i + 1;
            List<String> group = null;
            if (c == '\\' && i + 1 < to) {
                char e = p.charAt(i + 1);
                next = escapeEnd(p, i + 1);
                if (next < 0) {
                    return null; // \Q...\E quoting: not analysed
                }
                if (!Character.isLetterOrDigit(e)) {
                    literal = e; // an escaped punctuation mark: itself
                }
            } else if (c == '{') {
                int close = p.indexOf('}', i);
                next = close < 0 ? to : close + 1; // a counted repetition
            } else if (c == '[') {
                next = classEnd(p, i) + 1;
            } else if (c == '(') {
                int close = groupEnd(p, i, to);
                next = close + 1;
                int inner = groupBody(p, i, close);
                if (inner >= 0 && !optional(p, next, to)) {
                    group = alternation(p, inner, close);
                }
            } else if (".^$|?*+".indexOf(c) < 0) {
                literal = c;
            }
            boolean quantified = next < to && "?*{".indexOf(p.charAt(next)) >= 0
                    && !(p.charAt(next) == '{' && countedAtLeastOne(p, next));
            if (literal != 0 && !quantified) {
                run.append(literal);
                if (next < to && (p.charAt(next) == '+' || p.charAt(next) == '{')) {
                    best = better(best, runSet(run)); // "a+" needs one "a"; the run ends there
                    run.setLength(0);
                }
            } else {
                best = better(best, runSet(run));
                run.setLength(0);
                best = better(best, group);
            }
            i = next;
        }
        return better(best, runSet(run));
    }

    private static List<String> runSet(StringBuilder run) {
        return run.length() == 0 ? null : List.of(run.toString());
    }

    /** Whether what follows a group or character makes it optional ("?", "*", "{0,"). */
    private static boolean optional(String p, int at, int to) {
        if (at >= to) {
            return false;
        }
        char q = p.charAt(at);
        return q == '?' || q == '*' || q == '{' && !countedAtLeastOne(p, at);
    }

    /** "{n}" or "{n,m}" with n at least one. */
    private static boolean countedAtLeastOne(String p, int brace) {
        int i = brace + 1;
        int n = 0;
        boolean digits = false;
        while (i < p.length() && Character.isDigit(p.charAt(i))) {
            n = n * 10 + (p.charAt(i++) - '0');
            digits = true;
        }
        return digits && n >= 1;
    }

    /** Index of the parenthesis closing the group opened at {@code open}. */
    private static int groupEnd(String p, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(p, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return to - 1;
    }

    /**
     * Where the group's own pattern starts, or -1 for groups that match no text of their own
     * (look-arounds, inline flags).
     */
    private static int groupBody(String p, int open, int close) {
        if (open + 1 >= close || p.charAt(open + 1) != '?') {
            return open + 1;
        }
        char k = open + 2 < close ? p.charAt(open + 2) : ')';
        if (k == ':' || k == '>') {
            return open + 3;
        }
        if (k == '=' || k == '!') {
            return -1;
        }
        if (k == '<') {
            char l = open + 3 < close ? p.charAt(open + 3) : ')';
            if (l == '=' || l == '!') {
                return -1;
            }
            int gt = p.indexOf('>', open);
            return gt < 0 || gt > close ? -1 : gt + 1; // a named group
        }
        int colon = p.indexOf(':', open);
        return colon < 0 || colon > close ? -1 : colon + 1; // "(?i:...)"; "(?i)" alone is -1
    }

    /** Index after the escape whose letter is at {@code k}; -1 for \\Q. */
    private static int escapeEnd(String p, int k) {
        char e = p.charAt(k);
        switch (e) {
            case 'p', 'P', 'N', 'x', 'k' -> {
                if (k + 1 < p.length() && "{<".indexOf(p.charAt(k + 1)) >= 0) {
                    int close = p.indexOf(p.charAt(k + 1) == '{' ? '}' : '>', k);
                    return close < 0 ? p.length() : close + 1;
                }
                return Math.min(p.length(), k + (e == 'x' ? 3 : 2));
            }
            case 'u' -> {
                return Math.min(p.length(), k + 5);
            }
            case 'c' -> {
                return Math.min(p.length(), k + 2);
            }
            case 'Q' -> {
                return -1;
            }
            case '0' -> {
                int j = k + 1;
                while (j < p.length() && j < k + 4 && p.charAt(j) >= '0' && p.charAt(j) <= '7') {
                    j++;
                }
                return j;
            }
            default -> {
                return k + 1;
            }
        }
    }

    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++; // a leading ']' is a member
        }
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i;
            }
        }
        return p.length() - 1;
    }

    /** Whether the pattern distinguishes case: an upper-case class or literal. */
    static boolean testsCase(String p) {
        if (p.contains("\\p{Lu}") || p.contains("\\p{Upper}") || p.contains("\\p{IsUppercase}")
                || p.contains("\\p{Lt}") || p.contains("\\p{Ll}") || p.contains("\\p{Lower}")) {
            return true;
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++; // \S, \W, \D and \p{...} are classes, not letters
                if (i < p.length() && (p.charAt(i) == 'p' || p.charAt(i) == 'P')) {
                    int close = p.indexOf('}', i);
                    i = close < 0 ? i : close;
                }
            } else if (Character.isUpperCase(c)) {
                return true;
            }
        }
        return false;
    }

    /** Turns every capturing group "(" into "(?:"; escaped and in-class parentheses stay. */
    static String nonCapturing(String p) {
        StringBuilder b = new StringBuilder(p.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                b.append(c);
                if (i + 1 < p.length()) {
                    b.append(p.charAt(++i));
                }
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' && (i + 1 >= p.length() || p.charAt(i + 1) != '?')) {
                b.append("(?:");
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }
}
