package org.parallax.quotes;

import java.util.List;

/** Everything the quotes stage found in a corpus. */
public record QuoteResult(List<Quote> quotes, List<Mention> mentions, List<Entity> entities) {
    public QuoteResult {
        quotes = List.copyOf(quotes);
        mentions = List.copyOf(mentions);
        entities = List.copyOf(entities);
    }
}
