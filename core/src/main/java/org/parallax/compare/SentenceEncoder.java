package org.parallax.compare;

import java.util.List;

/** Sentence embeddings: one unit-length vector per text, so a dot product is a cosine. */
public interface SentenceEncoder {
    float[][] encode(List<String> texts);

    /** No embeddings: paraphrase is then judged on shared words alone. */
    SentenceEncoder NONE = texts -> null;
}
