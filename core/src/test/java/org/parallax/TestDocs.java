package org.parallax;

import java.time.LocalDate;
import org.parallax.extract.Article;
import org.parallax.extract.BodyRun;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnalyzer;
import org.parallax.text.TextConfig;

/** Builds annotated articles from a body written for a test. */
public final class TestDocs {
    private TestDocs() {
    }

    public static Annotated annotated(String id, String outlet, LocalDate published, String body) {
        Article a = new Article(id, id + ".txt", outlet, null, null, "Title of " + id, null, published, body,
                java.util.List.of(new BodyRun(0, 0, body.length())), java.util.List.of());
        return new Annotated(a, TextAnalyzer.analyze(a, TextConfig.defaults()));
    }
}
