package org.parallax.ingest;

import java.util.Objects;

/**
 * One input document as read: decoded content plus metadata. Offsets in the report's
 * {@code bodyMap} and {@code removed} point into {@link #content()}.
 *
 * @param id      stable id within a run ("a0", "a1", ... in input order)
 * @param source  file path or URL as given
 * @param name    file name, the key a manifest uses
 */
public record Document(String id, String source, String name, Format format, String content,
                       Metadata metadata) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(content, "content");
        metadata = metadata == null ? Metadata.UNKNOWN : metadata;
    }
}
