package org.parallax.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Cuts a page's text outside furniture into {@link TextBlock}s at block-level elements. */
final class HtmlBlocks {
    static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header",
            "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
            "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "figure", "figcaption", "form",
            "fieldset", "address", "hr", "details", "summary", "center", "body", "html", "hgroup", "menu", "dialog",
            "legend", "noscript", "output", "search");

    private HtmlBlocks() {
    }


    /** The page's text outside furniture, cut into blocks at block-level elements. */
    static List<TextBlock> collect(Element body, Map<Element, RemovedKind> furniture) {
        List<TextBlock> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        List<int[]> runs = new ArrayList<>();
        int[] linkDepth = {0};
        int[] linkChars = {0};
        List<Element> stack = new ArrayList<>();
        Runnable flush = () -> {
            int end = cur.length();
            while (end > 0 && cur.charAt(end - 1) == ' ') {
                end--;
            }
            if (end > 0) {
                List<int[]> rs = new ArrayList<>();
                for (int[] r : runs) {
                    int len = Math.min(r[2], end - r[0]);
                    if (len > 0) {
                        rs.add(new int[] {r[0], r[1], len});
                    }
                }
                out.add(new TextBlock(stack.isEmpty() ? body : stack.get(stack.size() - 1), cur.substring(0, end), rs,
                        Math.min(linkChars[0], end)));
            }
            cur.setLength(0);
            runs.clear();
            linkChars[0] = 0;
        };
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el) {
                    if (furniture.containsKey(el)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    String tag = el.normalName();
                    if (BLOCK_TAGS.contains(tag)) {
                        flush.run();
                        stack.add(el);
                    } else if (tag.equals("br")) {
                        if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ') {
                            cur.append(' ');
                        }
                    } else if (tag.equals("a")) {
                        linkDepth[0]++;
                    }
                } else if (node instanceof TextNode t) {
                    append(t, cur, runs, linkDepth[0] > 0 ? linkChars : null);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (BLOCK_TAGS.contains(tag)) {
                        flush.run();
                        if (!stack.isEmpty() && stack.get(stack.size() - 1) == el) {
                            stack.remove(stack.size() - 1);
                        }
                    } else if (tag.equals("a")) {
                        linkDepth[0]--;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        flush.run();
        return out;
    }

    /** Appends a text node with white space collapsed; one run per stretch copied verbatim. */
    private static void append(TextNode t, StringBuilder cur, List<int[]> runs, int[] linkChars) {
        String raw = t.getWholeText();
        Range r = t.sourceRange();
        // Entities make the decoded text differ from the source; then only the start is exact.
        boolean exact = r.isTracked() && r.endPos() - r.startPos() == raw.length();
        int before = cur.length();
        int runStart = -1;
        int runDoc = -1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean space = Character.isWhitespace(c) || c == '\u00a0';
            if (space) {
                if (runStart >= 0) {
                    runs.add(new int[] {runStart, runDoc, cur.length() - runStart});
                    runStart = -1;
                }
                if (cur.length() > 0 && cur.charAt(cur.length() - 1) != ' ') {
                    cur.append(' ');
                }
            } else {
                if (runStart < 0 && r.isTracked()) {
                    runStart = cur.length();
                    runDoc = r.startPos() + (exact ? i : 0);
                    if (!exact && !runs.isEmpty() && runs.get(runs.size() - 1)[1] == r.startPos()) {
                        runStart = -1; // inexact node: one run at its start only
                    }
                }
                cur.append(c);
            }
        }
        if (runStart >= 0) {
            runs.add(new int[] {runStart, runDoc, cur.length() - runStart});
        }
        if (!exact && r.isTracked()) {
            // Collapse an inexact node's runs into one pointing at the node's start.
            int first = -1;
            for (int k = 0; k < runs.size(); k++) {
                if (runs.get(k)[0] >= before) {
                    first = k;
                    break;
                }
            }
            if (first >= 0) {
                int s = runs.get(first)[0];
                int len = Math.min(cur.length() - s, r.endPos() - r.startPos());
                while (runs.size() > first) {
                    runs.remove(runs.size() - 1);
                }
                runs.add(new int[] {s, r.startPos(), Math.max(0, len)});
            }
        }
        if (linkChars != null) {
            linkChars[0] += cur.length() - before;
        }
    }

    /** Blocks whose element lies inside one of {@code roots}, in page order. */
    static List<TextBlock> within(List<TextBlock> blocks, List<Element> roots) {
        List<TextBlock> out = new ArrayList<>();
        for (TextBlock b : blocks) {
            for (Element p = b.parent; p != null; p = p.parent()) {
                if (roots.contains(p)) {
                    out.add(b);
                    break;
                }
            }
        }
        return out;
    }
}
