package org.parallax.compare;

/** Whose voice a sentence is in. */
public enum VoiceLabel {
    ATTRIBUTED("attributed"), OWN("own"), UNATTRIBUTED_CLAIM("unattributed-claim");

    private final String label;

    VoiceLabel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
