package org.parallax.stories;

import java.util.List;
import java.util.Objects;

/**
 * A correction an analyst made by hand to the stories, kept with the corpus and applied again
 * after every analysis ({@link StoryCorrections#apply}). It names articles (or segments, as
 * {@code article#n}), never story ids alone, so it means the same thing however the next
 * analysis numbers its stories:
 * <ul>
 *   <li>{@link Kind#MERGE}: the story holding most of {@code items} and the story holding most
 *       of {@code target} are one story;</li>
 *   <li>{@link Kind#MOVE}: {@code items} leave their stories for the story holding most of
 *       {@code target};</li>
 *   <li>{@link Kind#SPLIT}: {@code items} leave their stories and form a story of their own
 *       ({@code target} is empty).</li>
 * </ul>
 *
 * @param id    the correction's number, in the order they were made (from 1)
 * @param made  when it was made (ISO-8601), or null
 * @param note  the analyst's reason, or null
 */
public record StoryCorrection(long id, Kind kind, List<String> items, List<String> target, String made, String note) {
    public enum Kind {
        MERGE, SPLIT, MOVE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The kind of a label ("merge", "split", "move"). */
        public static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown correction '" + label + "' (merge, split or move)");
        }
    }

    public StoryCorrection {
        Objects.requireNonNull(kind, "kind");
        items = List.copyOf(items);
        target = List.copyOf(target);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a correction names at least one article");
        }
        if (kind == Kind.SPLIT && !target.isEmpty()) {
            throw new IllegalArgumentException("a split has no target story");
        }
        if (kind != Kind.SPLIT && target.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.label() + " needs a target story");
        }
    }

    /** The article an item names ({@code d4} for {@code d4#2}). */
    static String article(String item) {
        int hash = item.indexOf('#');
        return hash < 0 ? item : item.substring(0, hash);
    }
}
