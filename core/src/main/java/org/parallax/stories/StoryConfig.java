package org.parallax.stories;

/**
 * Settings of the stories stage; see {@link StoryStream} for how they are used.
 *
 * @param poolThreshold  on arrival, mean similarity (content words and names) to the members
 *                       of an open thread needed to join it; an arrival that reaches threads
 *                       of several pools joins the pools
 * @param storyThreshold mean similarity (content words and names) at which coverage is one
 *                       story: where the average-link partition of a pool is cut
 * @param eventThreshold mean similarity within a story, on words re-weighted by how rare they
 *                       are in the story, at which coverage is one event
 * @param attach         an event of one or two members joins the event of its story it
 *                       resembles most when their mean similarity is at least this share of
 *                       the event threshold: a fragment cut off by a few rare words
 * @param reuseCoverage  a reuse link covering this share of either article makes both one
 *                       text: one event, whatever their wording
 * @param nameWeight     share of the similarity from names (capitalised words) rather than
 *                       from content words
 * @param phraseWeight   at the event level, share of the similarity from word pairs ("sixth
 *                       round", "transfer fee")
 * @param numberWeight   at the event level, share of the similarity from numbers (counts,
 *                       magnitudes, scores): look-alike events differ in their figures
 * @param eventDays      members dated more than this many days apart are held apart as
 *                       events: the same kind of news weeks later is another event
 * @param storyPrior     pairs of similarity 0 added to every mean when stories are formed: one
 *                       similar pair is weak evidence that two articles are one story, the mean
 *                       over the many pairs of two clusters of coverage strong
 * @param storyBridge    when two parts of a story would be tied by undated members alone (their
 *                       dated members too far apart in time to be compared), the mean similarity
 *                       of those undated pairs must be at least this: an undated article ties
 *                       coverage of two times together only when it closely resembles both
 * @param storyDays      members dated more than this many days apart are not compared when
 *                       stories are formed: a story's mean similarity is taken over the pairs
 *                       closer in time, so coverage years apart is one story only through a
 *                       chain of coverage in between; negative: every pair is compared
 * @param windowDays     in a stream, a pool closes once its newest dated member is this many
 *                       days behind the newest date seen; negative: never (batch)
 * @param maxIdle        in a stream, a pool also closes after this many arrivals without a
 *                       new member (how undated coverage ends); 0: never
 */
public record StoryConfig(double poolThreshold, double storyThreshold, double eventThreshold,
                          double attach, double reuseCoverage, double nameWeight, double phraseWeight, double numberWeight,
                          int eventDays, double storyPrior, double storyBridge, int storyDays, int windowDays, int maxIdle) implements java.io.Serializable {
    public StoryConfig {
        for (double t : new double[] {poolThreshold, storyThreshold, eventThreshold}) {
            if (t <= 0 || t > 1) {
                throw new IllegalArgumentException("thresholds must be in (0, 1]");
            }
        }
        if (nameWeight < 0 || nameWeight > 1 || phraseWeight < 0 || numberWeight < 0 || phraseWeight + numberWeight > 1) {
            throw new IllegalArgumentException("weights must be in [0, 1], phrase + number weight at most 1");
        }
        if (attach < 0 || attach > 1) {
            throw new IllegalArgumentException("attach must be in [0, 1]");
        }
        if (storyPrior < 0) {
            throw new IllegalArgumentException("storyPrior must not be negative");
        }
        if (eventDays < 0 || maxIdle < 0) {
            throw new IllegalArgumentException("eventDays and maxIdle must not be negative");
        }
    }

    public static StoryConfig defaults() {
        return new StoryConfig(0.03, 0.04, 0.07, 0.3, 0.3, 0.6, 0.2, 0.2, 7, 5, 0.15, 7, -1, 0);
    }

    /** The same settings with other story and event thresholds. */
    public StoryConfig withThresholds(double story, double event) {
        return new StoryConfig(poolThreshold, story, event, attach, reuseCoverage, nameWeight, phraseWeight,
                numberWeight, eventDays, storyPrior, storyBridge, storyDays, windowDays, maxIdle);
    }

    /** The same settings with another share for attaching fragments. */
    public StoryConfig withAttach(double attach) {
        return new StoryConfig(poolThreshold, storyThreshold, eventThreshold, attach, reuseCoverage,
                nameWeight, phraseWeight, numberWeight, eventDays, storyPrior, storyBridge, storyDays, windowDays, maxIdle);
    }

    /** The same settings with another name weight. */
    public StoryConfig withNameWeight(double names) {
        return new StoryConfig(poolThreshold, storyThreshold, eventThreshold, attach, reuseCoverage, names,
                phraseWeight, numberWeight, eventDays, storyPrior, storyBridge, storyDays, windowDays, maxIdle);
    }

    /** The same settings with another time limit on comparing members for stories. */
    public StoryConfig withStoryDays(int days) {
        return new StoryConfig(poolThreshold, storyThreshold, eventThreshold, attach, reuseCoverage, nameWeight,
                phraseWeight, numberWeight, eventDays, storyPrior, storyBridge, days, windowDays, maxIdle);
    }

    /** The same settings with another prior on story means. */
    public StoryConfig withStoryPrior(double prior) {
        return new StoryConfig(poolThreshold, storyThreshold, eventThreshold, attach, reuseCoverage, nameWeight,
                phraseWeight, numberWeight, eventDays, prior, storyBridge, storyDays, windowDays, maxIdle);
    }

    /** The same settings with a stream's closing rules. */
    public StoryConfig streaming(int windowDays, int maxIdle) {
        return new StoryConfig(poolThreshold, storyThreshold, eventThreshold, attach, reuseCoverage, nameWeight,
                phraseWeight, numberWeight, eventDays, storyPrior, storyBridge, storyDays, windowDays, maxIdle);
    }
}
