package org.parallax.extract;

/**
 * One run of the body map: body characters {@code [bodyStart, bodyStart + length)} were read
 * from document characters {@code [documentStart, documentStart + length)}.
 */
public record BodyRun(int bodyStart, int documentStart, int length) {
    public BodyRun {
        if (bodyStart < 0 || documentStart < 0 || length < 0) {
            throw new IllegalArgumentException("negative body run");
        }
    }
}
