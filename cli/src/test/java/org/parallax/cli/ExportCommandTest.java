package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    static final Path SEEDS = Path.of(System.getProperty("parallax.root", "..")).resolve("examples/seeds");

    @TempDir
    Path dir;

    @Test
    void theStoreExportsAsJsonlCsvAndParquetWithTheSameRows() throws Exception {
        Path db = dir.resolve("corpus.db");
        assertThat(Main.execute("ingest", SEEDS.toString(), "--db", db.toString())).isZero();
        assertThat(Main.execute("analyze", "--db", db.toString())).isZero();
        for (String format : List.of("jsonl", "csv", "parquet")) {
            assertThat(Main.execute("export", "--db", db.toString(), "--format", format, "--out",
                    dir.resolve(format).toString())).isZero();
        }
        for (String table : ExportCommand.TABLES.keySet()) {
            List<String> lines = Files.readAllLines(dir.resolve("jsonl").resolve(table + ".jsonl"));
            if (!table.equals("corrections")) { // none made here: StoryCorrectionsEndToEndTest exports some
                assertThat(lines).as(table).isNotEmpty();
            }
            List<String> csv = Files.readAllLines(dir.resolve("csv").resolve(table + ".csv"));
            assertThat(csv.get(0)).as(table + " header").isNotBlank();
            Path parquet = dir.resolve("parquet").resolve(table + ".parquet");
            try (var duck = DriverManager.getConnection("jdbc:duckdb:");
                 var rs = duck.createStatement().executeQuery("SELECT count(*) FROM read_parquet('"
                         + parquet.toAbsolutePath() + "')")) {
                rs.next();
                assertThat(rs.getLong(1)).as(table + " parquet rows").isEqualTo(lines.size());
            }
        }
        // Offsets survive the trip: a figure's text is the article body at its offsets.
        try (var duck = DriverManager.getConnection("jdbc:duckdb:");
             var rs = duck.createStatement().executeQuery("SELECT count(*) FROM read_parquet('"
                     + dir.resolve("parquet/figures.parquet").toAbsolutePath() + "') f JOIN read_parquet('"
                     + dir.resolve("parquet/articles.parquet").toAbsolutePath() + "') a ON a.id = f.article "
                     + "WHERE substr(a.body, f.start + 1, f.\"end\" - f.start) = f.text")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(Files.readAllLines(dir.resolve("jsonl/figures.jsonl")).size());
        }
        assertThat(Main.execute("export", "--db", db.toString(), "--format", "xml", "--out", dir.toString())).isEqualTo(2);
    }
}
