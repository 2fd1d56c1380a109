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
    private static final Pattern VERBS = Cues.defaults().verbPattern();
    private static final Pattern PASSIVE = Pattern.compile("(?:^|\\s)(?:was|were|is|are|be|been|being)\\s+(?:\\p{L}+ly\\s+)?$");
    private static final Set<String> FRAME_ONLY = Set.of("continued", "continues", "continue", "continuing", "added",
            "adds", "add", "adding", "went on", "goes on");

    private SpeechVerbs() {
    }

    /** Offsets {@code [start, end)} of the active verbs of saying or thinking in {@code text}. */
    static List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = VERBS.matcher(text);
        while (m.find()) {
            String verb = m.group().toLowerCase(Locale.ROOT);
            String before = text.substring(Math.max(0, m.start() - 12), m.start()).toLowerCase(Locale.ROOT);
            boolean passive = !verb.endsWith("ing") && PASSIVE.matcher(before).find(); // "is saying" is not
            // A capital inside a sentence is a name's ("the United States", "Say Yes to Education").
            boolean name = Character.isUpperCase(text.charAt(m.start())) && !text.substring(0, m.start()).isBlank()
                    && !text.substring(0, m.start()).stripTrailing().endsWith("\"")
                    && !text.substring(0, m.start()).stripTrailing().endsWith("“");
            if (!passive && !name && !FRAME_ONLY.contains(verb)) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }
}
