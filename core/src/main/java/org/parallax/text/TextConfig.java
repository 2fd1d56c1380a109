package org.parallax.text;

/**
 * @param minLanguageChars  shorter bodies are not given a language ("und")
 * @param minLanguageConfidence below this the language is "und"
 */
public record TextConfig(int minLanguageChars, double minLanguageConfidence) {
    public static TextConfig defaults() {
        return new TextConfig(40, 0.2);
    }
}
