package org.parallax.text;

/**
 * @param minLanguageChars  shorter bodies are not given a language ("und")
 * @param minLanguageMargin the best language's score must be this many times the runner-up's,
 *                          else "und" (the model's scores are spread over 103 languages, so
 *                          their ratio says more than the absolute value)
 */
public record TextConfig(int minLanguageChars, double minLanguageMargin) {
    public static TextConfig defaults() {
        return new TextConfig(40, 2.0);
    }
}
