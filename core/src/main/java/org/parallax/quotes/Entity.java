package org.parallax.quotes;

import java.util.List;

/**
 * One person, organisation or place across the corpus: canonical name, aliases seen, the
 * articles that mention it, and every mention — names, and the pronouns and role nouns
 * ("he", "the minister") resolved to it as a speaker.
 */
public record Entity(String id, String name, EntityType type, List<String> aliases, List<String> articles,
                     List<EntityMention> mentions) implements java.io.Serializable {
    public Entity {
        aliases = List.copyOf(aliases);
        articles = List.copyOf(articles);
        mentions = List.copyOf(mentions);
    }

    /** Where an entity is named or referred to: body offsets in one article and the words. */
    public record EntityMention(String article, int start, int end, String text) implements java.io.Serializable {
    }
}
