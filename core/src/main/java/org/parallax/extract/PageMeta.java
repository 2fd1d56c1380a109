package org.parallax.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself: headline, author, publication date, site name, canonical
 * URL — from Open Graph and other meta tags, JSON-LD, time elements, the URL,
 * and the visible headline. Only evidence in the page is used; nothing is guessed.
 */
final class PageMeta {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d\\d)[/-](\\d\\d)[/-](\\d\\d)(?:/|[^\\d])");

    final String title;
    final String author;
    final LocalDate published;
    final String siteName;
    final String url;
    /** JSON-LD articleBody (or a discussion post's text), null when the page has none. */
    final String articleBody;
    /** The page declares itself a discussion (forum thread, Q&amp;A): its replies are its content. */
    final boolean discussion;
    private boolean discussionMarkup;

    private final List<JsonNode> jsonLd;
    /** Meta tags by lower-cased property, name or itemprop; the first non-empty one wins. */
    private final java.util.Map<String, String> metas = new java.util.LinkedHashMap<>(); // document order
    private final List<Element> h1s = new ArrayList<>();
    private final List<Element> authors = new ArrayList<>();
    private final List<Element> times = new ArrayList<>();
    private final List<Element> dateish = new ArrayList<>();
    private final List<String> ldScripts = new ArrayList<>();
    private Element datePublished;
    private String canonicalHref;

    PageMeta(Document page, String knownUrl) {
        gather(page);
        jsonLd = readJsonLd(ldScripts);
        siteName = firstNonBlank(meta(page, "og:site_name"), jsonLdString("publisher", "name"));
        url = firstNonBlank(canonical(page), knownUrl);
        articleBody = jsonLdText("articleBody");
        title = title(page, siteName);
        author = author(page);
        published = date(page, url);
        discussion = discussionMarkup || jsonLdDiscussion();
    }

    /** One pass over the page for every element the metadata needs. */
    private void gather(Document page) {
        for (Element e : page.getAllElements()) {
            String tag = e.normalName();
            switch (tag) {
                case "meta" -> {
                    String c = e.attr("content").strip();
                    if (!c.isEmpty()) {
                        for (String key : List.of("property", "name", "itemprop")) {
                            String k = e.attr(key).strip().toLowerCase(Locale.ROOT);
                            if (!k.isEmpty()) {
                                metas.putIfAbsent(k, c);
                            }
                        }
                    }
                }
                case "script" -> {
                    if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
                        ldScripts.add(e.data());
                    }
                }
                case "h1" -> h1s.add(e);
                case "link" -> {
                    if (canonicalHref == null && e.attr("rel").equalsIgnoreCase("canonical")) {
                        canonicalHref = e.attr("href").strip();
                    }
                }
                case "time" -> {
                    if (e.hasAttr("datetime")) {
                        times.add(e);
                    }
                    dateish.add(e);
                }
                default -> {
                }
            }
            String itemtype = e.attr("itemtype");
            if (!itemtype.isEmpty() && DISCUSSION.matcher(itemtype).find()) {
                discussionMarkup = true;
            }
            String itemprop = e.attr("itemprop");
            // The first dated item of the page: on a thread, the opening post ("dateCreated"
            // on Q&A sites) comes before its replies.
            if (datePublished == null && (itemprop.equals("datePublished") || itemprop.equals("dateCreated"))) {
                datePublished = e;
            }
            String cls = e.className();
            if (itemprop.equals("author") || (!cls.isEmpty() && hasAuthorClass(cls))
                    || e.attr("rel").equals("author")) {
                authors.add(e);
            }
            if (!cls.isEmpty() && !tag.equals("time")) {
                String l = cls.toLowerCase(Locale.ROOT);
                if (l.contains("date") || l.contains("time") || l.contains("publish") || l.contains("posted")
                        || l.contains("meta")) {
                    dateish.add(e);
                }
            }
        }
    }

    private static final Set<String> AUTHOR_CLASSES = Set.of("byline", "author-name", "byline-name", "author");

    private static boolean hasAuthorClass(String cls) {
        for (String c : cls.split(" ")) {
            if (AUTHOR_CLASSES.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern DISCUSSION = Pattern.compile("DiscussionForumPosting|QAPage|SocialMediaPosting");

    private boolean jsonLdDiscussion() {
        for (JsonNode root : jsonLd) {
            if (DISCUSSION.matcher(root.toString()).find()) {
                return true;
            }
        }
        return false;
    }

    // --- title ---

    /**
     * The visible headline: an h1 agreeing with the page's declared titles when there is one
     * (the h1 is what a reader calls the title; og:title and &lt;title&gt; often carry the
     * site's name), else the declared title with the site's name cut off.
     */
    private String title(Document page, String site) {
        String og = firstNonBlank(meta(page, "og:title"), meta(page, "twitter:title"), jsonLdString("headline"));
        String head = page.title().strip();
        List<String> declared = new ArrayList<>();
        if (og != null) {
            declared.add(og);
        }
        if (!head.isEmpty()) {
            declared.add(head);
        }
        Element best = null;
        double bestScore = 0;
        for (Element h1 : h1s) {
            String t = clean(h1.text());
            if (t.isEmpty() || t.length() > 300) {
                continue;
            }
            double score = 0.1;
            for (String d : declared) {
                score = Math.max(score, overlap(t, d));
            }
            if (score > bestScore) {
                bestScore = score;
                best = h1;
            }
        }
        // Several h1s: the page uses them for styling, not to name itself — trust the declared
        // title, unless there is none.
        boolean h1Names = h1s.size() == 1 || declared.isEmpty();
        if (best != null && h1Names && (bestScore >= 0.5 || declared.isEmpty())) {
            return clean(best.text());
        }
        for (String d : declared) {
            String t = stripSiteName(d, site);
            if (!t.isEmpty()) {
                return t;
            }
        }
        return best == null ? null : clean(best.text());
    }

    /** "Flood Hits Town | The Valley Post" gives "Flood Hits Town". */
    static String stripSiteName(String title, String site) {
        String t = clean(title);
        String[] parts = t.split("\\s+[|\u2013\u2014\u00b7\u2022:]\\s+|\\s+-\\s+");
        if (parts.length < 2) {
            return t;
        }
        if (site != null) {
            String s = site.toLowerCase(Locale.ROOT);
            List<String> kept = new ArrayList<>();
            for (String p : parts) {
                if (!p.toLowerCase(Locale.ROOT).equals(s) && !s.contains(p.toLowerCase(Locale.ROOT))) {
                    kept.add(p);
                }
            }
            if (!kept.isEmpty() && kept.size() < parts.length) {
                return String.join(" - ", kept);
            }
        }
        // The longest part is the headline; site names are short.
        String longest = parts[0];
        for (String p : parts) {
            if (p.length() > longest.length()) {
                longest = p;
            }
        }
        return longest.length() >= t.length() / 2 ? longest : t;
    }

    private static double overlap(String a, String b) {
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String w : wa) {
            if (wb.contains(w)) {
                common++;
            }
        }
        return (double) common / wa.size();
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    // --- author ---

    private String author(Document page) {
        String fromLd = jsonLdAuthor();
        if (fromLd != null) {
            return fromLd;
        }
        for (String p : List.of("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")) {
            String v = meta(page, p);
            if (v != null && !v.startsWith("http") && v.length() <= 120) {
                return v.replaceFirst("(?i)^by\\s+", "");
            }
        }
        for (Element e : authors) {
            String t = clean(e.text()).replaceFirst("(?i)^(by|written by|posted by)\\s+", "");
            if (!t.isEmpty() && t.length() <= 80) {
                return t;
            }
        }
        return null;
    }

    private String jsonLdAuthor() {
        for (JsonNode root : jsonLd) {
            JsonNode a = find(root, "author");
            if (a == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode x : a.isArray() ? a : List.of(a)) {
                String name = x.isTextual() ? x.asText() : x.path("name").asText(null);
                if (name != null && !name.isBlank() && !name.startsWith("http")) {
                    names.add(clean(name));
                }
            }
            if (!names.isEmpty()) {
                return String.join(", ", names);
            }
        }
        return null;
    }

    // --- date ---

    private LocalDate date(Document page, String pageUrl) {
        List<String> candidates = new ArrayList<>();
        String ld = jsonLdString("datePublished");
        if (ld != null) {
            candidates.add(ld);
        }
        for (String p : List.of("article:published_time", "og:published_time", "datePublished", "date",
                "publish-date", "publish_date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
                "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "og:pubdate")) {
            String v = meta(page, p);
            if (v != null) {
                candidates.add(v);
            }
        }
        // Site-specific names of the same field ("w-published-date", "published-date").
        for (var e : metas.entrySet()) {
            if (PUBLISHED_KEY.matcher(e.getKey()).find() && !NOT_PUBLISHED_KEY.matcher(e.getKey()).find()) {
                candidates.add(e.getValue());
            }
        }
        Element ip = datePublished;
        if (ip != null) {
            candidates.add(ip.hasAttr("content") ? ip.attr("content") : ip.hasAttr("datetime") ? ip.attr("datetime") : ip.text());
        }
        for (String c : candidates) {
            LocalDate d = parseDate(c);
            if (d != null) {
                return d;
            }
        }
        for (Element t : times) {
            LocalDate d = parseDate(t.attr("datetime"));
            if (d != null) {
                return d;
            }
        }
        if (pageUrl != null) {
            Matcher m = URL_DATE.matcher(pageUrl);
            if (m.find()) {
                LocalDate d = parseDate(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
                if (d != null) {
                    return d;
                }
            }
        }
        // Visible dates in the byline area: the first date in elements named like dates.
        for (Element e : dateish) {
            String text = e.ownText().isBlank() ? e.text() : e.ownText();
            if (text.length() > 120) {
                continue;
            }
            LocalDate d = textDate(text);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static final Pattern PUBLISHED_KEY = Pattern.compile("publish|pub-?date|date-?published|issued");
    private static final Pattern NOT_PUBLISHED_KEY = Pattern.compile("modif|updat|last|expir|revis|count|status");

    static LocalDate textDate(String text) {
        return TextDates.first(text);
    }

    static LocalDate parseDate(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() >= 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
            try {
                return LocalDate.parse(t.substring(0, 10));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return TextDates.first(t);
    }

    // --- helpers ---

    private static List<JsonNode> readJsonLd(List<String> scripts) {
        List<JsonNode> out = new ArrayList<>();
        for (String s : scripts) {
            try {
                out.add(JSON.readTree(s));
            } catch (Exception e) {
                // broken JSON-LD is common; it is only evidence
            }
        }
        return out;
    }

    /** A long text field of JSON-LD, line breaks kept (jsonLdString collapses white space). */
    private String jsonLdText(String field) {
        for (JsonNode root : jsonLd) {
            JsonNode n = find(root, field);
            if (n != null && n.isTextual() && !n.asText().isBlank()) {
                return n.asText().strip();
            }
        }
        return null;
    }

    /** The first textual value of {@code path} in any JSON-LD block, searching nested objects. */
    private String jsonLdString(String... path) {
        for (JsonNode root : jsonLd) {
            JsonNode n = find(root, path[0]);
            for (int i = 1; n != null && i < path.length; i++) {
                n = n.isArray() && n.size() > 0 ? n.get(0).get(path[i]) : n.get(path[i]);
            }
            if (n != null && n.isTextual() && !n.asText().isBlank()) {
                return clean(n.asText());
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        if (n.isObject() && n.has(field) && !n.get(field).isNull()) {
            return n.get(field);
        }
        if (n.isContainerNode()) {
            for (JsonNode c : n) {
                JsonNode v = find(c, field);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private String meta(Document page, String property) {
        return metas.get(property.toLowerCase(Locale.ROOT));
    }

    private String canonical(Document page) {
        String href = canonicalHref;
        if (href == null || href.isEmpty()) {
            href = meta(page, "og:url");
        }
        return href;
    }

    private static String firstNonBlank(String... xs) {
        for (String x : xs) {
            if (x != null && !x.isBlank()) {
                return x.strip();
            }
        }
        return null;
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        // Permalink marks that documentation generators append to headings.
        String t = s.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
        return t.replaceFirst("\\s*[\u00b6#\u00a7]$", "").strip();
    }
}
