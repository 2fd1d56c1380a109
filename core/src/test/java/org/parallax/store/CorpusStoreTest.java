package org.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.TestDocs;
import org.parallax.ingest.Document;
import org.parallax.ingest.Format;
import org.parallax.ingest.Metadata;
import org.parallax.model.Problem;
import org.parallax.text.Annotated;

class CorpusStoreTest {
    @TempDir
    Path dir;

    private static Document doc(String name, String url, String content) {
        return new Document("a0", name, name, Format.TEXT, content, new Metadata("Outlet", "outlet.example", url,
                LocalDate.of(2016, 12, 7)));
    }

    @Test
    void aNewStoreIsInWalModeAtTheLatestSchema() throws Exception {
        try (CorpusStore s = CorpusStore.open(dir.resolve("c.db"))) {
            assertThat(s.journalMode()).isEqualToIgnoringCase("wal");
            assertThat(s.schemaVersion()).isEqualTo(CorpusStore.migrations().size());
        }
        // Opening again runs no migration twice.
        try (CorpusStore s = CorpusStore.open(dir.resolve("c.db"))) {
            assertThat(s.schemaVersion()).isEqualTo(CorpusStore.migrations().size());
        }
    }

    @Test
    void theSameDocumentIsStoredOnceByContentAndByUrl() throws Exception {
        String body = "Heavy rain flooded the lower town on Tuesday.\n\nEngineers closed the bridge.";
        Annotated a = TestDocs.annotated("a0", "Outlet", null, body);
        try (CorpusStore s = CorpusStore.open(dir.resolve("c.db"))) {
            CorpusStore.Stored first = s.put(doc("one.txt", "https://outlet.example/flood", body), a);
            CorpusStore.Stored again = s.put(doc("copy.txt", null, body), a);
            CorpusStore.Stored sameUrl = s.put(doc("edited.txt", "https://outlet.example/flood", body + " Updated."), a);
            assertThat(first.created()).isTrue();
            assertThat(again).isEqualTo(new CorpusStore.Stored(first.id(), false));
            assertThat(sameUrl).isEqualTo(new CorpusStore.Stored(first.id(), false));
            assertThat(s.count("documents")).isEqualTo(1);
            assertThat(s.count("articles")).isEqualTo(1);
        }
    }

    @Test
    void articlesAreFoundByFullTextSearchWithASnippet() throws Exception {
        try (CorpusStore s = CorpusStore.open(dir.resolve("c.db"))) {
            String flood = "Heavy rain flooded the lower town on Tuesday.\n\nEngineers closed the old bridge.";
            String vote = "The council voted to raise the budget for schools.";
            s.put(doc("flood.txt", null, flood), TestDocs.annotated("a0", "Outlet", null, flood));
            s.put(doc("vote.txt", null, vote), TestDocs.annotated("a1", "Outlet", null, vote));
            var hits = s.search("bridge", 10);
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).snippetText()).contains("«bridge»");
            assertThat(hits.get(0).snippetHtml()).contains("<mark>bridge</mark>");
            assertThat(s.search("council OR bridge", 10)).hasSize(2);
            assertThat(s.search("volcano", 10)).isEmpty();
        }
    }

    @Test
    void aSnippetCannotCarryMarkupFromTheArticle() throws Exception {
        try (CorpusStore s = CorpusStore.open(dir.resolve("c.db"))) {
            String body = "The mayor said «quote» <script>alert(1)</script> about the bridge repairs today.";
            s.put(doc("x.txt", null, body), TestDocs.annotated("a0", "Outlet", null, body));
            String html = s.search("bridge", 1).get(0).snippetHtml();
            assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("<mark>bridge</mark>");
            assertThat(html.split("<mark>", -1)).hasSize(2); // the article's own « » open no mark
        }
    }

    @Test
    void problemsAreKeptAndTheFileMakesSenseToAnySqliteTool() throws Exception {
        Path file = dir.resolve("c.db");
        try (CorpusStore s = CorpusStore.open(file)) {
            s.problem(new Problem("broken.html", "ingest", "empty file"));
            String body = "A short article about the harbour and its ships.";
            s.put(doc("h.txt", null, body), TestDocs.annotated("a0", "Outlet", null, body));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var rs = c.createStatement().executeQuery(
                     "SELECT d.outlet, d.published, a.body, (SELECT reason FROM problems) FROM documents d "
                             + "JOIN articles a ON a.id = d.id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Outlet");
            assertThat(rs.getString(2)).isEqualTo("2016-12-07");
            assertThat(rs.getString(3)).contains("harbour");
            assertThat(rs.getString(4)).isEqualTo("empty file");
        }
    }

    @Test
    void triggerBodiesStayWholeWhenAScriptIsSplit() {
        var parts = CorpusStore.statements("CREATE TABLE t (a INT); -- note\n"
                + "CREATE TRIGGER x AFTER INSERT ON t BEGIN\n  INSERT INTO t VALUES (1);\n  INSERT INTO t VALUES (2);\nEND;\n");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1)).startsWith("CREATE TRIGGER").endsWith("END;");
    }
}
