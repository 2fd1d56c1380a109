package org.parallax.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parallax.extract.Article;
import org.parallax.reuse.Direction;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;
import org.parallax.text.TextConfig;

/**
 * Scores the reuse stage on a {@link ReuseCorpus} with the PAN text-alignment measures
 * (Potthast et al., 2010): character-level macro precision and recall over cases and
 * detections, granularity (detections per detected case) and plagdet = F1 / log2(1 +
 * granularity); recall by edit level and passage length; direction accuracy; detections
 * touching articles that take part in no reuse. Times text analysis and the reuse stage
 * (candidate search and alignment) separately, with peak heap.
 */
final class ReuseBench {
    private ReuseBench() {
    }

    /** One detected passage, oriented like the case it is compared with. */
    private record Detection(int a, int aStart, int aEnd, int b, int bStart, int bEnd) {
        int chars() {
            return aEnd - aStart + bEnd - bStart;
        }
    }

    record Scores(int articles, int cases, int detections, double precision, double recall, double granularity,
                  double plagdet, Map<String, double[]> recallBy, int directed, int directionCorrect,
                  int directionWrong, int directionUnknown, int directionEvident, int directionEvidentCorrect,
                  int quotationOnly,
                  int falseOnClean, int linksWithoutCase, int duplicatesTrue, int duplicatesFound,
                  int duplicatesRight, int sharedGroups, int sharedGroupsExact, double analyzeSeconds,
                  double reuseSeconds, double reuseCpuSeconds, long peakHeap) {
        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    /** The default settings with named fields replaced ("minSimilarity" -> "0.7"). */
    static ReuseConfig config(Map<String, String> overrides) {
        ReuseConfig d = ReuseConfig.defaults();
        Map<String, String> o = new HashMap<>(overrides);
        ReuseConfig c = new ReuseConfig(
                Integer.parseInt(o.getOrDefault("ngram", String.valueOf(d.ngram()))),
                Integer.parseInt(o.getOrDefault("maxDocFrequency", String.valueOf(d.maxDocFrequency()))),
                Integer.parseInt(o.getOrDefault("minSharedShingles", String.valueOf(d.minSharedShingles()))),
                Integer.parseInt(o.getOrDefault("maxGap", String.valueOf(d.maxGap()))),
                Integer.parseInt(o.getOrDefault("minPassageWords", String.valueOf(d.minPassageWords()))),
                Double.parseDouble(o.getOrDefault("minSimilarity", String.valueOf(d.minSimilarity()))),
                Double.parseDouble(o.getOrDefault("duplicateCoverage", String.valueOf(d.duplicateCoverage()))),
                Double.parseDouble(o.getOrDefault("containmentGap", String.valueOf(d.containmentGap()))));
        o.keySet().removeAll(List.of("ngram", "maxDocFrequency", "minSharedShingles", "maxGap", "minPassageWords",
                "minSimilarity", "duplicateCoverage", "containmentGap"));
        if (!o.isEmpty()) {
            throw new IllegalArgumentException("unknown reuse settings: " + o.keySet());
        }
        return c;
    }

    static Scores run(ReuseCorpus.Corpus corpus, ReuseConfig config) {
        Measure.resetPeaks();
        long t0 = System.nanoTime();
        List<Annotated> docs = corpus.docs().parallelStream().map(ReuseBench::annotate).toList();
        double analyze = (System.nanoTime() - t0) / 1e9;
        long c1 = Measure.cpuNanos();
        long t1 = System.nanoTime();
        List<ReuseLink> links = ReuseFinder.find(docs, config);
        double reuse = (System.nanoTime() - t1) / 1e9;
        double reuseCpu = (Measure.cpuNanos() - c1) / 1e9;
        long peak = Measure.peakHeap();
        return score(corpus, links, analyze, reuse, reuseCpu, peak);
    }

    /** Articles, by corpus index, that hold one passage: the source and every target that took it. */
    private static List<java.util.Set<Integer>> sharedGroups(ReuseCorpus.Corpus corpus) {
        Map<String, java.util.Set<Integer>> groups = new java.util.TreeMap<>();
        for (ReuseCorpus.Case c : corpus.cases()) {
            if (c.directed() && c.length() != ReuseCorpus.Length.WHOLE) {
                groups.computeIfAbsent(c.src() + ":" + c.srcStart() + ":" + c.srcEnd(), k -> new java.util.TreeSet<>(
                        List.of(c.src()))).add(c.tgt());
            }
        }
        return groups.values().stream().filter(g -> g.size() >= 3).toList();
    }

    private static Annotated annotate(ReuseCorpus.Doc d) {
        Article a = new Article(d.id(), d.id(), d.outlet(), d.domain(), null, "", null, d.published(), d.body(),
                List.of(), List.of());
        return new Annotated(a, TextAnalyzer.analyze(a, TextConfig.defaults()));
    }

    static Scores score(ReuseCorpus.Corpus corpus, List<ReuseLink> links, double analyze, double reuse,
                        double reuseCpu, long peak) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < corpus.docs().size(); i++) {
            index.put(corpus.docs().get(i).id(), i);
        }
        Map<Long, List<Detection>> detByPair = new HashMap<>();
        Map<Long, ReuseLink> linkByPair = new HashMap<>();
        int detections = 0;
        int falseOnClean = 0;
        for (ReuseLink l : links) {
            int s = index.get(l.source());
            int t = index.get(l.target());
            linkByPair.put(pair(s, t), l);
            for (Passage p : l.passages()) {
                detByPair.computeIfAbsent(pair(s, t), k -> new ArrayList<>())
                        .add(new Detection(s, p.sourceStart(), p.sourceEnd(), t, p.targetStart(), p.targetEnd()));
                detections++;
                if (corpus.clean().contains(s) || corpus.clean().contains(t)) {
                    falseOnClean++;
                }
            }
        }
        Map<Long, List<ReuseCorpus.Case>> casesByPair = new HashMap<>();
        for (ReuseCorpus.Case c : corpus.cases()) {
            casesByPair.computeIfAbsent(pair(c.src(), c.tgt()), k -> new ArrayList<>()).add(c);
        }
        // Precision: per detection, the share of its characters inside cases it detects.
        double precisionSum = 0;
        int linksWithoutCase = 0;
        int[] debugPrec = {0};
        for (Map.Entry<Long, List<Detection>> e : detByPair.entrySet()) {
            List<ReuseCorpus.Case> cs = casesByPair.getOrDefault(e.getKey(), List.of());
            if (cs.isEmpty()) {
                linksWithoutCase++;
                if (Boolean.getBoolean("parallax.debug") && linksWithoutCase <= 8) {
                    Detection d = e.getValue().get(0);
                    System.out.println("  NO CASE " + corpus.docs().get(d.a()).id() + " ~ " + corpus.docs().get(d.b()).id() + ": "
                            + corpus.docs().get(d.a()).body().substring(d.aStart(), Math.min(d.aEnd(), d.aStart() + 200)).replace('\n', ' ')
                            + "  ||  " + corpus.docs().get(d.b()).body().substring(d.bStart(), Math.min(d.bEnd(), d.bStart() + 200)).replace('\n', ' '));
                }
            }
            for (Detection d : e.getValue()) {
                List<int[]> srcParts = new ArrayList<>();
                List<int[]> tgtParts = new ArrayList<>();
                for (ReuseCorpus.Case c : cs) {
                    Detection o = orient(d, c);
                    if (detects(o, c)) {
                        srcParts.add(new int[] {Math.max(o.aStart(), c.srcStart()), Math.min(o.aEnd(), c.srcEnd())});
                        tgtParts.add(new int[] {Math.max(o.bStart(), c.tgtStart()), Math.min(o.bEnd(), c.tgtEnd())});
                    }
                }
                double pr = (double) (unionLength(srcParts) + unionLength(tgtParts)) / Math.max(1, d.chars());
                precisionSum += pr;
                if (Boolean.getBoolean("parallax.debug") && pr < 0.9 && !cs.isEmpty() && debugPrec[0]++ < 10) {
                    ReuseCorpus.Case c0 = cs.get(0);
                    Detection o = orient(d, c0);
                    System.out.printf(Locale.ROOT, "  IMPRECISE %.2f (case %s %s)%n    SRC %s%n    TGT %s%n", pr, c0.edit(), c0.length(),
                            mark(corpus.docs().get(o.a()).body(), Math.max(0, Math.min(o.aStart(), c0.srcStart()) - 20), Math.min(corpus.docs().get(o.a()).body().length(), Math.max(o.aEnd(), c0.srcEnd()) + 20), List.of(new int[] {c0.srcStart(), c0.srcEnd()})),
                            mark(corpus.docs().get(o.b()).body(), Math.max(0, Math.min(o.bStart(), c0.tgtStart()) - 20), Math.min(corpus.docs().get(o.b()).body().length(), Math.max(o.bEnd(), c0.tgtEnd()) + 20), List.of(new int[] {c0.tgtStart(), c0.tgtEnd()})));
                    System.out.println("    DET src " + o.aStart() + "-" + o.aEnd() + " case " + c0.srcStart() + "-" + c0.srcEnd() + "; tgt " + o.bStart() + "-" + o.bEnd() + " case " + c0.tgtStart() + "-" + c0.tgtEnd());
                }
            }
        }
        // Recall: per case, the share of its characters inside detections that detect it.
        double recallSum = 0;
        int detected = 0;
        long detectionsOfDetected = 0;
        Map<String, double[]> by = new java.util.TreeMap<>(); // key -> {sum of recall, cases}
        int[] debugShown = {0};
        for (ReuseCorpus.Case c : corpus.cases()) {
            List<int[]> srcParts = new ArrayList<>();
            List<int[]> tgtParts = new ArrayList<>();
            int hits = 0;
            for (Detection d : detByPair.getOrDefault(pair(c.src(), c.tgt()), List.of())) {
                Detection o = orient(d, c);
                if (detects(o, c)) {
                    hits++;
                    srcParts.add(new int[] {Math.max(o.aStart(), c.srcStart()), Math.min(o.aEnd(), c.srcEnd())});
                    tgtParts.add(new int[] {Math.max(o.bStart(), c.tgtStart()), Math.min(o.bEnd(), c.tgtEnd())});
                }
            }
            double r = (double) (unionLength(srcParts) + unionLength(tgtParts)) / c.chars();
            recallSum += r;
            if (Boolean.getBoolean("parallax.debug") && r < 0.8 && debugShown[0]++ < 12) {
                String sb = corpus.docs().get(c.src()).body();
                String tb = corpus.docs().get(c.tgt()).body();
                System.out.printf(Locale.ROOT, "  MISSED %.2f %s %s hits=%d%n    SRC %s%n    TGT %s%n", r, c.edit(), c.length(), hits,
                        mark(sb, c.srcStart(), c.srcEnd(), srcParts), mark(tb, c.tgtStart(), c.tgtEnd(), tgtParts));
            }
            if (hits > 0) {
                detected++;
                detectionsOfDetected += hits;
            }
            for (String key : List.of("edit " + c.edit().name().toLowerCase(Locale.ROOT),
                    "length " + c.length().name().toLowerCase(Locale.ROOT)
                            + (c.length() == ReuseCorpus.Length.SHORT ? " (<300 chars)" : ""))) {
                double[] acc = by.computeIfAbsent(key, k -> new double[2]);
                acc[0] += r;
                acc[1]++;
            }
        }
        // Direction, on cases with a true source.
        int directed = 0;
        int correct = 0;
        int wrong = 0;
        int unknown = 0;
        int evident = 0;
        int evidentCorrect = 0;
        int quotationOnly = 0;
        for (ReuseCorpus.Case c : corpus.cases()) {
            if (!c.directed()) {
                continue;
            }
            ReuseLink l = linkByPair.get(pair(c.src(), c.tgt()));
            if (l == null) {
                continue;
            }
            if (!l.copy()) {
                // A copied passage that is nothing but a quotation on both sides reads as two
                // outlets quoting one speaker: the link claims no copy, so it has no direction to score.
                quotationOnly++;
                continue;
            }
            directed++;
            boolean ok = l.direction() == Direction.SOURCE_TO_TARGET
                    && l.source().equals(corpus.docs().get(c.src()).id());
            if (l.direction() == Direction.UNKNOWN) {
                unknown++;
            } else if (ok) {
                correct++;
            } else {
                wrong++;
            }
            if (c.evidence() != ReuseCorpus.Evidence.NONE) {
                evident++;
                if (ok) {
                    evidentCorrect++;
                }
            }
        }
        // Near-duplicates: whole reprints without additions should be flagged, nothing else.
        java.util.Set<Long> dupTruth = new java.util.HashSet<>();
        for (ReuseCorpus.Case c : corpus.cases()) {
            if (c.length() == ReuseCorpus.Length.WHOLE && c.evidence() != ReuseCorpus.Evidence.CONTAINMENT) {
                dupTruth.add(pair(c.src(), c.tgt()));
            }
        }
        int dupFound = 0;
        int dupRight = 0;
        for (ReuseLink l : links) {
            if (l.duplicate()) {
                dupFound++;
                if (dupTruth.contains(pair(index.get(l.source()), index.get(l.target())))) {
                    dupRight++;
                }
            }
        }
        // Passages taken by two or more targets: one cluster holding exactly their articles.
        List<java.util.Set<Integer>> groups = sharedGroups(corpus);
        java.util.Set<java.util.Set<Integer>> found = new java.util.HashSet<>();
        for (org.parallax.reuse.ReuseClusters.Cluster c : org.parallax.reuse.ReuseClusters.of(links)) {
            java.util.Set<Integer> members = new java.util.TreeSet<>();
            c.articles().forEach(id -> members.add(index.get(id)));
            found.add(members);
        }
        int exact = (int) groups.stream().filter(found::contains).count();
        int nCases = corpus.cases().size();
        double precision = detections == 0 ? 0 : precisionSum / detections;
        double recall = nCases == 0 ? 0 : recallSum / nCases;
        double gran = detected == 0 ? 1 : (double) detectionsOfDetected / detected;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double plagdet = f1 / (Math.log(1 + gran) / Math.log(2));
        Map<String, double[]> recallBy = new java.util.LinkedHashMap<>();
        by.forEach((k, v) -> recallBy.put(k, new double[] {v[0] / v[1], v[1]}));
        return new Scores(corpus.docs().size(), nCases, detections, precision, recall, gran, plagdet, recallBy,
                directed, correct, wrong, unknown, evident, evidentCorrect, quotationOnly, falseOnClean, linksWithoutCase,
                dupTruth.size(), dupFound, dupRight, groups.size(), exact, analyze, reuse, reuseCpu, peak);
    }

    /** The detection with its sides swapped, if needed, to match the case's source and target. */
    private static Detection orient(Detection d, ReuseCorpus.Case c) {
        return d.a() == c.src() ? d : new Detection(d.b(), d.bStart(), d.bEnd(), d.a(), d.aStart(), d.aEnd());
    }

    /** PAN: a detection detects a case when they overlap in both documents. */
    private static boolean detects(Detection d, ReuseCorpus.Case c) {
        return d.a() == c.src() && d.b() == c.tgt()
                && d.aStart() < c.srcEnd() && c.srcStart() < d.aEnd()
                && d.bStart() < c.tgtEnd() && c.tgtStart() < d.bEnd();
    }

    private static long unionLength(List<int[]> parts) {
        if (parts.isEmpty()) {
            return 0;
        }
        parts.sort((x, y) -> Integer.compare(x[0], y[0]));
        long total = 0;
        int s = parts.get(0)[0];
        int e = parts.get(0)[1];
        for (int[] p : parts) {
            if (p[0] > e) {
                total += e - s;
                s = p[0];
                e = p[1];
            } else {
                e = Math.max(e, p[1]);
            }
        }
        return total + (e - s);
    }

    /** The case's text with the detected parts in [brackets] (for --debug listings). */
    private static String mark(String body, int start, int end, List<int[]> parts) {
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (int i = start; i < end; i++) {
            boolean now = false;
            for (int[] p : parts) {
                now |= i >= p[0] && i < p[1];
            }
            if (now != in) {
                b.append(now ? '[' : ']');
                in = now;
            }
            b.append(body.charAt(i) == '\n' ? ' ' : body.charAt(i));
        }
        return b.append(in ? "]" : "").toString();
    }

    private static long pair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    static void print(Scores s, PrintStream out) {
        out.printf(Locale.ROOT, "reuse: %d articles, %d true cases, %d detections%n", s.articles(), s.cases(), s.detections());
        out.printf(Locale.ROOT, "  plagdet %.3f  precision %.3f  recall %.3f  granularity %.3f  (F1 %.3f)%n",
                s.plagdet(), s.precision(), s.recall(), s.granularity(), s.f1());
        for (Map.Entry<String, double[]> e : s.recallBy().entrySet()) {
            out.printf(Locale.ROOT, "    recall %-26s %.3f  (%d cases)%n", e.getKey(), e.getValue()[0], (int) e.getValue()[1]);
        }
        out.printf(Locale.ROOT, "  direction: %d linked cases with a true source: %d right, %d wrong, %d unknown"
                        + " (%.3f right); where a date, credit or containment shows it: %d of %d (%.3f)%n",
                s.directed(), s.directionCorrect(), s.directionWrong(), s.directionUnknown(),
                (double) s.directionCorrect() / Math.max(1, s.directed()), s.directionEvidentCorrect(),
                s.directionEvident(), (double) s.directionEvidentCorrect() / Math.max(1, s.directionEvident()));
        out.printf(Locale.ROOT, "  copies of nothing but a quotation, linked as a shared quotation (no direction claimed): %d%n",
                s.quotationOnly());
        out.printf(Locale.ROOT, "  detections touching articles with no reuse: %d; linked pairs with no true case: %d%n",
                s.falseOnClean(), s.linksWithoutCase());
        out.printf(Locale.ROOT, "  near-duplicates: %d whole reprints, %d pairs flagged, %d of them right;"
                        + " passages in 3+ articles: %d, found as one cluster of exactly those articles: %d%n",
                s.duplicatesTrue(), s.duplicatesFound(), s.duplicatesRight(), s.sharedGroups(), s.sharedGroupsExact());
        out.printf(Locale.ROOT, "  time: text analysis %.2f s; reuse stage %.2f s (%.2f CPU-s) = %.0f articles/min;"
                        + " peak heap %.0f MB%n", s.analyzeSeconds(), s.reuseSeconds(), s.reuseCpuSeconds(),
                s.articles() / Math.max(1e-9, s.reuseSeconds()) * 60, s.peakHeap() / 1e6);
    }

    /** Recall of one class of cases, NaN when there is none. */
    static double recallOf(Scores s, String key) {
        double[] v = s.recallBy().get(key);
        return v == null ? Double.NaN : v[0];
    }
}
