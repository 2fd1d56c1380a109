package org.parallax.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which event a place in an article belongs to: the event of the article's segment that starts
 * last at or before the place (an article cut into sections can be in several events), else of
 * its first segment. What is compared across articles — figures, quotations — is compared only
 * within one event.
 */
public final class EventIndex {
    private final Map<String, List<long[]>> segments = new HashMap<>(); // article -> {start, event index}
    private final List<String> events = new ArrayList<>();
    private final Map<String, Integer> eventNo = new HashMap<>();

    private EventIndex() {
    }

    public static EventIndex of(List<Story> stories) {
        EventIndex x = new EventIndex();
        for (Story s : stories) {
            for (Event e : s.events()) {
                for (Segment g : e.segments()) {
                    x.add(e.id(), g.article(), g.start());
                }
            }
        }
        return x;
    }

    /** An empty index, to fill with {@link #add} (a caller holding events in another form). */
    public static EventIndex empty() {
        return new EventIndex();
    }

    /** Records that a segment of {@code article} starting at {@code start} belongs to {@code event}. */
    public EventIndex add(String event, String article, int start) {
        Integer at = eventNo.get(event);
        if (at == null) {
            at = events.size();
            events.add(event);
            eventNo.put(event, at);
        }
        final int k = at;
        segments.computeIfAbsent(article, a -> new ArrayList<>()).add(new long[] {start, k});
        return this;
    }

    /**
     * The same quotes with their same-statement groups formed within events: two appearances
     * are compared only when their words stand in one event (a statement is the same statement
     * only about the same happening; shared wording across events is a set phrase, a slogan or
     * chance). Quotes of articles in no event are grouped with no one.
     */
    public static org.parallax.quotes.QuoteResult groupQuotes(org.parallax.quotes.QuoteResult r, List<Story> stories,
                                                              List<org.parallax.text.Annotated> docs) {
        EventIndex events = of(stories);
        Map<String, String> scope = new HashMap<>();
        for (org.parallax.quotes.Quote q : r.quotes()) {
            String e = events.at(q.articleId(), q.start());
            if (e != null) {
                scope.put(q.id(), e);
            }
        }
        return new org.parallax.quotes.QuoteResult(r.quotes(), r.mentions(), r.entities(),
                org.parallax.quotes.QuoteGroups.of(r.quotes(), org.parallax.quotes.QuoteStage.order(docs),
                        org.parallax.quotes.QuoteStage.published(docs), null, scope));
    }

    /** The event id at {@code offset} of {@code article}, or null for an article in no event. */
    public String at(String article, int offset) {
        List<long[]> segs = segments.get(article);
        if (segs == null) {
            return null;
        }
        long[] best = null;
        long[] first = null;
        for (long[] g : segs) {
            if (g[0] <= offset && (best == null || g[0] > best[0])) {
                best = g;
            }
            if (first == null || g[0] < first[0]) {
                first = g;
            }
        }
        return events.get((int) (best != null ? best : first)[1]);
    }
}
