package org.parallax.quotes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything the quotes stage found in a corpus. */
public record QuoteResult(List<Quote> quotes, List<Mention> mentions, List<Entity> entities,
                          List<QuoteGroup> groups) {
    public QuoteResult {
        quotes = List.copyOf(quotes);
        mentions = List.copyOf(mentions);
        entities = List.copyOf(entities);
        groups = List.copyOf(groups);
    }

    /** Group id by quote id, for quotes in a group. */
    public Map<String, String> groupOf() {
        Map<String, String> m = new HashMap<>();
        for (QuoteGroup g : groups) {
            g.quotes().forEach(q -> m.put(q, g.id()));
        }
        return m;
    }
}
