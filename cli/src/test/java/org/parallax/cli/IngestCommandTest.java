package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    static final Path SEEDS = Path.of(System.getProperty("parallax.root", "..")).resolve("examples/seeds");

    @TempDir
    Path dir;

    private long count(Path db, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void ingestingTheExampleTwiceStoresEachArticleOnceWithItsManifestData() throws Exception {
        Path db = dir.resolve("corpus.db");
        assertThat(Main.execute("ingest", SEEDS.toString(), "--db", db.toString())).isZero();
        assertThat(count(db, "SELECT count(*) FROM documents")).isEqualTo(5);
        assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(5);
        assertThat(count(db, "SELECT count(*) FROM articles WHERE outlet = 'Sputnik International' "
                + "AND published = '2016-12-07'")).isEqualTo(1);
        assertThat(Main.execute("ingest", SEEDS.toString(), "--db", db.toString())).isZero();
        assertThat(count(db, "SELECT count(*) FROM documents")).isEqualTo(5);
        assertThat(count(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Nusra'")).isGreaterThan(0);
    }

    @Test
    void aBadFileIsRecordedAndTheRestIsStored() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "Heavy rain flooded the lower town on Tuesday night.\n\n"
                + "Engineers closed the old stone bridge after cracks appeared in two of its arches, and the "
                + "council opened three schools as shelters for families whose homes were flooded.");
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Path db = dir.resolve("corpus.db");
        assertThat(Main.execute("ingest", in.toString(), "--db", db.toString())).isZero();
        assertThat(count(db, "SELECT count(*) FROM articles")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM problems WHERE source LIKE '%empty.txt' AND reason LIKE '%empty%'"))
                .isEqualTo(1);
    }
}
