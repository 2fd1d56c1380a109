package org.parallax.extract;

/**
 * @param lexicon    cue phrases and thresholds for boilerplate detection
 * @param minBodyChars an extraction that keeps less body than this is rejected
 * @param tailCutMinPosition a comment-form or related-list heading ends the article only
 *                   after this share of the document; earlier it removes just its own line
 * @param maxChars   no article is longer: a plain-text document longer than this (characters)
 *                   is refused before cleaning, an extracted body longer than this is refused —
 *                   what the later stages hold and compare per article stays bounded
 */
public record ExtractConfig(Lexicon lexicon, int minBodyChars, double tailCutMinPosition, int maxChars) {
    /** Default {@link #maxChars}: about 150,000 words, several times the longest news feature. */
    public static final int MAX_CHARS = 1_000_000;

    public ExtractConfig {
        if (maxChars <= minBodyChars) {
            throw new IllegalArgumentException("maxChars must exceed minBodyChars");
        }
        if (lexicon == null) {
            throw new IllegalArgumentException("lexicon");
        }
        if (tailCutMinPosition < 0 || tailCutMinPosition > 1) {
            throw new IllegalArgumentException("tailCutMinPosition must be in [0, 1]");
        }
    }

    public static ExtractConfig defaults() {
        return new ExtractConfig(Lexicon.defaults(), 40, 0.3, MAX_CHARS);
    }
}
