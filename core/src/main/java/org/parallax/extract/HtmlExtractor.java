package org.parallax.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.parallax.ingest.Document;
import org.parallax.ingest.Metadata;

/**
 * Main-content extraction from an HTML page with jsoup. Site furniture (navigation, share
 * bars, comment sections, related lists, captions) is set aside by tag and class/id evidence
 * and recorded as removed; the article container is the element whose paragraphs score best
 * (text length, commas, low link density, class/id hints, article/main/articleBody markup).
 * Title and date come from page metadata (Open Graph, JSON-LD, time elements) when the
 * manifest does not give them.
 */
public final class HtmlExtractor {
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6",
            "li", "blockquote", "pre", "dd", "dt", "td", "th", "figcaption", "address");
    private static final Pattern URL_DATE = Pattern.compile("/(20\\d\\d|19\\d\\d)[/-](\\d\\d)[/-](\\d\\d)/");

    private final ExtractConfig config;
    private final Lexicon lex;

    public HtmlExtractor(ExtractConfig config) {
        this.config = config;
        this.lex = config.lexicon();
    }

    public Extraction extract(Document doc) {
        String html = doc.content();
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        org.jsoup.nodes.Document page = parser.parseInput(html, doc.metadata().url() == null ? "" : doc.metadata().url());

        String title = pageTitle(page);
        Metadata pageMeta = new Metadata(meta(page, "og:site_name"), null, canonical(page), pageDate(page, doc));

        List<Removed> removed = new ArrayList<>();
        Map<Element, RemovedKind> furniture = new IdentityHashMap<>();
        Element bodyEl = page.body();
        markFurniture(bodyEl, furniture);

        Element container = bestContainer(bodyEl, furniture);
        for (Map.Entry<Element, RemovedKind> e : furniture.entrySet()) {
            Element el = e.getKey();
            String text = el.text();
            if (text.isBlank()) {
                continue;
            }
            Range r = el.sourceRange();
            Range er = el.endSourceRange();
            int start = r.isTracked() ? r.startPos() : 0;
            int end = er.isTracked() ? er.endPos() : (r.isTracked() ? r.endPos() : 0);
            if (!hasFurnitureAncestor(el, furniture)) {
                removed.add(new Removed(e.getValue(), start, Math.max(start, Math.min(end, html.length())),
                        text));
            }
        }
        removed.sort((a, b) -> Integer.compare(a.documentStart(), b.documentStart()));

        StringBuilder body = new StringBuilder();
        List<BodyRun> map = new ArrayList<>();
        if (container != null) {
            collectBlocks(container, furniture, title, body, map);
        }
        if (body.length() < config.minBodyChars()) {
            // Recall pass: the best container was too small; take every paragraph on the page.
            body.setLength(0);
            map.clear();
            collectBlocks(bodyEl, furniture, title, body, map);
        }
        if (body.length() < config.minBodyChars()) {
            return new Extraction.Rejected(doc.id(), doc.source(),
                    "no article text found in HTML (" + body.length() + " characters)");
        }
        Metadata m = doc.metadata().orElse(pageMeta);
        Article a = new Article(doc.id(), doc.source(), m.outlet(), m.domain(), m.url(), title, author(page),
                m.published(), body.toString(), map, removed);
        return new Extraction.Ok(a, List.of());
    }

    private static boolean hasFurnitureAncestor(Element el, Map<Element, RemovedKind> furniture) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (furniture.containsKey(p)) {
                return true;
            }
        }
        return false;
    }

    private void markFurniture(Element root, Map<Element, RemovedKind> furniture) {
        for (Element el : root.getAllElements()) {
            if (el == root) {
                continue;
            }
            String tag = el.normalName();
            if (lex.dropTags.contains(tag)) {
                furniture.put(el, RemovedKind.OTHER);
                continue;
            }
            if (lex.captionTags.contains(tag)) {
                furniture.put(el, RemovedKind.CAPTION);
                continue;
            }
            String hints = (el.className() + " " + el.id()).trim().toLowerCase(Locale.ROOT);
            RemovedKind k = lex.hintKind(hints);
            if (k == null && lex.boilerplateTags.contains(tag)) {
                k = RemovedKind.BOILERPLATE;
            }
            // An element marked as the article body is never furniture, whatever its class says.
            if (k != null && !isArticleMarkup(el)) {
                furniture.put(el, k);
            }
        }
    }

    private static boolean isArticleMarkup(Element el) {
        return el.normalName().equals("article") || el.normalName().equals("main")
                || "articleBody".equals(el.attr("itemprop"));
    }

    /** Readability-style scoring: paragraphs vote for their parent and, half, grandparent. */
    private Element bestContainer(Element root, Map<Element, RemovedKind> furniture) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : root.select("p, pre, blockquote, td")) {
            if (insideFurniture(p, furniture)) {
                continue;
            }
            String text = p.text();
            if (text.length() < lex.minParagraphChars) {
                continue;
            }
            double s = 1 + count(text, ',') + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, s, Double::sum);
                Element grand = parent.parent();
                if (grand != null) {
                    scores.merge(grand, s / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element el = e.getKey();
            double s = e.getValue() + classWeight(el);
            s *= 1 - linkDensity(el);
            if (s > bestScore) {
                bestScore = s;
                best = el;
            }
        }
        return best;
    }

    private double classWeight(Element el) {
        double w = 0;
        String hints = (el.className() + " " + el.id()).toLowerCase(Locale.ROOT);
        if (!hints.isBlank() && lex.positiveHints.matcher(hints).find()) {
            w += 25;
        }
        if (isArticleMarkup(el)) {
            w += 30;
        }
        return w;
    }

    private static boolean insideFurniture(Element el, Map<Element, RemovedKind> furniture) {
        for (Element p = el; p != null; p = p.parent()) {
            if (furniture.containsKey(p)) {
                return true;
            }
        }
        return false;
    }

    private static double linkDensity(Element el) {
        int total = el.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : el.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, (double) links / total);
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

    /**
     * Appends each block (paragraph, heading, list item, block quote) of {@code container} to
     * the body as its own paragraph, with one body run per text node pointing at where that
     * node starts in the page.
     */
    private void collectBlocks(Element container, Map<Element, RemovedKind> furniture, String title,
                               StringBuilder body, List<BodyRun> map) {
        List<Element> blocks = new ArrayList<>();
        for (Element el : container.getAllElements()) {
            if (!BLOCKS.contains(el.normalName()) || insideFurniture(el, furniture)) {
                continue;
            }
            // Only innermost blocks: an <li> holding <p>s contributes through its <p>s.
            if (!el.select(String.join(",", BLOCKS)).stream().allMatch(x -> x == el)) {
                continue;
            }
            blocks.add(el);
        }
        if (blocks.isEmpty() && !insideFurniture(container, furniture)) {
            blocks.add(container);
        }
        for (Element b : blocks) {
            String text = b.text();
            if (text.isBlank() || (b.normalName().equals("h1") && text.equals(title))) {
                continue;
            }
            if (linkDensity(b) > lex.maxLinkDensity && text.length() < 200) {
                continue;
            }
            if (body.length() > 0) {
                body.append("\n\n");
            }
            appendBlock(b, body, map);
        }
    }

    private static void appendBlock(Element block, StringBuilder body, List<BodyRun> map) {
        int startLen = body.length();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode tn) {
                    String t = normalise(tn.getWholeText());
                    if (t.isEmpty()) {
                        return;
                    }
                    boolean needSpace = body.length() > startLen
                            && !Character.isWhitespace(body.charAt(body.length() - 1))
                            && Character.isWhitespace(tn.getWholeText().charAt(0));
                    if (needSpace) {
                        body.append(' ');
                    }
                    String piece = body.length() == startLen || Character.isWhitespace(body.charAt(body.length() - 1))
                            ? t.stripLeading() : t;
                    if (piece.isEmpty()) {
                        return;
                    }
                    Range r = tn.sourceRange();
                    if (r.isTracked()) {
                        int raw = r.endPos() - r.startPos();
                        int lead = leadingSpace(tn.getWholeText());
                        map.add(new BodyRun(body.length(), r.startPos() + Math.min(lead, raw),
                                Math.max(0, Math.min(piece.length(), raw - lead))));
                    }
                    body.append(piece);
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    body.append(' ');
                }
            }
        }, block);
        // Trailing white space of the block is not kept.
        int end = body.length();
        while (end > startLen && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        body.setLength(end);
        // Runs must not reach into the trimmed white space.
        for (int i = map.size() - 1; i >= 0; i--) {
            BodyRun r = map.get(i);
            if (r.bodyStart() + r.length() <= end) {
                break;
            }
            int len = Math.max(0, end - r.bodyStart());
            if (len == 0) {
                map.remove(i);
            } else {
                map.set(i, new BodyRun(r.bodyStart(), r.documentStart(), len));
            }
        }
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    b.append(' ');
                }
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        return b.toString();
    }

    private static String pageTitle(org.jsoup.nodes.Document page) {
        String og = meta(page, "og:title");
        if (og != null) {
            return og;
        }
        Element h1 = page.selectFirst("article h1, main h1, h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text();
        }
        String t = page.title();
        return t.isBlank() ? null : t;
    }

    /** The author from page metadata or a byline element; null when the page names none. */
    static String author(org.jsoup.nodes.Document page) {
        for (String p : List.of("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")) {
            String v = meta(page, p);
            if (v != null && !v.startsWith("http") && v.length() <= 120) {
                return v;
            }
        }
        for (Element s : page.select("script[type=application/ld+json]")) {
            String v = jsonLdAuthor(s.data());
            if (v != null) {
                return v;
            }
        }
        for (Element e : page.select("[rel=author], [itemprop=author], .byline, .author, .author-name, .byline-name")) {
            String t = e.text().strip().replaceFirst("(?i)^(by|written by|posted by)\\s+", "");
            if (!t.isEmpty() && t.length() <= 80) {
                return t;
            }
        }
        return null;
    }

    private static String jsonLdAuthor(String json) {
        try {
            JsonNode n = new ObjectMapper().readTree(json);
            JsonNode a = findNode(n, "author");
            if (a == null) {
                return null;
            }
            if (a.isArray()) {
                List<String> names = new ArrayList<>();
                for (JsonNode x : a) {
                    String name = x.isTextual() ? x.asText() : x.path("name").asText(null);
                    if (name != null && !name.isBlank()) {
                        names.add(name.strip());
                    }
                }
                return names.isEmpty() ? null : String.join(", ", names);
            }
            String name = a.isTextual() ? a.asText() : a.path("name").asText(null);
            return name == null || name.isBlank() ? null : name.strip();
        } catch (Exception e) {
            return null; // broken JSON-LD is common; it is only evidence
        }
    }

    private static JsonNode findNode(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        if (n.isObject() && n.has(field)) {
            return n.get(field);
        }
        if (n.isContainerNode()) {
            for (JsonNode c : n) {
                JsonNode v = findNode(c, field);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String meta(org.jsoup.nodes.Document page, String property) {
        Element m = page.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        if (m == null) {
            return null;
        }
        String c = m.attr("content").strip();
        return c.isEmpty() ? null : c;
    }

    private static String canonical(org.jsoup.nodes.Document page) {
        Element l = page.selectFirst("link[rel=canonical]");
        String href = l == null ? null : l.attr("href").strip();
        if (href == null || href.isEmpty()) {
            href = meta(page, "og:url");
        }
        return href;
    }

    /** Publication date from page evidence only; null when the page says nothing. */
    private static LocalDate pageDate(org.jsoup.nodes.Document page, Document doc) {
        List<String> candidates = new ArrayList<>();
        for (String p : List.of("article:published_time", "og:published_time", "datePublished",
                "pubdate", "publish-date", "date", "dc.date", "DC.date.issued")) {
            String v = meta(page, p);
            if (v != null) {
                candidates.add(v);
            }
        }
        Element ip = page.selectFirst("[itemprop=datePublished]");
        if (ip != null) {
            candidates.add(ip.hasAttr("content") ? ip.attr("content") : ip.attr("datetime"));
        }
        for (Element s : page.select("script[type=application/ld+json]")) {
            String v = jsonLdDate(s.data());
            if (v != null) {
                candidates.add(v);
            }
        }
        Element time = page.selectFirst("article time[datetime], time[datetime]");
        if (time != null) {
            candidates.add(time.attr("datetime"));
        }
        for (String c : candidates) {
            LocalDate d = parseDate(c);
            if (d != null) {
                return d;
            }
        }
        String url = doc.metadata().url();
        if (url != null) {
            Matcher m = URL_DATE.matcher(url);
            if (m.find()) {
                return parseDate(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
            }
        }
        return null;
    }

    private static String jsonLdDate(String json) {
        try {
            JsonNode n = new ObjectMapper().readTree(json);
            return findField(n, "datePublished");
        } catch (Exception e) {
            return null; // broken JSON-LD is common; it is only evidence
        }
    }

    private static String findField(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        if (n.isObject()) {
            JsonNode v = n.get(field);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        if (n.isContainerNode()) {
            for (JsonNode c : n) {
                String v = findField(c, field);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static LocalDate parseDate(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(t.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
