package org.parallax.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.parallax.ingest.Document;
import org.parallax.ingest.Metadata;

/**
 * Main-content extraction from an HTML page with jsoup.
 *
 * <ol>
 * <li>Site furniture — navigation, share bars, comment sections, related lists, captions,
 * hidden elements — is set aside by tag, ARIA role and class/id words ({@link Lexicon}),
 * except where it would hold most of the page's text (a page wrapped in one form).</li>
 * <li>The page's text is cut into blocks at block-level elements, each remembering the
 * element it sits in and where its text nodes start in the source.</li>
 * <li>The article container is the first known article-body container (articleBody
 * markup, common body classes, {@code article}, {@code main}) holding enough text; failing
 * that, the element whose paragraphs score best (length, commas, link density, class
 * hints), with sibling blocks that score close to it.</li>
 * <li>Fallbacks: when the chosen container yields too little, the scored candidate is tried,
 * then every block of the page outside furniture that is not mostly links (recall pass).</li>
 * </ol>
 * All of this is one pass over the DOM for statistics and one for blocks.
 */
public final class HtmlExtractor {
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header",
            "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table",
            "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "figure", "figcaption", "form",
            "fieldset", "address", "hr", "details", "summary", "center", "body", "html", "hgroup", "menu", "dialog",
            "legend", "noscript", "output", "search");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "li", "dd");

    private final ExtractConfig config;
    private final Lexicon lex;

    public HtmlExtractor(ExtractConfig config) {
        this.config = config;
        this.lex = config.lexicon();
    }

    /** A run of inline text between block boundaries. */
    private static final class Block {
        final Element parent;
        final String text;
        final List<int[]> runs; // {offset in text, document offset, length}
        final int linkChars;

        Block(Element parent, String text, List<int[]> runs, int linkChars) {
            this.parent = parent;
            this.text = text;
            this.runs = runs;
            this.linkChars = linkChars;
        }

        double linkDensity() {
            return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
        }
    }

    public Extraction extract(Document doc) {
        String html = doc.content();
        org.jsoup.nodes.Document page = Parser.htmlParser().setTrackPosition(true)
                .parseInput(html, doc.metadata().url() == null ? "" : doc.metadata().url());
        Element body = page.body();
        PageMeta meta = new PageMeta(page, doc.metadata().url());

        Map<Element, int[]> stats = stats(body);
        int pageChars = Math.max(1, stats.getOrDefault(body, new int[2])[0]);
        // On a forum thread or Q&A page the replies are the content, not furniture.
        boolean discussion = meta.discussion;
        Map<Element, RemovedKind> furniture = markFurniture(body, stats, pageChars, true, discussion);
        List<Block> all = new ArrayList<>();
        List<Block> chosen = choose(body, furniture, stats, all);
        if (chars(chosen) < lex.retryMinChars) {
            // Class names mislead most often: try again trusting only tags, roles and hiding.
            Map<Element, RemovedKind> plain = markFurniture(body, stats, pageChars, false, discussion);
            List<Block> allAgain = new ArrayList<>();
            List<Block> again = choose(body, plain, stats, allAgain);
            if (chars(again) > chars(chosen)) {
                chosen = again;
                all = allAgain;
                furniture = plain;
            }
        }

        StringBuilder text = new StringBuilder();
        List<BodyRun> map = new ArrayList<>();
        String title = meta.title;
        boolean titleSkipped = false;
        // Links are furniture inside an article, but on a listing or a shop's collection page
        // the linked items are the content: keep them where links carry most of the text.
        boolean listing = linkShare(chosen) > lex.listingLinkShare;
        if (!listing) {
            chosen = trimEdges(chosen);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Block b : chosen) {
            // The same cue lines as in scraped text: "Share this", "Leave a Reply".
            RemovedKind cue = b.text.length() <= 80 ? lex.cueKind(b.text) : null;
            if (cue != null && cue != RemovedKind.BYLINE) {
                continue;
            }
            if (b.text.length() >= lex.minParagraphChars && !seen.add(b.text)) {
                continue; // responsive layouts and no-script copies repeat whole paragraphs
            }
            if (!listing && b.linkDensity() > lex.maxLinkDensity && b.text.length() < 200) {
                continue;
            }
            if (!titleSkipped && title != null && b.text.equals(title)) {
                titleSkipped = true; // the headline is the title, not the body
                continue;
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int base = text.length();
            for (int[] r : b.runs) {
                map.add(new BodyRun(base + r[0], r[1], r[2]));
            }
            text.append(b.text);
        }
        List<String> notes = new ArrayList<>();
        if (text.length() < lex.recallMinChars && meta.articleBody != null
                && meta.articleBody.length() > text.length()) {
            // Last fallback: the page renders its text with scripts, but declares it in JSON-LD.
            // That text has no place in the page's visible source, so the body map stays empty.
            text.setLength(0);
            map.clear();
            text.append(String.join("\n\n", meta.articleBody.lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList()));
            notes.add("body taken from JSON-LD articleBody; no map to the page source");
        }
        if (text.length() < config.minBodyChars()) {
            return new Extraction.Rejected(doc.id(), doc.source(),
                    "no article text found in HTML (" + text.length() + " characters)");
        }
        List<Removed> removed = removedRegions(furniture, html);
        LocalDate published = meta.published != null ? meta.published : visibleDate(all, chosen);
        Metadata pageMeta = new Metadata(meta.siteName, null, meta.url, published);
        Metadata m = doc.metadata().orElse(pageMeta);
        Article a = new Article(doc.id(), doc.source(), m.outlet(), m.domain(), m.url(), title, meta.author,
                m.published(), text.toString(), map, removed);
        return new Extraction.Ok(a, notes);
    }

    /** Container, then scored candidates, then the whole page outside furniture. */
    private List<Block> choose(Element body, Map<Element, RemovedKind> furniture, Map<Element, int[]> stats,
                               List<Block> allOut) {
        List<Block> blocks = blocks(body, furniture);
        allOut.addAll(blocks);
        List<Block> chosen = List.of();
        int prose = proseChars(blocks);
        for (Element container : markupContainers(body, furniture, stats)) {
            List<Block> inside = within(blocks, List.of(container));
            // A teaser card or one answer of a FAQ can carry the same markup: the article
            // container holds a good share of the page's prose.
            if (proseChars(inside) >= lex.containerMinShare * prose) {
                chosen = inside;
                break;
            }
        }
        if (chars(chosen) < lex.recallMinChars) {
            List<Block> byScore = within(blocks, scoredContainers(blocks, stats));
            if (chars(byScore) > chars(chosen)) {
                chosen = byScore;
            }
        }
        // Recall pass: the whole page outside furniture, when the choice is small or — for a
        // page whose prose is spread over many sections — holds too little of the prose.
        if (chars(chosen) < lex.recallMinChars || proseChars(chosen) < lex.spreadMinShare * prose) {
            chosen = blocks;
        }
        return chosen;
    }

    /**
     * A date written near the top of the article when the page's markup gives none: the
     * first short block holding a full date, among the few blocks before the article's first
     * block and its own first blocks (bylines sit there: "April 8, 2024", "Updated Oct 23, 2025").
     */
    private static LocalDate visibleDate(List<Block> all, List<Block> chosen) {
        if (chosen.isEmpty()) {
            return null;
        }
        int start = all.indexOf(chosen.get(0));
        int from = Math.max(0, start - 12);
        int to = Math.min(all.size(), Math.max(start, 0) + 12);
        for (int i = from; i < to; i++) {
            String t = all.get(i).text;
            if (t.length() <= 80) {
                LocalDate d = PageMeta.textDate(t);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /**
     * Fragments after the last paragraph of an article — share prompts, tag lists, "read
     * next" stubs, dates — are not part of it; nor are dates and reading times above the
     * first paragraph.
     */
    private List<Block> trimEdges(List<Block> blocks) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (isParagraph(blocks.get(i))) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return blocks;
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i > last && b.text.length() < lex.trailingFragmentChars && !isSentence(b.text)) {
                continue;
            }
            if (i < first && (lex.isDateOnly(b.text) || lex.isReadingTime(b.text))) {
                continue;
            }
            out.add(b);
        }
        return out;
    }

    private static boolean isSentence(String t) {
        return ".!?\"”’)…".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    private boolean isParagraph(Block b) {
        String t = b.text;
        return t.length() >= 2 * lex.minParagraphChars && b.linkDensity() <= lex.maxLinkDensity
                && ".!?\"”’)…:".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** Share of the blocks' text that sits in link-dense blocks. */
    private double linkShare(List<Block> blocks) {
        int all = 0;
        int linked = 0;
        for (Block b : blocks) {
            all += b.text.length();
            if (b.linkDensity() > lex.maxLinkDensity) {
                linked += b.text.length();
            }
        }
        return all == 0 ? 0 : (double) linked / all;
    }

    /** Characters in paragraph-like blocks: long enough and not mostly links. */
    private int proseChars(List<Block> blocks) {
        int n = 0;
        for (Block b : blocks) {
            if (b.text.length() >= lex.minParagraphChars && b.linkDensity() <= lex.maxLinkDensity) {
                n += b.text.length();
            }
        }
        return n;
    }

    private static int chars(List<Block> blocks) {
        int n = 0;
        for (Block b : blocks) {
            n += b.text.length();
        }
        return n;
    }

    // --- statistics: {text chars, link chars} per element, one post-order pass ---

    private static Map<Element, int[]> stats(Element root) {
        Map<Element, int[]> stats = new IdentityHashMap<>();
        NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode t) {
                    int len = visibleLength(t.getWholeText());
                    Element p = t.parent();
                    if (p != null && len > 0) {
                        int[] s = stats.computeIfAbsent(p, k -> new int[2]);
                        s[0] += len;
                        if (p.normalName().equals("a")) {
                            s[1] += len;
                        }
                    }
                } else if (node instanceof Element e && e != root) {
                    int[] mine = stats.get(e);
                    if (mine != null && e.parent() != null) {
                        int[] up = stats.computeIfAbsent(e.parent(), k -> new int[2]);
                        up[0] += mine[0];
                        up[1] += e.normalName().equals("a") ? mine[0] : mine[1];
                    }
                }
            }
        }, root);
        return stats;
    }

    private static int visibleLength(String s) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    n++;
                }
                space = true;
            } else {
                n++;
                space = false;
            }
        }
        return n;
    }

    private static int textOf(Map<Element, int[]> stats, Element e) {
        int[] s = stats.get(e);
        return s == null ? 0 : s[0];
    }

    private static double linkDensity(Map<Element, int[]> stats, Element e) {
        int[] s = stats.get(e);
        return s == null || s[0] == 0 ? 0 : (double) s[1] / s[0];
    }

    // --- furniture ---

    private Map<Element, RemovedKind> markFurniture(Element body, Map<Element, int[]> stats, int pageChars,
                                                    boolean useHints, boolean discussion) {
        Map<Element, RemovedKind> furniture = new IdentityHashMap<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el) || el == body) {
                    return FilterResult.CONTINUE;
                }
                RemovedKind k = furnitureKind(el, stats, pageChars, useHints, discussion);
                if (k != null) {
                    furniture.put(el, k);
                    return FilterResult.SKIP_CHILDREN;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        return furniture;
    }

    private RemovedKind furnitureKind(Element el, Map<Element, int[]> stats, int pageChars, boolean useHints,
                                      boolean discussion) {
        if (textOf(stats, el) == 0) {
            return null; // holds no text: nothing to set aside, and no need to read its classes
        }
        String tag = el.normalName();
        if (lex.dropTags.contains(tag)) {
            return RemovedKind.OTHER;
        }
        boolean big = textOf(stats, el) > lex.furnitureMaxShare * pageChars;
        if (isHidden(el) && !big) {
            return RemovedKind.OTHER; // hidden, unless it holds the page (streamed server rendering)
        }
        if (isArticleMarkup(el)) {
            return null;
        }
        if (lex.captionTags.contains(tag)) {
            return RemovedKind.CAPTION;
        }
        RemovedKind byRole = lex.furnitureRoles.get(el.attr("role").toLowerCase(Locale.ROOT));
        if (byRole != null && !big) {
            return byRole;
        }
        String classId = useHints ? el.className() + " " + el.id() : "";
        List<String> words = classId.isBlank() ? List.of() : Lexicon.hintWords(classId);
        RemovedKind k = lex.hintKind(words);
        if (lex.boilerplateTags.contains(tag) && !big) {
            if (tag.equals("form") && hasArticleInside(el)) {
                return null;
            }
            return k != null ? k : RemovedKind.BOILERPLATE; // class words say which furniture
        }
        if (tag.equals("header") && !big && el.closest("article, main") == null) {
            return RemovedKind.BOILERPLATE; // the site's header; an article's own header holds its headline
        }
        if (big) {
            return null;
        }
        if (k == null) {
            return null;
        }
        // Comments and related lists are furniture even inside "content" wrappers; the rest
        // yields to a positive hint ("sidebar-content" aside, "entry-content" wins).
        if (k == RemovedKind.COMMENT && discussion) {
            return null;
        }
        boolean strong = k == RemovedKind.COMMENT || k == RemovedKind.RELATED;
        return strong || !lex.positiveHint(words) ? k : null;
    }

    private static boolean hasArticleInside(Element form) {
        return form.selectFirst("article, main, [itemprop=articleBody]") != null;
    }

    private static boolean isHidden(Element el) {
        if (el.hasAttr("hidden") || "true".equalsIgnoreCase(el.attr("aria-hidden"))) {
            return true;
        }
        String style = el.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private static boolean isArticleMarkup(Element el) {
        return "articleBody".equals(el.attr("itemprop"));
    }

    private static List<Removed> removedRegions(Map<Element, RemovedKind> furniture, String html) {
        List<Removed> removed = new ArrayList<>();
        for (Map.Entry<Element, RemovedKind> e : furniture.entrySet()) {
            Element el = e.getKey();
            if (e.getValue() == RemovedKind.OTHER) {
                continue; // scripts, styles and hidden elements: never visible, not worth listing
            }
            String text = el.text();
            if (text.isBlank()) {
                continue;
            }
            Range r = el.sourceRange();
            Range er = el.endSourceRange();
            int start = r.isTracked() ? r.startPos() : 0;
            int end = er.isTracked() ? er.endPos() : (r.isTracked() ? r.endPos() : 0);
            end = Math.max(start, Math.min(end, html.length()));
            removed.add(new Removed(e.getValue(), start, end, text));
        }
        removed.sort(Comparator.comparingInt(Removed::documentStart));
        return removed;
    }

    // --- blocks ---

    /** The page's text outside furniture, cut into blocks at block-level elements. */
    private List<Block> blocks(Element body, Map<Element, RemovedKind> furniture) {
        List<Block> out = new ArrayList<>();
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
                out.add(new Block(stack.isEmpty() ? body : stack.get(stack.size() - 1), cur.substring(0, end), rs,
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
    private static List<Block> within(List<Block> blocks, List<Element> roots) {
        List<Block> out = new ArrayList<>();
        for (Block b : blocks) {
            for (Element p = b.parent; p != null; p = p.parent()) {
                if (roots.contains(p)) {
                    out.add(b);
                    break;
                }
            }
        }
        return out;
    }

    // --- container choice ---

    /** Known article-body containers holding enough text outside furniture, most trusted first. */
    private List<Element> markupContainers(Element body, Map<Element, RemovedKind> furniture, Map<Element, int[]> stats) {
        int rules = lex.bodyContainers.size();
        Element[] best = new Element[rules];
        int[] bestChars = new int[rules];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (furniture.containsKey(el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                int chars = textOf(stats, el);
                if (chars < lex.articleMarkupMinChars) {
                    return FilterResult.SKIP_ENTIRELY; // nothing below can hold enough either
                }
                for (int r = 0; r < rules; r++) {
                    if (chars > bestChars[r] && containerRule(el, lex.bodyContainers.get(r))) {
                        best[r] = el;
                        bestChars[r] = chars;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        List<Element> out = new ArrayList<>();
        for (int r = 0; r < rules; r++) {
            if (best[r] != null && linkDensity(stats, best[r]) < 0.5 && !out.contains(best[r])) {
                out.add(best[r]);
            }
        }
        return out;
    }

    /** "itemprop:articleBody", "class:entry-content", "tag:article", "role:main", "id:content". */
    private static boolean containerRule(Element el, String rule) {
        int colon = rule.indexOf(':');
        String kind = rule.substring(0, colon);
        String value = rule.substring(colon + 1);
        return switch (kind) {
            case "tag" -> el.normalName().equals(value);
            case "class" -> el.hasClass(value);
            case "id" -> el.id().equals(value);
            default -> el.attr(kind).equals(value);
        };
    }

    private static boolean insideFurniture(Element e, Map<Element, RemovedKind> furniture) {
        for (Element p = e; p != null; p = p.parent()) {
            if (furniture.containsKey(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Readability-style scoring: every paragraph-like block of 25+ characters gives its
     * element's parent a score (1 + commas + length/100, at most 3 for length) and its
     * grandparent half. The best element, weighted by class hints and discounted by link
     * density, wins; siblings scoring close to it join.
     */
    private List<Element> scoredContainers(List<Block> blocks, Map<Element, int[]> stats) {
        Map<Element, Double> scores = new HashMap<>();
        for (Block b : blocks) {
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
            double s = (e.getValue() + classWeight(el)) * (1 - linkDensity(stats, el));
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
        if (tag.equals("article") || tag.equals("main") || isArticleMarkup(el)) {
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
