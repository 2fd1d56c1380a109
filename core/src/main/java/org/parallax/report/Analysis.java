package org.parallax.report;

import java.util.List;
import org.parallax.compare.Comparison;
import org.parallax.compare.Figure;
import org.parallax.ingest.Document;
import org.parallax.model.Problem;
import org.parallax.quotes.QuoteResult;
import org.parallax.reuse.ReuseClusters;
import org.parallax.reuse.ReuseLink;
import org.parallax.stories.Story;
import org.parallax.text.Annotated;

/** Everything the stages found in one corpus, in the order the report presents it. */
public record Analysis(List<Document> documents, List<Annotated> articles, List<ReuseLink> reuse,
                       List<ReuseClusters.Cluster> reuseClusters, java.util.Map<String, String> duplicateOf,
                       QuoteResult quotes, List<Story> stories, List<Figure> figures, List<Comparison> comparisons,
                       List<Problem> problems, List<StageTime> timings) {
    /** Wall-clock time a stage took in this run. */
    public record StageTime(String stage, long millis) {
    }

    public Analysis {
        timings = List.copyOf(timings);
        documents = List.copyOf(documents);
        articles = List.copyOf(articles);
        reuse = List.copyOf(reuse);
        reuseClusters = List.copyOf(reuseClusters);
        duplicateOf = java.util.Map.copyOf(duplicateOf);
        stories = List.copyOf(stories);
        figures = List.copyOf(figures);
        comparisons = List.copyOf(comparisons);
        problems = List.copyOf(problems);
    }
}
