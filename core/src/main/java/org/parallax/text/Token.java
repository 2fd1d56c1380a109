package org.parallax.text;

/**
 * A word or number of the body: offsets {@code [start, end)} and its normal form (lower
 * case, typographic apostrophes folded, diacritics removed) used for matching.
 */
public record Token(int start, int end, String norm) {
    public Token {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad token [" + start + ", " + end + ")");
        }
        if (norm == null || norm.isEmpty()) {
            throw new IllegalArgumentException("empty token norm");
        }
    }
}
