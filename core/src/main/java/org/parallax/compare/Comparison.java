package org.parallax.compare;

import java.util.List;

/**
 * How the articles of one story differ: voice per sentence, coverage per article, and the
 * groups of figures several articles give for one quantity (conflicts first).
 */
public record Comparison(String story, List<VoiceSpan> voice, List<Coverage> coverage, List<FigureGroup> figureGroups) {
    public Comparison {
        voice = List.copyOf(voice);
        coverage = List.copyOf(coverage);
        figureGroups = List.copyOf(figureGroups);
    }
}
