package org.parallax.ingest;

import java.util.function.Consumer;

/**
 * Where readers put the documents they read, one at a time, so an archive of any size streams
 * through without being held whole. Ids are given in reading order: {@code a0}, {@code a1}, …
 */
public final class DocumentSink {
    private final Consumer<Document> consumer;
    private int count;

    public DocumentSink(Consumer<Document> consumer) {
        this.consumer = consumer;
    }

    /** The id the next document takes. */
    String nextId() {
        return "a" + count;
    }

    void accept(Document d) {
        count++;
        consumer.accept(d);
    }

    public int count() {
        return count;
    }
}
