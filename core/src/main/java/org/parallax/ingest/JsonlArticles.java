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
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + n;
                if (line.length() > config.maxBytes()) {
                    problems.add(new Problem(where, "ingest", "line too long: " + line.length() + " characters"));
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
