package org.parallax.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.quotes.Cues;

/**
 * Verbs of saying or thinking that name a source: any verb of {@code cues.json} in any form,
 * except in the passive ("was described as" names no source) and except "continued",
 * "added", which are speech only beside a quotation the quote stage has already judged.
 */
final class SpeechVerbs {
    private static final Set<String> FORMS = Cues.defaults().verbForms();
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "these", "those", "its", "their", "his",
            "her", "our", "your", "my", "several", "such", "no", "every", "each", "whose", "at", "in", "on", "of", "for",
            "with", "about", "from", "into", "during", "without", "amid", "between", "among");
    private static final Pattern PASSIVE = Pattern.compile("(?:^|\\s)(?:was|were|is|are|be|been|being)\\s+(?:\\p{L}+ly\\s+)?$");
    private static final Set<String> FRAME_ONLY = Set.of("continued", "continues", "continue", "continuing", "added",
            "adds", "add", "adding", "went on", "goes on");

    private SpeechVerbs() {
    }

    /** Whether {@code lower} (one lower-case word) is a form of a verb of saying or thinking. */
    static boolean isSpeech(String lower) {
        return FORMS.contains(lower);
    }

    /** Offsets {@code [start, end)} of the active verbs of saying or thinking in {@code text}. */
    static List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        // A word scan with set lookups: one regex alternation of every verb costs far more.
        Matcher m = WORD.matcher(text);
        int prevStart = -1;
        String prevLower = null;
        String prevWord = null;
        while (m.find()) {
            String lower = m.group().toLowerCase(Locale.ROOT);
            int start = m.start();
            int end = m.end();
            String verb = null;
            if (prevLower != null && FORMS.contains(prevLower + " " + lower)
                    && text.substring(prevStart + prevLower.length(), start).isBlank()) {
                verb = prevLower + " " + lower; // "called for", "pointed out"
                start = prevStart;
                if (!out.isEmpty() && out.get(out.size() - 1)[0] == prevStart) {
                    out.remove(out.size() - 1);
                }
            } else if (FORMS.contains(lower)) {
                verb = lower;
            }
            String wordBefore = verb != null && verb.contains(" ") ? null : prevLower;
            prevStart = m.start();
            prevLower = lower;
            if (verb == null) {
                continue;
            }
            prevWord = wordBefore;
            String before = text.substring(Math.max(0, start - 12), start).toLowerCase(Locale.ROOT);
            boolean passive = !verb.endsWith("ing") && PASSIVE.matcher(before).find(); // "is saying" is not
            // A capital inside a sentence is a name's ("the United States", "Say Yes to Education").
            boolean name = Character.isUpperCase(text.charAt(start)) && !text.substring(0, start).isBlank()
                    && !text.substring(0, start).stripTrailing().endsWith("\"")
                    && !text.substring(0, start).stripTrailing().endsWith("“");
            // After a determiner or a preposition it is a noun or an adjective ("the reports", "at
            // talks", "the alleged attack"); an -s form after a gerund is a plural noun ("giving states").
            boolean noun = prevWord != null && (DETERMINERS.contains(prevWord)
                    || verb.endsWith("s") && prevWord.endsWith("ing") && prevWord.length() > 4);
            if (!passive && !name && !noun && !FRAME_ONLY.contains(verb)) {
                out.add(new int[] {start, end});
            }
        }
        return out;
    }
}
