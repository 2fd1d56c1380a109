package org.parallax.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The article kept from one document: its title, publication date, clean body, the map from
 * the body back to the document, and every region that was removed with its reason.
 *
 * @param author    from a byline or page metadata; null when unknown
 * @param published from the manifest or from evidence in the page; null when unknown
 */
public record Article(String id, String source, String outlet, String domain, String url,
                      String title, String author, LocalDate published, String body, List<BodyRun> bodyMap,
                      List<Removed> removed) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
        title = title == null ? "" : title;
        bodyMap = List.copyOf(bodyMap);
        removed = List.copyOf(removed);
    }

    /** Maps a body offset to the document offset it was read from, or -1 if none. */
    public int documentOffset(int bodyOffset) {
        for (BodyRun r : bodyMap) {
            if (bodyOffset >= r.bodyStart() && bodyOffset < r.bodyStart() + r.length()) {
                return r.documentStart() + (bodyOffset - r.bodyStart());
            }
        }
        return -1;
    }
}
