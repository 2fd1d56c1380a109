package org.parallax.text;

import java.util.List;
import org.parallax.model.Span;

/**
 * The text layer of one article: its language, sentences and tokens, all as offsets into the
 * body. Paragraphs are the body's blank-line separated blocks.
 *
 * @param language ISO 639-1 code where one exists (else 639-3), or "und" when undecided
 */
public record TextAnnotation(String articleId, String language, double languageConfidence,
                             List<Span> paragraphs, List<Span> sentences, List<Token> tokens) {
    public TextAnnotation {
        paragraphs = List.copyOf(paragraphs);
        sentences = List.copyOf(sentences);
        tokens = List.copyOf(tokens);
    }

    /** Index of the sentence containing {@code offset}, or -1. */
    public int sentenceAt(int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = sentences.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Index of the paragraph containing {@code offset}, or -1. */
    public int paragraphAt(int offset) {
        for (int i = 0; i < paragraphs.size(); i++) {
            Span p = paragraphs.get(i);
            if (offset >= p.start() && offset < p.end()) {
                return i;
            }
        }
        return -1;
    }
}
