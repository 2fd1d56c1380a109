package org.parallax.compare;

import java.util.List;

/** How the articles of one story differ: voice per sentence and coverage per article. */
public record Comparison(String story, List<VoiceSpan> voice, List<Coverage> coverage) {
    public Comparison {
        voice = List.copyOf(voice);
        coverage = List.copyOf(coverage);
    }
}
