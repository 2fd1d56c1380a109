package org.parallax.compare;

import java.util.List;

/**
 * One sentence of a story's extractive summary: the unit it stands for, the sentence chosen
 * (article and offsets), how many independent sources carry it and which, and its voice:
 * "attributed" (the sentence names its source), "own" or "unattributed-claim" (flagged, since
 * the summary repeats an outlet's claim).
 */
public record SummaryItem(String unit, String text, String article, int start, int end, int independent,
                          List<String> sources, String voice) {
    public SummaryItem {
        sources = List.copyOf(sources);
    }
}
