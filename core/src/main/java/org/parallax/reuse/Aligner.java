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
        List<Passage> out = new ArrayList<>();
        for (Chain c : chains) {
            int aEnd = c.a1 + n;
            int bEnd = c.b1 + n;
            int wa = aEnd - c.a0;
            int wb = bEnd - c.b0;
            if (wa < config.minPassageWords() || wb < config.minPassageWords()) {
                continue;
            }
            double sim = similarity(ta, c.a0, aEnd, tb, c.b0, bEnd);
            if (sim < config.minSimilarity()) {
                continue;
            }
            out.add(new Passage(ta.get(c.a0).start(), ta.get(aEnd - 1).end(),
                    tb.get(c.b0).start(), tb.get(bEnd - 1).end(), wa, wb, round(sim)));
        }
        out.sort(Comparator.comparingInt(Passage::sourceStart));
        return mergeOverlapping(out);
    }

    /** Passages that overlap on both sides are one passage. */
    private static List<Passage> mergeOverlapping(List<Passage> ps) {
        List<Passage> out = new ArrayList<>();
        for (Passage p : ps) {
            if (!out.isEmpty()) {
                Passage q = out.get(out.size() - 1);
                if (p.sourceStart() <= q.sourceEnd() && p.targetStart() <= q.targetEnd()
                        && p.targetEnd() >= q.targetStart()) {
                    out.set(out.size() - 1, new Passage(q.sourceStart(), Math.max(q.sourceEnd(), p.sourceEnd()),
                            Math.min(q.targetStart(), p.targetStart()), Math.max(q.targetEnd(), p.targetEnd()),
                            Math.max(q.sourceWords(), p.sourceWords()), Math.max(q.targetWords(), p.targetWords()),
                            Math.min(q.similarity(), p.similarity())));
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    /** 2·LCS / (|a| + |b|) over word norms; long spans are compared in windows. */
    static double similarity(List<Token> ta, int a0, int a1, List<Token> tb, int b0, int b1) {
        int la = a1 - a0;
        int lb = b1 - b0;
        if (la == 0 || lb == 0) {
            return 0;
        }
        if ((long) la * lb > 25_000_000L) {
            return 1.0 * Math.min(la, lb) / Math.max(la, lb); // too long to align exactly
        }
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int i = 1; i <= la; i++) {
            String x = ta.get(a0 + i - 1).norm();
            for (int j = 1; j <= lb; j++) {
                cur[j] = x.equals(tb.get(b0 + j - 1).norm()) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 2.0 * prev[lb] / (la + lb);
    }

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
