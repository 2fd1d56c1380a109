package org.parallax.compare;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Content words of a text, lower-cased and lightly stemmed, for comparing contexts. */
final class Words {
    private static final Set<String> STOP = org.parallax.stories.Stopwords.english();
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]*");

    private Words() {
    }

    /** Stems of the words of three letters or more that are not stop words, in order, once each. */
    static Set<String> stems(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (w.endsWith("'s") || w.endsWith("’s")) {
                w = w.substring(0, w.length() - 2);
            }
            if (w.length() >= 3 && !STOP.contains(w)) {
                out.add(stem(w));
            }
        }
        return out;
    }

    static boolean isStop(String lower) {
        return STOP.contains(lower);
    }

    /** A light English stemmer: plural -s, -es, -ies; -ing; -ed; -ly ("bombing", "bombs" → "bomb"). */
    static String stem(String w) {
        String x = w;
        if (x.endsWith("ies") && x.length() > 4) {
            x = x.substring(0, x.length() - 3) + "y";
        } else if (x.endsWith("sses")) {
            x = x.substring(0, x.length() - 2);
        } else if (x.endsWith("s") && !x.endsWith("ss") && !x.endsWith("us") && !x.endsWith("is") && x.length() > 3) {
            x = x.substring(0, x.length() - 1);
        }
        if (x.endsWith("ing") && x.length() > 5) {
            x = undouble(x.substring(0, x.length() - 3));
        } else if (x.endsWith("ed") && x.length() > 4) {
            x = undouble(x.substring(0, x.length() - 2));
        } else if (x.endsWith("ly") && x.length() > 5) {
            x = x.substring(0, x.length() - 2);
        }
        if (x.endsWith("e") && x.length() > 4) {
            x = x.substring(0, x.length() - 1);
        }
        return x;
    }

    private static String undouble(String x) {
        int n = x.length();
        if (n > 3 && x.charAt(n - 1) == x.charAt(n - 2) && "lsz".indexOf(x.charAt(n - 1)) < 0) {
            return x.substring(0, n - 1);
        }
        return x;
    }

    /** Dice overlap of two stem sets. */
    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String s : a) {
            if (b.contains(s)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }
}
