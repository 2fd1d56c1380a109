package org.parallax.quotes;

import java.util.Objects;

/**
 * A quotation or reported statement in one article. {@code start/end} cover the content (no
 * quote marks); the speaker fields cover the words that name the speaker in this article
 * (a name, a pronoun or a role noun), -1 when none was found. {@code speaker} is the resolved
 * entity id, null when unresolved.
 */
public record Quote(String id, String articleId, int start, int end, String text, QuoteKind kind,
                    String speaker, String speakerText, int speakerStart, int speakerEnd, String cue) implements java.io.Serializable {
    public Quote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad quote span");
        }
    }

    Quote withSpeaker(String entityId) {
        return new Quote(id, articleId, start, end, text, kind, entityId, speakerText, speakerStart, speakerEnd, cue);
    }
}
