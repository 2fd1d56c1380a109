package org.parallax.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * @param evaluativeTerms loaded words; in the outlet's own voice they mark an unattributed claim
 * @param embeddings      whether paraphrases are also judged by sentence embeddings (MiniLM)
 */
public record CompareConfig(List<String> evaluativeTerms, boolean embeddings) {
    public CompareConfig {
        evaluativeTerms = List.copyOf(evaluativeTerms);
    }

    /** The same settings with embeddings on or off. */
    public CompareConfig withEmbeddings(boolean on) {
        return new CompareConfig(evaluativeTerms, on);
    }

    public static CompareConfig defaults() {
        try (var in = CompareConfig.class.getResourceAsStream("evaluative.txt")) {
            if (in == null) {
                throw new IllegalStateException("evaluative.txt missing");
            }
            List<String> terms = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).toList();
            return new CompareConfig(terms, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
