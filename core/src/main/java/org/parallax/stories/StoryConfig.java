package org.parallax.stories;

/**
 * @param storyThreshold cosine similarity to a story's centroid needed to join it
 * @param eventThreshold cosine similarity to an event's centroid (within a story) to join it
 * @param reuseCoverage  a reuse link covering this share of the target joins both articles
 *                       into one event, whatever their wording
 * @param nameWeight     share of the similarity that comes from names (capitalised words)
 *                       rather than from all content words
 */
public record StoryConfig(double storyThreshold, double eventThreshold, double reuseCoverage, double nameWeight) {
    public StoryConfig {
        if (storyThreshold <= 0 || storyThreshold > 1 || eventThreshold < storyThreshold || eventThreshold > 1) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < story <= event <= 1");
        }
        if (nameWeight < 0 || nameWeight > 1) {
            throw new IllegalArgumentException("nameWeight must be in [0, 1]");
        }
    }

    public static StoryConfig defaults() {
        return new StoryConfig(0.25, 0.45, 0.3, 0.5);
    }
}
