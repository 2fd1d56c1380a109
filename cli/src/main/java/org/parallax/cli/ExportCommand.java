package org.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.store.CorpusStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parallax export --db corpus.db --format jsonl|csv|parquet --out DIR}: the tables
 * researchers load into pandas, R or DuckDB — articles, quotes, figures, reuse, stories (with the corrections made by hand),
 * entities — one file each. Parquet is written by an in-process DuckDB.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the store's articles, quotes, figures, reuse links, stories and entities as JSONL, CSV or Parquet.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "the corpus database")
    Path db;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, csv or parquet (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the files")
    Path out;

    /** Each exported table and the query that gives it. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("articles", "SELECT id, title, author, outlet, domain, url, published, language, body FROM articles ORDER BY id");
        TABLES.put("quotes", "SELECT id, article, start, end, text, kind, speaker, speaker_text, quote_group FROM quotes ORDER BY id");
        TABLES.put("figures", "SELECT id, article, start, end, text, value, unit, about, attributed_to FROM figures ORDER BY id");
        TABLES.put("reuse", "SELECT source_article, target_article, kind, direction, confidence, evidence, shared_words, duplicate, "
                + "passages FROM reuse_links ORDER BY source_article, target_article");
        TABLES.put("stories", "SELECT s.id AS story, s.title, s.date, s.last, sa.article, s.edits <> '[]' AS edited, "
                + "s.edits FROM stories s JOIN story_articles sa ON sa.story = s.id ORDER BY s.id, sa.article");
        TABLES.put("corrections", "SELECT id, kind, items, target, made, note FROM story_corrections ORDER BY id");
        TABLES.put("entities", "SELECT id, name, type, aliases, articles FROM entities ORDER BY id");
    }

    @Override
    public Integer call() {
        if (!List.of("jsonl", "csv", "parquet").contains(format)) {
            System.err.println("parallax: export: --format must be jsonl, csv or parquet");
            return 2;
        }
        if (!Files.isRegularFile(db)) {
            System.err.println("parallax: export: no store at " + db);
            return 2;
        }
        try (CorpusStore store = CorpusStore.open(db)) {
            Files.createDirectories(out);
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                List<Map<String, Object>> rows = store.rows(t.getValue());
                Path file = out.resolve(t.getKey() + "." + format);
                switch (format) {
                    case "jsonl" -> jsonl(rows, file);
                    case "csv" -> csv(rows, columns(store, t.getValue()), file);
                    default -> parquet(rows, columns(store, t.getValue()), file);
                }
                System.err.printf("parallax: %s: %d rows%n", file, rows.size());
            }
            return 0;
        } catch (Exception e) {
            System.err.println("parallax: export: " + e.getMessage());
            return 2;
        }
    }

    /** Column names of a query, also when it returns no row. */
    private static List<String> columns(CorpusStore store, String sql) throws SQLException {
        return store.columns(sql);
    }

    private static void jsonl(List<Map<String, Object>> rows, Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map<String, Object> r : rows) {
                w.write(json.writeValueAsString(r));
                w.write('\n');
            }
        }
    }

    private static void csv(List<Map<String, Object>> rows, List<String> columns, Path file) throws Exception {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new CsvMapper().writer(schema.build()).writeValues(w).writeAll(rows).close();
        }
    }

    private static void parquet(List<Map<String, Object>> rows, List<String> columns, Path file) throws Exception {
        Files.deleteIfExists(file);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            List<String> types = new ArrayList<>();
            for (String c : columns) {
                String type = "VARCHAR";
                for (Map<String, Object> r : rows) {
                    Object v = r.get(c);
                    if (v != null) {
                        type = v instanceof Integer || v instanceof Long ? "BIGINT" : v instanceof Number ? "DOUBLE" : "VARCHAR";
                        break;
                    }
                }
                types.add(type);
            }
            StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
            for (int i = 0; i < columns.size(); i++) {
                ddl.append(i == 0 ? "" : ", ").append('"').append(columns.get(i)).append("\" ").append(types.get(i));
            }
            try (Statement st = duck.createStatement()) {
                st.execute(ddl.append(')').toString());
            }
            String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
            duck.setAutoCommit(false);
            try (PreparedStatement ps = duck.prepareStatement("INSERT INTO t VALUES (" + marks + ")")) {
                for (Map<String, Object> r : rows) {
                    for (int i = 0; i < columns.size(); i++) {
                        Object v = r.get(columns.get(i));
                        if (v == null) {
                            ps.setObject(i + 1, null);
                        } else if (types.get(i).equals("BIGINT")) {
                            ps.setLong(i + 1, ((Number) v).longValue());
                        } else if (types.get(i).equals("DOUBLE")) {
                            ps.setDouble(i + 1, ((Number) v).doubleValue());
                        } else {
                            ps.setString(i + 1, String.valueOf(v));
                        }
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            duck.commit();
            duck.setAutoCommit(true);
            try (Statement st = duck.createStatement()) {
                st.execute("COPY t TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT PARQUET)");
            }
        }
    }
}
