package org.parallax.compare;

import java.util.List;

/**
 * One sentence of an article with its voice. {@code source} is the speaker's entity id for
 * attributed sentences (null if unresolved), null for the outlet's own voice; {@code sourceText}
 * the words that name the source in the sentence (null when none does). {@code loaded} are the
 * loaded words in the outlet's own words, offsets into the article: in an own-voice sentence
 * they make it an unattributed claim; in an attributed sentence they are the reporter's words
 * around what is reported ("X complained that …"), and the label stays attributed.
 */
public record VoiceSpan(String article, int start, int end, String text, VoiceLabel label, String source,
                        String sourceText, List<LoadedWords.Hit> loaded) {
    public VoiceSpan {
        loaded = List.copyOf(loaded);
    }

    /** The loaded words as written (lower case), in order. */
    public List<String> terms() {
        return loaded.stream().map(LoadedWords.Hit::term).toList();
    }

    /** The same sentence with only the loaded words {@code keep} holds (an unattributed claim only while one is left). */
    VoiceSpan withLoaded(List<LoadedWords.Hit> keep) {
        VoiceLabel l = label == VoiceLabel.ATTRIBUTED ? label : keep.isEmpty() ? VoiceLabel.OWN : VoiceLabel.UNATTRIBUTED_CLAIM;
        return new VoiceSpan(article, start, end, text, l, source, sourceText, keep);
    }
}
