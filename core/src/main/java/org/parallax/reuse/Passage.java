package org.parallax.reuse;

/**
 * A passage found in both articles of a link: body offsets on each side, word counts,
 * word-level similarity (2·LCS / (words on both sides), 1 = verbatim after normalisation of
 * case and quote marks) and what the copy changed. {@code quotation}: the passage stands inside
 * quotation marks in both articles ({@link Quotations#both}) — both print the same quotation,
 * which says nothing about one copying the other.
 */
public record Passage(int sourceStart, int sourceEnd, int targetStart, int targetEnd,
                      int sourceWords, int targetWords, double similarity, Edits edits, boolean quotation) {
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

    /** A passage not (yet) known to be a shared quotation. */
    public Passage(int sourceStart, int sourceEnd, int targetStart, int targetEnd, int sourceWords, int targetWords,
                   double similarity, Edits edits) {
        this(sourceStart, sourceEnd, targetStart, targetEnd, sourceWords, targetWords, similarity, edits, false);
    }

    Passage swapped() {
        return new Passage(targetStart, targetEnd, sourceStart, sourceEnd, targetWords, sourceWords, similarity,
                edits.reversed(), quotation);
    }

    Passage withQuotation(boolean q) {
        return new Passage(sourceStart, sourceEnd, targetStart, targetEnd, sourceWords, targetWords, similarity, edits, q);
    }
}
