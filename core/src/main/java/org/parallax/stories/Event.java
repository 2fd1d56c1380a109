package org.parallax.stories;

import java.time.LocalDate;
import java.util.List;

/**
 * Coverage of one happening: the segments (whole articles, or sections of live blogs and
 * digests) that report it.
 *
 * @param date     the earliest date of its members, or null when none is dated
 * @param last     the latest date of its members, or null
 * @param articles the ids of the articles its segments come from, in corpus order
 */
public record Event(String id, String title, LocalDate date, LocalDate last, List<String> articles,
                    List<Segment> segments) {
    public Event {
        articles = List.copyOf(articles);
        segments = List.copyOf(segments);
    }
}
