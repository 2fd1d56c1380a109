package org.parallax.reuse;

/**
 * A passage found in both articles of a link: body offsets on each side, word counts and
 * word-level similarity (2·LCS / (words on both sides), 1 = verbatim after normalisation).
 */
public record Passage(int sourceStart, int sourceEnd, int targetStart, int targetEnd,
                      int sourceWords, int targetWords, double similarity) {
    public Passage {
        if (sourceStart < 0 || sourceEnd < sourceStart || targetStart < 0 || targetEnd < targetStart) {
            throw new IllegalArgumentException("bad passage offsets");
        }
    }

    Passage swapped() {
        return new Passage(targetStart, targetEnd, sourceStart, sourceEnd, targetWords, sourceWords, similarity);
    }
}
