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

    /** The direction with this {@link #label()}. */
    public static Direction of(String label) {
        for (Direction d : values()) {
            if (d.label.equals(label)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no direction \"" + label + "\"");
    }
}
