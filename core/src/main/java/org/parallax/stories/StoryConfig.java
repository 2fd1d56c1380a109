package org.parallax.stories;

/**
 * @param storyThreshold cosine similarity to a story's centroid needed to join it
 * @param eventThreshold cosine similarity to an event's centroid (within a story) to join it
 * @param reuseCoverage  a reuse link covering this share of the target joins both articles
 *                       into one event, whatever their wording
 * @param nameWeight     share of the similarity that comes from names (capitalised words)
 *                       rather than from all content words
 * @param eventDays      an article with a date joins an event only if the event has no date
 *                       yet or a dated member at most this many days away: one happening is
 *                       reported within days, the same kind of news weeks later is another event
 */
public record StoryConfig(double storyThreshold, double eventThreshold, double reuseCoverage, double nameWeight,
                          int eventDays) {
    public StoryConfig(double storyThreshold, double eventThreshold, double reuseCoverage, double nameWeight) {
        this(storyThreshold, eventThreshold, reuseCoverage, nameWeight, defaults().eventDays());
    }

    public StoryConfig {
        if (storyThreshold <= 0 || storyThreshold > 1 || eventThreshold < storyThreshold || eventThreshold > 1) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < story <= event <= 1");
        }
        if (nameWeight < 0 || nameWeight > 1) {
            throw new IllegalArgumentException("nameWeight must be in [0, 1]");
        }
    }

    public static StoryConfig defaults() {
        return new StoryConfig(0.10, 0.15, 0.3, 0.3, 7);
    }
}
