package org.parallax.stories;

import java.util.ArrayList;
import java.util.List;
import org.parallax.model.UnionFind;

/**
 * Average-link agglomerative clustering on a similarity matrix, cut at a threshold: two
 * clusters merge while the mean similarity of their members' pairs is at least the threshold.
 * Built with the nearest-neighbour chain (quadratic time, no priority queue), which gives the
 * same dendrogram as merging the most similar pair each time because average linkage is
 * reducible; since it is also monotone, the merges at or above the threshold are exactly the
 * partition's.
 */
final class AverageLink {
    private AverageLink() {
    }

    /**
     * @param sim symmetric m×m similarities, row-major; overwritten
     * @return the partition as a union-find over 0..m-1
     */
    static UnionFind cut(float[] sim, int m, double threshold) {
        UnionFind uf = new UnionFind(m);
        if (m < 2) {
            return uf;
        }
        int[] size = new int[m];
        boolean[] active = new boolean[m];
        java.util.Arrays.fill(size, 1);
        java.util.Arrays.fill(active, true);
        int remaining = m;
        int[] chain = new int[m];
        int top = 0;
        List<double[]> merges = new ArrayList<>(); // {a, b, similarity}
        int next = 0; // lowest index that may still be active
        while (remaining > 1) {
            if (top == 0) {
                while (!active[next]) {
                    next++;
                }
                chain[top++] = next;
            }
            int a = chain[top - 1];
            int prev = top >= 2 ? chain[top - 2] : -1;
            int best = prev;
            double bestSim = prev >= 0 ? sim[a * m + prev] : Double.NEGATIVE_INFINITY;
            for (int c = 0; c < m; c++) {
                if (c != a && active[c] && sim[a * m + c] > bestSim) {
                    bestSim = sim[a * m + c];
                    best = c;
                }
            }
            if (best == prev) {
                top -= 2;
                merges.add(new double[] {a, prev, bestSim});
                // The merged cluster keeps index a; b's row and column retire.
                int b = prev;
                double wa = size[a];
                double wb = size[b];
                for (int c = 0; c < m; c++) {
                    if (active[c] && c != a && c != b) {
                        float v = (float) ((wa * sim[a * m + c] + wb * sim[b * m + c]) / (wa + wb));
                        sim[a * m + c] = v;
                        sim[c * m + a] = v;
                    }
                }
                size[a] += size[b];
                active[b] = false;
                remaining--;
            } else {
                chain[top++] = best;
            }
        }
        for (double[] merge : merges) {
            if (merge[2] >= threshold) {
                uf.union((int) merge[0], (int) merge[1]);
            }
        }
        return uf;
    }
}
