package org.parallax.stories;

import java.time.LocalDate;
import java.util.List;

/**
 * A running story: its events in date order (the timeline; undated events last) and the
 * articles of all of them. An article split into segments can belong to several stories.
 *
 * @param date the earliest date of its events, or null; {@code last} the latest
 */
public record Story(String id, String title, LocalDate date, LocalDate last, List<String> articles,
                    List<Event> events) {
    public Story {
        articles = List.copyOf(articles);
        events = List.copyOf(events);
    }
}
