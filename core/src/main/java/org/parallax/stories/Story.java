package org.parallax.stories;

import java.time.LocalDate;
import java.util.List;

/**
 * A running story: its events in date order (the timeline; undated events last) and the
 * articles of all of them. An article split into segments can belong to several stories.
 *
 * @param date  the earliest date of its events, or null; {@code last} the latest
 * @param edits the numbers of the corrections made by hand that shaped it ({@link
 *              StoryCorrection}); empty for a story as the analysis found it
 */
public record Story(String id, String title, LocalDate date, LocalDate last, List<String> articles,
                    List<Event> events, List<Long> edits) {
    public Story {
        articles = List.copyOf(articles);
        events = List.copyOf(events);
        edits = List.copyOf(edits);
    }

    /** A story as the analysis found it. */
    public Story(String id, String title, LocalDate date, LocalDate last, List<String> articles, List<Event> events) {
        this(id, title, date, last, articles, events, List.of());
    }

    /** Whether an analyst's correction shaped it. */
    public boolean edited() {
        return !edits.isEmpty();
    }

    /** The same story under another id. */
    public Story withId(String other) {
        return new Story(other, title, date, last, articles, events, edits);
    }
}
