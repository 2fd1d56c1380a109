package org.parallax.stories;

import java.util.List;

/** A running story: its articles and its events in date order. */
public record Story(String id, String title, List<String> articles, List<Event> events) {
    public Story {
        articles = List.copyOf(articles);
        events = List.copyOf(events);
    }
}
