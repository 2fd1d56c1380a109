package org.parallax.reuse;

import java.util.List;
import java.util.Objects;

/**
 * Text shared by two articles. When {@link #direction()} is {@code SOURCE_TO_TARGET} the
 * source came first, for the reason in {@link #evidence()}; when unknown, source and target
 * are only an order (by article id) and {@code evidence} says why nothing was decided.
 *
 * @param sharedWords    target words inside passages
 * @param targetCoverage sharedWords / words of the target body
 * @param sourceCoverage source words inside passages / words of the source body
 * @param duplicate      a near-duplicate: the passages cover most of both articles (a reprint
 *                       of the whole article), so the two are not independent sources
 */
public record ReuseLink(String source, String target, Direction direction, double confidence,
                        String evidence, int sharedWords, double targetCoverage,
                        double sourceCoverage, boolean duplicate, List<Passage> passages) {
    public ReuseLink {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(direction, "direction");
        passages = List.copyOf(passages);
    }

    /** The kind of a link whose every passage is a shared quotation. */
    public static final String SHARED_QUOTATION = "shared-quotation";
    /** The kind of a link with text one article took from the other. */
    public static final String COPY = "copy";

    /**
     * {@link #SHARED_QUOTATION} when every passage stands inside quotation marks in both
     * articles (both quote the same words: no copying, no direction, independent sources), else
     * {@link #COPY}.
     */
    public String kind() {
        return !passages.isEmpty() && passages.stream().allMatch(Passage::quotation) ? SHARED_QUOTATION : COPY;
    }

    /** Whether one article took text from the other (not only the same quotation printed by both). */
    public boolean copy() {
        return COPY.equals(kind());
    }
}
