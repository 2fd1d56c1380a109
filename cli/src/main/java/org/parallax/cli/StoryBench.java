package org.parallax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.parallax.extract.Article;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.Event;
import org.parallax.stories.Story;
import org.parallax.stories.StoryClusterer;
import org.parallax.stories.StoryConfig;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;
import org.parallax.text.TextConfig;

/**
 * Story and event clustering scored on the ECB+ development set ({@code bench/ecbplus-dev},
 * 462 articles, 22 topics of two look-alike events each; CC BY 3.0, see its README). The
 * clusterer's events are scored against the gold {@code event} labels and its stories against
 * the gold {@code topic}s, with BCubed (per article: share of its predicted cluster that shares
 * its gold label, and share of its gold class found in its cluster, averaged) and pairwise
 * precision/recall/F1 (over article pairs put together). ECB+ has no dates: batch is the file
 * order, stream is several seeded random arrival orders, reported as mean and spread.
 */
final class StoryBench {
    private StoryBench() {
    }

    record Gold(String id, String topic, String event, String text) {
    }

    /** Precision, recall and F1 of one clustering against one labelling. */
    record Prf(double p, double r) {
        double f() {
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    record Scores(Prf eventBcubed, Prf eventPairs, Prf topicBcubed, Prf topicPairs, int events, int stories) {
    }

    record Result(int articles, Scores batch, List<Scores> stream, double seconds, double cpuSeconds, long peakHeap) {
    }

    static List<Gold> load(Path dir) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Gold> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = om.readTree(line);
                out.add(new Gold(n.get("id").asText(), n.get("topic").asText(), n.get("event").asText(),
                        n.get("text").asText()));
            }
        }
        return out;
    }

    /** The gold articles as the pipeline sees plain text: no title, no date. */
    static List<Annotated> annotate(List<Gold> gold) {
        return gold.stream().map(g -> plainText(g.id(), g.text())).toList();
    }

    /** A bench text analysed as a plain-text article without title or date. */
    static Annotated plainText(String id, String text) {
        Article a = new Article(id, id, null, null, null, "", null, null, text, List.of(), List.of());
        return new Annotated(a, TextAnalyzer.analyze(a, TextConfig.defaults()));
    }

    static Result run(Path dir, int orders, long seed) throws IOException {
        List<Gold> gold = load(dir);
        Map<String, Gold> byId = new HashMap<>();
        gold.forEach(g -> byId.put(g.id(), g));
        Measure.resetPeaks();
        long c0 = Measure.cpuNanos();
        long t0 = System.nanoTime();
        List<Annotated> docs = annotate(gold);
        List<ReuseLink> reuse = ReuseFinder.find(docs, ReuseConfig.defaults());
        Scores batch = score(StoryClusterer.cluster(docs, reuse, StoryConfig.defaults()), byId);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (Measure.cpuNanos() - c0) / 1e9;
        List<Scores> stream = streamScores(docs, reuse, StoryConfig.defaults(), byId, orders, seed,
                StoryClusterer.features(docs));
        return new Result(gold.size(), batch, stream, seconds, cpu, Measure.peakHeap());
    }

    /** Scores of stream-mode clustering in {@code orders} seeded random arrival orders. */
    static List<Scores> streamScores(List<Annotated> docs, List<ReuseLink> reuse, StoryConfig config,
                                     Map<String, Gold> gold, int orders, long seed, StoryClusterer.Features features) {
        List<Scores> out = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < orders; i++) {
            List<Annotated> shuffled = new ArrayList<>(docs);
            Collections.shuffle(shuffled, random);
            out.add(score(StoryClusterer.stream(shuffled, reuse, config, features), gold));
        }
        return out;
    }

    static Scores score(List<Story> stories, Map<String, Gold> gold) {
        Map<String, String> event = new HashMap<>();
        Map<String, String> story = new HashMap<>();
        int events = 0;
        for (Story s : stories) {
            for (String a : s.articles()) {
                story.put(a, s.id());
            }
            for (Event e : s.events()) {
                events++;
                for (String a : e.articles()) {
                    event.put(a, s.id() + "/" + e.id());
                }
            }
        }
        Map<String, String> goldEvent = new HashMap<>();
        Map<String, String> goldTopic = new HashMap<>();
        gold.values().forEach(g -> {
            goldEvent.put(g.id(), g.event());
            goldTopic.put(g.id(), g.topic());
        });
        if (Boolean.getBoolean("parallax.debug")) {
            for (Story s : stories) {
                for (Event e : s.events()) {
                    Map<String, Integer> mix = new java.util.TreeMap<>();
                    e.articles().forEach(a -> mix.merge(goldEvent.get(a), 1, Integer::sum));
                    System.err.println(s.id() + "/" + e.id() + " " + mix + "  " + e.title());
                }
            }
        }
        return new Scores(bcubed(event, goldEvent), pairs(event, goldEvent), bcubed(story, goldTopic),
                pairs(story, goldTopic), events, stories.size());
    }

    /** BCubed precision and recall of {@code predicted} against {@code gold} (both item to label). */
    static Prf bcubed(Map<String, String> predicted, Map<String, String> gold) {
        return StorySets.bcubed(predicted, gold, gold.keySet());
    }

    /** Pairwise precision and recall: pairs put together that belong together. */
    static Prf pairs(Map<String, String> predicted, Map<String, String> gold) {
        StorySets.Counts k = StorySets.Counts.of(predicted, gold);
        Map<String, Integer> clusterSize = k.cluster();
        Map<String, Integer> classSize = k.gold();
        Map<String, Integer> both = k.both();
        long together = clusterSize.values().stream().mapToLong(StoryBench::pairCount).sum();
        long same = classSize.values().stream().mapToLong(StoryBench::pairCount).sum();
        long right = both.values().stream().mapToLong(StoryBench::pairCount).sum();
        return new Prf(together == 0 ? 1 : (double) right / together, same == 0 ? 1 : (double) right / same);
    }

    private static long pairCount(int n) {
        return (long) n * (n - 1) / 2;
    }

    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "ecb+ dev: %d articles; batch = file order, stream = %d random orders%n", r.articles(),
                r.stream().size());
        line(out, "event BCubed", List.of(r.batch()), r.stream(), Scores::eventBcubed);
        line(out, "event pairwise", List.of(r.batch()), r.stream(), Scores::eventPairs);
        line(out, "topic BCubed", List.of(r.batch()), r.stream(), Scores::topicBcubed);
        line(out, "topic pairwise", List.of(r.batch()), r.stream(), Scores::topicPairs);
        out.printf(Locale.ROOT, "  clusters (batch): %d events in %d stories (gold: 40 events, 22 topics)%n",
                r.batch().events(), r.batch().stories());
        out.printf(Locale.ROOT, "  time (batch: text analysis, reuse, clustering): %.2f s, %.2f CPU-s; peak heap %.0f MB%n",
                r.seconds(), r.cpuSeconds(), r.peakHeap() / 1e6);
    }

    private static void line(PrintStream out, String name, List<Scores> batch, List<Scores> stream,
                             java.util.function.Function<Scores, Prf> metric) {
        Prf b = metric.apply(batch.get(0));
        double[] f = stream.stream().mapToDouble(s -> metric.apply(s).f()).toArray();
        double mean = java.util.Arrays.stream(f).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(f).map(x -> (x - mean) * (x - mean)).average().orElse(0));
        double p = stream.stream().mapToDouble(s -> metric.apply(s).p()).average().orElse(0);
        double rr = stream.stream().mapToDouble(s -> metric.apply(s).r()).average().orElse(0);
        out.printf(Locale.ROOT, "  %-14s  batch P %.3f R %.3f F1 %.3f | stream F1 %.3f ± %.3f (P %.3f R %.3f)%n", name,
                b.p(), b.r(), b.f(), mean, sd, p, rr);
    }
}
