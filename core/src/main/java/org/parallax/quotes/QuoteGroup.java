package org.parallax.quotes;

import java.util.List;
import java.util.Objects;

/**
 * One statement as several articles print it. {@code first} is the earliest appearance
 * (by publication date, then corpus order); every other member is a {@link Variant} compared
 * word by word with the closest earlier appearance in another article.
 *
 * @param speakers the distinct resolved speakers of the members, in member order; more than
 *                 one means outlets attribute the statement to different people
 */
public record QuoteGroup(String id, List<String> quotes, String first, List<String> articles,
                         List<String> speakers, List<Variant> variants) implements java.io.Serializable {
    public QuoteGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(first, "first");
        quotes = List.copyOf(quotes);
        articles = List.copyOf(articles);
        speakers = List.copyOf(speakers);
        variants = List.copyOf(variants);
    }

    /**
     * How one appearance differs from its base.
     *
     * @param verbatim    the same words in the same order (case and punctuation aside)
     * @param excerpt     the variant's words stand word for word, in one run, inside the base:
     *                    it quotes part of the statement (neutral — outlets quote what they need)
     * @param cut         "start", "end" or "both" only where an excerpt is printed as if it were
     *                    the whole statement: a full quotation (not a few words inside the
     *                    reporter's sentence) that opens as a sentence where the base's sentence
     *                    goes on before it, or closes with a full stop where the base's sentence
     *                    goes on; else null
     * @param splicedFrom two or more quotes of one other article that this single quote joins
     * @param speakerFrom the base's speaker when this variant names a different one, else null
     * @param similarity  words in common over the longer of the two (0..1)
     */
    public record Variant(String quote, String base, boolean verbatim, boolean excerpt, String cut,
                          List<String> splicedFrom, String speakerFrom, String speakerTo, double similarity,
                          List<Change> changes) implements java.io.Serializable {
        public Variant {
            Objects.requireNonNull(quote, "quote");
            Objects.requireNonNull(base, "base");
            splicedFrom = List.copyOf(splicedFrom);
            changes = List.copyOf(changes);
        }

        /**
         * Whether the variant changes what was said: words changed, added or dropped inside the
         * quotation, quotations of another article spliced into one, another speaker, or a cut
         * ({@link #cut}); an excerpt or a verbatim repeat does not.
         */
        public boolean altered() {
            return !splicedFrom.isEmpty() || speakerFrom != null || cut != null || !verbatim && !excerpt;
        }
    }

    /** What a word-level change did. */
    public enum ChangeType {
        ADDED, DROPPED, SUBSTITUTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One word-level change: {@code start/end} in the variant's article, {@code baseStart/
     * baseEnd} in the base's. A dropped run has empty text on the variant's side and
     * {@code start == end} at the point where its words would be; an added run likewise on
     * the base's side.
     */
    public record Change(ChangeType type, String text, int start, int end, String baseText, int baseStart,
                         int baseEnd) implements java.io.Serializable {
        public Change {
            Objects.requireNonNull(type, "type");
        }
    }
}
