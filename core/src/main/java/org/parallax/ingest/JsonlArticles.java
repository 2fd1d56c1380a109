package org.parallax.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.parallax.model.Problem;

/**
 * Reads articles from JSON Lines, one object a line: {@code url}, {@code outlet}, {@code
 * published}, {@code title}, and {@code html} or {@code text}; news-please's field names are
 * read too ({@code maintext}, {@code date_publish}, {@code source_domain}). A line that is not
 * such an object is a {@link Problem} naming the file and line; the others go on.
 */
final class JsonlArticles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlArticles() {
    }

    static boolean isJsonl(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return (n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".ndjson")) && !Manifest.isManifestName(file);
    }

    static void read(Path file, IngestConfig config, DocumentSink docs, List<Problem> problems) {
        boolean gz = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
        try (var raw = Files.newInputStream(file);
             var in = new BufferedReader(new InputStreamReader(gz ? new GZIPInputStream(raw) : raw,
                     StandardCharsets.UTF_8))) {
            StringBuilder buf = new StringBuilder();
            Lines lines = new Lines(in, config.maxBytes());
            int n = 0;
            long length;
            while ((length = lines.next(buf)) >= 0) {
                n++;
                String where = file + ":" + n;
                if (length > config.maxBytes()) {
                    problems.add(new Problem(where, "ingest", "line too long: over " + config.maxBytes()
                            + " characters (limit)"));
                    continue;
                }
                String line = buf.toString();
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode o = JSON.readTree(line);
                    if (o == null || !o.isObject()) {
                        problems.add(new Problem(where, "ingest", "not a JSON object"));
                        continue;
                    }
                    Object r = record(o, where, docs.nextId());
                    if (r instanceof Document d) {
                        docs.accept(d);
                    } else {
                        problems.add((Problem) r);
                    }
                } catch (IOException e) {
                    problems.add(new Problem(where, "ingest", "invalid JSON: " + e.getMessage().lines().findFirst().orElse("")));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), "ingest", "cannot read: " + e.getMessage()));
        }
    }

    /**
     * Lines of a reader, each kept only up to a limit: a longer line is read through to its end
     * but not kept, so a huge line (a gzip bomb of one line) costs no memory.
     */
    static final class Lines {
        private final java.io.Reader in;
        private final long max;
        private final char[] chunk = new char[1 << 16];
        private int pos;
        private int end;

        Lines(java.io.Reader in, long max) {
            this.in = in;
            this.max = max;
        }

        /**
         * Reads the next line (without its end) into {@code buf}; returns its length (more than
         * the limit when it was too long, {@code buf} then empty), or -1 at the end of the input.
         */
        long next(StringBuilder buf) throws IOException {
            buf.setLength(0);
            long length = 0;
            while (true) {
                if (pos == end) {
                    end = in.read(chunk, 0, chunk.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return length == 0 ? -1 : finish(buf, length);
                    }
                }
                int nl = pos;
                while (nl < end && chunk[nl] != '\n') {
                    nl++;
                }
                int n = nl - pos;
                if (length + n <= max) {
                    buf.append(chunk, pos, n);
                } else {
                    buf.setLength(0);
                }
                length += n;
                pos = nl;
                if (nl < end) {
                    pos++; // the line end
                    return finish(buf, length);
                }
            }
        }

        private long finish(StringBuilder buf, long length) {
            if (length <= max && buf.length() > 0 && buf.charAt(buf.length() - 1) == '\r') {
                buf.setLength(buf.length() - 1);
            }
            return length;
        }
    }

    /**
     * One article record (our fields, or news-please's) as a document with this id, or the
     * problem that keeps it out; {@code where} names it in problems and stands for its source
     * when it has no URL.
     */
    static Object record(JsonNode o, String where, String id) {
        String url = text(o, "url");
        String html = text(o, "html");
        String body = text(o, "text", "maintext");
        String title = text(o, "title");
        String outlet = text(o, "outlet");
        String domain = text(o, "domain", "source_domain");
        LocalDate published = date(text(o, "published", "date_publish"));
        Format format;
        String content;
        if (html != null && !html.isBlank()) {
            format = Format.HTML;
            content = html;
        } else if (body != null && !body.isBlank()) {
            format = Format.TEXT;
            content = title == null || title.isBlank() ? body : title + "\n\n" + body;
        } else {
            return new Problem(where, "ingest", "no html or text");
        }
        String source = url != null ? url : where;
        return new Document(id, source, source, format, content, new Metadata(outlet, domain, url, published));
    }

    private static String text(JsonNode o, String... names) {
        for (String n : names) {
            JsonNode v = o.get(n);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        return null;
    }

    private static LocalDate date(String s) {
        if (s == null || s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
