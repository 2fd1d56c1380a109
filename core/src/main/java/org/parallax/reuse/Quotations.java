package org.parallax.reuse;

/**
 * Where a body's text stands inside quotation marks, from the marks alone: double quotes,
 * curly (“ ”) or straight ("), and guillemets (« » and » «). A quotation ends at its
 * closing mark or at the end of its paragraph (a quotation running on into the next paragraph
 * opens that one again, as print does).
 */
public final class Quotations {
    /** Least share of a passage's characters inside quotation marks, on each side, for a shared quotation. */
    public static final double SHARE = 0.8;

    private Quotations() {
    }

    /**
     * The share of the characters of {@code [from, to)} that stand inside quotation marks
     * (0..1; spaces and the marks themselves not counted).
     */
    public static double share(String body, int from, int to) {
        if (to <= from) {
            return 0;
        }
        int i = Math.min(from, body.lastIndexOf('\n', Math.max(0, from - 1)) + 1);
        boolean open = false;
        boolean low = false; // opened by „, closed by “
        int inside = 0;
        int counted = 0;
        for (; i < to; i++) {
            char c = body.charAt(i);
            boolean mark = true;
            if (c == '\n') {
                open = false;
                mark = false;
            } else if (!open && (c == '“' || c == '«' || c == '„' || c == '"')) {
                open = true;
                low = c == '„';
            } else if (open && (c == '”' || c == '»' || c == '"' || low && c == '“')) {
                open = false;
            } else {
                mark = false;
            }
            if (i >= from && !mark && !Character.isWhitespace(c)) {
                counted++;
                inside += open ? 1 : 0;
            }
        }
        return counted == 0 ? 0 : (double) inside / counted;
    }

    /** Whether a passage lies inside quotation marks in both articles (a shared quotation, not a copy). */
    public static boolean both(String sourceBody, String targetBody, Passage p) {
        return share(sourceBody, p.sourceStart(), p.sourceEnd()) >= SHARE
                && share(targetBody, p.targetStart(), p.targetEnd()) >= SHARE;
    }
}
