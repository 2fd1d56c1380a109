package org.parallax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.parallax.stories.Event;
import org.parallax.stories.Segment;
import org.parallax.stories.Segmenter;
import org.parallax.stories.Story;
import org.parallax.stories.StoryClusterer;
import org.parallax.stories.StoryConfig;
import org.parallax.text.Annotated;

/**
 * Segmentation of multi-story pages, scored on pages built from the WCXB dev articles
 * ({@code bench/wcxb-dev}, ground-truth main text of pages typed "article", 150 words or
 * more): each article alone must stay whole (its sub-headings are no story boundaries), and
 * digests of three articles — each under its own title, or each as an "UPDATE hh:mm GMT:"
 * entry of a live blog — must be cut exactly where one article ends and the next begins.
 * Boundaries are scored by precision and recall against those offsets, for the segmenter
 * alone and after the stories stage has clustered all the pages as one corpus (neighbouring
 * sections that land in one event are joined again).
 */
final class SegmentBench {
    private SegmentBench() {
    }

    /** Boundary counts: gold, found, right. */
    record Counts(int gold, int found, int right) {
    }

    record Result(int singles, int singlesSplit, int singlesSplitAfter, int digests, Counts headed, Counts live,
                  Counts headedAfter, Counts liveAfter) {
    }

    private record Source(String title, String text) {
    }

    static Result run(Path wcxb, long seed) throws IOException {
        List<Source> sources = load(wcxb);
        List<Annotated> corpus = new ArrayList<>();
        Map<String, Set<Integer>> gold = new HashMap<>();
        int split = 0;
        for (int i = 0; i < sources.size(); i++) {
            Annotated d = StoryBench.plainText("w" + i, sources.get(i).text());
            corpus.add(d);
            gold.put(d.id(), Set.of());
            if (Segmenter.segments(d).size() > 1) {
                split++;
            }
        }
        Random random = new Random(seed);
        int digests = Math.min(300, sources.size() / 3);
        int[] headed = new int[3];
        int[] live = new int[3];
        for (int k = 0; k < digests; k++) {
            List<Source> parts = List.of(sources.get(random.nextInt(sources.size())),
                    sources.get(random.nextInt(sources.size())), sources.get(random.nextInt(sources.size())));
            for (boolean isLive : new boolean[] {false, true}) {
                Set<Integer> boundaries = new HashSet<>();
                Annotated d = StoryBench.plainText((isLive ? "l" : "h") + k, digest(parts, isLive, boundaries));
                corpus.add(d);
                gold.put(d.id(), boundaries);
                add(isLive ? live : headed, boundaries, Segmenter.segments(d).stream().map(Segment::start).toList());
            }
        }
        Map<String, List<Integer>> after = new HashMap<>();
        for (Story s : StoryClusterer.cluster(corpus, List.of(), StoryConfig.defaults())) {
            for (Event e : s.events()) {
                for (Segment g : e.segments()) {
                    after.computeIfAbsent(g.article(), x -> new ArrayList<>()).add(g.start());
                }
            }
        }
        int[] headedAfter = new int[3];
        int[] liveAfter = new int[3];
        int splitAfter = 0;
        for (Annotated d : corpus) {
            List<Integer> starts = after.getOrDefault(d.id(), List.of());
            switch (d.id().charAt(0)) {
                case 'w' -> splitAfter += starts.size() > 1 ? 1 : 0;
                case 'h' -> add(headedAfter, gold.get(d.id()), starts);
                default -> add(liveAfter, gold.get(d.id()), starts);
            }
        }
        return new Result(sources.size(), split, splitAfter, digests, counts(headed), counts(live),
                counts(headedAfter), counts(liveAfter));
    }

    private static Counts counts(int[] c) {
        return new Counts(c[0], c[1], c[2]);
    }

    /** A page of three articles, each under its title or as a timestamped UPDATE entry. */
    private static String digest(List<Source> parts, boolean live, Set<Integer> boundaries) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < parts.size(); p++) {
            if (p > 0) {
                body.append("\n\n");
                boundaries.add(body.length());
            }
            if (live) {
                body.append("UPDATE ").append(String.format(Locale.ROOT, "%02d:%02d GMT: ", 9 + p, 15 * p));
                body.append(parts.get(p).text());
            } else {
                body.append(parts.get(p).title()).append("\n\n").append(parts.get(p).text());
            }
        }
        return body.toString();
    }

    /** Adds {gold, found, right} boundaries of one page; a segment starting at 0 is no boundary. */
    private static void add(int[] counts, Set<Integer> gold, List<Integer> starts) {
        counts[0] += gold.size();
        for (int start : starts) {
            if (start > 0) {
                counts[1]++;
                if (gold.contains(start)) {
                    counts[2]++;
                }
            }
        }
    }

    private static List<Source> load(Path wcxb) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Source> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(wcxb.resolve("ground-truth"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode n = om.readTree(f.toFile());
            if (!"article".equals(n.path("_internal").path("page_type").path("primary").asText())) {
                continue;
            }
            JsonNode gt = n.path("ground_truth");
            String title = gt.path("title").asText("").strip();
            String text = gt.path("main_content").asText("").strip();
            if (!title.isEmpty() && text.split("\\s+").length >= 150) {
                out.add(new Source(title, text));
            }
        }
        return out;
    }

    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "segmentation (WCXB dev articles of 150+ words, alone and as %d digests and %d live"
                + " blogs of 3): segmenter alone | after clustering all pages as one corpus%n", r.digests(), r.digests());
        out.printf(Locale.ROOT, "  single articles split   %5.1f %% | %5.1f %% (of %d; sub-headings must not split them)%n",
                100.0 * r.singlesSplit() / Math.max(1, r.singles()),
                100.0 * r.singlesSplitAfter() / Math.max(1, r.singles()), r.singles());
        out.printf(Locale.ROOT, "  %-22s boundary %s | %s%n", "headed digests", prf(r.headed()), prf(r.headedAfter()));
        out.printf(Locale.ROOT, "  %-22s boundary %s | %s%n", "live blogs", prf(r.live()), prf(r.liveAfter()));
    }

    private static String prf(Counts c) {
        double p = c.found() == 0 ? 1 : (double) c.right() / c.found();
        double r = c.gold() == 0 ? 1 : (double) c.right() / c.gold();
        return String.format(Locale.ROOT, "P %.3f R %.3f F1 %.3f", p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
