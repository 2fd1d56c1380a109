package org.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A synthetic corpus with known text reuse, built from real news text (the PAN text-alignment
 * recipe): passages of source articles are spliced into other articles — verbatim, lightly
 * edited (~5% of words) or heavily edited (~15%); short (under 300 characters), medium or long;
 * some into several articles at once — whole articles are reprinted with a credit line, and a
 * share of articles takes part in no reuse at all. Publication dates and credit lines give the
 * direction where a real corpus would: targets dated after their sources, or undated and
 * crediting the source's outlet, or neither (then the truth is known only to the benchmark).
 *
 * <p>The pool is de-duplicated first (an article sharing any 8-word sequence with one already
 * kept is dropped, then one of each pair in which the reuse stage itself finds a passage), so
 * the only reuse in the corpus is the planted reuse. Corpora larger than
 * the pool use copies whose words are replaced by a per-copy random permutation of the pool's
 * vocabulary — the 150 most frequent words among themselves, the others among the others — so
 * word frequencies stay those of news text while no copy shares a word sequence with another
 * (keeping function words would leave every copy the same skeleton, which chains into false
 * passages).
 */
final class ReuseCorpus {
    enum Edit {
        NONE(0), LIGHT(0.05), HEAVY(0.15);

        final double rate;

        Edit(double rate) {
            this.rate = rate;
        }
    }

    enum Length { SHORT, MEDIUM, LONG, WHOLE }

    /**
     * Where the direction can be read from: a later date, a credit line, the copy's own
     * additions around the whole original (containment), or nowhere.
     */
    enum Evidence { DATE, CREDIT, CONTAINMENT, NONE }

    record Doc(String id, String outlet, String domain, LocalDate published, String body) {
    }

    /**
     * Text of {@code src} reused in {@code tgt}; both ranges are body offsets. A case between
     * two articles that copied the same passage from a third is not {@code directed}.
     */
    record Case(int src, int srcStart, int srcEnd, int tgt, int tgtStart, int tgtEnd, Edit edit, Length length,
                boolean directed, Evidence evidence) {
        int chars() {
            return srcEnd - srcStart + tgtEnd - tgtStart;
        }
    }

    record Corpus(List<Doc> docs, List<Case> cases, Set<Integer> clean) {
    }

    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}+");
    /** Words, with each Han, Hiragana or Katakana character a word of its own (as the tokenizer sees them). */
    private static final Pattern GRAM_WORD = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[\\p{L}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)]?(?=\\s+[\"“‘(]?\\p{Lu})");
    private static final String[] PLACES = {"Ashford", "Bellmont", "Crestview", "Dunmore", "Eastwick", "Fairhaven",
        "Glenrock", "Harlow", "Ironbridge", "Juniper", "Kingsway", "Lakeview", "Millbrook", "Northgate", "Oakridge",
        "Pinecrest", "Queensbury", "Riverton", "Stonehill", "Thornbury", "Upton", "Valemont", "Westbury", "Yarrow"};
    private static final String[] TITLES = {"Herald", "Courier", "Gazette", "Ledger", "Tribune", "Observer",
        "Chronicle", "Sentinel", "Dispatch", "Bulletin", "Examiner", "Register"};

    private ReuseCorpus() {
    }

    /** News texts from the shared evaluation data, with any text reused among them removed. */
    static List<String> pool(Path bench) throws IOException {
        List<String> raw = new ArrayList<>();
        for (String split : List.of("train", "dev")) {
            Path dir = bench.resolve("polnear").resolve(split).resolve("text");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.sorted().toList()) {
                        raw.add(Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        Path ecb = bench.resolve("ecbplus-dev").resolve("articles.jsonl");
        if (Files.isRegularFile(ecb)) {
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader r = Files.newBufferedReader(ecb, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        raw.add(json.readTree(line).path("text").asText(""));
                    }
                }
            }
        }
        Path gold = bench.resolve("text-cleanup-dev").resolve("gold");
        if (Files.isDirectory(gold)) {
            try (Stream<Path> s = Files.list(gold)) {
                for (Path p : s.sorted().toList()) {
                    raw.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        Set<Long> seen = new HashSet<>();
        List<String> kept = new ArrayList<>();
        for (String t : raw) {
            String text = t.strip().replace("\r\n", "\n");
            if (text.length() < 800 || !mostlyLatin(text)) {
                continue; // copies rotate Latin words only: other scripts would repeat verbatim
            }
            long[] grams = grams(text, 8);
            boolean shared = false;
            for (long g : grams) {
                if (seen.contains(g)) {
                    shared = true;
                    break;
                }
            }
            if (!shared) {
                for (long g : grams) {
                    seen.add(g);
                }
                kept.add(text);
            }
        }
        // Near-duplicates differ more often than every eight words (two outlets' versions of
        // one statement): drop one article of every pair the reuse stage itself links.
        List<org.parallax.text.Annotated> docs = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            String id = String.format("p%05d", i);
            org.parallax.extract.Article a = new org.parallax.extract.Article(id, id, null, null, null, "", null, null,
                    kept.get(i), List.of(), List.of());
            docs.add(new org.parallax.text.Annotated(a, org.parallax.text.TextAnalyzer.analyze(a,
                    org.parallax.text.TextConfig.defaults())));
        }
        // More sensitive than the defaults (shorter, looser passages), so that pairs near the
        // detector's thresholds go too.
        org.parallax.reuse.ReuseConfig d = org.parallax.reuse.ReuseConfig.defaults();
        org.parallax.reuse.ReuseConfig sensitive = new org.parallax.reuse.ReuseConfig(d.ngram(), d.maxDocFrequency(), 2,
                d.maxGap(), 10, 0.5, d.duplicateCoverage(), d.containmentGap());
        Set<Integer> drop = new HashSet<>();
        for (org.parallax.reuse.ReuseLink l : org.parallax.reuse.ReuseFinder.find(docs, sensitive)) {
            int a = Integer.parseInt(l.source().substring(1));
            int b = Integer.parseInt(l.target().substring(1));
            if (!drop.contains(a) && !drop.contains(b)) {
                drop.add(Math.max(a, b));
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            if (!drop.contains(i)) {
                out.add(kept.get(i));
            }
        }
        return out;
    }

    private static boolean mostlyLatin(String text) {
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        return latin >= 0.98 * letters;
    }

    private static long[] grams(String text, int n) {
        List<String> w = new ArrayList<>();
        Matcher m = GRAM_WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            w.add(m.group());
        }
        long[] out = new long[Math.max(0, w.size() - n + 1)];
        for (int i = 0; i < out.length; i++) {
            long h = 1125899906842597L;
            for (int k = 0; k < n; k++) {
                h = 31 * h + w.get(i + k).hashCode();
            }
            out[i] = h;
        }
        return out;
    }

    /** A corpus of {@code size} articles; the same pool, size and seed give the same corpus. */
    static Corpus generate(List<String> pool, int size, long seed) {
        Random rnd = new Random(seed);
        List<String> texts = bases(pool, size, rnd);
        int n = texts.size();
        // Roles: a quarter take part in nothing; the rest are sources, targets and reprints.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, rnd);
        int cleanCount = n / 4;
        int reprintCount = Math.max(1, n / 20);
        int sourceCount = (n - cleanCount - reprintCount) / 2;
        Set<Integer> clean = new HashSet<>(order.subList(0, cleanCount));
        List<Integer> sources = new ArrayList<>(order.subList(cleanCount, cleanCount + sourceCount));
        List<Integer> targets = new ArrayList<>(order.subList(cleanCount + sourceCount, n - reprintCount));
        List<Integer> reprints = new ArrayList<>(order.subList(n - reprintCount, n));
        // Reprinted originals are not also spliced, so each shared text has one origin.
        List<Integer> reprinted = new ArrayList<>(sources.subList(0, Math.min(reprintCount, sources.size() / 4)));
        List<Integer> spliceSources = new ArrayList<>(sources.subList(reprinted.size(), sources.size()));

        String[] outlets = new String[n];
        String[] domains = new String[n];
        for (int i = 0; i < n; i++) {
            String place = PLACES[i % PLACES.length];
            String title = TITLES[(i / PLACES.length) % TITLES.length];
            int round = i / (PLACES.length * TITLES.length);
            outlets[i] = place + " " + title + (round == 0 ? "" : " " + (round + 1));
            domains[i] = (place + title + (round == 0 ? "" : String.valueOf(round + 1))).toLowerCase(Locale.ROOT) + ".example";
        }
        LocalDate day0 = LocalDate.of(2024, 3, 1);
        LocalDate[] dates = new LocalDate[n];
        for (int s : sources) {
            dates[s] = day0.plusDays(rnd.nextInt(20));
        }
        for (int c : clean) {
            dates[c] = rnd.nextInt(5) == 0 ? null : day0.plusDays(rnd.nextInt(40));
        }
        String[] bodies = texts.toArray(String[]::new);
        List<Case> cases = new ArrayList<>();
        List<String> vocabulary = vocabulary(texts);

        // Splices: each target takes one to three passages from different sources; a quarter of
        // the passages are ones another target took too (the same paragraph in several outlets).
        List<Taken> taken = new ArrayList<>();
        for (int t : targets) {
            int k = 1 + (rnd.nextInt(100) < 50 ? 0 : rnd.nextInt(100) < 70 ? 1 : 2);
            Set<Integer> used = new HashSet<>();
            List<Insert> inserts = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                Taken tk;
                if (!taken.isEmpty() && rnd.nextInt(4) == 0) {
                    tk = taken.get(rnd.nextInt(taken.size()));
                } else {
                    int s = spliceSources.get(rnd.nextInt(spliceSources.size()));
                    Length len = rnd.nextInt(100) < 35 ? Length.SHORT : rnd.nextInt(100) < 62 ? Length.MEDIUM : Length.LONG;
                    int[] span = passage(bodies[s], len, rnd);
                    if (span == null || overlapsTaken(taken, s, span)) {
                        continue; // each source sentence is copied from one place only
                    }
                    tk = new Taken(s, span[0], span[1]);
                    taken.add(tk);
                }
                if (!used.add(tk.src())) {
                    continue;
                }
                Edit edit = Edit.values()[rnd.nextInt(100) < 40 ? 0 : rnd.nextInt(100) < 50 ? 1 : 2];
                String text = edit(bodies[tk.src()].substring(tk.start(), tk.end()), edit.rate, vocabulary, rnd);
                inserts.add(new Insert(tk, text, edit, lengthOf(tk.end() - tk.start())));
            }
            // Direction evidence for this target: later date (most), same day or undated with a
            // credit line, or nothing.
            LocalDate latest = null;
            for (Insert in : inserts) {
                LocalDate d = dates[in.origin().src()];
                latest = latest == null || d.isAfter(latest) ? d : latest;
            }
            int roll = rnd.nextInt(100);
            Evidence evidence;
            if (latest == null || roll < 70) {
                evidence = Evidence.DATE;
                dates[t] = (latest == null ? day0.plusDays(20) : latest).plusDays(1 + rnd.nextInt(5));
            } else if (roll < 90) {
                evidence = Evidence.CREDIT;
                dates[t] = rnd.nextBoolean() ? null : latest;
            } else {
                evidence = Evidence.NONE;
                dates[t] = rnd.nextBoolean() ? null : latest;
            }
            StringBuilder b = new StringBuilder(bodies[t]);
            List<Integer> cuts = paragraphCuts(bodies[t]);
            // Insert from the back so earlier offsets stay valid, then fix up the recorded ranges.
            List<int[]> placed = new ArrayList<>(); // {insert index, position}
            for (int j = 0; j < inserts.size(); j++) {
                placed.add(new int[] {j, cuts.get(rnd.nextInt(cuts.size()))});
            }
            placed.sort((x, y) -> x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(x[0], y[0]));
            int shift = 0;
            for (int[] pl : placed) {
                Insert in = inserts.get(pl[0]);
                Taken tk = in.origin();
                int at = pl[1] + shift;
                String piece = in.text();
                String glue = at == 0 ? piece + "\n\n" : at >= b.length() ? "\n\n" + piece : piece + "\n\n";
                int start = at == 0 ? 0 : at >= b.length() ? b.length() + 2 : at;
                b.insert(Math.min(at, b.length()), glue);
                shift += glue.length();
                cases.add(new Case(tk.src(), tk.start(), tk.end(), t, start, start + piece.length(), in.edit(), in.length(),
                        true, evidence));
            }
            if (evidence == Evidence.CREDIT) {
                for (Insert in : inserts) {
                    b.append("\n\n").append(credit(outlets[in.origin().src()], rnd));
                }
            }
            bodies[t] = b.toString();
        }
        for (Case c : cases) {
            if (c.tgtEnd() > bodies[c.tgt()].length() || bodies[c.tgt()].charAt(c.tgtStart()) == '\n') {
                throw new IllegalStateException("case off its target text: " + c);
            }
        }
        // Two targets that took the same passage share it too (no direction: neither is the source).
        for (Taken tk : taken) {
            List<int[]> copies = relocatedCopies(tk.src(), tk.start(), tk.end(), cases);
            for (int x = 0; x < copies.size(); x++) {
                for (int y = x + 1; y < copies.size(); y++) {
                    int[] a = copies.get(x);
                    int[] c = copies.get(y);
                    Edit e = Edit.values()[Math.max(a[3], c[3])];
                    cases.add(new Case(a[0], a[1], a[2], c[0], c[1], c[2], e, lengthOf(tk.end() - tk.start()), false,
                            Evidence.NONE));
                }
            }
        }
        // Whole reprints: the original lightly retouched, with a credit line or a later date
        // (near-duplicates), or undated inside the reprinting outlet's own intro and closing
        // paragraphs (the copy contains the original plus its additions).
        for (int j = 0; j < reprints.size() && j < reprinted.size(); j++) {
            int r = reprints.get(j);
            int s = reprinted.get(j);
            Edit edit = rnd.nextBoolean() ? Edit.NONE : Edit.LIGHT;
            String copy = edit(bodies[s], edit.rate / 5, vocabulary, rnd);
            int roll = rnd.nextInt(100);
            Evidence evidence = roll < 45 ? Evidence.DATE : roll < 75 ? Evidence.CREDIT : Evidence.CONTAINMENT;
            String head = "";
            String tail = "";
            if (evidence == Evidence.CREDIT) {
                head = credit(outlets[s], rnd) + "\n\n";
            } else if (evidence == Evidence.CONTAINMENT) {
                // The slot's own text (used nowhere else) frames the copy: about as long as it.
                String own = bodies[r];
                int cut = Math.min(own.length(), Math.max(200, copy.length() / 2));
                int mid = own.lastIndexOf(' ', cut / 2);
                int end = own.lastIndexOf(' ', cut);
                head = own.substring(0, Math.max(0, mid)).strip() + "\n\n";
                tail = "\n\n" + own.substring(Math.max(0, mid), Math.max(mid, end)).strip();
            }
            bodies[r] = head + copy + tail;
            dates[r] = evidence == Evidence.DATE ? dates[s].plusDays(1 + rnd.nextInt(3)) : null;
            cases.add(new Case(s, 0, bodies[s].length(), r, head.length(), head.length() + copy.length(), edit,
                    Length.WHOLE, true, evidence));
        }
        for (int r = 0; r < n; r++) {
            if (bodies[r] == null || reprints.contains(r) && reprints.indexOf(r) >= reprinted.size()) {
                clean.add(r); // a reprint slot without an original keeps its own text
            }
        }
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new Doc(String.format("r%06d", i), outlets[i], domains[i], dates[i], bodies[i]));
        }
        return new Corpus(docs, cases, clean);
    }

    private record Taken(int src, int start, int end) {
    }

    private static boolean overlapsTaken(List<Taken> taken, int src, int[] span) {
        for (Taken t : taken) {
            if (t.src() == src && span[0] < t.end() && t.start() < span[1]) {
                return true;
            }
        }
        return false;
    }

    private record Insert(Taken origin, String text, Edit edit, Length length) {
    }

    private static List<int[]> relocatedCopies(int src, int start, int end, List<Case> cases) {
        List<int[]> out = new ArrayList<>();
        for (Case c : cases) {
            if (c.directed() && c.src() == src && c.srcStart() == start && c.srcEnd() == end && c.length() != Length.WHOLE) {
                out.add(new int[] {c.tgt(), c.tgtStart(), c.tgtEnd(), c.edit().ordinal()});
            }
        }
        return out;
    }

    private static Length lengthOf(int chars) {
        return chars < 300 ? Length.SHORT : chars < 1000 ? Length.MEDIUM : Length.LONG;
    }

    private static String credit(String outlet, Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> outlet + " reported.";
            case 1 -> "Source: " + outlet + ".";
            default -> "(" + outlet + ")";
        };
    }

    /** Pool texts, or rotated copies of them when more are needed. */
    /**
     * The pool with its words replaced through the permutation of copy {@code copy} (≥ 1): a
     * pool sharing no word sequence with the original, for corpora generated in parts.
     */
    static List<String> rotated(List<String> pool, int copy) {
        Rotation rot = new Rotation(pool);
        return pool.stream().map(t -> rot.apply(t, copy)).toList();
    }

    private static List<String> bases(List<String> pool, int size, Random rnd) {
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, rnd);
        List<String> out = new ArrayList<>(size);
        if (size <= shuffled.size()) {
            out.addAll(shuffled.subList(0, size));
            return out;
        }
        Rotation rot = new Rotation(shuffled);
        for (int i = 0; i < size; i++) {
            int copy = i / shuffled.size();
            String t = shuffled.get(i % shuffled.size());
            out.add(copy == 0 ? t : rot.apply(t, copy));
        }
        return out;
    }

    /**
     * Words replaced through a random permutation per copy, within two frequency classes (the
     * 150 most frequent words, and the rest), so copies keep news text's word frequencies.
     */
    private static final class Rotation {
        private final List<String> function = new ArrayList<>();
        private final List<String> content = new ArrayList<>();
        private final Map<String, Integer> rank = new HashMap<>();
        private final Map<String, Integer> functionRank = new HashMap<>();
        private final Map<Integer, int[][]> permutations = new HashMap<>();

        Rotation(List<String> texts) {
            Map<String, Integer> freq = new HashMap<>();
            for (String t : texts) {
                Matcher m = WORD.matcher(t.toLowerCase(Locale.ROOT));
                while (m.find()) {
                    freq.merge(m.group(), 1, Integer::sum);
                }
            }
            List<Map.Entry<String, Integer>> byFreq = new ArrayList<>(freq.entrySet());
            byFreq.sort((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue()
                    : a.getKey().compareTo(b.getKey()));
            for (int i = 0; i < byFreq.size(); i++) {
                String w = byFreq.get(i).getKey();
                if (i < 150) {
                    functionRank.put(w, function.size());
                    function.add(w);
                } else {
                    rank.put(w, content.size());
                    content.add(w);
                }
            }
        }

        private int[][] permutation(int copy) {
            return permutations.computeIfAbsent(copy, c -> {
                Random r = new Random(0x5EEDL * 31 + c);
                return new int[][] {shuffled(function.size(), r), shuffled(content.size(), r)};
            });
        }

        private static int[] shuffled(int n, Random r) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }

        String apply(String text, int copy) {
            int[][] perm = permutation(copy);
            Matcher m = WORD.matcher(text);
            StringBuilder b = new StringBuilder(text.length());
            int last = 0;
            while (m.find()) {
                String w = m.group();
                String lower = w.toLowerCase(Locale.ROOT);
                Integer r = rank.get(lower);
                Integer f = functionRank.get(lower);
                b.append(text, last, m.start());
                String to = f != null ? function.get(perm[0][f]) : r != null ? content.get(perm[1][r]) : null;
                if (to == null) {
                    b.append(w);
                } else {
                    b.append(Character.isUpperCase(w.charAt(0))
                            ? Character.toUpperCase(to.charAt(0)) + to.substring(1) : to);
                }
                last = m.end();
            }
            return b.append(text, last, text.length()).toString();
        }
    }

    private static List<String> vocabulary(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size() && out.size() < 50_000; i++) {
            Matcher m = WORD.matcher(texts.get(i));
            while (m.find()) {
                if (m.group().length() >= 3) {
                    out.add(m.group());
                }
            }
        }
        return out;
    }

    /** Offsets where a paragraph may be inserted: the start, after each blank line, the end. */
    private static List<Integer> paragraphCuts(String text) {
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        int i = text.indexOf("\n\n");
        while (i >= 0) {
            int j = i;
            while (j < text.length() && text.charAt(j) == '\n') {
                j++;
            }
            if (j < text.length()) {
                cuts.add(j);
            }
            i = text.indexOf("\n\n", j);
        }
        if (cuts.size() < 3) {
            // One long paragraph: sentence ends will do.
            Matcher m = SENTENCE_END.matcher(text);
            while (m.find()) {
                int at = m.end();
                while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                cuts.add(at);
            }
        }
        cuts.add(text.length());
        return cuts;
    }

    /** Whole sentences of the text whose length falls in the class, or null. */
    private static int[] passage(String text, Length len, Random rnd) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        Matcher m = SENTENCE_END.matcher(text);
        List<Integer> ends = new ArrayList<>();
        while (m.find()) {
            ends.add(m.end());
            int at = m.end();
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            starts.add(at);
        }
        ends.add(text.length());
        int min = len == Length.SHORT ? 100 : len == Length.MEDIUM ? 300 : 1000;
        int max = len == Length.SHORT ? 299 : len == Length.MEDIUM ? 999 : 3000;
        for (int attempt = 0; attempt < 30; attempt++) {
            int i = rnd.nextInt(starts.size());
            int s = starts.get(i);
            for (int j = i; j < ends.size(); j++) {
                int e = ends.get(j);
                int l = e - s;
                if (l > max) {
                    break;
                }
                if (l >= min && text.substring(s, e).strip().length() == l) {
                    return new int[] {s, e};
                }
            }
        }
        return null;
    }

    /**
     * Word-level edits at the given rate: a word substituted (half of the edits), dropped, a
     * word inserted after it, its case flipped, or its quote marks changed.
     */
    static String edit(String text, double rate, List<String> vocabulary, Random rnd) {
        if (rate <= 0) {
            return text;
        }
        String[] words = text.split(" ", -1);
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (String w : words) {
            String out = w;
            boolean blank = w.isEmpty() || w.contains("\n");
            if (!blank && rnd.nextDouble() < rate) {
                int op = rnd.nextInt(20);
                String v = vocabulary.get(rnd.nextInt(vocabulary.size()));
                if (op < 10) {
                    out = v;
                } else if (op < 14) {
                    out = null; // dropped
                } else if (op < 17) {
                    out = w + " " + v;
                } else if (op < 19) {
                    out = Character.isUpperCase(w.charAt(0)) ? w.toLowerCase(Locale.ROOT)
                            : Character.toUpperCase(w.charAt(0)) + w.substring(1);
                } else {
                    out = w.replace('"', '“').replace('\'', '’');
                }
            }
            if (out != null) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                    b.append(' ');
                }
                b.append(out);
            }
        }
        return b.toString().strip();
    }

    /**
     * Writes the corpus as Parallax reads it — one text file per article and a manifest with
     * outlet, domain and date — and the truth, one case per line (body offsets).
     */
    static void write(Corpus corpus, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        StringBuilder manifest = new StringBuilder();
        for (Doc d : corpus.docs()) {
            Files.writeString(dir.resolve(d.id() + ".txt"), d.body(), StandardCharsets.UTF_8);
            var m = json.createObjectNode();
            m.put("file", d.id() + ".txt");
            m.put("outlet", d.outlet());
            m.put("domain", d.domain());
            m.put("published", d.published() == null ? null : d.published().toString());
            manifest.append(json.writeValueAsString(m)).append('\n');
        }
        Files.writeString(dir.resolve("manifest.jsonl"), manifest.toString(), StandardCharsets.UTF_8);
        StringBuilder truth = new StringBuilder();
        for (Case c : corpus.cases()) {
            var t = json.createObjectNode();
            t.put("source", corpus.docs().get(c.src()).id());
            t.put("sourceStart", c.srcStart());
            t.put("sourceEnd", c.srcEnd());
            t.put("target", corpus.docs().get(c.tgt()).id());
            t.put("targetStart", c.tgtStart());
            t.put("targetEnd", c.tgtEnd());
            t.put("edit", c.edit().name().toLowerCase(Locale.ROOT));
            t.put("length", c.length().name().toLowerCase(Locale.ROOT));
            t.put("directed", c.directed());
            t.put("evidence", c.evidence().name().toLowerCase(Locale.ROOT));
            truth.append(json.writeValueAsString(t)).append('\n');
        }
        Files.writeString(dir.resolve("truth.jsonl"), truth.toString(), StandardCharsets.UTF_8);
    }
}
