package org.parallax.ingest;

import java.nio.file.Path;
import java.util.List;
import org.parallax.model.Problem;

/**
 * Documents read, in input order, the inputs that could not be read, the files read (whole,
 * without a problem) and the files passed over as unchanged.
 */
public record IngestResult(List<Document> documents, List<Problem> problems, List<Path> files, List<Path> skipped) {
    public IngestResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    public IngestResult(List<Document> documents, List<Problem> problems) {
        this(documents, problems, List.of(), List.of());
    }
}
