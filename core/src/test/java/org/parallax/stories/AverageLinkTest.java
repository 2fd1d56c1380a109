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
    }

    private static List<List<Integer>> naive(double[][] s, int m, double threshold) {
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
                    for (int a : clusters.get(i)) {
                        for (int b : clusters.get(j)) {
                            sum += (float) s[a][b];
                        }
                    }
                    double mean = sum / (clusters.get(i).size() * clusters.get(j).size());
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
