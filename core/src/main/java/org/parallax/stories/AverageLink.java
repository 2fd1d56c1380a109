package org.parallax.stories;

import java.util.HashMap;
import java.util.Map;
import org.parallax.model.UnionFind;

/**
 * Average-link agglomerative clustering on a similarity matrix, cut at a threshold: the two
 * clusters of the highest linkage merge while it is at least the threshold (greedy, with each
 * cluster's nearest neighbour cached; quadratic time on the usual inputs).
 *
 * <p>The linkage of two clusters is the mean similarity of their pairs. Three refinements, all
 * off in {@link #cut(float[], int, double)} (plain average link):
 * <ul>
 *   <li><b>pair weights</b> — the mean is weighted, and pairs of weight 0 are not compared at all
 *       (members too far apart in time): two clusters with nothing to compare never merge;</li>
 *   <li><b>a prior</b> — the mean is shrunk toward 0 as if {@code prior} more pairs of similarity
 *       0 were compared ({@code sum / (weight + prior)}): one similar pair is weak evidence that
 *       two items are one story, the mean over many pairs of two large clusters strong;</li>
 *   <li><b>groups</b> — members of one group (copies of one text) are one cluster from the start;</li>
 *   <li><b>undated evidence</b> — when dated coverage would merge with a cluster and no dated pair
 *       between them is compared (the other side undated, or both dated too far apart in time),
 *       the merge rests on undated members alone and counts only if the plain mean of the pairs
 *       is at least {@code bridge}: undated articles join dated coverage, or tie coverage of two
 *       times together, only when they closely resemble it, not by a shared topic.</li>
 * </ul>
 */
final class AverageLink {
    private AverageLink() {
    }

    /** Plain average link: every pair compared with weight 1, no prior. */
    static UnionFind cut(float[] sim, int m, double threshold) {
        return cut(sim, null, null, m, threshold, 0);
    }

    /**
     * @param sim    symmetric m×m similarities, row-major; overwritten
     * @param weight symmetric m×m pair weights (≥ 0), or null for all 1; overwritten
     * @param group  each member's group (≥ 0; -1 for none), or null: members of one group are
     *               one cluster from the start, whatever their linkage
     * @param prior  pairs of similarity 0 added to every mean (≥ 0)
     * @return the partition as a union-find over 0..m-1
     */
    static UnionFind cut(float[] sim, float[] weight, int[] group, int m, double threshold, double prior) {
        return cut(sim, weight, group, null, 1, m, threshold, prior);
    }

    /**
     * As {@link #cut(float[], float[], int[], int, double, double)}, with the rule on undated
     * evidence: {@code dated} tells which members carry a date (null: no such rule; it applies
     * only when some members are dated and some not), and {@code weight} must be 0 for the dated
     * pairs that are not compared; {@code bridge} is the plain mean such merges need.
     */
    static UnionFind cut(float[] sim, float[] weight, int[] group, boolean[] dated, double bridge, int m,
                         double threshold, double prior) {
        UnionFind uf = new UnionFind(m);
        if (m < 2) {
            return uf;
        }
        float[] total = sim;
        float[] count = weight;
        if (count == null) {
            count = new float[m * m];
            java.util.Arrays.fill(count, 1f);
        } else {
            for (int i = 0; i < total.length; i++) {
                total[i] *= count[i];
            }
        }
        // Dated pairs compared between two clusters (only when both dated and undated members exist).
        float[] datedPairs = null;
        boolean[] hasDated = null;
        if (dated != null) {
            boolean some = false;
            boolean all = true;
            for (boolean d : dated) {
                some |= d;
                all &= d;
            }
            if (some && !all) {
                hasDated = dated.clone();
                datedPairs = new float[m * m];
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        datedPairs[a * m + b] = dated[a] && dated[b] && count[a * m + b] > 0 ? 1 : 0;
                    }
                }
            }
        }
        Linkage link = new Linkage(total, count, datedPairs, hasDated, m, (float) prior, bridge);
        boolean[] active = new boolean[m];
        java.util.Arrays.fill(active, true);
        if (group != null) {
            Map<Integer, Integer> first = new HashMap<>();
            for (int a = 0; a < m; a++) {
                if (group[a] < 0) {
                    continue;
                }
                Integer into = first.putIfAbsent(group[a], a);
                if (into != null) {
                    uf.union(into, a);
                    active[a] = false;
                    link.merge(into, a, active);
                }
            }
        }
        int[] nn = new int[m];
        double[] nnSim = new double[m];
        for (int a = 0; a < m; a++) {
            if (active[a]) {
                nearest(a, active, link, nn, nnSim);
            }
        }
        // A stale entry's nnSim is an upper bound of its best linkage (its nearest neighbour was
        // merged into something less like it): it is looked up again only if it comes out on top.
        boolean[] stale = new boolean[m];
        while (true) {
            int a = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                if (active[i] && nnSim[i] > best) {
                    best = nnSim[i];
                    a = i;
                }
            }
            if (a < 0 || best < threshold) {
                break;
            }
            if (stale[a]) {
                stale[a] = false;
                nearest(a, active, link, nn, nnSim);
                continue;
            }
            int b = nn[a];
            uf.union(a, b);
            // The merged cluster keeps index a; b's row and column retire.
            active[b] = false;
            link.merge(a, b, active);
            for (int c = 0; c < m; c++) {
                if (!active[c] || c == a) {
                    continue;
                }
                double v = link.of(a, c);
                if (nn[c] == a || nn[c] == b) {
                    if (v >= nnSim[c]) {
                        nn[c] = a;
                        nnSim[c] = v;
                    } else {
                        stale[c] = true; // the old value still bounds its best from above
                    }
                } else if (v > nnSim[c] || v == nnSim[c] && a < nn[c] && !stale[c]) {
                    nn[c] = a;
                    nnSim[c] = v;
                    stale[c] = false;
                }
            }
            stale[a] = false;
            nearest(a, active, link, nn, nnSim);
        }
        return uf;
    }

    /** Sets {@code a}'s nearest active neighbour (ties to the lowest index). */
    private static void nearest(int a, boolean[] active, Linkage link, int[] nn, double[] nnSim) {
        int best = -1;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < active.length; c++) {
            if (c != a && active[c]) {
                double v = link.of(a, c);
                if (v > bestSim) {
                    bestSim = v;
                    best = c;
                }
            }
        }
        nn[a] = best;
        nnSim[a] = bestSim;
    }

    /** Sums over the pairs of two clusters, and the linkage they give. */
    private record Linkage(float[] total, float[] count, float[] datedPairs, boolean[] hasDated, int m, float prior,
                           double bridge) {
        double of(int a, int c) {
            int at = a * m + c;
            if (count[at] <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double v = total[at] / (count[at] + prior);
            if (datedPairs != null && (hasDated[a] || hasDated[c]) && datedPairs[at] <= 0) {
                // Time cannot vouch for this merge (one side undated, or the dated members too far
                // apart to compare): only a close resemblance counts.
                return total[at] / count[at] >= bridge ? v : Double.NEGATIVE_INFINITY;
            }
            return v;
        }

        void merge(int a, int b, boolean[] active) {
            for (int c = 0; c < m; c++) {
                if (active[c] && c != a) {
                    float t = total[a * m + c] + total[b * m + c];
                    float n = count[a * m + c] + count[b * m + c];
                    total[a * m + c] = t;
                    total[c * m + a] = t;
                    count[a * m + c] = n;
                    count[c * m + a] = n;
                    if (datedPairs != null) {
                        float d = datedPairs[a * m + c] + datedPairs[b * m + c];
                        datedPairs[a * m + c] = d;
                        datedPairs[c * m + a] = d;
                    }
                }
            }
            if (hasDated != null) {
                hasDated[a] |= hasDated[b];
            }
        }
    }
}
