package org.parallax.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parallax.extract.Article;
import org.parallax.extract.BodyRun;
import org.parallax.extract.Removed;
import org.parallax.extract.RemovedKind;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnnotation;
import org.parallax.text.Token;

/**
 * Articles as table rows, in the fields of the JSON report's {@code articles[]} (bodyMap and
 * removed as JSON text), plus where each was read: the input file's place in the reading order
 * and the document's place in its file, from which the job gives the ids the single-machine
 * pipeline gives ({@code a<n>}, n in reading order). A row read back is the article again.
 */
final class ArticleRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What reading and extraction left: an article (kind "article") or a problem (kind "problem"). */
    static final StructType READ = new StructType()
            .add("file", DataTypes.IntegerType, false)
            .add("record", DataTypes.IntegerType, false)
            .add("kind", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("stage", DataTypes.StringType, true)
            .add("reason", DataTypes.StringType, true)
            .add("outlet", DataTypes.StringType, true)
            .add("domain", DataTypes.StringType, true)
            .add("url", DataTypes.StringType, true)
            .add("title", DataTypes.StringType, true)
            .add("author", DataTypes.StringType, true)
            .add("published", DataTypes.StringType, true)
            .add("language", DataTypes.StringType, true)
            .add("body", DataTypes.StringType, true)
            .add("bodyMap", DataTypes.StringType, true)
            .add("removed", DataTypes.StringType, true)
            // The text layer the corpus-wide stages need, so they never analyse a text again:
            // the article's distinct shingle keys and its tokens (offsets and normal forms).
            .add("keys", DataTypes.createArrayType(DataTypes.LongType, false), true)
            .add("tokenStart", DataTypes.createArrayType(DataTypes.IntegerType, false), true)
            .add("tokenEnd", DataTypes.createArrayType(DataTypes.IntegerType, false), true)
            .add("tokenNorm", DataTypes.createArrayType(DataTypes.StringType, false), true);

    private ArticleRows() {
    }

    static Row article(int file, int record, Annotated an, long[] keys) {
        Article a = an.article();
        List<Token> tokens = an.text().tokens();
        Integer[] starts = new Integer[tokens.size()];
        Integer[] ends = new Integer[tokens.size()];
        String[] norms = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = tokens.get(i).start();
            ends[i] = tokens.get(i).end();
            norms[i] = tokens.get(i).norm();
        }
        Long[] ks = new Long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            ks[i] = keys[i];
        }
        ArrayNode map = JSON.createArrayNode();
        for (BodyRun r : a.bodyMap()) {
            map.addArray().add(r.bodyStart()).add(r.documentStart()).add(r.length());
        }
        ArrayNode removed = JSON.createArrayNode();
        for (Removed r : a.removed()) {
            removed.addObject().put("kind", r.kind().name().toLowerCase(Locale.ROOT))
                    .put("documentStart", r.documentStart()).put("documentEnd", r.documentEnd()).put("text", r.text());
        }
        return RowFactory.create(file, record, "article", a.source(), null, null, a.outlet(), a.domain(), a.url(),
                a.title(), a.author(), a.published() == null ? null : a.published().toString(), an.text().language(),
                a.body(), map.toString(), removed.toString(), seq(ks), seq(starts), seq(ends), seq(norms));
    }

    private static boolean hasField(Row r, String name) {
        return java.util.Arrays.asList(r.schema().fieldNames()).contains(name);
    }

    private static <T> scala.collection.immutable.Seq<T> seq(T[] values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(java.util.Arrays.asList(values)).toList();
    }

    /**
     * The article of a row with its text layer as stored (tokens; no sentences or paragraphs,
     * which the reuse stage does not read): no text is analysed again.
     */
    static Annotated annotated(Row r) {
        String id = r.getAs("id");
        Article a = article(r, id);
        List<Integer> starts = r.getList(r.fieldIndex("tokenStart"));
        List<Integer> ends = r.getList(r.fieldIndex("tokenEnd"));
        List<String> norms = r.getList(r.fieldIndex("tokenNorm"));
        List<Token> tokens = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            tokens.add(new Token(starts.get(i), ends.get(i), norms.get(i)));
        }
        return new Annotated(a, new TextAnnotation(id, r.getAs("language"), 0, List.of(), List.of(), tokens));
    }

    static Row problem(int file, int record, String source, String stage, String reason) {
        return RowFactory.create(file, record, "problem", source, stage, reason, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** The article of a row of {@link #READ} with its job-wide id. */
    static Article article(Row r, String id) {
        List<BodyRun> map = new ArrayList<>();
        List<Removed> removed = new ArrayList<>();
        try {
            for (JsonNode n : JSON.readTree(r.<String>getAs("bodyMap"))) {
                map.add(new BodyRun(n.get(0).asInt(), n.get(1).asInt(), n.get(2).asInt()));
            }
            String cut = hasField(r, "removed") ? r.getAs("removed") : "[]";
            for (JsonNode n : JSON.readTree(cut)) {
                removed.add(new Removed(RemovedKind.valueOf(n.get("kind").asText().toUpperCase(Locale.ROOT)),
                        n.get("documentStart").asInt(), n.get("documentEnd").asInt(), n.get("text").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("article " + id + ": " + e.getMessage(), e);
        }
        String published = r.getAs("published");
        return new Article(id, r.getAs("source"), r.getAs("outlet"), r.getAs("domain"), r.getAs("url"), r.getAs("title"),
                r.getAs("author"), published == null ? null : LocalDate.parse(published), r.getAs("body"), map, removed);
    }
}
