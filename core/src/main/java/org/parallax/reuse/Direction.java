package org.parallax.reuse;

/** Whether a link's source is known to have come first. */
public enum Direction {
    SOURCE_TO_TARGET("source-to-target"),
    UNKNOWN("unknown");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
