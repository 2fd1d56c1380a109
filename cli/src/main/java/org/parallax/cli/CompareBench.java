package org.parallax.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parallax.compare.CompareConfig;
import org.parallax.compare.Comparer;
import org.parallax.compare.Comparison;
import org.parallax.compare.VoiceLabel;
import org.parallax.compare.VoiceSpan;
import org.parallax.quotes.QuoteConfig;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.stories.Story;
import org.parallax.text.Annotated;

/**
 * The compare stage's voice labels scored on PolNeAR ({@code bench/polnear}, dev split by
 * default): a sentence is gold <em>attributed</em> when a gold attribution's Content or Cue
 * covers part of it (three characters or more) — it reports what someone said, thought or
 * claimed, or tells who did ("…, Graham told reporters.") — else the outlet's own voice. Predicted: {@code attributed} vs {@code own} and
 * {@code unattributed-claim} (both own voice). Sentences are the text stage's.
 */
final class CompareBench {
    private CompareBench() {
    }

    /** Sentence counts: true/false positives of "attributed", and all sentences. */
    record Voice(int docs, int sentences, int tp, int fp, int fn) {
        double p() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double r() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double f() {
            return p() + r() == 0 ? 0 : 2 * p() * r() / (p() + r());
        }

        /** The same for the own-voice class. */
        double ownF() {
            int tn = sentences - tp - fp - fn;
            double p = tn + fn == 0 ? 1 : (double) tn / (tn + fn);
            double r = tn + fp == 0 ? 1 : (double) tn / (tn + fp);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double accuracy() {
            return sentences == 0 ? 0 : (double) (sentences - fp - fn) / sentences;
        }
    }

    static Voice voice(Path polnear, String split) throws IOException {
        List<QuoteBench.Doc> docs = QuoteBench.load(polnear, split);
        List<Annotated> annotated = new ArrayList<>();
        for (QuoteBench.Doc d : docs) {
            annotated.add(StoryBench.plainText(d.name(), d.text()));
        }
        QuoteResult quotes = QuoteStage.run(annotated, QuoteConfig.defaults());
        Story all = new Story("all", "", null, null, annotated.stream().map(Annotated::id).toList(), List.of());
        Comparison c = Comparer.compare(List.of(all), annotated, quotes, List.of(), CompareConfig.defaults())
                .comparisons().get(0);
        java.util.Map<String, QuoteBench.Doc> byName = new java.util.HashMap<>();
        docs.forEach(d -> byName.put(d.name(), d));
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (VoiceSpan v : c.voice()) {
            boolean gold = attributed(byName.get(v.article()), v.start(), v.end());
            boolean predicted = v.label() == VoiceLabel.ATTRIBUTED;
            if (gold && predicted) {
                tp++;
            } else if (predicted) {
                fp++;
                if (Boolean.getBoolean("parallax.debug")) {
                    System.err.println("FP " + v.text().replace('\n', ' '));
                }
            } else if (gold) {
                fn++;
                if (Boolean.getBoolean("parallax.debug")) {
                    System.err.println("FN " + v.text().replace('\n', ' '));
                }
            }
        }
        return new Voice(docs.size(), c.voice().size(), tp, fp, fn);
    }

    /** Whether a gold Content or Cue fragment covers three or more characters of {@code [start, end)}. */
    static boolean attributed(QuoteBench.Doc doc, int start, int end) {
        for (QuoteBench.Gold g : doc.gold()) {
            for (List<int[]> spans : List.of(g.content(), g.cue())) {
                for (int[] c : spans) {
                    if (Math.min(end, c[1]) - Math.max(start, c[0]) >= 3) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Speed of the compare stage on one story of {@code size} articles: PolNeAR articles about
     * the same campaign (those naming Trump, in file order), a third of them followed by an
     * edited reprint (a new first sentence, the last paragraph cut), so the story has copies as
     * real ones do. Reuse and quotes are found first, outside the clock; the first compare call
     * (loading the sentence encoder) is reported apart from the best of three warm calls.
     */
    static void speed(Path polnear, int size, PrintStream out) throws IOException {
        List<QuoteBench.Doc> all = QuoteBench.load(polnear, "all").stream()
                .filter(d -> d.text().contains("Trump")).toList();
        List<Annotated> docs = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        int i = 0;
        while (docs.size() < size && i < all.size()) {
            String text = all.get(i).text();
            docs.add(article("b" + docs.size(), "outlet " + (i % 7), text));
            if (i % 3 == 0 && docs.size() < size) {
                // A reprint: the text under a new opening sentence, its last paragraph cut.
                int cut = text.lastIndexOf('\n', text.length() - 2);
                String copy = "Reprinted from a news agency, edition " + random.nextInt(1000) + " of the day.\n"
                        + (cut > text.length() / 2 ? text.substring(0, cut) : text);
                docs.add(article("b" + docs.size(), "reprinter " + (i % 5), copy));
            }
            i++;
        }
        List<org.parallax.reuse.ReuseLink> reuse = org.parallax.reuse.ReuseFinder.find(docs,
                org.parallax.reuse.ReuseConfig.defaults());
        QuoteResult quotes = QuoteStage.run(docs, QuoteConfig.defaults());
        Story story = new Story("s", "", null, null, docs.stream().map(Annotated::id).toList(), List.of());
        int chars = docs.stream().mapToInt(d -> d.article().body().length()).sum();
        int sentences = docs.stream().mapToInt(d -> d.text().sentences().size()).sum();
        Measure.resetPeaks();
        long t0 = System.nanoTime();
        org.parallax.compare.CompareResult r = Comparer.compare(List.of(story), docs, quotes, reuse,
                CompareConfig.defaults());
        double cold = (System.nanoTime() - t0) / 1e9;
        double best = Double.MAX_VALUE;
        double cpu = 0;
        for (int k = 0; k < 3; k++) {
            long c0 = Measure.cpuNanos();
            long w0 = System.nanoTime();
            r = Comparer.compare(List.of(story), docs, quotes, reuse, CompareConfig.defaults());
            double wall = (System.nanoTime() - w0) / 1e9;
            if (wall < best) {
                best = wall;
                cpu = (Measure.cpuNanos() - c0) / 1e9;
            }
        }
        Comparison c = r.comparisons().get(0);
        out.printf(Locale.ROOT, "compare speed: one story of %d articles (%d sentences, %,d characters; %d reuse links)%n",
                size, sentences, chars, reuse.size());
        out.printf(Locale.ROOT, "  warm %.2f s (best of 3; %.2f s CPU), first call %.2f s (loads the sentence encoder); "
                + "peak heap %d MB%n", best, cpu, cold, Measure.peakHeap() >> 20);
        out.printf(Locale.ROOT, "  %d figures, %d figure groups, %d framing rows, %d information units (%d shared), "
                        + "%d summary sentences%n", r.figures().size(), c.figureGroups().size(), c.framing().size(),
                c.units().size(), c.units().stream().filter(u -> u.articles().size() > 1).count(), c.summary().size());
        out.printf(Locale.ROOT, "  largest unit: %d sentences in %d articles%n",
                c.units().stream().mapToInt(u -> u.sentences().size()).max().orElse(0),
                c.units().stream().mapToInt(u -> u.articles().size()).max().orElse(0));
        if (Boolean.getBoolean("parallax.debug")) {
            c.units().stream().sorted(java.util.Comparator.comparingInt((org.parallax.compare.Unit u) -> -u.sentences().size()))
                    .limit(3).forEach(u -> {
                        out.println("  UNIT " + u.links() + " " + u.sentences().size());
                        u.sentences().stream().limit(12).forEach(x -> out.println("     " + docs.stream()
                                .filter(d -> d.id().equals(x.article())).findFirst().orElseThrow().article().body()
                                .substring(x.start(), x.end()).replace('\n', ' ')));
                    });
        }
    }

    private static Annotated article(String id, String outlet, String text) {
        org.parallax.extract.Article a = new org.parallax.extract.Article(id, id, outlet, null, null, "", null, null,
                text, List.of(), List.of());
        return new Annotated(a, org.parallax.text.TextAnalyzer.analyze(a, org.parallax.text.TextConfig.defaults()));
    }

    static void print(Voice v, String split, PrintStream out) {
        out.printf(Locale.ROOT, "voice, PolNeAR %s: %d articles, %d sentences%n", split, v.docs(), v.sentences());
        out.printf(Locale.ROOT, "  attributed  P %.3f R %.3f F1 %.3f%n", v.p(), v.r(), v.f());
        out.printf(Locale.ROOT, "  own voice   F1 %.3f; macro F1 %.3f; accuracy %.3f%n", v.ownF(), (v.f() + v.ownF()) / 2,
                v.accuracy());
    }
}
