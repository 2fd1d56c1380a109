package org.parallax.reuse;

/**
 * @param ngram             words per shingle
 * @param maxDocFrequency   shingles found in more articles than this are ignored (boilerplate,
 *                          formulae); this bounds candidate generation on large corpora
 * @param minSharedShingles a pair of articles sharing fewer shingles is not aligned
 * @param maxGap            largest gap, in words on either side, bridged inside one passage
 * @param minPassageWords   shorter passages are dropped as chance phrases
 * @param minSimilarity     passages whose word-level similarity is lower are dropped
 * @param duplicateCoverage a pair whose passages cover at least this share of both articles
 *                          is a near-duplicate (a whole-article reprint)
 * @param containmentGap    without a credit or dates, the side whose text the passages cover
 *                          by at least this much more is the source (the copy is the source's
 *                          text plus its own additions)
 */
public record ReuseConfig(int ngram, int maxDocFrequency, int minSharedShingles, int maxGap,
                          int minPassageWords, double minSimilarity, double duplicateCoverage,
                          double containmentGap) {
    public ReuseConfig {
        if (ngram < 2 || maxDocFrequency < 2 || minSharedShingles < 1 || maxGap < 0
                || minPassageWords < ngram || minSimilarity < 0 || minSimilarity > 1
                || duplicateCoverage <= 0 || duplicateCoverage > 1 || containmentGap <= 0 || containmentGap > 1) {
            throw new IllegalArgumentException("bad reuse configuration");
        }
    }

    public static ReuseConfig defaults() {
        return new ReuseConfig(5, 100, 3, 25, 15, 0.7, 0.8, 0.3);
    }
}
