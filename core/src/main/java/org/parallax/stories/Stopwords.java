package org.parallax.stories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The English stop words of {@code stopwords.txt}, lower case: what word overlap ignores. */
public final class Stopwords {
    private static final Set<String> WORDS = load();

    private Stopwords() {
    }

    public static Set<String> english() {
        return WORDS;
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (var in = Stopwords.class.getResourceAsStream("stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("stopwords.txt missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.startsWith("#"))
                    .forEach(l -> out.addAll(List.of(l.trim().toLowerCase(Locale.ROOT).split("\\s+"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.remove("");
        return Set.copyOf(out);
    }
}
