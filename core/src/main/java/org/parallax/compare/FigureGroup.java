package org.parallax.compare;

import java.util.List;

/**
 * Figures from different articles of one story about the same quantity (same unit, similar
 * sentences, within one event). {@code status}: "agree" (one value), "consistent" (values
 * stated differently whose intervals all share a value, as "more than 400" and "between 400
 * and 500" do: agreement at different precision; {@code compatible} is then true), "conflict"
 * (values that cannot all be true: some intervals are disjoint) or "drift" (a copied passage changed the figure: {@code drift}
 * lists source → copy figure id pairs). {@code independent} counts the articles left when
 * reprints and copied passages are collapsed to their source.
 */
public record FigureGroup(String id, String unit, List<String> figures, List<String> articles, String status,
                          boolean compatible, int independent, List<List<String>> drift) implements java.io.Serializable {
    public FigureGroup {
        figures = List.copyOf(figures);
        articles = List.copyOf(articles);
        drift = drift.stream().map(List::copyOf).toList();
    }
}
