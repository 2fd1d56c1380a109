package org.parallax.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph given as a table of edges ({@code a}, {@code b}:
 * long vertex ids), computed by Spark: every vertex starts with its own id as label; each round
 * a vertex takes the smallest label among itself and its neighbours, then the label of the
 * vertex its label names (pointer jumping, which halves the distance to the component's
 * smallest vertex), until a round changes no label. Rounds grow with the logarithm of a
 * component's diameter; each round's labels are checkpointed so the plans stay small.
 *
 * <p>The result labels each vertex that has an edge with the smallest vertex id of its
 * component: the same partition a union-find over the edges gives.
 */
final class Components {
    /** A bound on rounds: a graph that needs more is not a reprint or reuse graph. */
    static final int MAX_ROUNDS = 200;

    private Components() {
    }

    /** Columns {@code v} (vertex) and {@code label} (smallest vertex of its component). */
    static Dataset<Row> of(Dataset<Row> edges) {
        Dataset<Row> e = edges.select(col("a"), col("b")).filter(col("a").notEqual(col("b")));
        // Both directions: a label travels either way along an edge.
        Dataset<Row> both = e.union(e.select(col("b").as("a"), col("a").as("b"))).distinct().localCheckpoint();
        Dataset<Row> labels = both.groupBy("a").agg(min("b").as("m"))
                .select(col("a").as("v"), least(col("a"), col("m")).as("label")).localCheckpoint();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // Smallest label among the neighbours.
            Dataset<Row> seen = both.join(labels.withColumnRenamed("v", "b").withColumnRenamed("label", "lb"), "b")
                    .groupBy("a").agg(min("lb").as("nb"));
            Dataset<Row> hop = labels.join(seen.withColumnRenamed("a", "v"), "v")
                    .select(col("v"), least(col("label"), col("nb")).as("label"));
            // Pointer jumping: the label of my label.
            Dataset<Row> jumped = hop.join(hop.select(col("v").as("label"), col("label").as("ll")), "label")
                    .select(col("v"), least(col("label"), col("ll")).as("label")).localCheckpoint();
            long changed = jumped.join(labels.withColumnRenamed("label", "old"), "v")
                    .filter(col("label").notEqual(col("old"))).count();
            labels = jumped;
            if (changed == 0) {
                return labels;
            }
        }
        throw new IllegalStateException("connected components: no fixed point after " + MAX_ROUNDS + " rounds");
    }
}
