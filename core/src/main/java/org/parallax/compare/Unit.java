package org.parallax.compare;

import java.util.List;

/**
 * An information unit of a story: sentences of different articles that carry the same
 * information — copied (reuse), the same quotation, the same figure, or a paraphrase (shared
 * words, or close sentence embeddings). {@code independent} counts the sources left after
 * collapsing copies, reprints and articles of one outlet; {@code sources} names them (outlet,
 * else article id). The representative sentence ({@code article}, {@code start}, {@code end},
 * {@code text}) is the earliest source's, an attributed one when the unit has one.
 * {@code links} lists the kinds of evidence that joined the sentences.
 */
public record Unit(String id, String text, String article, int start, int end, List<Sentence> sentences,
                   List<String> articles, List<String> sources, int independent, boolean attributed,
                   boolean contested, List<String> links) {
    public Unit {
        sentences = List.copyOf(sentences);
        articles = List.copyOf(articles);
        sources = List.copyOf(sources);
        links = List.copyOf(links);
    }

    /** One sentence of a unit, with its voice label. */
    public record Sentence(String article, int start, int end, String voice) {
    }
}
