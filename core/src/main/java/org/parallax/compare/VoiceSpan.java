package org.parallax.compare;

import java.util.List;

/**
 * One sentence of an article with its voice. {@code source} is the speaker's entity id for
 * attributed sentences (null if unresolved), null for the outlet's own voice; {@code sourceText}
 * the words that name the source in the sentence (null when none does); {@code terms}
 * are the evaluative words that made an own-voice sentence an unattributed claim.
 */
public record VoiceSpan(String article, int start, int end, String text, VoiceLabel label, String source,
                        String sourceText, List<String> terms) {
    public VoiceSpan {
        terms = List.copyOf(terms);
    }
}
