package org.parallax.reuse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        int n = docs.size();
        if (n > MAX_DOCS) {
            throw new IllegalArgumentException("at most " + MAX_DOCS + " articles per run, got " + n);
        }
        Shingles[] sh = IntStream.range(0, n).parallel()
                .mapToObj(i -> Shingles.of(docs.get(i).text().tokens(), config.ngram()))
                .toArray(Shingles[]::new);
        long[] candidates = candidates(sh, config);
        Aligner aligner = new Aligner(config);
        DirectionEvidence evidence = new DirectionEvidence(docs);
        return IntStream.range(0, candidates.length).parallel()
                .mapToObj(i -> {
                    int a = (int) (candidates[i] >>> 32);
                    int b = (int) candidates[i];
                    return linkFromSeeds(docs.get(a), docs.get(b), seeds(sh[a], sh[b]), aligner, evidence, a, b);
                })
                .filter(l -> l != null)
                .sorted(Comparator.comparing(ReuseLink::source).thenComparing(ReuseLink::target))
                .toList();
    }

    /**
     * The distinct shingle keys of an article, sorted: what a persisted fingerprint index
     * holds, and what {@link #find} matches articles on (keys are 40-bit, non-negative).
     */
    public static long[] keys(Annotated doc, ReuseConfig config) {
        return Shingles.of(doc.text().tokens(), config.ngram()).distinct;
    }

    /**
     * The link between two articles that share shingles, or null when alignment finds no
     * passage: what {@link #find} makes of one candidate pair, for callers that find their
     * candidates elsewhere (a persisted index). {@code a} is the one earlier in corpus order.
     */
    public static ReuseLink link(Annotated a, Annotated b, ReuseConfig config) {
        Shingles sa = Shingles.of(a.text().tokens(), config.ngram());
        Shingles sb = Shingles.of(b.text().tokens(), config.ngram());
        return linkFromSeeds(a, b, seeds(sa, sb), new Aligner(config), null, -1, -1);
    }

    /** Article indices are packed with a shingle's 40-bit key into one long. */
    private static final int DOC_BITS = 24;
    private static final int MAX_DOCS = 1 << DOC_BITS;

    /**
     * Pairs of articles sharing at least {@code minSharedShingles} distinct shingles, each
     * shingle counted only when it occurs in at most {@code maxDocFrequency} articles. One
     * sort of (shingle, article) entries, then one sort of the pairs they give: no all-pairs
     * comparison, no per-entry objects; cost grows with the corpus's shingles and the
     * (bounded) pairs each shingle yields.
     */
    static long[] candidates(Shingles[] sh, ReuseConfig config) {
        int total = 0;
        for (Shingles s : sh) {
            total += s.distinct.length;
        }
        long[] entries = new long[total];
        int k = 0;
        for (int d = 0; d < sh.length; d++) {
            for (long h : sh[d].distinct) {
                entries[k++] = h << DOC_BITS | d; // h is a 40-bit key
            }
        }
        java.util.Arrays.parallelSort(entries);
        LongList pairs = new LongList();
        int mask = MAX_DOCS - 1;
        int[] run = new int[config.maxDocFrequency()];
        for (int i = 0; i < total; ) {
            long key = entries[i] >>> DOC_BITS;
            int j = i;
            while (j < total && entries[j] >>> DOC_BITS == key) {
                j++;
            }
            int df = j - i;
            if (df >= 2 && df <= config.maxDocFrequency()) {
                for (int x = 0; x < df; x++) {
                    run[x] = (int) (entries[i + x] & mask);
                }
                for (int x = 0; x < df; x++) {
                    for (int y = x + 1; y < df; y++) {
                        pairs.add(pairKey(run[x], run[y]));
                    }
                }
            }
            i = j;
        }
        long[] all = pairs.toArray();
        java.util.Arrays.parallelSort(all);
        LongList out = new LongList();
        for (int i = 0; i < all.length; ) {
            int j = i;
            while (j < all.length && all[j] == all[i]) {
                j++;
            }
            if (j - i >= config.minSharedShingles()) {
                out.add(all[i]);
            }
            i = j;
        }
        return out.toArray();
    }

    /** A growable array of longs. */
    private static final class LongList {
        private long[] a = new long[1024];
        private int size;

        void add(long x) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = x;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }

    /**
     * One article's shingles as 40-bit keys (the top 40 bits of each 64-bit hash): the
     * distinct keys (sorted, for the index) and every (key, position) pair sorted by key (for
     * seeds, by merging two articles' lists). Key and position share one {@code long}, so one
     * primitive sort orders them; positions take the low 24 bits (an article's first 16
     * million shingles).
     */
    static final class Shingles {
        private static final int POS_BITS = 24;
        private static final long POS_MASK = (1L << POS_BITS) - 1;

        final long[] distinct; // keys
        final long[] keyed;    // key << 24 | position, sorted

        private Shingles(long[] distinct, long[] keyed) {
            this.distinct = distinct;
            this.keyed = keyed;
        }

        /**
         * The key of entry {@code i}, sign-extended: it compares in the order the entries are
         * sorted (as signed longs), which a merge of two articles' lists needs.
         */
        long key(int i) {
            return keyed[i] >> POS_BITS;
        }

        int position(int i) {
            return (int) (keyed[i] & POS_MASK);
        }

        static Shingles of(List<Token> tokens, int ngram) {
            long[] h = Fingerprints.of("", tokens, ngram).hashes();
            int n = (int) Math.min(h.length, POS_MASK);
            long[] keyed = new long[n];
            for (int i = 0; i < n; i++) {
                keyed[i] = (h[i] >>> POS_BITS) << POS_BITS | i;
            }
            java.util.Arrays.sort(keyed);
            int distinctCount = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || keyed[i] >>> POS_BITS != keyed[i - 1] >>> POS_BITS) {
                    distinctCount++;
                }
            }
            long[] distinct = new long[distinctCount];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || keyed[i] >>> POS_BITS != keyed[i - 1] >>> POS_BITS) {
                    distinct[k++] = keyed[i] >>> POS_BITS;
                }
            }
            return new Shingles(distinct, keyed);
        }
    }

    private static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** Seeds: positions of each shared shingle in both articles (at most a few per shingle). */
    static List<Aligner.Seed> seeds(Shingles fa, Shingles fb) {
        List<Aligner.Seed> seeds = new ArrayList<>();
        int na = fa.keyed.length;
        int nb = fb.keyed.length;
        int i = 0;
        int j = 0;
        while (i < na && j < nb) {
            long ka = fa.key(i);
            long kb = fb.key(j);
            if (ka < kb) {
                i++;
            } else if (ka > kb) {
                j++;
            } else {
                int i1 = i;
                int j1 = j;
                while (i1 < na && fa.key(i1) == ka) {
                    i1++;
                }
                while (j1 < nb && fb.key(j1) == ka) {
                    j1++;
                }
                for (int x = i; x < Math.min(i1, i + MAX_OCCURRENCES_PER_DOC); x++) {
                    for (int y = j; y < Math.min(j1, j + MAX_OCCURRENCES_PER_DOC); y++) {
                        seeds.add(new Aligner.Seed(fa.position(x), fb.position(y)));
                    }
                }
                i = i1;
                j = j1;
            }
        }
        return seeds;
    }

    private static ReuseLink linkFromSeeds(Annotated a, Annotated b, List<Aligner.Seed> seeds,
                                           Aligner aligner, DirectionEvidence evidence, int ia, int ib) {
        List<Token> ta = a.text().tokens();
        List<Token> tb = b.text().tokens();
        String bodyA = a.article().body();
        String bodyB = b.article().body();
        List<Passage> passages = aligner.align(ta, tb, seeds).stream()
                .map(p -> p.withQuotation(Quotations.both(bodyA, bodyB, p))).toList();
        if (passages.isEmpty()) {
            return null;
        }
        boolean sharedQuotation = passages.stream().allMatch(Passage::quotation);
        int aWords = passages.stream().mapToInt(Passage::sourceWords).sum();
        int bWords = passages.stream().mapToInt(Passage::targetWords).sum();
        double aCover = Math.min(1.0, (double) aWords / Math.max(1, ta.size()));
        double bCover = Math.min(1.0, (double) bWords / Math.max(1, tb.size()));
        Verdict v = sharedQuotation ? new Verdict(true, Direction.UNKNOWN, 0,
                "both print the same quotation: no sign that one copied the other")
                : direction(a.article(), b.article(), evidence, ia, ib);
        if (!sharedQuotation && v.direction == Direction.UNKNOWN
                && Math.abs(aCover - bCover) >= aligner.config().containmentGap()) {
            // The copy holds the source's text plus its own additions.
            boolean aSource = aCover > bCover;
            v = new Verdict(aSource, Direction.SOURCE_TO_TARGET, 0.55, String.format(java.util.Locale.ROOT,
                    "containment: the shared text is %.0f%% of the source, %.0f%% of the target (no date or credit)",
                    100 * Math.max(aCover, bCover), 100 * Math.min(aCover, bCover)));
        }
        boolean duplicate = !sharedQuotation && Math.min(aCover, bCover) >= aligner.config().duplicateCoverage();
        Annotated src = v.aFirst ? a : b;
        Annotated tgt = v.aFirst ? b : a;
        List<Passage> ps = v.aFirst ? passages : passages.stream().map(Passage::swapped)
                .sorted(Comparator.comparingInt(Passage::sourceStart)).toList();
        return new ReuseLink(src.id(), tgt.id(), v.direction, v.confidence, v.evidence,
                v.aFirst ? bWords : aWords, Aligner.round(v.aFirst ? bCover : aCover),
                Aligner.round(v.aFirst ? aCover : bCover), duplicate, ps);
    }

    /**
     * Credit lines, looked up once per article: each body lower-cased once, each outlet's
     * name forms computed once, and the credit patterns run only on bodies that contain the
     * name at all.
     */
    private static final class DirectionEvidence {
        private final List<Annotated> docs;
        private final String[] lower;
        private final List<List<String>> names;

        DirectionEvidence(List<Annotated> docs) {
            this.docs = docs;
            this.lower = new String[docs.size()];
            this.names = new ArrayList<>(docs.size());
            for (Annotated d : docs) {
                names.add(Credits.names(d.article().outlet(), d.article().domain()));
            }
        }

        /** The credit in article {@code in} naming article {@code of}'s outlet, or null. */
        String credit(int in, int of) {
            List<String> ns = names.get(of);
            if (ns.isEmpty()) {
                return null;
            }
            String l = lower[in];
            if (l == null) {
                l = docs.get(in).article().body().toLowerCase(java.util.Locale.ROOT);
                lower[in] = l; // benign race: every thread computes the same string
            }
            boolean mentioned = false;
            for (String name : ns) {
                mentioned |= l.contains(name);
            }
            return mentioned ? Credits.creditIn(docs.get(in).article().body(), ns) : null;
        }
    }

    private record Verdict(boolean aFirst, Direction direction, double confidence, String evidence) {
    }

    /**
     * Which side came first. An explicit credit in one article naming the other's outlet is
     * the strongest evidence; then publication dates; otherwise unknown (a and b in id order).
     */
    static Verdict direction(Article a, Article b) {
        return direction(a, b, null, -1, -1);
    }

    private static Verdict direction(Article a, Article b, DirectionEvidence ev, int ia, int ib) {
        String aCreditsB = ev == null ? Credits.creditIn(a.body(), Credits.names(b.outlet(), b.domain()))
                : ev.credit(ia, ib);
        String bCreditsA = ev == null ? Credits.creditIn(b.body(), Credits.names(a.outlet(), a.domain()))
                : ev.credit(ib, ia);
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
