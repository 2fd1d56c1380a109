package org.parallax.compare;

import java.util.List;

/**
 * How the articles of one story differ: voice per sentence, coverage per article, and the
 * groups of figures several articles give for one quantity (conflicts first), and the framing
 * table: how each article names the same referents; the information units (coverage matrix)
 * and an extractive summary that counts independent sources.
 */
public record Comparison(String story, List<VoiceSpan> voice, List<Coverage> coverage, List<FigureGroup> figureGroups,
                         List<FramingRow> framing, List<Unit> units, List<SummaryItem> summary) {
    public Comparison {
        voice = List.copyOf(voice);
        coverage = List.copyOf(coverage);
        figureGroups = List.copyOf(figureGroups);
        framing = List.copyOf(framing);
        units = List.copyOf(units);
        summary = List.copyOf(summary);
    }
}
