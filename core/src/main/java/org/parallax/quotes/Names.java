package org.parallax.quotes;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Name surface helpers: splitting role words off a capitalised run, and folding spellings. */
final class Names {
    static final String PARTICLES = "de|van|von|bin|ibn|al|el|da|di|du|der|den|la|le|dos|del|ben|abu";
    /**
     * A capitalised word: a title abbreviated with a dot ("Rep.", "Mr."), or a letter in upper
     * case then letters, marks, apostrophes, hyphens, or an initial.
     */
    static final String CAP = "(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Capt|Sgt|Maj|Rev|Prof|Pres|Sr|Jr|St|Adm|Cmdr|Supt|Det|Atty|Amb)\\."
            + "|\\p{Lu}[\\p{L}\\p{M}'’-]*[\\p{L}\\p{M}]|\\p{Lu}\\.?";
    /** Arabic article prefixes written joined to a capitalised word inside names ("Fateh al-Sham"). */
    static final String JOINED = "(?:al|el|ad|ar|as|ash|at|az|ibn|bin|abu)-";
    static final String NAME = "(?:" + CAP + ")(?: (?:(?:" + PARTICLES + ") )?(?:" + JOINED + ")?(?:" + CAP + ")){0,5}";
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    /** Folded place name to the folded canonical name of its place. */
    private static final java.util.Map<String, String> PLACES = loadPlaces();

    private static java.util.Map<String, String> loadPlaces() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (var in = Names.class.getResourceAsStream("places.txt")) {
            if (in == null) {
                throw new IllegalStateException("places.txt missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] names = t.split("\\s+=\\s+");
                for (String n : names) {
                    out.putIfAbsent(fold(n), fold(names[0]));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read places.txt", e);
        }
        return java.util.Map.copyOf(out);
    }

    /** A country, region or city named in {@code places.txt} (case and spelling folded). */
    static boolean isPlace(String name) {
        return !name.isEmpty() && PLACES.containsKey(fold(name));
    }

    /**
     * Key under which organisation and place names group: folded, without a leading article
     * ("the", or the Arabic "al-"/"el-" that transliterations keep or drop); a place's other
     * names ("US", "America") key as its canonical name.
     */
    private static final java.util.regex.Pattern LEADING_ARTICLE = java.util.regex.Pattern.compile(
            "^(?:[Tt]he\\s+|[Aa]l-|[Ee]l-|[Aa]l\\s+(?=\\p{Lu}))");

    static String orgKey(String name) {
        String s = fold(LEADING_ARTICLE.matcher(name.strip()).replaceFirst(""));
        return PLACES.getOrDefault(s, s);
    }

    private Names() {
    }

    /** A capitalised run split into leading role words and the name proper. */
    record Split(String role, String name, int nameOffset) {
    }

    /**
     * Splits "Swedish Foreign Minister Anna Berg" into role "Swedish Foreign Minister" and
     * name "Anna Berg". Leading sentence words ("The", "Meanwhile") are dropped first.
     * Returns null when nothing name-like remains.
     */
    static Split split(String run, Cues cues) {
        String[] toks = run.split("\\s+");
        int i = 0;
        int offset = 0;
        while (i < toks.length && cues.notNames.contains(lower(toks[i]))) {
            offset += toks[i].length() + 1;
            i++;
        }
        StringBuilder role = new StringBuilder();
        while (i < toks.length - 1 && isRoleWord(toks[i], cues)) {
            if (role.length() > 0) {
                role.append(' ');
            }
            role.append(toks[i]);
            offset += toks[i].length() + 1;
            i++;
        }
        if (i >= toks.length) {
            return null;
        }
        boolean allRoles = true;
        for (int k = i; k < toks.length; k++) {
            allRoles &= isRoleWord(toks[k], cues) || cues.orgNouns.contains(lower(toks[k]));
        }
        if (allRoles) {
            return null; // "President", "Secretary": an office, not a name
        }
        StringBuilder name = new StringBuilder();
        for (int k = i; k < toks.length; k++) {
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(toks[k]);
        }
        String n = stripPossessive(name.toString());
        return n.isEmpty() ? null : new Split(role.toString(), n, offset);
    }

    /** Characters of {@code run} taken by leading sentence words ("The", "Meanwhile"). */
    static int leadingNotNames(String run, Cues cues) {
        String[] toks = run.split("\\s+");
        int offset = 0;
        for (int i = 0; i < toks.length - 1 && cues.notNames.contains(lower(toks[i])); i++) {
            offset += toks[i].length() + 1;
        }
        return offset;
    }

    static boolean isRoleWord(String tok, Cues cues) {
        String l = lower(tok);
        int dash = l.indexOf('-');
        if (dash > 0) {
            l = l.substring(0, dash); // "President-elect", "ex-minister" keep their role head
        }
        return cues.titles.contains(l) || cues.roleNouns.contains(l) || isGentilic(tok);
    }

    /** "Russian", "Italian", "Syrian", "Chinese", "Israeli": adjectives of nationality. */
    static boolean isGentilic(String tok) {
        String l = lower(tok);
        return l.length() > 4 && (l.endsWith("ian") || l.endsWith("ese") || l.endsWith("ish")
                || l.endsWith("can") || l.endsWith("eli") || l.endsWith("aqi") || l.endsWith("ani"));
    }

    static boolean isOrg(String name, Cues cues) {
        String l = lower(name);
        for (String n : cues.orgNouns) {
            if (l.endsWith(" " + n) || l.equals(n)) {
                return true;
            }
        }
        return false;
    }

    static String stripPossessive(String s) {
        if (s.endsWith("'s") || s.endsWith("’s")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("'") || s.endsWith("’")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    static String lower(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(l.length());
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c != '.' && c != '’' && c != '\'') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Spelling-insensitive key: "Sergey" and "Sergei", "Qa'eda" and "Qaeda" fold alike. */
    static String fold(String s) {
        String d = NFD.normalize(s.toLowerCase(Locale.ROOT));
        StringBuilder b = new StringBuilder();
        char last = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (!Character.isLetter(c) && c != ' ') {
                continue;
            }
            if (c == 'y') {
                c = 'i';
            }
            if (c == last || c == ' ' && b.isEmpty()) {
                continue; // doubled letters fold to one, runs of spaces too
            }
            b.append(c);
            last = c;
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        return b.substring(0, end);
    }

    static List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        for (String t : name.split("\\s+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static String surname(String name) {
        List<String> t = tokens(name);
        return t.isEmpty() ? "" : t.get(t.size() - 1);
    }
}
