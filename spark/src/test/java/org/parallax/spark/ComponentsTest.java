package org.parallax.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.model.UnionFind;

/** Connected components on Spark equal a union-find's, each labelled by its smallest vertex. */
class ComponentsTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("parallax-components-test")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void labelsEqualAUnionFindsComponents() {
        Random random = new Random(11);
        int vertices = 3000;
        List<Row> edges = new ArrayList<>();
        UnionFind uf = new UnionFind(vertices);
        // Chains (long diameters: pointer jumping must shorten them), stars, random pairs, a loop.
        for (int v = 1; v < 400; v++) {
            edges.add(RowFactory.create((long) v, (long) v - 1));
        }
        for (int v = 501; v < 700; v++) {
            edges.add(RowFactory.create(500L, (long) v));
        }
        for (int k = 0; k < 800; k++) {
            long a = 1000 + random.nextInt(1900);
            long b = 1000 + random.nextInt(1900);
            edges.add(RowFactory.create(a, b));
        }
        edges.add(RowFactory.create(2990L, 2990L));
        for (Row e : edges) {
            uf.union((int) e.getLong(0), (int) e.getLong(1));
        }
        Map<Long, Long> labels = new HashMap<>();
        for (Row r : Components.of(spark.createDataFrame(edges, SparkJob.PAIRS)).collectAsList()) {
            assertThat(labels.put(r.getLong(0), r.getLong(1))).isNull();
        }
        Map<Integer, Long> smallest = new HashMap<>();
        for (Row e : edges) {
            for (int i = 0; i < 2; i++) {
                int v = (int) e.getLong(i);
                smallest.merge(uf.find(v), (long) v, Math::min);
            }
        }
        for (Row e : edges) {
            if (e.getLong(0) == e.getLong(1)) {
                continue; // a loop alone is no component
            }
            for (int i = 0; i < 2; i++) {
                long v = e.getLong(i);
                assertThat(labels.get(v)).as("vertex %d", v).isEqualTo(smallest.get(uf.find((int) v)));
            }
        }
        assertThat(labels.get(399L)).isZero();
        assertThat(labels.get(650L)).isEqualTo(500L);
        assertThat(labels).doesNotContainKey(2990L).doesNotContainKey(450L);
    }

    /**
     * A path of 30,000 vertices numbered at random needs many rounds (more than a dozen): the
     * plan's size estimates must not compound from round to round.
     */
    @Test
    void aLongPathWithShuffledIdsIsOneComponent() {
        int n = 30_000;
        List<Long> ids = new ArrayList<>();
        for (long v = 0; v < n; v++) {
            ids.add(v * 7 + 3);
        }
        java.util.Collections.shuffle(ids, new Random(5));
        List<Row> edges = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            edges.add(RowFactory.create(ids.get(i - 1), ids.get(i)));
        }
        List<Row> labels = Components.of(spark.createDataFrame(edges, SparkJob.PAIRS)).collectAsList();
        assertThat(labels).hasSize(n).allMatch(r -> r.getLong(1) == 3L);
    }
}
