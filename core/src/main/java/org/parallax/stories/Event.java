package org.parallax.stories;

import java.time.LocalDate;
import java.util.List;

/** Articles about one happening; {@code date} is the earliest known publication date or null. */
public record Event(String id, String title, LocalDate date, List<String> articles) {
    public Event {
        articles = List.copyOf(articles);
    }
}
