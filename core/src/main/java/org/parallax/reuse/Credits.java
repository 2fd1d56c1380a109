package org.parallax.reuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Explicit credit lines: does an article say it took its text from a named outlet
 * ("X News Agency reports", "according to X", "(X)", "Source: X")? The outlet's name is
 * reduced to its distinctive words (generic words such as "news" or "agency" dropped), so
 * "Sputnik International" is credited by "Sputnik reports".
 */
final class Credits {
    private static final Set<String> GENERIC = Set.of("the", "news", "agency", "international",
            "online", "media", "network", "com", "www", "org", "net", "co", "uk", "daily", "today",
            "service", "group", "tv", "radio", "press", "world", "web", "site", "info", "wire", "wires");
    private static final String VERB = "(reports?|reported|reporting|said|says|writes|wrote|notes|noted|informs|cites)";

    private Credits() {
    }

    /** Distinctive name forms of an outlet, from its name and domain; empty when unknown. */
    static List<String> names(String outlet, String domain) {
        List<String> out = new ArrayList<>();
        if (outlet != null) {
            String d = distinctive(outlet);
            if (!d.isEmpty()) {
                out.add(d);
            }
        }
        if (domain != null) {
            String host = domain.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            int dot = host.indexOf('.');
            String stem = dot > 0 ? host.substring(0, dot) : host;
            // "sputniknews" -> "sputnik": strip a generic word glued to the end of the stem.
            for (String g : GENERIC) {
                if (stem.length() > g.length() + 2 && stem.endsWith(g)) {
                    stem = stem.substring(0, stem.length() - g.length());
                    break;
                }
            }
            if (stem.length() >= 3 && !out.contains(stem)) {
                out.add(stem);
            }
        }
        return out;
    }

    private static String distinctive(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !GENERIC.contains(w)) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(w);
            }
        }
        return b.toString();
    }

    /** Whether {@code body} credits an outlet known by one of {@code names}. */
    static String creditIn(String body, List<String> names) {
        for (String name : names) {
            for (Pattern p : PATTERNS.computeIfAbsent(name, Credits::patterns)) {
                var m = p.matcher(body);
                if (m.find()) {
                    return m.group();
                }
            }
        }
        return null;
    }

    /** Compiled once per outlet name: a corpus asks about the same outlets again and again. */
    private static final java.util.Map<String, Pattern[]> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern[] patterns(String name) {
        String n = Pattern.quote(name).replace(" ", "\\E\\s+\\Q");
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        // name, up to three more words (e.g. "News Agency"), then a reporting verb
        return new Pattern[] {
            Pattern.compile("\\b" + n + "\\b(\\s+[\\p{L}.]+){0,3}?\\s+" + VERB + "\\b", flags),
            Pattern.compile("\\b(according to|via|courtesy of|source:|sources:|reprinted from|originally published (by|on|at))\\s+(the\\s+)?"
                    + n + "\\b", flags),
            Pattern.compile("\\(\\s*" + n + "\\s*\\)", flags),
        };
    }
}
