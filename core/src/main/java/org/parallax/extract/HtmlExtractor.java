package org.parallax.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
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

    private final ExtractConfig config;
    private final Lexicon lex;

    public HtmlExtractor(ExtractConfig config) {
        this.config = config;
        this.lex = config.lexicon();
    }


    public Extraction extract(Document doc) {
        String html = doc.content();
        org.jsoup.nodes.Document page = Parser.htmlParser().setTrackPosition(true)
                .parseInput(html, doc.metadata().url() == null ? "" : doc.metadata().url());
        Element body = page.body();
        PageMeta meta = new PageMeta(page, doc.metadata().url());

        DomStats stats = DomStats.of(body);
        int pageChars = Math.max(1, stats.textOf(body));
        // On a forum thread or Q&A page the replies are the content, not furniture.
        boolean discussion = meta.discussion;
        Map<Element, RemovedKind> furniture = markFurniture(body, stats, pageChars, true, discussion);
        List<TextBlock> all = new ArrayList<>();
        List<TextBlock> chosen = choose(body, furniture, stats, all);
        if (chars(chosen) < lex.retryMinChars) {
            // Class names mislead most often: try again trusting only tags, roles and hiding.
            Map<Element, RemovedKind> plain = markFurniture(body, stats, pageChars, false, discussion);
            List<TextBlock> allAgain = new ArrayList<>();
            List<TextBlock> again = choose(body, plain, stats, allAgain);
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
        for (TextBlock b : chosen) {
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
        Metadata pageMeta = new Metadata(org.parallax.ingest.SiteNames.clean(meta.siteName, meta.author), null, meta.url, published);
        Metadata m = doc.metadata().orElse(pageMeta);
        Article a = new Article(doc.id(), doc.source(), m.outlet(), m.domain(), m.url(), title, meta.author,
                m.published(), text.toString(), map, removed);
        return new Extraction.Ok(a, notes);
    }

    /** Container, then scored candidates, then the whole page outside furniture. */
    private List<TextBlock> choose(Element body, Map<Element, RemovedKind> furniture, DomStats stats,
                               List<TextBlock> allOut) {
        List<TextBlock> blocks = HtmlBlocks.collect(body, furniture);
        allOut.addAll(blocks);
        List<TextBlock> chosen = List.of();
        int prose = proseChars(blocks);
        for (Element container : markupContainers(body, furniture, stats)) {
            List<TextBlock> inside = HtmlBlocks.within(blocks, List.of(container));
            // A teaser card or one answer of a FAQ can carry the same markup: the article
            // container holds a good share of the page's prose.
            if (proseChars(inside) >= lex.containerMinShare * prose) {
                chosen = inside;
                break;
            }
        }
        if (chars(chosen) < lex.recallMinChars) {
            List<TextBlock> byScore = HtmlBlocks.within(blocks, new ContentScorer(lex).scoredContainers(blocks, stats));
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
    private static LocalDate visibleDate(List<TextBlock> all, List<TextBlock> chosen) {
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
    private List<TextBlock> trimEdges(List<TextBlock> blocks) {
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
        List<TextBlock> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            TextBlock b = blocks.get(i);
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

    private boolean isParagraph(TextBlock b) {
        String t = b.text;
        return t.length() >= 2 * lex.minParagraphChars && b.linkDensity() <= lex.maxLinkDensity
                && ".!?\"”’)…:".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** Share of the blocks' text that sits in link-dense blocks. */
    private double linkShare(List<TextBlock> blocks) {
        int all = 0;
        int linked = 0;
        for (TextBlock b : blocks) {
            all += b.text.length();
            if (b.linkDensity() > lex.maxLinkDensity) {
                linked += b.text.length();
            }
        }
        return all == 0 ? 0 : (double) linked / all;
    }

    /** Characters in paragraph-like blocks: long enough and not mostly links. */
    private int proseChars(List<TextBlock> blocks) {
        int n = 0;
        for (TextBlock b : blocks) {
            if (b.text.length() >= lex.minParagraphChars && b.linkDensity() <= lex.maxLinkDensity) {
                n += b.text.length();
            }
        }
        return n;
    }

    private static int chars(List<TextBlock> blocks) {
        int n = 0;
        for (TextBlock b : blocks) {
            n += b.text.length();
        }
        return n;
    }


    // --- furniture ---

    private Map<Element, RemovedKind> markFurniture(Element body, DomStats stats, int pageChars,
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

    private RemovedKind furnitureKind(Element el, DomStats stats, int pageChars, boolean useHints,
                                      boolean discussion) {
        if (stats.textOf(el) == 0) {
            return null; // holds no text: nothing to set aside, and no need to read its classes
        }
        String tag = el.normalName();
        if (lex.dropTags.contains(tag)) {
            return RemovedKind.OTHER;
        }
        boolean big = stats.textOf(el) > lex.furnitureMaxShare * pageChars;
        if (isHidden(el) && !big) {
            return RemovedKind.OTHER; // hidden, unless it holds the page (streamed server rendering)
        }
        if (isArticleMarkup(el)) {
            return null;
        }
        if (lex.captionTags.contains(tag)) {
            return RemovedKind.CAPTION;
        }
        if ((tag.equals("ul") || tag.equals("ol")) && isTableOfContents(el, stats)) {
            return RemovedKind.BOILERPLATE;
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

    /** A list of links to places in the same page ("#section"): navigation, not text. */
    private boolean isTableOfContents(Element list, DomStats stats) {
        if (stats.linkDensity(list) < lex.tocMinLinkDensity) {
            return false;
        }
        int links = 0;
        int anchors = 0;
        for (Element a : list.getElementsByTag("a")) {
            String href = a.attr("href").strip();
            if (href.isEmpty()) {
                continue;
            }
            links++;
            if (href.startsWith("#") && href.length() > 1) {
                anchors++;
            }
        }
        return links >= lex.tocMinLinks && anchors >= lex.tocAnchorShare * links;
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

    static boolean isArticleMarkup(Element el) {
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


    // --- container choice ---

    /** Known article-body containers holding enough text outside furniture, most trusted first. */
    private List<Element> markupContainers(Element body, Map<Element, RemovedKind> furniture, DomStats stats) {
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
                int chars = stats.textOf(el);
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
            if (best[r] != null && stats.linkDensity(best[r]) < 0.5 && !out.contains(best[r])) {
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

}
