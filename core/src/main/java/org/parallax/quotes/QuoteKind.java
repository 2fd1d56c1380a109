package org.parallax.quotes;

import java.util.Locale;

/** direct: a quoted clause; partial: quoted words inside the reporter's sentence; indirect: reported speech. */
public enum QuoteKind {
    DIRECT, PARTIAL, INDIRECT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
