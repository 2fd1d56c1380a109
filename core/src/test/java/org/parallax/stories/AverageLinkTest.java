package org.parallax.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallax.model.UnionFind;

class AverageLinkTest {
    @Test
    void twoTightGroupsStayApartAboveTheirMeanSimilarity() {
        float[] sim = matrix(4, new double[][] {{0, 1, .9}, {2, 3, .8}, {0, 2, .1}, {0, 3, .2}, {1, 2, .1}, {1, 3, .1}});
        UnionFind uf = AverageLink.cut(sim, 4, 0.5);
        assertThat(uf.find(0)).isEqualTo(uf.find(1));
        assertThat(uf.find(2)).isEqualTo(uf.find(3));
        assertThat(uf.find(0)).isNotEqualTo(uf.find(2));
        // Mean similarity between the groups is 0.125: a threshold below it joins them.
        UnionFind all = AverageLink.cut(matrix(4, new double[][] {{0, 1, .9}, {2, 3, .8}, {0, 2, .1}, {0, 3, .2},
                {1, 2, .1}, {1, 3, .1}}), 4, 0.12);
        assertThat(all.find(0)).isEqualTo(all.find(3));
    }

    /** The chain algorithm gives the partition of merging the most similar pair each time. */
    @Test
    void matchesTheNaiveGreedyMergeOnRandomMatrices() {
        Random r = new Random(11);
        for (int round = 0; round < 200; round++) {
            int m = 2 + r.nextInt(12);
            double threshold = r.nextDouble() * 0.6;
            double[][] s = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = i + 1; j < m; j++) {
                    s[i][j] = s[j][i] = r.nextDouble() - (r.nextInt(5) == 0 ? 1 : 0); // no ties: the order of merges is unique
                }
            }
            float[] flat = new float[m * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    flat[i * m + j] = (float) s[i][j];
                }
            }
            UnionFind fast = AverageLink.cut(flat, m, threshold);
            List<List<Integer>> slow = naive(s, m, threshold);
            assertSamePartition(fast, slow, m, round);
        }
    }

    /** With pair weights (some 0: not compared) and a prior, still the greedy merge's partition. */
    @Test
    void weightedMeansWithAPriorMatchTheNaiveGreedyMerge() {
        Random r = new Random(5);
        for (int round = 0; round < 300; round++) {
            int m = 2 + r.nextInt(12);
            double threshold = r.nextDouble() * 0.3;
            double prior = r.nextInt(4);
            double[][] s = new double[m][m];
            double[][] w = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = i + 1; j < m; j++) {
                    s[i][j] = s[j][i] = r.nextDouble();
                    // Some pairs are too far apart in time to compare.
                    w[i][j] = w[j][i] = r.nextInt(3) == 0 ? 0 : 1;
                }
            }
            float[] fs = new float[m * m];
            float[] fw = new float[m * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    fs[i * m + j] = (float) s[i][j];
                    fw[i * m + j] = (float) w[i][j];
                }
            }
            UnionFind fast = AverageLink.cut(fs, fw, null, m, threshold, prior);
            List<List<Integer>> slow = naive(s, w, prior, m, threshold);
            assertSamePartition(fast, slow, m, round);
        }
    }

    @Test
    void aPriorKeepsOneSimilarPairApartWhileTwoDenseGroupsStillMerge() {
        // Two lone items at 0.25, and two groups of four (inner 0.6) at 0.12 from each other.
        int m = 10;
        float[] sim = new float[m * m];
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                if (a != b) {
                    sim[a * m + b] = (a < 4) == (b < 4) ? 0.6f : 0.12f;
                }
            }
        }
        sim[8 * m + 9] = sim[9 * m + 8] = 0.25f;
        UnionFind uf = AverageLink.cut(sim, null, null, m, 0.1, 2);
        assertThat(uf.find(0)).isEqualTo(uf.find(7)); // 16 pairs at 0.12: 1.92 / 18 ≥ 0.1
        assertThat(uf.find(8)).isNotEqualTo(uf.find(9)); // one pair at 0.25: 0.25 / 3 < 0.1
        UnionFind plain = AverageLink.cut(sim.clone(), m, 0.1);
        assertThat(plain.find(8)).isEqualTo(plain.find(9));
    }

    @Test
    void pairsOfWeightZeroAreNotComparedAndGroupsStartTogether() {
        // 0 and 1 never compared (too far apart in time), 2 like both: 2 joins one of them, never both.
        float[] sim = matrix(3, new double[][] {{0, 1, .9}, {0, 2, .8}, {1, 2, .7}});
        float[] weight = matrix(3, new double[][] {{0, 1, 0}, {0, 2, 1}, {1, 2, 0}});
        UnionFind uf = AverageLink.cut(sim, weight, null, 3, 0.5, 0);
        assertThat(uf.find(0)).isEqualTo(uf.find(2));
        assertThat(uf.find(1)).isNotEqualTo(uf.find(0));
        // Members of one group start together, whatever their similarity.
        UnionFind copies = AverageLink.cut(matrix(3, new double[][] {{0, 1, 0}}), null, new int[] {0, 0, -1}, 3, 0.5, 0);
        assertThat(copies.find(0)).isEqualTo(copies.find(1));
        assertThat(copies.find(2)).isNotEqualTo(copies.find(0));
    }

    /** The union-find holds exactly the clusters of {@code slow}. */
    private static void assertSamePartition(UnionFind fast, List<List<Integer>> slow, int m, int round) {
        for (List<Integer> cluster : slow) {
            for (int x : cluster) {
                assertThat(fast.find(x)).as("round %d", round).isEqualTo(fast.find(cluster.get(0)));
            }
        }
        int clusters = 0;
        for (int i = 0; i < m; i++) {
            clusters += fast.find(i) == i ? 1 : 0;
        }
        assertThat(clusters).as("round %d", round).isEqualTo(slow.size());
    }

    private static List<List<Integer>> naive(double[][] s, int m, double threshold) {
        double[][] w = new double[m][m];
        for (double[] row : w) {
            java.util.Arrays.fill(row, 1);
        }
        return naive(s, w, 0, m, threshold);
    }

    private static List<List<Integer>> naive(double[][] s, double[][] w, double prior, int m, double threshold) {
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        while (true) {
            int bi = -1;
            int bj = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < clusters.size(); i++) {
                for (int j = i + 1; j < clusters.size(); j++) {
                    double sum = 0;
                    double weight = 0;
                    for (int a : clusters.get(i)) {
                        for (int b : clusters.get(j)) {
                            sum += (float) s[a][b] * (float) w[a][b];
                            weight += w[a][b];
                        }
                    }
                    if (weight == 0) {
                        continue;
                    }
                    double mean = sum / (weight + prior);
                    if (mean > best) {
                        best = mean;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0 || best < threshold - 1e-6) {
                return clusters;
            }
            clusters.get(bi).addAll(clusters.remove(bj));
        }
    }

    private static float[] matrix(int m, double[][] pairs) {
        float[] out = new float[m * m];
        for (double[] p : pairs) {
            out[(int) p[0] * m + (int) p[1]] = (float) p[2];
            out[(int) p[1] * m + (int) p[0]] = (float) p[2];
        }
        return out;
    }
}
