package org.parallax.stories;

/**
 * @param storyThreshold cosine similarity to a story's centroid needed to join it
 * @param eventThreshold cosine similarity to an event's centroid (within a story) to join it
 * @param reuseCoverage  a reuse link covering this share of the target joins both articles
 *                       into one event, whatever their wording
 */
public record StoryConfig(double storyThreshold, double eventThreshold, double reuseCoverage) {
    public StoryConfig {
        if (storyThreshold <= 0 || storyThreshold > 1 || eventThreshold < storyThreshold || eventThreshold > 1) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < story <= event <= 1");
        }
    }

    public static StoryConfig defaults() {
        return new StoryConfig(0.12, 0.30, 0.3);
    }
}
