package org.parallax.ingest;

import java.time.LocalDate;

/**
 * What is known about a document besides its content. Every field may be null: unknown
 * stays unknown, nothing is guessed here.
 */
public record Metadata(String outlet, String domain, String url, LocalDate published) {
    public static final Metadata UNKNOWN = new Metadata(null, null, null, null);

    public Metadata {
        outlet = blankToNull(outlet);
        domain = blankToNull(domain);
        url = blankToNull(url);
    }

    /** Fields of {@code this} win; {@code fallback} fills what is unknown. */
    public Metadata orElse(Metadata fallback) {
        return new Metadata(
                outlet != null ? outlet : fallback.outlet,
                domain != null ? domain : fallback.domain,
                url != null ? url : fallback.url,
                published != null ? published : fallback.published);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
