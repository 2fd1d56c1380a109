package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: {@code parallax ingest} runs in a child process that is killed with SIGKILL at
 * random moments, then resumed. After every kill the database passes SQLite's and FTS5's
 * integrity checks, still holds everything it held after the previous kill, and holds no
 * document twice; after the final, uninterrupted resume it equals a run that was never killed.
 */
class KillNineTest {
    private static final String[] PLACES = {"harbour", "bridge", "school", "station", "market", "hospital", "library",
            "stadium", "airport", "factory"};
    private static final String[] ACTS = {"closed", "reopened", "inspected", "repaired", "sold", "expanded", "evacuated",
            "flooded", "renamed", "rebuilt"};
    private static final int KILLS = 6;

    @TempDir
    Path dir;

    /** Distinct short news texts, a few bad files among them, in one folder. */
    private Path corpus(int n) throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Random r = new Random(11);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder("Council report " + i + "\n\n");
            for (int s = 0; s < 6; s++) {
                b.append("The ").append(PLACES[r.nextInt(PLACES.length)]).append(" of district ").append(r.nextInt(900))
                        .append(" was ").append(ACTS[r.nextInt(ACTS.length)]).append(" on day ").append(r.nextInt(365))
                        .append(" after officials counted ").append(r.nextInt(100_000)).append(" visitors. ");
            }
            Files.writeString(in.resolve(String.format("%05d.txt", i)), b);
            if (i % 400 == 7) {
                Files.write(in.resolve(String.format("%05d-empty.txt", i)), new byte[0]);
            }
        }
        return in;
    }

    private static Process ingest(Path in, Path db, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "ingest", in.toString(), "--db", db.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Documents the store holds now (read while the child writes), 0 before it exists. */
    private static int stored(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, readOnly.toProperties())) {
            return Integer.parseInt(one(c, "SELECT count(*) FROM documents"));
        } catch (Exception e) {
            return 0; // schema not made yet
        }
    }

    /** What a store holds, as comparable text: documents, articles, problems (without times), files. */
    private static List<String> state(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (String sql : List.of(
                    "SELECT 'd', id, source, name, format, content_hash, length(content_gz) > 0 FROM documents ORDER BY id",
                    "SELECT 'a', id, title, published, language, body, body_map, sentences FROM articles ORDER BY id",
                    "SELECT 'p', source, stage, reason FROM problems ORDER BY source, stage, reason",
                    "SELECT 'f', path, size FROM files ORDER BY path")) {
                try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= cols; i++) {
                            row.append(rs.getString(i)).append('\u0001');
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }

    private static String one(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** SQLite's integrity check, FTS5's, and no document stored twice; returns the stored hashes. */
    private static Set<String> checkIntact(Path db) throws Exception {
        Set<String> hashes = new TreeSet<>();
        if (!Files.exists(db)) {
            return hashes;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(one(c, "PRAGMA integrity_check")).isEqualTo("ok");
            if (one(c, "SELECT name FROM sqlite_master WHERE name = 'articles_fts'") == null) {
                return hashes; // killed before the schema was made
            }
            c.createStatement().execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
            assertThat(one(c, "SELECT count(*) - count(DISTINCT content_hash) FROM documents")).isEqualTo("0");
            assertThat(one(c, "SELECT count(*) FROM articles a LEFT JOIN documents d ON d.id = a.id WHERE d.id IS NULL"))
                    .isEqualTo("0");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT content_hash FROM documents")) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
        }
        return hashes;
    }

    @Test
    void ingestKilledAtRandomMomentsResumesToTheStateOfARunNeverKilled() throws Exception {
        Path in = corpus(1500);
        Path clean = dir.resolve("clean.db");
        long t0 = System.nanoTime();
        Process whole = ingest(in, clean, dir.resolve("clean.log"));
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(whole.exitValue()).as(Files.readString(dir.resolve("clean.log"))).isZero();
        long runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        long seed = System.nanoTime();
        Random r = new Random(seed);
        Path db = dir.resolve("killed.db");
        Set<String> held = new TreeSet<>();
        int killedWhileRunning = 0;
        for (int k = 0; k < KILLS; k++) {
            Path log = dir.resolve("kill" + k + ".log");
            // Kill once a random number of further documents is stored, a random moment later:
            // before, during or after a batch's transaction.
            long start = System.nanoTime();
            Process p = ingest(in, db, log);
            int target = held.size() + r.nextInt(400);
            while (p.isAlive() && stored(db) < target) {
                Thread.sleep(10);
            }
            Thread.sleep(r.nextInt(300));
            long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL
                killedWhileRunning++;
            }
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
            Set<String> now = checkIntact(db);
            assertThat(now).as("kill %d at %d ms (seed %d) lost stored documents", k, at, seed).containsAll(held);
            held = now;
            System.out.printf("kill-9 %d at %d ms of a %d ms run: %d documents stored, database intact%n", k, at, runMillis,
                    now.size());
        }
        assertThat(killedWhileRunning).as("kills that hit a running ingest (seed %d)", seed).isPositive();
        Process resume = ingest(in, db, dir.resolve("resume.log"));
        assertThat(resume.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resume.exitValue()).as(Files.readString(dir.resolve("resume.log"))).isZero();
        assertThat(checkIntact(db)).containsAll(held);
        List<String> expected = state(clean);
        assertThat(expected).hasSizeGreaterThan(3000);
        assertThat(state(db)).as("seed %d", seed).isEqualTo(expected);
        assertThat(new File(db + "-journal")).doesNotExist();
    }
}
