package org.parallax.extract;

import java.util.Locale;

/** Why a region of a document is not part of the article body. */
public enum RemovedKind {
    /** Reader comments and the comment form around them. */
    COMMENT,
    /** Share, subscribe, support, disclaimer and interface lines. */
    BOILERPLATE,
    /** Lists of links to other stories. */
    RELATED,
    /** Photo captions and credits. */
    CAPTION,
    /** Author lines and editor initials. */
    BYLINE,
    /** Anything else dropped: stray fragments, repeated titles. */
    OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
