package org.parallax.text;

import java.util.Objects;
import org.parallax.extract.Article;

/** An article with its text layer: the unit every corpus-wide stage reads. */
public record Annotated(Article article, TextAnnotation text) {
    public Annotated {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(text, "text");
        if (!article.id().equals(text.articleId())) {
            throw new IllegalArgumentException("text layer of " + text.articleId() + " given for " + article.id());
        }
    }

    public String id() {
        return article.id();
    }
}
