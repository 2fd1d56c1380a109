package org.parallax.stories;

/**
 * A part of an article clustered on its own: the whole body of a normal article, or one entry
 * or section of a live blog or digest. Offsets are into the article's body.
 *
 * @param id      the article id for a whole article, else {@code article#n} (n from 1)
 * @param heading the section's own headline, or null
 * @param cue     what opened the section: "lead" (the page's opening, before the first
 *                marker), "update" (an UPDATE or timestamp marker), "entry" (ORIGINAL ENTRY,
 *                EARLIER), "heading" (a headline inside the body), or "article" for a whole
 *                article
 */
public record Segment(String id, String article, int index, int start, int end, String heading, String cue) {
    public boolean whole() {
        return "article".equals(cue);
    }
}
