package org.parallax.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An outlet's name from what a page says of its site (og:site_name, JSON-LD publisher): the
 * name alone, or null when what the page gives is no name — punctuation ("/"), the author's
 * name, a tagline ("News and views for people who make things"). A brand and a tagline joined
 * by a separator ("Daily Planet | Your city, your news") keep the brand. Unknown stays unknown:
 * a wrong outlet would make two articles of one site look like independent sources.
 */
public final class SiteNames {
    /** Separators between a brand and what follows it. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|–—·•-]\\s+|\\s*[|•·]\\s*|:\\s+");
    /** Small words a name may hold in lower case ("Museum of the City", "Books & more"). */
    private static final Set<String> SMALL = Set.of("of", "the", "and", "for", "in", "on", "at", "a", "an", "to", "&",
            "de", "du", "des", "la", "le", "el", "der", "die", "und", "y", "e", "da", "di", "von", "van", "by");
    private static final int MAX_WORDS = 6;
    /** What a page calls its site when it gives no name: a section or a page kind. */
    private static final Set<String> GENERIC = Set.of("home", "homepage", "home page", "blog", "the blog", "news",
            "articles", "article", "resources", "main", "untitled", "website", "site", "index", "page");

    private SiteNames() {
    }

    public static String clean(String siteName, String author) {
        if (siteName == null) {
            return null;
        }
        String s = siteName.strip().replaceAll("\\s+", " ").replaceAll("^[\\s|–—·•:/-]+|[\\s|–—·•:/-]+$", "");
        String[] parts = SEPARATOR.split(s);
        if (parts.length > 1) {
            String brand = null;
            for (String p : parts) {
                if (name(p.strip(), author)) {
                    brand = p.strip();
                    break;
                }
            }
            return brand;
        }
        return name(s, author) ? s : null;
    }

    /** Whether words read as a name: a letter, at most six words, mostly capitalised, not the author. */
    private static boolean name(String s, String author) {
        if (s.isEmpty() || s.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        if (author != null && fold(s).equals(fold(author)) || GENERIC.contains(s.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String[] words = s.split(" ");
        if (words.length > MAX_WORDS) {
            return false;
        }
        int lower = 0;
        int counted = 0;
        for (String w : words) {
            if (SMALL.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            counted++;
            int first = w.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
            if (first >= 0 && Character.isLowerCase(first) && !w.contains(".")) {
                lower++; // "nytimes.com", "eBay" keep their case
            }
        }
        // A tagline is mostly lower-case words; a one-word lower-case brand ("slate") is a name.
        return counted <= 1 || lower * 2 <= counted;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
