package org.parallax.quotes;

/**
 * @param cues              attribution vocabulary
 * @param maxScareQuoteWords a quote this short with no attribution cue in its sentence is a
 *                          scare quote or a name, not a quotation
 * @param resolveWindowParagraphs a pronoun or role noun resolves to a speaker at most this many
 *                          paragraphs back before falling back to the nearest named person
 */
public record QuoteConfig(Cues cues, int maxScareQuoteWords, int resolveWindowParagraphs) {
    public QuoteConfig {
        if (cues == null) {
            throw new IllegalArgumentException("cues");
        }
    }

    public static QuoteConfig defaults() {
        return new QuoteConfig(Cues.defaults(), 3, 3);
    }
}
