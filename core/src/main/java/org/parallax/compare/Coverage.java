package org.parallax.compare;

import java.util.List;

/**
 * Per article of a story: how much it says in its own voice and how much it attributes, and
 * the information units it alone carries ({@code unique}) or leaves out while most other
 * independent sources carry them ({@code omitted}).
 */
public record Coverage(String article, String outlet, int sentences, int attributed, int own,
                       int unattributedClaims, int quotes, double ownShare, List<String> unique,
                       List<String> omitted) {
    public Coverage {
        unique = List.copyOf(unique);
        omitted = List.copyOf(omitted);
    }

    Coverage withUnits(List<String> uniqueUnits, List<String> omittedUnits) {
        return new Coverage(article, outlet, sentences, attributed, own, unattributedClaims, quotes, ownShare,
                uniqueUnits == null ? List.of() : uniqueUnits, omittedUnits == null ? List.of() : omittedUnits);
    }
}
