package org.parallax.quotes;

/**
 * A name in an article's body: offsets, surface text, type, and the role words written
 * before it ("Russian Foreign Minister"), which a role noun like "the minister" can match.
 */
public record Mention(String articleId, int start, int end, String text, EntityType type, String role) implements java.io.Serializable {
    public Mention {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad mention span");
        }
        role = role == null ? "" : role;
    }
}
