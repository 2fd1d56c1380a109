package org.parallax.reuse;

/**
 * A passage found in both articles of a link: body offsets on each side, word counts,
 * word-level similarity (2·LCS / (words on both sides), 1 = verbatim after normalisation of
 * case and quote marks) and what the copy changed.
 */
public record Passage(int sourceStart, int sourceEnd, int targetStart, int targetEnd,
                      int sourceWords, int targetWords, double similarity, Edits edits) {
    /**
     * Word edits from source to target: words the two share in order, words substituted,
     * words the target added and words it dropped.
     */
    public record Edits(int matched, int substituted, int added, int dropped) {
        Edits reversed() {
            return new Edits(matched, substituted, dropped, added);
        }
    }

    public Passage {
        if (sourceStart < 0 || sourceEnd < sourceStart || targetStart < 0 || targetEnd < targetStart) {
            throw new IllegalArgumentException("bad passage offsets");
        }
        java.util.Objects.requireNonNull(edits, "edits");
    }

    Passage swapped() {
        return new Passage(targetStart, targetEnd, sourceStart, sourceEnd, targetWords, sourceWords, similarity,
                edits.reversed());
    }
}
