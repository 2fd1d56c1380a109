package org.parallax.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parallax.reuse.Direction;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseClusters;
import org.parallax.reuse.ReuseLink;

/**
 * What the report derives from the reuse links as a whole: passage clusters (the same text
 * across many articles) and each near-duplicate's original. Both only join articles the links
 * connect, so the links are split by the connected components of the article graph
 * ({@link Components}) and each component goes through the single-machine code
 * ({@link ReuseClusters}) on an executor; cluster ids are then given in the report's order
 * (larger first, then by first member) over the whole corpus.
 */
final class ReuseGroups {
    private ReuseGroups() {
    }

    static final StructType MEMBER = new StructType().add("article", DataTypes.StringType)
            .add("start", DataTypes.IntegerType).add("end", DataTypes.IntegerType);
    /** The report's {@code reuseClusters[]}. */
    static final StructType CLUSTER = new StructType().add("id", DataTypes.StringType).add("origin", DataTypes.StringType)
            .add("articles", DataTypes.createArrayType(DataTypes.StringType))
            .add("members", DataTypes.createArrayType(MEMBER));
    private static final StructType UNNUMBERED = new StructType().add("size", DataTypes.IntegerType)
            .add("first", DataTypes.StringType).add("firstStart", DataTypes.IntegerType)
            .add("origin", DataTypes.StringType).add("articles", DataTypes.createArrayType(DataTypes.StringType))
            .add("members", DataTypes.createArrayType(MEMBER));
    /** The articles' {@code duplicateOf}, for those that have one. */
    static final StructType DUPLICATE = new StructType().add("article", DataTypes.StringType)
            .add("duplicateOf", DataTypes.StringType);

    /** The links of each connected component of the article graph, as one list a row. */
    private static Dataset<Row> byComponent(Dataset<Row> reuse) {
        Dataset<Row> edges = reuse.select(number(col("source")).as("a"), number(col("target")).as("b"));
        Dataset<Row> labels = Components.of(edges);
        return reuse.join(labels, number(col("source")).equalTo(labels.col("v")))
                .groupBy("label").agg(collect_list(struct(reuse.columns()[0], java.util.Arrays.copyOfRange(
                        reuse.columns(), 1, reuse.columns().length))).as("links"));
    }

    /** n of an article id {@code a<n>}. */
    private static org.apache.spark.sql.Column number(org.apache.spark.sql.Column id) {
        return id.substr(2, 20).cast("long");
    }

    static Dataset<Row> clusters(Dataset<Row> reuse) {
        Dataset<Row> unnumbered = byComponent(reuse).flatMap((FlatMapFunction<Row, Row>) r -> {
            List<Row> out = new ArrayList<>();
            for (ReuseClusters.Cluster c : ReuseClusters.of(links(r))) {
                List<Row> members = new ArrayList<>();
                for (ReuseClusters.Occurrence o : c.members()) {
                    members.add(RowFactory.create(o.article(), o.start(), o.end()));
                }
                out.add(RowFactory.create(c.articles().size(), c.members().get(0).article(), c.members().get(0).start(),
                        c.origin(), seq(c.articles()), seq(members)));
            }
            return out.iterator();
        }, Encoders.row(UNNUMBERED));
        // Larger clusters first, then by first member: the report's order, numbered p0, p1, ...
        var numbered = unnumbered.orderBy(col("size").desc(), col("first"), col("firstStart")).toJavaRDD().zipWithIndex()
                .map(p -> RowFactory.create("p" + p._2(), p._1().getAs("origin"), p._1().get(4), p._1().get(5)));
        return reuse.sparkSession().createDataFrame(numbered, CLUSTER);
    }

    static Dataset<Row> duplicates(Dataset<Row> reuse) {
        return byComponent(reuse.filter(col("duplicate"))).flatMap((FlatMapFunction<Row, Row>) r -> {
            List<Row> out = new ArrayList<>();
            for (Map.Entry<String, String> e : ReuseClusters.duplicateOf(links(r)).entrySet()) {
                out.add(RowFactory.create(e.getKey(), e.getValue()));
            }
            return out.iterator();
        }, Encoders.row(DUPLICATE));
    }

    /** The links of a component row, as the report gives them. */
    private static List<ReuseLink> links(Row component) {
        List<ReuseLink> out = new ArrayList<>();
        for (Row l : component.<Row>getList(component.fieldIndex("links"))) {
            out.add(link(l));
        }
        return out;
    }

    /** A row of the {@code reuse} table as the link it was written from. */
    static ReuseLink link(Row l) {
        List<Passage> passages = new ArrayList<>();
        for (Row p : l.<Row>getList(l.fieldIndex("passages"))) {
            Row e = p.getAs("edits");
            passages.add(new Passage(p.getAs("sourceStart"), p.getAs("sourceEnd"), p.getAs("targetStart"),
                    p.getAs("targetEnd"), p.getAs("sourceWords"), p.getAs("targetWords"), p.getAs("similarity"),
                    new Passage.Edits(e.getAs("matched"), e.getAs("substituted"), e.getAs("added"), e.getAs("dropped")),
                    Boolean.TRUE.equals(p.getAs("quotation"))));
        }
        return new ReuseLink(l.getAs("source"), l.getAs("target"), Direction.of(l.getAs("direction")),
                l.<Double>getAs("confidence"), l.getAs("evidence"), l.<Integer>getAs("sharedWords"),
                l.<Double>getAs("targetCoverage"), l.<Double>getAs("sourceCoverage"), l.<Boolean>getAs("duplicate"),
                passages);
    }

    private static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
    }
}
