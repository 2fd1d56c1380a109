package org.parallax.model;

import java.util.Objects;

/**
 * A failure confined to one input: the run reports it and goes on with the others.
 *
 * @param source the file name or URL the problem is about
 * @param stage  the stage that gave up ("ingest", "extract", ...)
 * @param reason one line a user can act on
 */
public record Problem(String source, String stage, String reason) {
    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        reason = reason.replace('\n', ' ').strip();
    }

    /** The one-line form printed to the terminal. */
    public String line() {
        return source + ": " + stage + ": " + reason;
    }
}
