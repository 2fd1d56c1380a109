package org.parallax.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.parallax.stories.StoryClusterer;
import org.parallax.stories.StoryConfig;
import org.parallax.stories.StoryStream;
import org.parallax.text.Annotated;

/**
 * Throughput and memory of stream clustering on a synthetic feed. Real articles (ECB+ dev and
 * PolNeAR texts in ../shared/bench) are split into sentences whose word counts are computed
 * once; the feed then draws events — a base article, a burst of coverage over a few days — and
 * writes each article of an event as a random 60 % of its base's sentences, a sentence of
 * another article as noise, and most of the event's own words, names and a figure (drawn
 * once per event from large synthetic vocabularies with a long tail, as real stories each
 * have their own). About 275 articles a day, in date order. Items are generated on the fly and nothing but counts is kept, so the
 * heap holds the clusterer's open window: what the benchmark measures.
 */
final class StreamBench {
    private StreamBench() {
    }

    record Result(int articles, double seconds, double cpuSeconds, double generateSeconds, long peakHeap, int peakPools,
                  long peakItems, long stories, long events, int windowDays) {
    }

    /** Sentence-level word counts of one base article. */
    private record Base(List<Counts> sentences) {
    }

    private record Counts(Map<String, Integer> terms, Map<String, Integer> names, Map<String, Integer> phrases,
                          Map<String, Integer> numbers) {
    }

    static Result run(Path shared, int count, int windowDays, long seed) throws IOException {
        List<Base> bases = bases(shared);
        StoryConfig config = StoryConfig.defaults().streaming(windowDays, 0);
        // Generation alone, to tell its cost from the clusterer's.
        long g0 = System.nanoTime();
        Feed dry = new Feed(bases, seed);
        long sink = 0;
        for (int i = 0; i < count; i++) {
            sink += dry.next().terms().size();
        }
        double generate = (System.nanoTime() - g0) / 1e9;
        if (sink < 0) {
            throw new IllegalStateException();
        }
        System.gc();
        Measure.resetPeaks();
        long[] stories = new long[1];
        long[] events = new long[1];
        StoryStream stream = new StoryStream(config, closed -> {
            stories[0] += closed.stories().size();
            closed.stories().forEach(s -> events[0] += s.size());
        });
        Feed feed = new Feed(bases, seed);
        long c0 = Measure.cpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            stream.offer(feed.next());
        }
        stream.finish();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (Measure.cpuNanos() - c0) / 1e9;
        return new Result(count, seconds, cpu, generate, Measure.peakHeap(), stream.peakOpenPools(),
                stream.peakOpenItems(), stories[0], events[0], windowDays);
    }

    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "stream: %,d synthetic articles (about 275 a day), window %d days%n", r.articles(),
                r.windowDays());
        out.printf(Locale.ROOT, "  %.1f s wall, %.1f CPU-s (generating the feed alone: %.1f s) = %,.0f articles/s"
                        + " with generation, %,.0f without%n", r.seconds(), r.cpuSeconds(), r.generateSeconds(),
                r.articles() / r.seconds(), r.articles() / Math.max(1e-9, r.seconds() - r.generateSeconds()));
        out.printf(Locale.ROOT, "  open window at most %,d pools holding %,d articles; peak heap %.0f MB%n", r.peakPools(),
                r.peakItems(), r.peakHeap() / 1e6);
        out.printf(Locale.ROOT, "  %,d stories, %,d events%n", r.stories(), r.events());
    }

    private static List<Base> bases(Path shared) throws IOException {
        List<String> texts = new ArrayList<>();
        StoryBench.load(shared.resolve("bench/ecbplus-dev")).forEach(g -> texts.add(g.text()));
        for (String split : List.of("train", "dev")) {
            Path dir = shared.resolve("bench/polnear").resolve(split).resolve("text");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.sorted().toList()) {
                        texts.add(Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        List<Base> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Annotated d = StoryBench.plainText("b" + i, text);
            List<Counts> sentences = new ArrayList<>();
            for (StoryStream.Item it : StoryClusterer.sentenceItems(d)) {
                sentences.add(new Counts(it.terms(), it.names(), it.phrases(), it.numbers()));
            }
            if (sentences.size() >= 3) {
                out.add(new Base(sentences));
            }
        }
        return out;
    }

    /** The synthetic feed: events in bursts, articles in date order. */
    private static final class Feed {
        private static final int PER_DAY = 275;
        private static final int EVENT_WORDS = 25;
        private static final int EVENT_NAMES = 4;
        private static final int WORDS = 200_000;
        private static final int NAMES = 50_000;
        private final List<Base> bases;
        private final Random random;
        private final List<int[]> active = new ArrayList<>(); // {event, base, last day}
        private int events;
        private int made;

        Feed(List<Base> bases, long seed) {
            this.bases = bases;
            this.random = new Random(seed);
        }

        StoryStream.Item next() {
            int day = made / PER_DAY;
            active.removeIf(e -> e[2] < day);
            // A new event about one time in four; else more coverage of an active one.
            if (active.isEmpty() || random.nextInt(4) == 0) {
                active.add(new int[] {events++, random.nextInt(bases.size()), day + 1 + random.nextInt(4),
                        random.nextInt(Integer.MAX_VALUE)});
            }
            int[] e = active.get(random.nextInt(active.size()));
            Base base = bases.get(e[1]);
            Map<String, Integer> terms = new HashMap<>();
            Map<String, Integer> names = new HashMap<>();
            Map<String, Integer> phrases = new HashMap<>();
            Map<String, Integer> numbers = new HashMap<>();
            for (Counts c : base.sentences()) {
                if (random.nextDouble() < 0.6) {
                    add(c, terms, names, phrases, numbers);
                }
            }
            Base other = bases.get(random.nextInt(bases.size()));
            add(other.sentences().get(random.nextInt(other.sentences().size())), terms, names, phrases, numbers);
            // The event's own words, names and figures: what sets one story's coverage apart from
            // another's. Drawn from bounded synthetic vocabularies with a long tail (Zipf-like),
            // the same draws for every article of the event, each used or not.
            Random own = new Random(e[3]);
            for (int k = 0; k < EVENT_WORDS; k++) {
                String w = "word" + zipf(own, WORDS);
                if (random.nextDouble() < 0.7) {
                    terms.merge(w, 1 + random.nextInt(3), Integer::sum);
                }
            }
            for (int k = 0; k < EVENT_NAMES; k++) {
                String w = "name" + zipf(own, NAMES);
                if (random.nextDouble() < 0.8) {
                    names.merge(w, 1 + random.nextInt(3), Integer::sum);
                }
            }
            numbers.merge(Integer.toString(own.nextInt(10_000)), 1, Integer::sum);
            LocalDate date = LocalDate.of(2024, 1, 1).plusDays(day);
            return new StoryStream.Item("n" + made++, date, terms, names, phrases, numbers, null);
        }

        /** A draw in [0, n) where small values are far more frequent (a log-uniform rank). */
        private static int zipf(Random r, int n) {
            return (int) Math.floor(Math.exp(r.nextDouble() * Math.log(n))) - 1;
        }

        private static void add(Counts c, Map<String, Integer> terms, Map<String, Integer> names,
                                Map<String, Integer> phrases, Map<String, Integer> numbers) {
            c.terms().forEach((k, v) -> terms.merge(k, v, Integer::sum));
            c.names().forEach((k, v) -> names.merge(k, v, Integer::sum));
            c.phrases().forEach((k, v) -> phrases.merge(k, v, Integer::sum));
            c.numbers().forEach((k, v) -> numbers.merge(k, v, Integer::sum));
        }
    }
}
