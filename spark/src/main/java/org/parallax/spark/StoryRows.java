package org.parallax.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parallax.stories.Event;
import org.parallax.stories.Segment;
import org.parallax.stories.Story;
import org.parallax.stories.StoryClusterer;
import org.parallax.stories.StoryStream;

/**
 * The story stage's tables: each article's parts ({@link StoryClusterer#parts}: segments,
 * titles, word counts), computed on the executors, and the stories, in the fields of the JSON
 * report's {@code stories[]}.
 */
final class StoryRows {
    private static final DataType COUNTS = DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false);
    static final StructType SEGMENT = new StructType().add("id", DataTypes.StringType).add("article", DataTypes.StringType)
            .add("index", DataTypes.IntegerType).add("start", DataTypes.IntegerType).add("end", DataTypes.IntegerType)
            .add("heading", DataTypes.StringType).add("cue", DataTypes.StringType);
    static final StructType PART = new StructType().add("n", DataTypes.LongType).add("article", DataTypes.StringType)
            .add("bodyLength", DataTypes.IntegerType).add("part", DataTypes.IntegerType).add("segment", SEGMENT)
            .add("title", DataTypes.StringType).add("item", DataTypes.StringType).add("date", DataTypes.StringType)
            .add("terms", COUNTS).add("names", COUNTS).add("phrases", COUNTS).add("numbers", COUNTS)
            .add("addressed", DataTypes.BooleanType).add("capitalised", COUNTS);
    static final StructType EVENT = new StructType().add("id", DataTypes.StringType).add("title", DataTypes.StringType)
            .add("date", DataTypes.StringType).add("last", DataTypes.StringType)
            .add("articles", DataTypes.createArrayType(DataTypes.StringType))
            .add("segments", DataTypes.createArrayType(SEGMENT));
    static final StructType STORY = new StructType().add("id", DataTypes.StringType).add("title", DataTypes.StringType)
            .add("date", DataTypes.StringType).add("last", DataTypes.StringType)
            .add("articles", DataTypes.createArrayType(DataTypes.StringType))
            .add("events", DataTypes.createArrayType(EVENT));

    private StoryRows() {
    }

    static Row part(long n, String article, int bodyLength, int k, StoryClusterer.Part p) {
        StoryStream.Item it = p.item();
        return RowFactory.create(n, article, bodyLength, k, segment(p.segment()), p.title(), it.id(),
                it.date() == null ? null : it.date().toString(), map(it.terms()), map(it.names()), map(it.phrases()),
                map(it.numbers()), it.addressed(), map(it.capitalised()));
    }

    static StoryClusterer.Part part(Row r) {
        Row s = r.getAs("segment");
        Segment seg = new Segment(s.getAs("id"), s.getAs("article"), s.<Integer>getAs("index"), s.<Integer>getAs("start"),
                s.<Integer>getAs("end"), s.getAs("heading"), s.getAs("cue"));
        String date = r.getAs("date");
        StoryStream.Item item = new StoryStream.Item(r.getAs("item"), date == null ? null : LocalDate.parse(date),
                counts(r, "terms"), counts(r, "names"), counts(r, "phrases"), counts(r, "numbers"), null,
                r.<Boolean>getAs("addressed"), counts(r, "capitalised"));
        return new StoryClusterer.Part(seg, r.getAs("title"), item);
    }

    static Row story(Story s) {
        List<Row> events = new ArrayList<>();
        for (Event e : s.events()) {
            List<Row> segs = new ArrayList<>();
            e.segments().forEach(g -> segs.add(segment(g)));
            events.add(RowFactory.create(e.id(), e.title(), text(e.date()), text(e.last()), seq(e.articles()), seq(segs)));
        }
        return RowFactory.create(s.id(), s.title(), text(s.date()), text(s.last()), seq(s.articles()), seq(events));
    }

    private static Row segment(Segment g) {
        return RowFactory.create(g.id(), g.article(), g.index(), g.start(), g.end(), g.heading(), g.cue());
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
    }

    private static scala.collection.Map<String, Integer> map(Map<String, Integer> m) {
        return scala.jdk.javaapi.CollectionConverters.asScala(m);
    }

    private static Map<String, Integer> counts(Row r, String field) {
        Map<String, Integer> out = new HashMap<>(r.<String, Integer>getJavaMap(r.fieldIndex(field)));
        return out;
    }
}
