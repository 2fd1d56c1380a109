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
    void analysingTheStoreSavesWhatTheStagesFindAndARunReplacesTheLast() throws Exception {
        Path db = dir.resolve("corpus.db");
        Path json = dir.resolve("report.json");
        assertThat(Main.execute("ingest", SEEDS.toString(), "--db", db.toString())).isZero();
        for (int run = 0; run < 2; run++) {
            assertThat(Main.execute("analyze", "--db", db.toString(), "--json", json.toString())).isZero();
            // One story of the five (the live blog's update on another happening is an event of it).
            assertThat(count(db, "SELECT count(*) FROM stories")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM story_articles")).isEqualTo(5);
            assertThat(count(db, "SELECT count(*) FROM reuse_links r JOIN articles s ON s.id = r.source_article "
                    + "JOIN articles t ON t.id = r.target_article WHERE s.outlet = 'Sputnik International' "
                    + "AND t.outlet = 'The Duran'")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM comparisons")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM analysis_runs")).isEqualTo(run + 1);
        }
        // The stored rows are the report's: same quotes and figures, offsets into the stored bodies.
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(count(db, "SELECT count(*) FROM quotes")).isEqualTo(report.get("quotes").size());
        assertThat(count(db, "SELECT count(*) FROM figures")).isEqualTo(report.get("figures").size());
        assertThat(count(db, "SELECT count(*) FROM figures f JOIN articles a ON a.id = f.article "
                + "WHERE substr(a.body, f.start + 1, f.end - f.start) = f.text")).isEqualTo(report.get("figures").size());
        assertThat(count(db, "SELECT count(*) FROM quotes q JOIN entities e ON e.id = q.speaker "
                + "WHERE e.name LIKE '%Lavrov%'")).isGreaterThan(10);
    }

    @Test
    void anUnchangedFileIsNotReadAgainAndAChangedOneIs() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path f = in.resolve("flood.txt");
        Files.writeString(f, "Heavy rain flooded the lower town on Tuesday night.\n\nEngineers closed the old stone "
                + "bridge after cracks appeared in two of its arches, officials said on Wednesday morning.");
        Path db = dir.resolve("corpus.db");
        IngestCommand.Counts first = IngestCommand.ingest(java.util.List.of(in), org.parallax.ingest.Manifest.EMPTY, db,
                null, false);
        assertThat(first.created()).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM files")).isEqualTo(1);
        IngestCommand.Counts again = IngestCommand.ingest(java.util.List.of(in), org.parallax.ingest.Manifest.EMPTY, db,
                null, false);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        Files.writeString(f, Files.readString(f) + "\n\nThe council opened three schools as shelters.");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        IngestCommand.Counts changed = IngestCommand.ingest(java.util.List.of(in), org.parallax.ingest.Manifest.EMPTY, db,
                null, false);
        assertThat(changed.created()).isEqualTo(1); // the new version is a new document; the old one stays
        assertThat(count(db, "SELECT count(*) FROM documents")).isEqualTo(2);
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

    @Test
    @org.junit.jupiter.api.Timeout(120) // a deadlock here would otherwise hang the build
    void aDocumentOverItsTimeLimitIsPassedOverAndTheOthersGoOn() throws Exception {
        long limit = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(300);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        java.util.List<IngestCommand.Timed> stuck = new java.util.ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() + 1; i++) {
            stuck.add(IngestCommand.Timed.start(() -> {
                try {
                    never.await(); // a document whose work never ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "finished";
            }, limit));
        }
        // More stuck documents than slots, waited for in order: each is declared late in its
        // turn, whichever got a slot first, and gives its slot to the next.
        try {
            for (IngestCommand.Timed t : stuck) {
                assertThat(t.result(() -> "late")).isEqualTo("late");
            }
            IngestCommand.Timed quick = IngestCommand.Timed.start(() -> "done",
                    java.util.concurrent.TimeUnit.SECONDS.toNanos(30));
            assertThat(quick.result(() -> "late")).isEqualTo("done");
        } finally {
            never.countDown();
        }
    }
}
