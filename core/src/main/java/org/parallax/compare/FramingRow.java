package org.parallax.compare;

import java.util.List;
import java.util.Map;

/**
 * How the articles of a story name one referent. {@code kind}: "entity" (words attached to
 * one entity's mentions, aligned across articles), "family" (which member of a family of
 * alternative words each article uses: "regime" / "government") or "evaluative" (loaded
 * words each article uses in its own voice). {@code slot} says where the words stand:
 * "name" ("Marlow regime"), "of" ("the fall of Zenda"), "act" ("Zenda was liberated"), or
 * the family's name. {@code terms}: article id → the words it uses, most used first.
 */
public record FramingRow(String referent, String label, String kind, String slot,
                         Map<String, List<TermUse>> terms) {
    public FramingRow {
        terms = Map.copyOf(terms);
    }

    /** One word as one article uses it: how often, how often inside a quotation, and where. */
    public record TermUse(String term, int count, int quoted, List<int[]> spans) {
        public TermUse {
            spans = List.copyOf(spans);
        }
    }
}
