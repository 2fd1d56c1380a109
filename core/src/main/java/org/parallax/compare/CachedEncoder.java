package org.parallax.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sentence encoder that asks a persistent cache first and encodes only what it lacks: the
 * model run is what comparing a story spends most on, and a sentence of a growing corpus meets
 * the encoder again at every analysis.
 */
public final class CachedEncoder implements SentenceEncoder {
    /** Vectors kept between runs, by model name and sentence text. */
    public interface Vectors {
        /** The vectors held for these texts (absent texts left out). */
        Map<String, float[]> get(String model, Set<String> texts);

        void put(String model, Map<String, float[]> vectors);
    }

    private final SentenceEncoder inner;
    private final String model;
    private final Vectors vectors;
    private long asked;
    private long encoded;

    public CachedEncoder(SentenceEncoder inner, String model, Vectors vectors) {
        this.inner = inner;
        this.model = model;
        this.vectors = vectors;
    }

    @Override
    public synchronized float[][] encode(List<String> texts) {
        Set<String> distinct = new LinkedHashSet<>(texts);
        Map<String, float[]> known = new java.util.HashMap<>(vectors.get(model, distinct));
        List<String> missing = new ArrayList<>();
        for (String t : distinct) {
            if (!known.containsKey(t)) {
                missing.add(t);
            }
        }
        asked += distinct.size();
        if (!missing.isEmpty()) {
            float[][] fresh = inner.encode(missing);
            if (fresh == null) {
                return null;
            }
            Map<String, float[]> add = new java.util.LinkedHashMap<>();
            for (int i = 0; i < missing.size(); i++) {
                add.put(missing.get(i), fresh[i]);
            }
            vectors.put(model, add);
            known.putAll(add);
            encoded += missing.size();
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = known.get(texts.get(i));
        }
        return out;
    }

    /** Distinct sentences asked for so far, and of them encoded by the model (not cached). */
    public synchronized long[] counts() {
        return new long[] {asked, encoded};
    }
}
