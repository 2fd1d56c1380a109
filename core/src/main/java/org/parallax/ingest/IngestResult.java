package org.parallax.ingest;

import java.util.List;
import org.parallax.model.Problem;

/** Documents read, in input order, and the inputs that could not be read. */
public record IngestResult(List<Document> documents, List<Problem> problems) {
    public IngestResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
