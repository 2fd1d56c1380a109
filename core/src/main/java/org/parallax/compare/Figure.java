package org.parallax.compare;

import java.util.Objects;

/**
 * A number in an article that counts or measures something: "some 1,500 soldiers", "more
 * than 400 people", "between 400 and 500", "$4.5 billion", "40 percent", "tens of thousands".
 *
 * <p>{@code start/end} cover the whole expression in the body, qualifier and counted noun
 * included. The value is an interval: {@code low == high} for a point ("1,500"), an open side
 * is null ("more than 400": low 400, high null; "up to 6,000": low null, high 6000).
 * {@code approximate} marks "some", "about", "nearly", "dozens". {@code unit} is a currency
 * code, "percent", a measure ("years", "km") or the counted noun's lemma ("soldier",
 * "people"); {@code what} the counted words as written. The source is who the figure is
 * attributed to: {@code sourceKind} "quote" (inside a quotation or reported speech),
 * "reported" (a source cue in the sentence: "according to", "X said"), or "outlet" (the
 * article's own voice, source fields null).
 */
public record Figure(String id, String article, int start, int end, String text, Double low, Double high,
                     boolean approximate, String qualifier, String unit, String what,
                     String sourceKind, String source, String sourceText, int sourceStart, int sourceEnd,
                     int sentenceStart, int sentenceEnd) implements java.io.Serializable {
    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(article, "article");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad figure span");
        }
        if (low == null && high == null) {
            throw new IllegalArgumentException("a figure needs a value");
        }
        qualifier = qualifier == null ? "" : qualifier;
        unit = unit == null ? "" : unit;
        what = what == null ? "" : what;
    }

    /** Whether this figure's interval and {@code o}'s share a value. */
    public boolean overlaps(Figure o) {
        double lo1 = low == null ? Double.NEGATIVE_INFINITY : low;
        double hi1 = high == null ? Double.POSITIVE_INFINITY : high;
        double lo2 = o.low == null ? Double.NEGATIVE_INFINITY : o.low;
        double hi2 = o.high == null ? Double.POSITIVE_INFINITY : o.high;
        return lo1 <= hi2 && lo2 <= hi1;
    }

    /** Same stated value: same bounds and same kind of qualifier. */
    public boolean sameValue(Figure o) {
        return Objects.equals(low, o.low) && Objects.equals(high, o.high);
    }

    Figure withSource(String kind, String entity, String text, int from, int to) {
        return new Figure(id, article, start, end, this.text, low, high, approximate, qualifier, unit, what, kind,
                entity, text, from, to, sentenceStart, sentenceEnd);
    }

    Figure withId(String newId) {
        return new Figure(newId, article, start, end, text, low, high, approximate, qualifier, unit, what, sourceKind,
                source, sourceText, sourceStart, sourceEnd, sentenceStart, sentenceEnd);
    }
}
