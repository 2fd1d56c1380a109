package org.parallax.ingest;

/** How a document's content is to be read by the extract stage. */
public enum Format {
    /** Text already scraped from a page, boilerplate and comments possibly left in. */
    TEXT,
    /** An HTML page. */
    HTML
}
