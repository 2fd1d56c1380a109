package org.parallax.quotes;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.UnionFind;

/**
 * Groups the same statement across articles and describes how each appearance differs.
 *
 * <p>Quotes are compared as word sequences (case, quote-mark style and punctuation aside).
 * Candidate pairs come from an index of word trigrams (trigrams found in many quotes, the
 * stock phrases, are left out), so the cost follows the number of quotes that share wording,
 * not the square of all quotes; two-word quotes pair only with the same two words. A
 * candidate pair from two articles shares wording when a Myers diff (java-diff-utils) keeps
 * at least {@link #MIN_COMMON_WORDS} words and {@link #MIN_SHARE_OF_SHORTER} of the shorter
 * quote: the same statement when that is also {@link #MIN_SHARE_OF_LONGER} of the longer,
 * else a fragment contained in it. Groups are the connected same-statement pairs, each
 * fragment group then joining the one group that contains most of it; a group needs two
 * articles.
 */
public final class QuoteGroups {
    static final int MIN_COMMON_WORDS = 3;
    static final double MIN_SHARE_OF_SHORTER = 0.6;
    /** Shared words over the longer quote above which two quotes are one statement. */
    static final double MIN_SHARE_OF_LONGER = 0.5;
    /** A trigram in more quotes than this is a stock phrase, not evidence of one statement. */
    public static final int MAX_TRIGRAM_QUOTES = 50;
    /** Quotes in one article that a splice must take most of its words from. */
    static final double SPLICE_PART_SHARE = 0.6;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");

    private QuoteGroups() {
    }

    /**
     * A quote as words: folded forms for comparing, offsets into its article for evidence, and
     * the folded words' ids sorted (a multiset) for a cheap bound on the words two quotes share.
     */
    private record Words(Quote quote, List<String> folded, int[] starts, int[] ends, int[] bag) {
        int size() {
            return folded.size();
        }

        /** Start offset of words [from, to); for no words, the point where they would be. */
        int from(int from, int to) {
            if (from < to) {
                return starts[from];
            }
            return from < starts.length ? starts[from] : from > 0 ? ends[from - 1] : quote.start();
        }

        int to(int from, int to) {
            return from < to ? ends[to - 1] : from(from, to);
        }

        String surface(int from, int to) {
            if (from >= to) {
                return "";
            }
            int base = quote.start();
            return quote.text().substring(starts[from] - base, ends[to - 1] - base);
        }
    }

    private static Words words(Quote q) {
        List<String> folded = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(q.text());
        while (m.find()) {
            folded.add(m.group().replace('’', '\'').toLowerCase(Locale.ROOT));
            spans.add(new int[] {q.start() + m.start(), q.start() + m.end()});
        }
        int[] s = new int[spans.size()];
        int[] e = new int[spans.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = spans.get(i)[0];
            e[i] = spans.get(i)[1];
        }
        return new Words(q, folded, s, e, null);
    }

    private static Words withBag(Words w, Map<String, Integer> ids) {
        int[] bag = new int[w.size()];
        for (int i = 0; i < bag.length; i++) {
            bag[i] = ids.computeIfAbsent(w.folded().get(i), k -> ids.size());
        }
        java.util.Arrays.sort(bag);
        return new Words(w.quote(), w.folded(), w.starts(), w.ends(), bag);
    }

    /** Words two quotes have in common in any order: an upper bound on the words a diff keeps. */
    private static int bagOverlap(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /**
     * @param articleOrder corpus order of each article id (ties between equal dates)
     * @param published    publication date by article id, absent when unknown
     */
    public static List<QuoteGroup> of(List<Quote> quotes, Map<String, Integer> articleOrder,
                                      Map<String, LocalDate> published) {
        return of(quotes, articleOrder, published, null);
    }

    /**
     * As {@link #of(List, Map, Map)} on a part of a corpus that holds every quote sharing
     * wording with any of its quotes (a connected component of candidate pairs), {@code stock}
     * being the corpus's stock phrases ({@link #keys} in more than {@link #MAX_TRIGRAM_QUOTES}
     * quotes) among the part's keys: the part's groups are then the corpus's.
     */
    public static List<QuoteGroup> of(List<Quote> quotes, Map<String, Integer> articleOrder,
                                      Map<String, LocalDate> published, Set<String> stock) {
        return of(quotes, articleOrder, published, stock, null);
    }

    /**
     * As {@link #of(List, Map, Map, Set)}, quotes compared only within their scope: {@code scope}
     * maps a quote id to its scope (the event its words stand in), null for one
     * scope over all; keys and stock phrases are then the scoped keys ({@link #keys(Quote, String)}).
     */
    public static List<QuoteGroup> of(List<Quote> quotes, Map<String, Integer> articleOrder,
                                      Map<String, LocalDate> published, Set<String> stock, Map<String, String> scope) {
        List<Words> ws = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Quote q : quotes) {
            Words w = words(q);
            if (w.size() >= 2) {
                ws.add(withBag(w, ids));
            }
        }
        UnionFind parent = new UnionFind(ws.size());
        // Same statement: most of the longer quote's words are shared. Containment: a short
        // quote (a partial, a fragment) lies inside a longer one. A short phrase can lie inside
        // several different statements, so containment joins a short group to one host only.
        List<long[]> contained = new ArrayList<>();
        for (long pair : candidates(ws, stock, scope)) {
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            if (ws.get(a).quote().articleId().equals(ws.get(b).quote().articleId())) {
                continue;
            }
            int shorter = Math.min(ws.get(a).size(), ws.get(b).size());
            int longer = Math.max(ws.get(a).size(), ws.get(b).size());
            int bound = bagOverlap(ws.get(a).bag(), ws.get(b).bag());
            if (bound < Math.min(MIN_COMMON_WORDS, shorter) || bound < MIN_SHARE_OF_SHORTER * shorter) {
                continue; // not enough words in common even out of order: no diff needed
            }
            int c = commonWords(ws.get(a).folded(), ws.get(b).folded());
            if (c < Math.min(MIN_COMMON_WORDS, shorter) || c < MIN_SHARE_OF_SHORTER * shorter) {
                continue;
            }
            if (c >= MIN_SHARE_OF_LONGER * longer) {
                parent.union(a, b);
            } else {
                boolean aShort = ws.get(a).size() < ws.get(b).size();
                contained.add(new long[] {aShort ? a : b, aShort ? b : a, c});
            }
        }
        Map<Integer, Map<Integer, Long>> hosts = new HashMap<>();
        for (long[] c : contained) {
            int shortRoot = parent.find((int) c[0]);
            int longRoot = parent.find((int) c[1]);
            if (shortRoot != longRoot) {
                hosts.computeIfAbsent(shortRoot, k -> new HashMap<>()).merge(longRoot, c[2], Long::sum);
            }
        }
        // Ties go to the host whose first quote comes first (not to whichever index the
        // union-find made its root: a part of the corpus must choose as the whole would).
        int[] firstOf = new int[ws.size()];
        java.util.Arrays.fill(firstOf, Integer.MAX_VALUE);
        for (int i = 0; i < ws.size(); i++) {
            int r = parent.find(i);
            firstOf[r] = Math.min(firstOf[r], i);
        }
        hosts.forEach((shortRoot, byHost) -> byHost.entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue()
                        .thenComparing(e -> firstOf[e.getKey()], Comparator.reverseOrder()))
                .ifPresent(e -> parent.union(shortRoot, e.getKey())));
        Map<Integer, List<Integer>> comps = new LinkedHashMap<>();
        for (int i = 0; i < ws.size(); i++) {
            comps.computeIfAbsent(parent.find(i), k -> new ArrayList<>()).add(i);
        }
        Comparator<Words> earliest = Comparator
                .comparing((Words w) -> published.get(w.quote().articleId()), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(w -> articleOrder.getOrDefault(w.quote().articleId(), Integer.MAX_VALUE))
                .thenComparingInt(w -> w.quote().start());
        List<List<Words>> groups = new ArrayList<>();
        for (List<Integer> comp : comps.values()) {
            List<Words> members = new ArrayList<>();
            comp.forEach(i -> members.add(ws.get(i)));
            if (members.stream().map(w -> w.quote().articleId()).distinct().count() < 2) {
                continue;
            }
            members.sort(earliest);
            groups.add(members);
        }
        groups.sort(Comparator.comparing((List<Words> g) -> g.get(0), earliest));
        List<QuoteGroup> out = new ArrayList<>();
        for (List<Words> members : groups) {
            out.add(group("g" + (out.size() + 1), members));
        }
        return out;
    }

    private static QuoteGroup group(String id, List<Words> members) {
        List<String> ids = new ArrayList<>();
        Set<String> articles = new LinkedHashSet<>();
        Set<String> speakers = new LinkedHashSet<>();
        for (Words w : members) {
            ids.add(w.quote().id());
            articles.add(w.quote().articleId());
            if (w.quote().speaker() != null) {
                speakers.add(w.quote().speaker());
            }
        }
        List<QuoteGroup.Variant> variants = new ArrayList<>();
        for (int i = 1; i < members.size(); i++) {
            Words v = members.get(i);
            Words base = base(members, i);
            variants.add(variant(v, base, members));
        }
        return new QuoteGroup(id, ids, members.get(0).quote().id(), new ArrayList<>(articles),
                new ArrayList<>(speakers), variants);
    }

    /**
     * The appearance a member is compared with: of the earlier members in other articles, the
     * one sharing most words; failing that (a member of the first article), any other article's.
     */
    private static Words base(List<Words> members, int i) {
        Words v = members.get(i);
        Words best = null;
        int bestCommon = -1;
        for (int pass = 0; pass < 2 && best == null; pass++) {
            int limit = pass == 0 ? i : members.size();
            for (int j = 0; j < limit; j++) {
                Words o = members.get(j);
                if (j == i || o.quote().articleId().equals(v.quote().articleId())) {
                    continue;
                }
                int c = commonWords(o.folded(), v.folded());
                if (c > bestCommon) {
                    best = o;
                    bestCommon = c;
                }
            }
        }
        return best == null ? members.get(0) : best;
    }

    private static QuoteGroup.Variant variant(Words v, Words base, List<Words> members) {
        List<AbstractDelta<String>> deltas = DiffUtils.diff(base.folded(), v.folded()).getDeltas();
        List<QuoteGroup.Change> changes = new ArrayList<>();
        int changedBase = 0;
        int changedVariant = 0;
        for (AbstractDelta<String> d : deltas) {
            int bs = d.getSource().getPosition();
            int be = bs + d.getSource().size();
            int vs = d.getTarget().getPosition();
            int ve = vs + d.getTarget().size();
            changedBase += be - bs;
            changedVariant += ve - vs;
            QuoteGroup.ChangeType type = d.getType() == DeltaType.INSERT ? QuoteGroup.ChangeType.ADDED
                    : d.getType() == DeltaType.DELETE ? QuoteGroup.ChangeType.DROPPED : QuoteGroup.ChangeType.SUBSTITUTED;
            if (d.getType() == DeltaType.EQUAL) {
                continue;
            }
            changes.add(new QuoteGroup.Change(type, v.surface(vs, ve), v.from(vs, ve), v.to(vs, ve),
                    base.surface(bs, be), base.from(bs, be), base.to(bs, be)));
        }
        int commonCount = base.size() - changedBase;
        double similarity = Math.round(1000.0 * commonCount / Math.max(base.size(), v.size())) / 1000.0;
        boolean excerpt = !changes.isEmpty() && excerpt(deltas, base.size());
        String cut = excerpt && v.quote().kind() != QuoteKind.PARTIAL ? cut(deltas, v, base) : null;
        String from = null;
        String to = null;
        if (v.quote().speaker() != null && base.quote().speaker() != null
                && !v.quote().speaker().equals(base.quote().speaker())) {
            from = base.quote().speaker();
            to = v.quote().speaker();
        }
        return new QuoteGroup.Variant(v.quote().id(), base.quote().id(), changes.isEmpty(), excerpt, cut,
                splicedFrom(v, members), from, to, similarity, changes);
    }

    /** Whether the only differences are base words missing before and after the variant's (one run of the base). */
    private static boolean excerpt(List<AbstractDelta<String>> deltas, int baseSize) {
        for (AbstractDelta<String> d : deltas) {
            if (d.getType() == DeltaType.EQUAL) {
                continue;
            }
            int bs = d.getSource().getPosition();
            int be = bs + d.getSource().size();
            if (d.getType() != DeltaType.DELETE || bs != 0 && be != baseSize) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where an excerpt is printed as if it were the whole statement: it opens with a capital
     * letter where the base's words before it are no finished sentence, or it ends with a full
     * stop (or ! ?) where the base's sentence goes on after it. Null when neither.
     */
    private static String cut(List<AbstractDelta<String>> deltas, Words v, Words base) {
        boolean start = false;
        boolean end = false;
        String text = v.quote().text().strip();
        for (AbstractDelta<String> d : deltas) {
            if (d.getType() != DeltaType.DELETE) {
                continue;
            }
            int bs = d.getSource().getPosition();
            int be = bs + d.getSource().size();
            int q0 = base.quote().start();
            String bt = base.quote().text();
            if (bs == 0 && be < base.size()) {
                // Between the last dropped word and the first kept one: a sentence end there means
                // the excerpt starts a sentence of the base.
                String gap = bt.substring(base.ends[be - 1] - q0, base.starts[be] - q0);
                start |= !gap.matches("(?s).*[.!?:;].*") && !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
            }
            if (be == base.size() && bs > 0) {
                String gap = bt.substring(base.ends[bs - 1] - q0, base.starts[bs] - q0);
                String last = text.replaceAll("[\"”’'»)\\]\\s]+$", "");
                end |= !gap.matches("(?s).*[.!?].*") && !last.isEmpty() && ".!?".indexOf(last.charAt(last.length() - 1)) >= 0;
            }
        }
        return start && end ? "both" : start ? "start" : end ? "end" : null;
    }

    /**
     * Quotes of one other article that each lie mostly inside this one, at different places:
     * the variant joins them into one quotation.
     */
    private static List<String> splicedFrom(Words v, List<Words> members) {
        Map<String, List<Words>> byArticle = new LinkedHashMap<>();
        for (Words o : members) {
            if (!o.quote().articleId().equals(v.quote().articleId()) && o.size() < v.size()) {
                byArticle.computeIfAbsent(o.quote().articleId(), k -> new ArrayList<>()).add(o);
            }
        }
        for (List<Words> parts : byArticle.values()) {
            List<int[]> places = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Words o : parts) {
                int[] place = placeIn(o.folded(), v.folded());
                if (place == null) {
                    continue;
                }
                boolean overlaps = places.stream().anyMatch(p -> p[0] < place[1] && place[0] < p[1]);
                if (!overlaps) {
                    places.add(place);
                    ids.add(o.quote().id());
                }
            }
            if (ids.size() >= 2) {
                return ids;
            }
        }
        return List.of();
    }

    /** Where most of {@code part}'s words sit inside {@code whole}: [first, last+1] or null. */
    private static int[] placeIn(List<String> part, List<String> whole) {
        int common = 0;
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (AbstractDelta<String> d : DiffUtils.diff(part, whole, true).getDeltas()) {
            if (d.getType() == DeltaType.EQUAL) {
                common += d.getSource().size();
                first = Math.min(first, d.getTarget().getPosition());
                last = Math.max(last, d.getTarget().getPosition() + d.getTarget().size());
            }
        }
        return common >= MIN_COMMON_WORDS && common >= SPLICE_PART_SHARE * part.size() ? new int[] {first, last} : null;
    }

    static int commonWords(List<String> a, List<String> b) {
        int changed = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            changed += d.getSource().size();
        }
        return a.size() - changed;
    }

    /**
     * The index keys of a quote: its distinct word trigrams; a two-word quote its two words;
     * none for a shorter one. Quotes sharing a key are candidate pairs.
     */
    public static List<String> keys(Quote q) {
        return keys(words(q).folded());
    }

    /** The keys of a quote within a scope (null: no scope): two quotes of different scopes share none. */
    public static List<String> keys(Quote q, String scope) {
        return scoped(keys(q), scope);
    }

    private static List<String> scoped(List<String> keys, String scope) {
        if (scope == null) {
            return keys;
        }
        List<String> out = new ArrayList<>(keys.size());
        keys.forEach(k -> out.add(scope + '\u0001' + k));
        return out;
    }

    private static List<String> keys(List<String> f) {
        if (f.size() < 2) {
            return List.of();
        }
        if (f.size() == 2) {
            return List.of("2\u0000" + f.get(0) + ' ' + f.get(1));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int k = 0; k + 3 <= f.size(); k++) {
            seen.add(f.get(k) + ' ' + f.get(k + 1) + ' ' + f.get(k + 2));
        }
        return new ArrayList<>(seen);
    }

    /**
     * Candidate pairs; {@code stock}, when given, the keys to leave out (else counted here);
     * with {@code scope}, only quotes of one scope pair (a quote without a scope pairs with none).
     */
    private static Set<Long> candidates(List<Words> ws, Set<String> stock, Map<String, String> scope) {
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < ws.size(); i++) {
            String sc = scope == null ? null : scope.get(ws.get(i).quote().id());
            if (scope != null && sc == null) {
                continue;
            }
            for (String key : scoped(keys(ws.get(i).folded()), sc)) {
                if (stock == null || !stock.contains(key)) {
                    index.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
                }
            }
        }
        // Two-word quotes also meet longer quotes that hold the same words, through the trigrams'
        // first two words: left out here on purpose, two words inside a long quote are too weak.
        Set<Long> pairs = new java.util.HashSet<>();
        for (List<Integer> posting : index.values()) {
            if (posting.size() < 2 || posting.size() > MAX_TRIGRAM_QUOTES) {
                continue;
            }
            for (int x = 0; x < posting.size(); x++) {
                for (int y = x + 1; y < posting.size(); y++) {
                    pairs.add((long) posting.get(x) << 32 | posting.get(y));
                }
            }
        }
        return pairs;
    }

}
