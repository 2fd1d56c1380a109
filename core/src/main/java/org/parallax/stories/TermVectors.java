package org.parallax.stories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.text.Annotated;
import org.parallax.text.Token;

/** Length-normalised TF-IDF vectors of articles over content words. */
final class TermVectors {
    private static final Set<String> STOP = loadStopwords();

    private TermVectors() {
    }

    static List<Map<String, Double>> of(List<Annotated> docs) {
        List<Map<String, Integer>> tfs = docs.stream().map(TermVectors::termFrequencies).toList();
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Integer> tf : tfs) {
            tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        int n = docs.size();
        return tfs.stream().map(tf -> {
            Map<String, Double> v = new HashMap<>();
            double norm = 0;
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                double w = (1 + Math.log(e.getValue())) * Math.log(1 + (double) n / df.get(e.getKey()));
                v.put(e.getKey(), w);
                norm += w * w;
            }
            double len = Math.sqrt(norm);
            if (len > 0) {
                v.replaceAll((k, w) -> w / len);
            }
            return v;
        }).toList();
    }

    /**
     * Sublinear-TF vectors of capitalised words that do not open a sentence: mostly names of
     * people, places and organisations. No IDF: in a small corpus the names every article
     * shares are the story, not noise.
     */
    static List<Map<String, Double>> names(List<Annotated> docs) {
        return docs.stream().map(d -> {
            Map<String, Integer> tf = new HashMap<>();
            String body = d.article().body();
            java.util.Set<Integer> sentenceStarts = new HashSet<>();
            d.text().sentences().forEach(s -> sentenceStarts.add(s.start()));
            for (Token t : d.text().tokens()) {
                String w = t.norm();
                if (Character.isUpperCase(body.charAt(t.start())) && !sentenceStarts.contains(t.start())
                        && !STOP.contains(w) && w.length() >= 2) {
                    tf.merge(w, 1, Integer::sum);
                }
            }
            Map<String, Double> v = new HashMap<>();
            tf.forEach((k, c) -> v.put(k, 1 + Math.log(c)));
            double len = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
            if (len > 0) {
                v.replaceAll((k, x) -> x / len);
            }
            return v;
        }).toList();
    }

    private static Map<String, Integer> termFrequencies(Annotated d) {
        Map<String, Integer> tf = new HashMap<>();
        for (Token t : d.text().tokens()) {
            String w = t.norm();
            if (w.length() >= 3 && !STOP.contains(w) && Character.isLetter(w.charAt(0))) {
                tf.merge(w, 1, Integer::sum);
            }
        }
        return tf;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.size() > b.size()) {
            Map<String, Double> t = a;
            a = b;
            b = t;
        }
        double s = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double w = b.get(e.getKey());
            if (w != null) {
                s += e.getValue() * w;
            }
        }
        return s;
    }

    private static Set<String> loadStopwords() {
        Set<String> out = new HashSet<>();
        try (var in = TermVectors.class.getResourceAsStream("stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("stopwords.txt missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.startsWith("#"))
                    .forEach(l -> out.addAll(List.of(l.trim().split("\\s+"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.remove("");
        return Set.copyOf(out);
    }
}
