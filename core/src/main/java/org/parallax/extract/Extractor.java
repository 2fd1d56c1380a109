package org.parallax.extract;

import org.parallax.ingest.Document;

/** The extract stage: one document in, its article (or the reason there is none) out. */
public final class Extractor {
    private Extractor() {
    }

    public static Extraction extract(Document doc, ExtractConfig config) {
        if (doc.format() == org.parallax.ingest.Format.TEXT && doc.content().length() > config.maxChars()) {
            return tooLong(doc, doc.content().length(), config);
        }
        Extraction x = switch (doc.format()) {
            case HTML -> new HtmlExtractor(config).extract(doc);
            case TEXT -> new TextCleaner(config).clean(doc);
        };
        if (x instanceof Extraction.Ok ok && ok.article().body().length() > config.maxChars()) {
            return tooLong(doc, ok.article().body().length(), config);
        }
        return x;
    }

    private static Extraction tooLong(Document doc, int chars, ExtractConfig config) {
        return new Extraction.Rejected(doc.id(), doc.source(), "longer than any article: " + chars
                + " characters of text (limit " + config.maxChars() + ")");
    }
}
