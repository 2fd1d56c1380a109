package org.parallax.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph given as a table of edges ({@code a}, {@code b}:
 * long vertex ids), computed by Spark with the alternating large-star / small-star rounds of
 * Kiveris et al. ("Connected Components in MapReduce and Beyond", SoCC 2014): large-star links
 * each vertex's larger neighbours to the smallest vertex of its neighbourhood, small-star links
 * each vertex and its smaller neighbours to the smallest of them; the edge set shrinks to one
 * star per component, centred on its smallest vertex, in O(log² n) rounds (a handful in
 * practice, even on long paths). Each round's edges are checkpointed, cutting the lineage and
 * the plan's size estimates.
 *
 * <p>The result labels each vertex that has an edge with the smallest vertex id of its
 * component: the same partition a union-find over the edges gives.
 */
final class Components {
    /** A bound on rounds: a graph that needs more is not a reprint or reuse graph. */
    static final int MAX_ROUNDS = 200;

    private Components() {
    }

    /**
     * The rows computed and cut from their lineage; size estimates start afresh too (a
     * checkpoint keeps its plan's estimate, and a self-join's estimate squares every round
     * until it overflows).
     */
    private static Dataset<Row> fresh(Dataset<Row> d) {
        Dataset<Row> cut = d.localCheckpoint();
        return d.sparkSession().createDataFrame(cut.javaRDD(), cut.schema());
    }

    /** Columns {@code v} (vertex) and {@code label} (smallest vertex of its component). */
    static Dataset<Row> of(Dataset<Row> edges) {
        // Undirected edges kept as (hi, lo), hi > lo, each once.
        Dataset<Row> e = fresh(normal(edges.select(col("a"), col("b"))));
        long size = e.count();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Dataset<Row> next = fresh(smallStar(largeStar(e)));
            long nextSize = next.count();
            boolean same = nextSize == size && next.except(e).isEmpty();
            e = next;
            size = nextSize;
            if (same) {
                if (Boolean.getBoolean("parallax.debug")) {
                    System.err.println("connected components: " + (round + 1) + " rounds");
                }
                // A star per component: every vertex but the centre points at the centre.
                return e.select(col("hi").as("v"), col("lo").as("label"))
                        .union(e.select(col("lo").as("v"), col("lo").as("label")).distinct());
            }
        }
        throw new IllegalStateException("connected components: no fixed point after " + MAX_ROUNDS + " rounds");
    }

    /** Edges (a, b) as (hi, lo), loops dropped, each once. */
    private static Dataset<Row> normal(Dataset<Row> ab) {
        return ab.filter(col("a").notEqual(col("b")))
                .select(greatest(col("a"), col("b")).as("hi"), least(col("a"), col("b")).as("lo")).distinct();
    }

    /** Both directions of each edge, as (u, v). */
    private static Dataset<Row> directed(Dataset<Row> e) {
        return e.select(col("hi").as("u"), col("lo").as("v")).union(e.select(col("lo").as("u"), col("hi").as("v")));
    }

    /** Each vertex's larger neighbours linked to the smallest vertex of its closed neighbourhood. */
    private static Dataset<Row> largeStar(Dataset<Row> e) {
        Dataset<Row> d = directed(e);
        Dataset<Row> m = d.groupBy("u").agg(min("v").as("mv")).select(col("u"), least(col("u"), col("mv")).as("m"));
        return normal(d.filter(col("v").gt(col("u"))).join(m, "u").select(col("v").as("a"), col("m").as("b")));
    }

    /** Each vertex and its smaller neighbours linked to the smallest of them. */
    private static Dataset<Row> smallStar(Dataset<Row> e) {
        Dataset<Row> lower = directed(e).filter(col("v").lt(col("u")));
        Dataset<Row> m = lower.groupBy("u").agg(min("v").as("m"));
        Dataset<Row> spokes = lower.join(m, "u").select(col("v").as("a"), col("m").as("b"))
                .union(m.select(col("u").as("a"), col("m").as("b")));
        return normal(spokes);
    }
}
