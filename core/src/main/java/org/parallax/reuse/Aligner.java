package org.parallax.reuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.parallax.text.Token;

/**
 * Turns the shared shingles of two articles into passages: seeds (positions of a shingle in
 * both) are chained in order on both sides, bridging gaps of up to {@code maxGap} words, so
 * edits between seeds — substituted, inserted or dropped words — stay inside one passage.
 * Each chain becomes a passage, scored by word-level LCS similarity.
 */
final class Aligner {
    private final ReuseConfig config;

    Aligner(ReuseConfig config) {
        this.config = config;
    }

    ReuseConfig config() {
        return config;
    }

    /** A shingle found at word {@code a} of the first article and word {@code b} of the second. */
    record Seed(int a, int b) {
    }

    private static final class Chain {
        int a0;
        int b0;
        int a1;
        int b1; // last seed positions
        int seeds;

        Chain(Seed s) {
            a0 = a1 = s.a();
            b0 = b1 = s.b();
            seeds = 1;
        }
    }

    List<Passage> align(List<Token> ta, List<Token> tb, List<Seed> seeds) {
        seeds.sort(Comparator.comparingInt(Seed::a).thenComparingInt(Seed::b));
        List<Chain> chains = new ArrayList<>();
        for (Seed s : seeds) {
            Chain best = null;
            int bestCost = Integer.MAX_VALUE;
            for (Chain c : chains) {
                int da = s.a() - c.a1;
                int db = s.b() - c.b1;
                if (da >= 0 && db >= 0 && da <= config.maxGap() + 1 && db <= config.maxGap() + 1) {
                    int cost = Math.abs(da - db) * 4 + da + db;
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = c;
                    }
                }
            }
            if (best == null) {
                chains.add(new Chain(s));
            } else {
                best.a1 = s.a();
                best.b1 = s.b();
                best.seeds++;
            }
        }
        int n = config.ngram();
        List<Span> spans = new ArrayList<>();
        for (Chain c : chains) {
            // Seeds stop at the last intact n-gram; edited words at the edges still belong to
            // the passage: extend both ends while the words keep lining up.
            int[] right = extend(ta, tb, c.a1 + n, c.b1 + n, +1);
            int[] left = extend(ta, tb, c.a0 - 1, c.b0 - 1, -1);
            spans.add(new Span(left[0] + 1, right[0], left[1] + 1, right[1]));
        }
        List<Passage> out = new ArrayList<>();
        for (Span sp : oneToOne(mergeOverlapping(spans), ta, tb)) {
            int wa = sp.a1() - sp.a0();
            int wb = sp.b1() - sp.b0();
            if (wa < config.minPassageWords() || wb < config.minPassageWords()) {
                continue;
            }
            int common = lcs(ta, sp.a0(), sp.a1(), tb, sp.b0(), sp.b1());
            double sim = 2.0 * common / (wa + wb);
            if (sim < config.minSimilarity()) {
                continue;
            }
            // Edit summary from the alignment: words only one side has, paired up as
            // substitutions as far as they go, the rest added (target) or dropped (source).
            int onlyA = wa - common;
            int onlyB = wb - common;
            int substituted = Math.min(onlyA, onlyB);
            out.add(new Passage(ta.get(sp.a0()).start(), ta.get(sp.a1() - 1).end(),
                    tb.get(sp.b0()).start(), tb.get(sp.b1() - 1).end(), wa, wb, round(sim),
                    new Passage.Edits(common, substituted, onlyB - substituted, onlyA - substituted)));
        }
        out.sort(Comparator.comparingInt(Passage::sourceStart));
        return out;
    }

    /** Aligned words [a0, a1) of the first text and [b0, b1) of the second. */
    record Span(int a0, int a1, int b0, int b1) {
        int words() {
            return a1 - a0 + b1 - b0;
        }
    }

    /** Words looked ahead to find where two texts line up again after an edit. */
    private static final int RESYNC = 3;
    /** Extension stops once its score has fallen this far below its best. */
    private static final int X_DROP = 3;

    /**
     * Extends an alignment from word {@code i} of one text and {@code j} of the other in
     * direction {@code step} (+1 right, -1 left): a matching word scores +1; after a mismatch
     * the nearest point where the texts match again within {@link #RESYNC} words costs the
     * larger of the words skipped (a substitution, insertion or deletion). Returns the
     * positions just past the last matching word of the best-scoring extension (ties extend).
     */
    static int[] extend(List<Token> ta, List<Token> tb, int i, int j, int step) {
        int best = 0;
        int score = 0;
        int bi = i;
        int bj = j;
        while (inside(ta, i) && inside(tb, j)) {
            if (ta.get(i).norm().equals(tb.get(j).norm())) {
                score++;
                i += step;
                j += step;
                if (score >= best) {
                    best = score;
                    bi = i;
                    bj = j;
                }
                continue;
            }
            int[] sync = resync(ta, tb, i, j, step);
            if (sync == null) {
                break;
            }
            score -= Math.max(sync[0], sync[1]);
            if (best - score >= X_DROP) {
                break;
            }
            i += sync[0] * step;
            j += sync[1] * step;
        }
        return new int[] {bi, bj};
    }

    /** The smallest skips (on each side) after which the words match again, substitutions first. */
    private static int[] resync(List<Token> ta, List<Token> tb, int i, int j, int step) {
        for (int d = 1; d <= RESYNC; d++) {
            for (int[] k : new int[][] {{d, d}, {d, 0}, {0, d}, {d, d - 1}, {d - 1, d}}) {
                if (k[0] == 0 && k[1] == 0) {
                    continue;
                }
                int x = i + k[0] * step;
                int y = j + k[1] * step;
                if (inside(ta, x) && inside(tb, y) && ta.get(x).norm().equals(tb.get(y).norm())) {
                    return k;
                }
            }
        }
        return null;
    }

    private static boolean inside(List<Token> t, int i) {
        return i >= 0 && i < t.size();
    }

    /**
     * Each stretch of text is matched once. When an article repeats a sentence, the other
     * article's copy aligns with both places: a span whose one side lies mostly inside a
     * longer span's, and whose other side's words that longer span already holds on its other
     * side, is the repeat and is dropped. A span inside a longer one's range whose words the
     * longer one does not hold there is an insertion into it and stays.
     */
    static List<Span> oneToOne(List<Span> spans, List<Token> ta, List<Token> tb) {
        if (spans.size() < 2) {
            return spans;
        }
        List<Span> byLength = new ArrayList<>(spans);
        byLength.sort(Comparator.comparingInt(Span::words).reversed().thenComparingInt(Span::a0));
        List<Span> kept = new ArrayList<>();
        for (Span p : byLength) {
            boolean repeat = false;
            for (Span q : kept) {
                if (mostlyInside(p.b0(), p.b1(), q.b0(), q.b1()) && holds(ta, p.a0(), p.a1(), q.a0(), q.a1())
                        || mostlyInside(p.a0(), p.a1(), q.a0(), q.a1()) && holds(tb, p.b0(), p.b1(), q.b0(), q.b1())) {
                    repeat = true;
                    break;
                }
            }
            if (!repeat) {
                kept.add(p);
            }
        }
        kept.sort(Comparator.comparingInt(Span::a0));
        return kept;
    }

    /** Whether at least half of [s, e) lies inside [qs, qe). */
    private static boolean mostlyInside(int s, int e, int qs, int qe) {
        int overlap = Math.min(e, qe) - Math.max(s, qs);
        return overlap > 0 && 2 * overlap >= e - s;
    }

    /** Whether most word trigrams of t[s, e) also occur in t[qs, qe). */
    private static boolean holds(List<Token> t, int s, int e, int qs, int qe) {
        java.util.Set<String> there = new java.util.HashSet<>();
        for (int i = qs; i + 3 <= qe; i++) {
            there.add(t.get(i).norm() + ' ' + t.get(i + 1).norm() + ' ' + t.get(i + 2).norm());
        }
        int all = 0;
        int found = 0;
        for (int i = s; i + 3 <= e; i++) {
            all++;
            if (there.contains(t.get(i).norm() + ' ' + t.get(i + 1).norm() + ' ' + t.get(i + 2).norm())) {
                found++;
            }
        }
        return all > 0 && 2 * found >= all;
    }

    /** Spans that overlap on both sides are one span. */
    private static List<Span> mergeOverlapping(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::a0));
        List<Span> out = new ArrayList<>();
        for (Span p : sorted) {
            if (!out.isEmpty()) {
                Span q = out.get(out.size() - 1);
                if (p.a0() < q.a1() && p.b0() < q.b1() && p.b1() > q.b0()) {
                    out.set(out.size() - 1, new Span(q.a0(), Math.max(q.a1(), p.a1()), Math.min(q.b0(), p.b0()),
                            Math.max(q.b1(), p.b1())));
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    /** 2·LCS / (|a| + |b|) over word norms. */
    static double similarity(List<Token> ta, int a0, int a1, List<Token> tb, int b0, int b1) {
        int la = a1 - a0;
        int lb = b1 - b0;
        return la == 0 || lb == 0 ? 0 : 2.0 * lcs(ta, a0, a1, tb, b0, b1) / (la + lb);
    }

    /**
     * Length of the longest common subsequence of the two word runs (by norm). Words are
     * numbered first so the table compares ints. Runs too long for the table (over 25
     * million cells) are estimated from their shorter length.
     */
    static int lcs(List<Token> ta, int a0, int a1, List<Token> tb, int b0, int b1) {
        int la = a1 - a0;
        int lb = b1 - b0;
        if (la == 0 || lb == 0) {
            return 0;
        }
        if ((long) la * lb > 25_000_000L) {
            return Math.min(la, lb); // too long to align exactly
        }
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        int[] x = new int[la];
        int[] y = new int[lb];
        for (int i = 0; i < la; i++) {
            x[i] = ids.computeIfAbsent(ta.get(a0 + i).norm(), k -> ids.size());
        }
        for (int j = 0; j < lb; j++) {
            y[j] = ids.computeIfAbsent(tb.get(b0 + j).norm(), k -> ids.size());
        }
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int i = 1; i <= la; i++) {
            int xi = x[i - 1];
            for (int j = 1; j <= lb; j++) {
                cur[j] = xi == y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
