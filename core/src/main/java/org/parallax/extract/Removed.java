package org.parallax.extract;

import java.util.Objects;

/** A region of the document as read that the extractor left out of the body, and why. */
public record Removed(RemovedKind kind, int documentStart, int documentEnd, String text) {
    public Removed {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (documentStart < 0 || documentEnd < documentStart) {
            throw new IllegalArgumentException("bad region [" + documentStart + ", " + documentEnd + ")");
        }
    }
}
