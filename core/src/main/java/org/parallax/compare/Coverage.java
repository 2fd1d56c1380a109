package org.parallax.compare;

/** Per article of a story: how much it says in its own voice and how much it attributes. */
public record Coverage(String article, String outlet, int sentences, int attributed, int own,
                      int unattributedClaims, int quotes, double ownShare) {
}
