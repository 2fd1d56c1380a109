package org.parallax.quotes;

import java.util.Locale;

public enum EntityType {
    PERSON, ORGANIZATION, PLACE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
