package org.parallax.compare;

import java.util.List;

/** What the compare stage found: every article's figures and, per story, how the articles differ. */
public record CompareResult(List<Figure> figures, List<Comparison> comparisons) {
    public CompareResult {
        figures = List.copyOf(figures);
        comparisons = List.copyOf(comparisons);
    }
}
