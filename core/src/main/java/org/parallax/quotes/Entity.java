package org.parallax.quotes;

import java.util.List;

/** One person or organisation across the corpus: canonical name, aliases seen, articles. */
public record Entity(String id, String name, EntityType type, List<String> aliases, List<String> articles) {
    public Entity {
        aliases = List.copyOf(aliases);
        articles = List.copyOf(articles);
    }
}
