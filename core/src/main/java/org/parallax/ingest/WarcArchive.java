package org.parallax.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.parallax.model.Problem;

/**
 * Reads the HTML pages of a WARC or WARC.gz file (jwarc): response records with status 200 and
 * an HTML payload, each one {@link Document} whose source is the record's target URI. Other
 * records are skipped; a record that cannot be read, or a file cut short, is a {@link Problem}
 * naming the file and the record, and what was read before it is kept.
 */
final class WarcArchive {
    private WarcArchive() {
    }

    static boolean isWarc(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".warc") || n.endsWith(".warc.gz");
    }

    static void read(Path file, IngestConfig config, DocumentSink docs, List<Problem> problems) {
        int records = 0;
        long lastAt = -1;
        try (WarcReader reader = new WarcReader(file)) {
            reader.onWarning(w -> problems.add(new Problem(file.toString(), "ingest", "WARC warning: " + w)));
            while (true) {
                WarcRecord record;
                try {
                    record = reader.next().orElse(null);
                } catch (IOException | RuntimeException e) {
                    problems.add(new Problem(file.toString(), "ingest", "WARC cut short or corrupt after record "
                            + records + ": " + oneLine(e.getMessage())));
                    return;
                }
                if (record == null) {
                    return;
                }
                records++;
                // A negative Content-Length makes the reader step back over records it has read
                // (jwarc takes it as given): the rest of the file cannot be trusted.
                long at = reader.position();
                if (record.body().size() < 0 || at >= 0 && at <= lastAt) {
                    problems.add(new Problem(file.toString(), "ingest", "WARC corrupt at record " + records
                            + ": a negative Content-Length, or a record that does not follow the one before; the rest of the file is not read"));
                    return;
                }
                lastAt = at;
                if (!(record instanceof WarcResponse response)) {
                    continue;
                }
                String uri;
                try {
                    uri = response.target();
                } catch (RuntimeException e) {
                    problems.add(new Problem(file + " record " + records, "ingest", "unreadable WARC record: "
                            + oneLine(e.getMessage())));
                    continue;
                }
                String where = file + " record " + uri;
                try {
                    HttpResponse http = response.http();
                    MediaType type = http.contentType();
                    if (http.status() != 200 || type == null || !type.subtype().toLowerCase(java.util.Locale.ROOT)
                            .contains("html")) {
                        continue;
                    }
                    byte[] body;
                    try (InputStream in = http.bodyDecoded().stream()) {
                        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBytes() + 1));
                    }
                    if (body.length > config.maxBytes()) {
                        problems.add(new Problem(where, "ingest", "too large: over " + config.maxBytes() + " bytes"));
                        continue;
                    }
                    String charset = type.parameters().get("charset");
                    Decoder.Decoded d = Decoder.decode(body, "page.html", charset, config);
                    docs.accept(new Document(docs.nextId(), uri, uri, d.format(), d.text(),
                            new Metadata(null, host(uri), uri, null)));
                } catch (Decoder.BadInput e) {
                    problems.add(new Problem(where, "ingest", e.getMessage()));
                } catch (IOException | RuntimeException e) {
                    problems.add(new Problem(where, "ingest", "unreadable WARC record: " + oneLine(e.getMessage())));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), "ingest", "cannot read WARC: " + oneLine(e.getMessage())));
        }
    }

    /** A message on one line (parsers quote the input, line breaks included). */
    static String oneLine(String message) {
        return message == null ? "no detail" : message.replaceAll("\\s+", " ").strip();
    }

    private static String host(String uri) {
        try {
            String h = java.net.URI.create(uri).getHost();
            return h == null ? null : h.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
