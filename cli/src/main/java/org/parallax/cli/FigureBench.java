package org.parallax.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.compare.Figure;
import org.parallax.compare.FigureStage;
import org.parallax.model.Span;
import org.parallax.quotes.QuoteConfig;
import org.parallax.quotes.QuoteResult;
import org.parallax.quotes.QuoteStage;
import org.parallax.text.Annotated;

/**
 * Figure extraction and attribution scored on the hand-annotated set {@code bench/figures.tsv}
 * of this repository (see docs/figures.md): figures in PolNeAR dev and ECB+ dev articles, read
 * from ../shared/bench. A predicted figure is right when its span overlaps a gold figure's and
 * its value (both bounds) is the same; the unit is scored separately. Attribution is scored
 * on the PolNeAR articles against PolNeAR's own attributions: the gold source of a figure is
 * the Source of the smallest gold Content that holds it, else the outlet.
 */
final class FigureBench {
    private FigureBench() {
    }

    /** One gold figure: document key ("polnear:NAME" or "ecb:ID"), span, value and unit. */
    record Gold(String doc, int start, int end, String text, Double low, Double high, String unit) {
    }

    record Result(int docs, int gold, int predicted, int tp, int spanTp, int unitRight, int attributed,
                  int attributionRight, int outletGold, int outletRight) {
        double p() {
            return predicted == 0 ? 0 : (double) tp / predicted;
        }

        double r() {
            return gold == 0 ? 0 : (double) tp / gold;
        }

        double f() {
            return p() + r() == 0 ? 0 : 2 * p() * r() / (p() + r());
        }

        double attributionAccuracy() {
            return attributed == 0 ? 0 : (double) attributionRight / attributed;
        }
    }

    static List<Gold> loadGold(Path file) throws IOException {
        List<Gold> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 7) {
                throw new IOException(file + ": bad line (7 tab-separated fields expected): " + line);
            }
            out.add(new Gold(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], num(f[4]), num(f[5]), f[6]));
        }
        return out;
    }

    private static Double num(String s) {
        return s.equals("-") ? null : Double.valueOf(s);
    }

    /** The texts of the documents the gold names, by key, and PolNeAR's attributions for those from it. */
    record Texts(Map<String, String> text, Map<String, QuoteBench.Doc> polnear) {
    }

    static Texts texts(Path bench, List<String> keys) throws IOException {
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, QuoteBench.Doc> polnear = new HashMap<>();
        Map<String, QuoteBench.Doc> pn = new HashMap<>();
        for (QuoteBench.Doc d : QuoteBench.load(bench.resolve("polnear"), "dev")) {
            pn.put(d.name(), d);
        }
        Map<String, String> ecb = new HashMap<>();
        for (StoryBench.Gold g : StoryBench.load(bench.resolve("ecbplus-dev"))) {
            ecb.put(g.id(), g.text());
        }
        for (String k : keys) {
            if (k.startsWith("polnear:") && pn.containsKey(k.substring(8))) {
                text.put(k, pn.get(k.substring(8)).text());
                polnear.put(k, pn.get(k.substring(8)));
            } else if (k.startsWith("ecb:") && ecb.containsKey(k.substring(4))) {
                text.put(k, ecb.get(k.substring(4)));
            } else {
                throw new IOException("no bench text for " + k);
            }
        }
        return new Texts(text, polnear);
    }

    static Map<String, List<Figure>> predict(Texts t) {
        List<Annotated> docs = new ArrayList<>();
        t.text().forEach((k, v) -> docs.add(StoryBench.plainText(k, v)));
        QuoteResult quotes = QuoteStage.run(docs, QuoteConfig.defaults());
        Map<String, List<Figure>> out = new LinkedHashMap<>();
        t.text().keySet().forEach(k -> out.put(k, new ArrayList<>()));
        for (Figure f : FigureStage.run(docs, quotes)) {
            out.get(f.article()).add(f);
        }
        return out;
    }

    static Result score(List<Gold> gold, Texts t, Map<String, List<Figure>> predicted, PrintStream debug) {
        int tp = 0;
        int spanTp = 0;
        int unitRight = 0;
        int attributed = 0;
        int attributionRight = 0;
        int outletGold = 0;
        int outletRight = 0;
        int npred = predicted.values().stream().mapToInt(List::size).sum();
        Map<String, List<Gold>> byDoc = new LinkedHashMap<>();
        gold.forEach(g -> byDoc.computeIfAbsent(g.doc(), k -> new ArrayList<>()).add(g));
        for (Map.Entry<String, List<Gold>> e : byDoc.entrySet()) {
            List<Figure> preds = new ArrayList<>(predicted.getOrDefault(e.getKey(), List.of()));
            List<Figure> unmatched = new ArrayList<>(preds);
            for (Gold g : e.getValue()) {
                Figure hit = null;
                for (Figure f : preds) {
                    if (f.start() < g.end() && g.start() < f.end()) {
                        hit = f;
                        break;
                    }
                }
                if (hit == null) {
                    if (debug != null) {
                        debug.printf("MISS %s %s%n", g.doc(), g.text());
                    }
                    continue;
                }
                spanTp++;
                unmatched.remove(hit);
                boolean value = same(hit.low(), g.low()) && same(hit.high(), g.high());
                if (value) {
                    tp++;
                } else if (debug != null) {
                    debug.printf("VALUE %s gold %s [%s,%s] ours %s [%s,%s]%n", g.doc(), g.text(), g.low(), g.high(),
                            hit.text(), hit.low(), hit.high());
                }
                if (hit.unit().equals(g.unit())) {
                    unitRight++;
                } else if (debug != null) {
                    debug.printf("UNIT %s %s gold %s ours %s%n", g.doc(), g.text(), g.unit(), hit.unit());
                }
                QuoteBench.Doc pn = t.polnear().get(g.doc());
                if (pn != null) {
                    attributed++;
                    int[] src = goldSource(pn, g);
                    boolean ok;
                    if (src == null) {
                        outletGold++;
                        ok = hit.sourceKind().equals("outlet");
                        if (ok) {
                            outletRight++;
                        }
                    } else if (src.length == 0) {
                        ok = !hit.sourceKind().equals("outlet"); // attributed, source not given
                    } else {
                        ok = !hit.sourceKind().equals("outlet") && hit.sourceStart() >= 0
                                && hit.sourceStart() < src[1] && src[0] < hit.sourceEnd();
                    }
                    if (ok) {
                        attributionRight++;
                    } else if (debug != null) {
                        debug.printf("SOURCE %s %s gold %s ours %s %s%n", g.doc(), g.text(),
                                src == null ? "outlet" : src.length == 0 ? "(unnamed)" : pn.text().substring(src[0], src[1]),
                                hit.sourceKind(), hit.sourceText());
                    }
                }
            }
            if (debug != null) {
                for (Figure f : unmatched) {
                    debug.printf("EXTRA %s %s [%s,%s] %s%n", e.getKey(), f.text(), f.low(), f.high(), f.unit());
                }
            }
        }
        return new Result(byDoc.size(), gold.size(), npred, tp, spanTp, unitRight, attributed, attributionRight,
                outletGold, outletRight);
    }

    /**
     * The source span of the smallest gold attribution whose Content holds the figure; an empty
     * array when that attribution names no source; null when none holds it (the outlet's voice).
     */
    static int[] goldSource(QuoteBench.Doc doc, Gold g) {
        QuoteBench.Gold best = null;
        int bestLen = Integer.MAX_VALUE;
        for (QuoteBench.Gold a : doc.gold()) {
            int len = 0;
            boolean holds = false;
            for (int[] c : a.content()) {
                len += c[1] - c[0];
                holds |= c[0] <= g.start() && g.end() <= c[1] + 1;
            }
            if (holds && len < bestLen) {
                best = a;
                bestLen = len;
            }
        }
        if (best == null) {
            return null;
        }
        return best.source() == null ? new int[0] : best.source();
    }

    private static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    }

    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "figures, annotated set: %d articles, %d gold figures, %d predicted%n", r.docs(), r.gold(),
                r.predicted());
        out.printf(Locale.ROOT, "  extraction (span and value)  P %.3f R %.3f F1 %.3f%n", r.p(), r.r(), r.f());
        double sp = r.predicted() == 0 ? 0 : (double) r.spanTp() / r.predicted();
        double sr = r.gold() == 0 ? 0 : (double) r.spanTp() / r.gold();
        out.printf(Locale.ROOT, "  span only                    P %.3f R %.3f F1 %.3f; unit right %.3f of found%n", sp, sr,
                sp + sr == 0 ? 0 : 2 * sp * sr / (sp + sr), r.spanTp() == 0 ? 0 : (double) r.unitRight() / r.spanTp());
        out.printf(Locale.ROOT, "  attribution (PolNeAR sources) accuracy %.3f of %d found figures (outlet's own: %d/%d)%n",
                r.attributionAccuracy(), r.attributed(), r.outletRight(), r.outletGold());
    }

    /** Scores of the hand-made hard cases: figures right (span and value), predicted, expected. */
    record Hard(int sentences, int tp, int predicted, int expected, int unitRight) {
        double p() {
            return predicted == 0 ? 1 : (double) tp / predicted;
        }

        double r() {
            return expected == 0 ? 1 : (double) tp / expected;
        }

        double f() {
            return p() + r() == 0 ? 0 : 2 * p() * r() / (p() + r());
        }
    }

    /** Scores {@code bench/figures-hard.tsv}: one sentence and its expected figures per line. */
    static Hard hard(Path file, PrintStream debug) throws IOException {
        int sentences = 0;
        int tp = 0;
        int predicted = 0;
        int expected = 0;
        int unitRight = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String sentence = f[0];
            sentences++;
            List<Figure> found = org.parallax.compare.FigureFinder.find("hard", sentence, new Span(0, sentence.length()));
            predicted += found.size();
            List<Figure> left = new ArrayList<>(found);
            if (f.length > 1 && !f[1].isBlank()) {
                for (String item : f[1].split(";")) {
                    item = item.strip();
                    int eq = item.lastIndexOf('=');
                    String words = item.substring(0, eq);
                    String[] v = item.substring(eq + 1).split("\\|", -1);
                    expected++;
                    int at = sentence.indexOf(words);
                    Figure hit = left.stream().filter(x -> x.start() < at + words.length() && at < x.end()).findFirst()
                            .orElse(null);
                    if (hit != null && same(hit.low(), num(v[0])) && same(hit.high(), num(v[1]))) {
                        tp++;
                        left.remove(hit);
                        if (hit.unit().equals(v[2])) {
                            unitRight++;
                        } else if (debug != null) {
                            debug.printf("HARD UNIT %s: %s gold %s ours %s%n", sentence, words, v[2], hit.unit());
                        }
                    } else if (debug != null) {
                        debug.printf("HARD MISS %s: %s%s%n", sentence, words,
                                hit == null ? "" : " (ours " + hit.text() + " [" + hit.low() + "," + hit.high() + "])");
                    }
                }
            }
            if (debug != null) {
                left.forEach(x -> debug.printf("HARD EXTRA %s: %s%n", sentence, x.text()));
            }
        }
        return new Hard(sentences, tp, predicted, expected, unitRight);
    }

    static void print(Hard h, PrintStream out) {
        out.printf(Locale.ROOT, "figures, hand-made hard cases: %d sentences, %d expected, %d predicted%n", h.sentences(),
                h.expected(), h.predicted());
        out.printf(Locale.ROOT, "  extraction (span and value)  P %.3f R %.3f F1 %.3f; unit right %d of %d%n", h.p(), h.r(),
                h.f(), h.unitRight(), h.tp());
    }

    private static final Pattern NUMBERISH = Pattern.compile("(?i)\\d[\\d,.]*|\\b(?:one|two|three|four|five|six|seven|eight|"
            + "nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
            + "billion|dozen|dozens|hundreds|thousands|millions|half|third|quarter)\\b");

    /** Draft annotation lines for {@code keys}: the stage's figures, and number words it left out. */
    static void draft(Texts t, Map<String, List<Figure>> predicted, PrintStream out) {
        for (Map.Entry<String, String> e : t.text().entrySet()) {
            Annotated d = StoryBench.plainText(e.getKey(), e.getValue());
            List<Figure> figs = predicted.get(e.getKey());
            for (Span s : d.text().sentences()) {
                String text = s.of(e.getValue());
                if (!NUMBERISH.matcher(text).find()) {
                    continue;
                }
                out.println("# " + text.replace('\n', ' ').strip());
                for (Figure f : figs) {
                    if (f.start() >= s.start() && f.end() <= s.end()) {
                        out.printf(Locale.ROOT, "%s\t%d\t%d\t%s\t%s\t%s\t%s%n", e.getKey(), f.start(), f.end(),
                                f.text().replace('\n', ' '), f.low() == null ? "-" : fmt(f.low()),
                                f.high() == null ? "-" : fmt(f.high()), f.unit());
                    }
                }
                Matcher m = NUMBERISH.matcher(text);
                while (m.find()) {
                    int at = s.start() + m.start();
                    if (figs.stream().noneMatch(f -> f.start() <= at && at < f.end())) {
                        out.printf("#? %d %s%n", at, text.substring(Math.max(0, m.start() - 20),
                                Math.min(text.length(), m.end() + 20)).replace('\n', ' '));
                    }
                }
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
