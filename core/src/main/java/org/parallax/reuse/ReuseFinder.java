package org.parallax.reuse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.parallax.extract.Article;
import org.parallax.text.Annotated;
import org.parallax.text.Token;

/**
 * The reuse stage: passages shared between articles of a corpus, without comparing all
 * pairs. Shingles (hashed word n-grams) go into an inverted index; shingles found in too many
 * articles are ignored; pairs sharing enough shingles are aligned into passages; each link
 * gets a direction from publication dates or an explicit credit, or stays "unknown".
 */
public final class ReuseFinder {
    private static final int MAX_OCCURRENCES_PER_DOC = 8;

    private ReuseFinder() {
    }

    public static List<ReuseLink> find(List<Annotated> docs, ReuseConfig config) {
        List<Fingerprints> fps = docs.stream()
                .map(d -> Fingerprints.of(d.id(), d.text().tokens(), config.ngram()))
                .toList();
        Map<Long, List<int[]>> postings = index(fps);
        Map<Long, Integer> pairCounts = new HashMap<>();
        for (List<int[]> list : postings.values()) {
            int[] docsOf = list.stream().mapToInt(p -> p[0]).distinct().toArray();
            if (docsOf.length < 2 || docsOf.length > config.maxDocFrequency()) {
                continue;
            }
            for (int i = 0; i < docsOf.length; i++) {
                for (int j = i + 1; j < docsOf.length; j++) {
                    pairCounts.merge(pairKey(docsOf[i], docsOf[j]), 1, Integer::sum);
                }
            }
        }
        List<Long> candidates = new ArrayList<>();
        pairCounts.forEach((k, c) -> {
            if (c >= config.minSharedShingles()) {
                candidates.add(k);
            }
        });
        candidates.sort(null);
        Aligner aligner = new Aligner(config);
        return IntStream.range(0, candidates.size()).parallel()
                .mapToObj(i -> {
                    long key = candidates.get(i);
                    int a = (int) (key >>> 32);
                    int b = (int) key;
                    return linkFromSeeds(docs.get(a), docs.get(b), collectSeeds(fps.get(a), fps.get(b)),
                            aligner);
                })
                .filter(l -> l != null)
                .sorted(Comparator.comparing(ReuseLink::source).thenComparing(ReuseLink::target))
                .toList();
    }

    private static Map<Long, List<int[]>> index(List<Fingerprints> fps) {
        Map<Long, List<int[]>> postings = new HashMap<>();
        for (int d = 0; d < fps.size(); d++) {
            long[] h = fps.get(d).hashes();
            Map<Long, Integer> seen = new HashMap<>();
            for (int i = 0; i < h.length; i++) {
                if (seen.merge(h[i], 1, Integer::sum) <= MAX_OCCURRENCES_PER_DOC) {
                    postings.computeIfAbsent(h[i], k -> new ArrayList<>(2)).add(new int[] {d, i});
                }
            }
        }
        return postings;
    }

    private static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** Seeds by position maps of both articles' shingles (bounded per shingle). */
    private static List<Aligner.Seed> collectSeeds(Fingerprints fa, Fingerprints fb) {
        Map<Long, List<Integer>> posB = new HashMap<>();
        long[] hb = fb.hashes();
        for (int i = 0; i < hb.length; i++) {
            List<Integer> l = posB.computeIfAbsent(hb[i], k -> new ArrayList<>(1));
            if (l.size() < MAX_OCCURRENCES_PER_DOC) {
                l.add(i);
            }
        }
        List<Aligner.Seed> seeds = new ArrayList<>();
        long[] ha = fa.hashes();
        Map<Long, Integer> usedA = new HashMap<>();
        for (int i = 0; i < ha.length; i++) {
            List<Integer> l = posB.get(ha[i]);
            if (l != null && usedA.merge(ha[i], 1, Integer::sum) <= MAX_OCCURRENCES_PER_DOC) {
                for (int j : l) {
                    seeds.add(new Aligner.Seed(i, j));
                }
            }
        }
        return seeds;
    }

    private static ReuseLink linkFromSeeds(Annotated a, Annotated b, List<Aligner.Seed> seeds,
                                           Aligner aligner) {
        List<Token> ta = a.text().tokens();
        List<Token> tb = b.text().tokens();
        List<Passage> passages = aligner.align(ta, tb, seeds);
        if (passages.isEmpty()) {
            return null;
        }
        Verdict v = direction(a.article(), b.article());
        Annotated src = v.aFirst ? a : b;
        Annotated tgt = v.aFirst ? b : a;
        List<Passage> ps = v.aFirst ? passages : passages.stream().map(Passage::swapped)
                .sorted(Comparator.comparingInt(Passage::sourceStart)).toList();
        int tgtWords = ps.stream().mapToInt(Passage::targetWords).sum();
        int srcWords = ps.stream().mapToInt(Passage::sourceWords).sum();
        int tgtTotal = tgt.text().tokens().size();
        int srcTotal = src.text().tokens().size();
        return new ReuseLink(src.id(), tgt.id(), v.direction, v.confidence, v.evidence, tgtWords,
                Aligner.round(Math.min(1.0, (double) tgtWords / Math.max(1, tgtTotal))),
                Aligner.round(Math.min(1.0, (double) srcWords / Math.max(1, srcTotal))), ps);
    }

    private record Verdict(boolean aFirst, Direction direction, double confidence, String evidence) {
    }

    /**
     * Which side came first. An explicit credit in one article naming the other's outlet is
     * the strongest evidence; then publication dates; otherwise unknown (a and b in id order).
     */
    static Verdict direction(Article a, Article b) {
        String aCreditsB = Credits.creditIn(a.body(), Credits.names(b.outlet(), b.domain()));
        String bCreditsA = Credits.creditIn(b.body(), Credits.names(a.outlet(), a.domain()));
        LocalDate da = a.published();
        LocalDate db = b.published();
        int byDate = da == null || db == null ? 0 : da.compareTo(db);
        if (aCreditsB != null && bCreditsA == null) {
            double conf = byDate < 0 ? 0.6 : 0.85; // dates contradicting the credit lower trust
            return new Verdict(false, Direction.SOURCE_TO_TARGET, conf, "credit in target: \"" + aCreditsB + "\"");
        }
        if (bCreditsA != null && aCreditsB == null) {
            double conf = byDate > 0 ? 0.6 : 0.85;
            return new Verdict(true, Direction.SOURCE_TO_TARGET, conf, "credit in target: \"" + bCreditsA + "\"");
        }
        if (byDate != 0) {
            return new Verdict(byDate < 0, Direction.SOURCE_TO_TARGET, 0.75,
                    "published earlier (" + (byDate < 0 ? da : db) + " before " + (byDate < 0 ? db : da) + ")");
        }
        String why = da != null && db != null ? "same publication date, no credit line"
                : "publication date unknown, no credit line";
        return new Verdict(true, Direction.UNKNOWN, 0, why);
    }
}
