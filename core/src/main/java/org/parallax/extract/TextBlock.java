package org.parallax.extract;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A run of inline text of an HTML page between block boundaries: the element it sits in, its
 * text with white space collapsed, its source runs ({offset in text, document offset,
 * length}) and how much of it is link text.
 */
final class TextBlock {
    final Element parent;
    final String text;
    final List<int[]> runs;
    final int linkChars;

    TextBlock(Element parent, String text, List<int[]> runs, int linkChars) {
        this.parent = parent;
        this.text = text;
        this.runs = runs;
        this.linkChars = linkChars;
    }

    double linkDensity() {
        return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }
}
