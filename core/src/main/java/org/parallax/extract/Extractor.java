package org.parallax.extract;

import org.parallax.ingest.Document;

/** The extract stage: one document in, its article (or the reason there is none) out. */
public final class Extractor {
    private Extractor() {
    }

    public static Extraction extract(Document doc, ExtractConfig config) {
        return switch (doc.format()) {
            case HTML -> new HtmlExtractor(config).extract(doc);
            case TEXT -> new TextCleaner(config).clean(doc);
        };
    }
}
