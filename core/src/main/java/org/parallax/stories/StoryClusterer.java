package org.parallax.stories;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parallax.model.UnionFind;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;

/**
 * The stories stage. Articles are taken in publication order (unknown dates last) and each
 * joins the story whose centroid is most similar (TF-IDF cosine) above a threshold, else
 * starts a new one: single pass, one centroid per open story. Within a story, events are
 * found the same way with a stricter threshold. Articles linked by substantial reuse are the
 * same event: a reprint is never split from its source.
 */
public final class StoryClusterer {
    private StoryClusterer() {
    }

    public static List<Story> cluster(List<Annotated> docs, List<ReuseLink> reuse, StoryConfig config) {
        Vectors vectors = new Vectors(TermVectors.of(docs), TermVectors.names(docs), config.nameWeight());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            index.put(docs.get(i).id(), i);
        }
        UnionFind reprints = new UnionFind(docs.size());
        for (ReuseLink l : reuse) {
            if (l.targetCoverage() >= config.reuseCoverage() || l.sourceCoverage() >= config.reuseCoverage()) {
                reprints.union(index.get(l.source()), index.get(l.target()));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> docs.get(i).article().published(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(i -> i));
        List<LocalDate> dates = docs.stream().map(d -> d.article().published()).toList();
        List<List<Integer>> stories = singlePass(order, vectors, reprints, config.storyThreshold(), dates, -1);
        List<Story> out = new ArrayList<>();
        int eventNo = 0;
        for (List<Integer> members : stories) {
            List<List<Integer>> events = singlePass(members, vectors, reprints, config.eventThreshold(), dates,
                    config.eventDays());
            List<Event> evs = new ArrayList<>();
            for (List<Integer> e : events) {
                evs.add(new Event("", title(e, docs, vectors), earliest(e, docs), ids(e, docs)));
            }
            evs.sort(Comparator.comparing(Event::date, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(ev -> ev.articles().get(0)));
            List<Event> numbered = new ArrayList<>();
            for (Event e : evs) {
                numbered.add(new Event("ev" + (++eventNo), e.title(), e.date(), e.articles()));
            }
            out.add(new Story("s" + (out.size() + 1), title(members, docs, vectors), ids(members, docs), numbered));
        }
        return out;
    }

    /**
     * One pass in the given order: each article joins the most similar cluster at or above the
     * threshold, else starts one. A reprint joins its source's cluster. With {@code maxDays} ≥ 0
     * a dated article only joins a cluster that has a dated member within that many days (or
     * none dated).
     */
    private static List<List<Integer>> singlePass(List<Integer> order, Vectors vectors, UnionFind reprints,
                                                  double threshold, List<LocalDate> dates, int maxDays) {
        List<List<Integer>> clusters = new ArrayList<>();
        List<Vectors.Centroid> centroids = new ArrayList<>();
        List<java.util.Set<Integer>> roots = new ArrayList<>();
        List<java.util.TreeSet<LocalDate>> clusterDates = new ArrayList<>();
        for (int i : order) {
            int best = -1;
            double bestSim = threshold;
            int root = reprints.find(i);
            LocalDate date = dates.get(i);
            for (int c = 0; c < clusters.size(); c++) {
                boolean reprint = roots.get(c).contains(root);
                if (!reprint && maxDays >= 0 && date != null && !near(clusterDates.get(c), date, maxDays)) {
                    continue;
                }
                double sim = reprint ? 1.0 : vectors.similarity(i, centroids.get(c));
                if (sim >= bestSim) {
                    bestSim = sim;
                    best = c;
                }
            }
            if (best < 0) {
                clusters.add(new ArrayList<>(List.of(i)));
                Vectors.Centroid c = new Vectors.Centroid();
                c.add(vectors, i);
                centroids.add(c);
                roots.add(new java.util.HashSet<>(List.of(root)));
                clusterDates.add(new java.util.TreeSet<>());
                best = clusters.size() - 1;
            } else {
                clusters.get(best).add(i);
                centroids.get(best).add(vectors, i);
                roots.get(best).add(root);
            }
            if (date != null) {
                clusterDates.get(best).add(date);
            }
        }
        return clusters;
    }

    /** Whether {@code date} is within {@code days} of a date in {@code dates}, or there is none. */
    private static boolean near(java.util.TreeSet<LocalDate> dates, LocalDate date, int days) {
        if (dates.isEmpty()) {
            return true;
        }
        LocalDate below = dates.floor(date);
        LocalDate above = dates.ceiling(date);
        return below != null && !below.plusDays(days).isBefore(date) || above != null && !date.plusDays(days).isBefore(above);
    }

    /** The title of the member closest to the cluster's centroid. */
    private static String title(List<Integer> members, List<Annotated> docs, Vectors vectors) {
        Vectors.Centroid c = new Vectors.Centroid();
        members.forEach(m -> c.add(vectors, m));
        int best = members.get(0);
        double bestSim = -1;
        for (int m : members) {
            double s = vectors.similarity(m, c);
            if (!docs.get(m).article().title().isBlank() && s > bestSim) {
                bestSim = s;
                best = m;
            }
        }
        return docs.get(best).article().title();
    }

    private static LocalDate earliest(List<Integer> members, List<Annotated> docs) {
        return members.stream().map(m -> docs.get(m).article().published()).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static List<String> ids(List<Integer> members, List<Annotated> docs) {
        return members.stream().sorted().map(m -> docs.get(m).id()).toList();
    }

    /** Both vector spaces of the corpus and how their similarities are mixed. */
    private record Vectors(List<Map<String, Double>> terms, List<Map<String, Double>> names, double nameWeight) {
        /** Running sums of member vectors: adding a member costs the size of its vector. */
        static final class Centroid {
            final Map<String, Double> terms = new HashMap<>();
            final Map<String, Double> names = new HashMap<>();
            double termsNorm2;
            double namesNorm2;

            void add(Vectors v, int i) {
                termsNorm2 = addInto(terms, v.terms().get(i), termsNorm2);
                namesNorm2 = addInto(names, v.names().get(i), namesNorm2);
            }

            private static double addInto(Map<String, Double> sum, Map<String, Double> x, double norm2) {
                for (Map.Entry<String, Double> e : x.entrySet()) {
                    double old = sum.getOrDefault(e.getKey(), 0.0);
                    double now = old + e.getValue();
                    sum.put(e.getKey(), now);
                    norm2 += now * now - old * old;
                }
                return norm2;
            }
        }

        /** Cosine of article {@code i} with each centroid (vectors are unit length), mixed. */
        double similarity(int i, Centroid c) {
            return (1 - nameWeight) * cos(terms.get(i), c.terms, c.termsNorm2)
                    + nameWeight * cos(names.get(i), c.names, c.namesNorm2);
        }

        private static double cos(Map<String, Double> x, Map<String, Double> sum, double norm2) {
            return norm2 <= 0 ? 0 : TermVectors.cosine(x, sum) / Math.sqrt(norm2);
        }
    }
}
