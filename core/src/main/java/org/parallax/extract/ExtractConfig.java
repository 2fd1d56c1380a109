package org.parallax.extract;

/**
 * @param lexicon    cue phrases and thresholds for boilerplate detection
 * @param minBodyChars an extraction that keeps less body than this is rejected
 * @param tailCutMinPosition a comment-form or related-list heading ends the article only
 *                   after this share of the document; earlier it removes just its own line
 */
public record ExtractConfig(Lexicon lexicon, int minBodyChars, double tailCutMinPosition) {
    public ExtractConfig {
        if (lexicon == null) {
            throw new IllegalArgumentException("lexicon");
        }
        if (tailCutMinPosition < 0 || tailCutMinPosition > 1) {
            throw new IllegalArgumentException("tailCutMinPosition must be in [0, 1]");
        }
    }

    public static ExtractConfig defaults() {
        return new ExtractConfig(Lexicon.defaults(), 40, 0.3);
    }
}
