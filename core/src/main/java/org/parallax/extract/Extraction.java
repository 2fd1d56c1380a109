package org.parallax.extract;

import java.util.List;

/** What extraction made of one document. */
public sealed interface Extraction {
    record Ok(Article article, List<String> notes) implements Extraction {
        public Ok {
            notes = List.copyOf(notes);
        }
    }

    record Rejected(String documentId, String source, String reason) implements Extraction {
    }
}
