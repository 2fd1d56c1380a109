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

    static void print(Voice v, String split, PrintStream out) {
        out.printf(Locale.ROOT, "voice, PolNeAR %s: %d articles, %d sentences%n", split, v.docs(), v.sentences());
        out.printf(Locale.ROOT, "  attributed  P %.3f R %.3f F1 %.3f%n", v.p(), v.r(), v.f());
        out.printf(Locale.ROOT, "  own voice   F1 %.3f; macro F1 %.3f; accuracy %.3f%n", v.ownF(), (v.f() + v.ownF()) / 2,
                v.accuracy());
    }
}
