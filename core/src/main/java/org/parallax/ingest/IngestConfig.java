package org.parallax.ingest;

import java.util.Set;

/**
 * @param extensions file extensions (lower case, no dot) taken when walking a folder; a file
 *                   named explicitly is always read
 * @param maxBytes   larger files are refused with a problem rather than read
 * @param maxBinaryRatio share of control characters above which content counts as binary
 */
public record IngestConfig(Set<String> extensions, long maxBytes, double maxBinaryRatio) {
    public IngestConfig {
        extensions = Set.copyOf(extensions);
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    public static IngestConfig defaults() {
        return new IngestConfig(Set.of("txt", "text", "html", "htm", "xhtml", "gz"), 50L << 20, 0.02);
    }
}
