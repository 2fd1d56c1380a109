package org.parallax.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Readability-style content scoring: which element of a page holds its article. */
final class ContentScorer {
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "li", "dd");

    private final Lexicon lex;

    ContentScorer(Lexicon lex) {
        this.lex = lex;
    }

    /**
     * Readability-style scoring: every paragraph-like block of 25+ characters gives its
     * element's parent a score (1 + commas + length/100, at most 3 for length) and its
     * grandparent half. The best element, weighted by class hints and discounted by link
     * density, wins; siblings scoring close to it join.
     */
    List<Element> scoredContainers(List<TextBlock> blocks, DomStats stats) {
        Map<Element, Double> scores = new HashMap<>();
        for (TextBlock b : blocks) {
            if (b.text.length() < lex.minParagraphChars || b.linkDensity() > lex.maxLinkDensity) {
                continue;
            }
            Element el = b.parent;
            if (!PARAGRAPHS.contains(el.normalName()) && !el.normalName().equals("div")) {
                continue;
            }
            double s = 1 + count(b.text, ',') + Math.min(b.text.length() / 100.0, 3);
            // The parent gets the whole score, the grandparent half, the next a sixth: a
            // listicle whose paragraphs sit in many small wrappers still adds up higher up.
            Element anc = el.parent();
            for (int level = 0; anc != null && level < 3; level++, anc = anc.parent()) {
                scores.merge(anc, level == 0 ? s : level == 1 ? s / 2 : s / (level * 3), Double::sum);
            }
        }
        Element best = null;
        double bestScore = 0;
        Map<Element, Double> finalScores = new HashMap<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element el = e.getKey();
            double s = (e.getValue() + classWeight(el)) * (1 - stats.linkDensity(el));
            finalScores.put(el, s);
            if (s > bestScore) {
                bestScore = s;
                best = el;
            }
        }
        if (best == null) {
            return List.of();
        }
        best = unify(best, bestScore, finalScores);
        bestScore = finalScores.getOrDefault(best, bestScore);
        List<Element> out = new ArrayList<>();
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        double threshold = Math.max(10, bestScore * lex.siblingScoreShare);
        for (Element sib : parent.children()) {
            if (sib == best || finalScores.getOrDefault(sib, 0.0) >= threshold) {
                out.add(sib);
            }
        }
        return out;
    }

    /**
     * Moves the winner up to a container that holds it together with close rivals: when at
     * least three of the five best candidates score within three quarters of it and share an
     * ancestor, that ancestor wins; and a parent whose score rises above its child's (more
     * content lurking beside it) replaces it, as Readability does.
     */
    private static Element unify(Element best, double bestScore, Map<Element, Double> scores) {
        List<Element> rivals = scores.entrySet().stream()
                .filter(e -> e.getKey() != best && e.getValue() >= 0.75 * bestScore)
                .sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
                .limit(4).map(Map.Entry::getKey).toList();
        Element top = best;
        if (rivals.size() >= 3) {
            for (Element anc = best.parent(); anc != null && !anc.normalName().equals("body"); anc = anc.parent()) {
                int inside = 0;
                for (Element r : rivals) {
                    if (isAncestor(anc, r)) {
                        inside++;
                    }
                }
                if (inside >= 3) {
                    top = anc;
                    break;
                }
            }
        }
        double last = scores.getOrDefault(top, bestScore);
        double floor = last / 3;
        for (Element anc = top.parent(); anc != null && !anc.normalName().equals("body"); anc = anc.parent()) {
            Double ps = scores.get(anc);
            if (ps == null) {
                continue;
            }
            if (ps < floor) {
                break;
            }
            if (ps > last) {
                top = anc;
                break;
            }
            last = ps;
        }
        // An only child says nothing its parent does not.
        while (top.parent() != null && !top.parent().normalName().equals("body") && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    private static boolean isAncestor(Element anc, Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == anc) {
                return true;
            }
        }
        return false;
    }

    private double classWeight(Element el) {
        List<String> words = Lexicon.hintWords(el.className() + " " + el.id());
        double w = 0;
        if (lex.positiveHint(words)) {
            w += 25;
        }
        if (lex.hintKind(words) != null) {
            w -= 25;
        }
        String tag = el.normalName();
        if (tag.equals("article") || tag.equals("main") || HtmlExtractor.isArticleMarkup(el)) {
            w += 30;
        }
        return w;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
