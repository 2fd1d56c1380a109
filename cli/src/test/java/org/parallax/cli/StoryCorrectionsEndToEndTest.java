package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.store.CorpusStore;

/**
 * Corrections by hand through the command line, on a store of the example: each is kept in the
 * store, applied at once, applied again by an incremental analysis after new articles arrive
 * and by a full one, shown as edited, exported with the stories, and can be taken back.
 */
class StoryCorrectionsEndToEndTest {
    static final Path SEEDS = Path.of(System.getProperty("parallax.root", "..")).resolve("examples/seeds");
    static final Path ECB = Path.of(System.getProperty("parallax.shared", "../../shared")).resolve("bench")
            .resolve("ecbplus-dev").resolve("articles.jsonl");

    @TempDir
    Path dir;

    private static Map<String, List<String>> stories(Path db) throws Exception {
        try (CorpusStore s = CorpusStore.openReader(db)) {
            return s.savedStories();
        }
    }

    private static String storyOf(Map<String, List<String>> stories, String article) {
        return stories.entrySet().stream().filter(e -> e.getValue().contains(article)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static String edits(Path db, String story) throws Exception {
        try (CorpusStore s = CorpusStore.openReader(db)) {
            return s.one("SELECT edits FROM stories WHERE id = ?", story);
        }
    }

    @Test
    void correctionsAreKeptAcrossIncrementalAndFullAnalysesAndCanBeTakenBack() throws Exception {
        Path db = dir.resolve("corpus.db");
        assertThat(Main.execute("stories", "list", "--db", db.toString())).as("no store yet").isEqualTo(2);
        assertThat(Files.exists(db)).as("a missing store is not created").isFalse();
        assertThat(Main.execute("ingest", SEEDS.toString(), "--db", db.toString())).isZero();
        assertThat(Main.execute("analyze", "--db", db.toString())).isZero();
        Map<String, List<String>> before = stories(db);
        // The example is one story of five articles.
        String story = before.entrySet().stream().filter(e -> e.getValue().size() == 5).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        List<String> members = before.get(story);
        String off = members.get(members.size() - 1);

        // Refused: an article of another story, a story that does not exist, the whole story.
        assertThat(Main.execute("stories", "split", story, "--articles", "d999", "--db", db.toString())).isEqualTo(2);
        assertThat(Main.execute("stories", "merge", story, "s999", "--db", db.toString())).isEqualTo(2);
        assertThat(Main.execute("stories", "split", story, "--articles", String.join(",", members), "--db",
                db.toString())).isEqualTo(2);

        assertThat(Main.execute("stories", "split", story, "--articles", off, "--note", "a paraphrase of another speech",
                "--db", db.toString())).isZero();
        Map<String, List<String>> split = stories(db);
        String alone = storyOf(split, off);
        assertThat(split.get(alone)).containsExactly(off);
        assertThat(storyOf(split, members.get(0))).isEqualTo(story);
        assertThat(edits(db, alone)).isEqualTo("[1]");
        assertThat(edits(db, story)).isEqualTo("[1]");

        // New articles, incremental analysis: the split holds.
        Path more = dir.resolve("more.jsonl");
        Files.write(more, Files.readAllLines(ECB).stream().filter(l -> !l.isBlank()).limit(12).toList());
        assertThat(Main.execute("ingest", more.toString(), "--db", db.toString())).isZero();
        assertThat(Main.execute("analyze", "--db", db.toString())).isZero();
        Map<String, List<String>> grown = stories(db);
        assertThat(grown.get(storyOf(grown, off))).containsExactly(off);
        assertThat(storyOf(grown, members.get(0))).isEqualTo(story);
        // A full analysis: still.
        assertThat(Main.execute("analyze", "--db", db.toString(), "--full")).isZero();
        Map<String, List<String>> full = stories(db);
        assertThat(full.get(storyOf(full, off))).containsExactly(off);
        assertThat(full.get(story)).containsAll(members.subList(0, members.size() - 1)).doesNotContain(off);

        // Move it back, then take both corrections back: the story as the analysis finds it.
        assertThat(Main.execute("stories", "move", off, "--to", story, "--db", db.toString())).isZero();
        Map<String, List<String>> moved = stories(db);
        assertThat(moved.get(story)).contains(off);
        assertThat(edits(db, story)).isEqualTo("[1,2]");

        // Exported with the stories, and in the JSON report of the store.
        assertThat(Main.execute("export", "--db", db.toString(), "--format", "jsonl", "--out",
                dir.resolve("out").toString())).isZero();
        ObjectMapper om = new ObjectMapper();
        List<JsonNode> rows = Files.readAllLines(dir.resolve("out/stories.jsonl")).stream().map(l -> {
            try {
                return om.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(rows).filteredOn(r -> r.path("story").asText().equals(story))
                .allMatch(r -> r.path("edited").asBoolean());
        assertThat(Files.readAllLines(dir.resolve("out/corrections.jsonl"))).hasSize(2);
        Path json = dir.resolve("report.json");
        assertThat(Main.execute("analyze", "--db", db.toString(), "--json", json.toString())).isZero();
        JsonNode reported = null;
        for (JsonNode s : om.readTree(json.toFile()).path("stories")) {
            if (s.path("id").asText().equals(story)) {
                reported = s;
            }
        }
        assertThat(reported).isNotNull();
        assertThat(reported.path("edited").asBoolean()).isTrue();
        assertThat(reported.path("edits").toString()).isEqualTo("[1,2]");

        assertThat(Main.execute("stories", "undo", "2", "--db", db.toString())).isZero();
        assertThat(Main.execute("stories", "undo", "1", "--db", db.toString())).isZero();
        assertThat(Main.execute("stories", "undo", "1", "--db", db.toString())).as("already taken back").isEqualTo(2);
        Map<String, List<String>> undone = stories(db);
        assertThat(undone.get(storyOf(undone, off))).containsAll(members);
        assertThat(edits(db, storyOf(undone, off))).isEqualTo("[]");
    }
}
