package org.parallax.reuse;

/**
 * @param ngram             words per shingle
 * @param maxDocFrequency   shingles found in more articles than this are ignored (boilerplate,
 *                          formulae); this bounds candidate generation on large corpora
 * @param minSharedShingles a pair of articles sharing fewer shingles is not aligned
 * @param maxGap            largest gap, in words on either side, bridged inside one passage
 * @param minPassageWords   shorter passages are dropped as chance phrases
 * @param minSimilarity     passages whose word-level similarity is lower are dropped
 */
public record ReuseConfig(int ngram, int maxDocFrequency, int minSharedShingles, int maxGap,
                          int minPassageWords, double minSimilarity) {
    public ReuseConfig {
        if (ngram < 2 || maxDocFrequency < 2 || minSharedShingles < 1 || maxGap < 0
                || minPassageWords < ngram || minSimilarity < 0 || minSimilarity > 1) {
            throw new IllegalArgumentException("bad reuse configuration");
        }
    }

    public static ReuseConfig defaults() {
        return new ReuseConfig(5, 100, 3, 25, 15, 0.7);
    }
}
