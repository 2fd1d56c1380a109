package org.parallax.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A sidecar table of what a scraper knew about each file: {@code file, outlet, domain, url,
 * published}. JSONL (one object per line) or CSV with a header row; the format is taken from
 * the file extension. Entries are looked up by file name.
 */
public final class Manifest {
    public static final Manifest EMPTY = new Manifest(Map.of());

    private final Map<String, Metadata> byFile;

    private Manifest(Map<String, Metadata> byFile) {
        this.byFile = Map.copyOf(byFile);
    }

    public Metadata lookup(String fileName) {
        return byFile.getOrDefault(fileName, Metadata.UNKNOWN);
    }

    public int size() {
        return byFile.size();
    }

    /** Whether {@code path} looks like a manifest by its name (so a folder walk skips it). */
    public static boolean isManifestName(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.startsWith("manifest.") && (n.endsWith(".jsonl") || n.endsWith(".csv"));
    }

    /**
     * Reads a manifest.
     *
     * @throws IOException naming the file and the line when it cannot be read or parsed
     */
    public static Manifest read(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, Metadata> map = new LinkedHashMap<>();
        if (name.endsWith(".csv")) {
            readCsv(path, map);
        } else {
            readJsonl(path, map);
        }
        return new Manifest(map);
    }

    private static void readJsonl(Path path, Map<String, Metadata> map) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int lineNo = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(path + ":" + lineNo + ": not a JSON object: "
                        + e.getOriginalMessage(), e);
            }
            put(map, path, lineNo, text(node, "file"), text(node, "outlet"), text(node, "domain"),
                    text(node, "url"), text(node, "published"));
        }
    }

    private static void readCsv(Path path, Map<String, Metadata> map) throws IOException {
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows =
                     csv.readerFor(Map.class).with(schema).readValues(reader)) {
            int lineNo = 1;
            while (rows.hasNext()) {
                lineNo++;
                Map<String, String> r = rows.next();
                put(map, path, lineNo, r.get("file"), r.get("outlet"), r.get("domain"),
                        r.get("url"), r.get("published"));
            }
        } catch (RuntimeException e) {
            throw new IOException(path + ": bad CSV: " + e.getMessage(), e);
        }
    }

    private static void put(Map<String, Metadata> map, Path path, int lineNo, String file,
                            String outlet, String domain, String url, String published)
            throws IOException {
        if (file == null || file.isBlank()) {
            throw new IOException(path + ":" + lineNo + ": entry has no \"file\"");
        }
        LocalDate date;
        try {
            date = parseDate(published);
        } catch (DateTimeParseException e) {
            throw new IOException(path + ":" + lineNo + ": bad date \"" + published + "\"", e);
        }
        map.put(file.strip(), new Metadata(nullWord(outlet), nullWord(domain), nullWord(url), date));
    }

    /** ISO date or date-time; null or empty stays unknown. */
    static LocalDate parseDate(String s) {
        s = nullWord(s);
        if (s == null) {
            return null;
        }
        if (s.length() > 10 && s.charAt(10) == 'T') {
            return OffsetDateTime.parse(s).toLocalDate();
        }
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    private static String nullWord(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() || t.equalsIgnoreCase("null") ? null : t;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
