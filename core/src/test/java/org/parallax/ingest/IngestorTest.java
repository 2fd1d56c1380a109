package org.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.model.Problem;

class IngestorTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsFolderInNameOrderWithItsManifestAndSkipsOtherFiles() throws Exception {
        write("b.txt", "Second article text.");
        write("a.html", "<html><body><p>First</p></body></html>");
        write("notes.md", "not an article");
        write("manifest.jsonl", "{\"file\": \"b.txt\", \"outlet\": \"Example Times\", \"domain\": \"example.org\", \"published\": \"2020-05-01\"}\n"
                + "{\"file\": \"a.html\", \"outlet\": null, \"published\": null}\n");
        IngestResult r = Ingestor.ingest(List.of(dir), Manifest.EMPTY, IngestConfig.defaults());
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).extracting(Document::name).containsExactly("a.html", "b.txt");
        Document a = r.documents().get(0);
        Document b = r.documents().get(1);
        assertThat(a.format()).isEqualTo(Format.HTML);
        assertThat(b.format()).isEqualTo(Format.TEXT);
        assertThat(b.metadata().outlet()).isEqualTo("Example Times");
        assertThat(b.metadata().published()).isEqualTo(LocalDate.of(2020, 5, 1));
        // Unknown stays unknown: nothing is invented for a.html.
        assertThat(a.metadata()).isEqualTo(Metadata.UNKNOWN);
    }

    @Test
    void csvManifestGivenOnTheCommandLineWinsOverTheFolderOne() throws Exception {
        write("x.txt", "Some text here.");
        write("manifest.jsonl", "{\"file\": \"x.txt\", \"outlet\": \"Folder Outlet\"}\n");
        Path csv = dir.resolveSibling(dir.getFileName() + "-m.csv");
        Files.writeString(csv, "file,outlet,domain,url,published\nx.txt,Given Outlet,,https://e.org/x,2019-01-02T10:00:00Z\n");
        IngestResult r = Ingestor.ingest(List.of(dir), Manifest.read(csv), IngestConfig.defaults());
        Metadata m = r.documents().get(0).metadata();
        assertThat(m.outlet()).isEqualTo("Given Outlet");
        assertThat(m.domain()).isNull();
        assertThat(m.url()).isEqualTo("https://e.org/x");
        assertThat(m.published()).isEqualTo(LocalDate.of(2019, 1, 2));
    }

    @Test
    void badFilesBecomeOneLineProblemsNamingThemAndTheRestIsRead() throws Exception {
        write("good.txt", "A perfectly good article.");
        write("empty.txt", "");
        write("blank.txt", "   \n\n  ");
        Files.write(dir.resolve("binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        Files.write(dir.resolve("latin1.txt"), "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
        Path missing = dir.resolve("missing.txt");
        IngestResult r = Ingestor.ingest(List.of(dir, missing), Manifest.EMPTY, IngestConfig.defaults());
        assertThat(r.documents()).extracting(Document::name).containsExactly("good.txt");
        assertThat(r.problems()).hasSize(5);
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.line()).doesNotContain("\n"));
        assertThat(reason(r, "empty.txt")).contains("empty");
        assertThat(reason(r, "blank.txt")).contains("no text");
        assertThat(reason(r, "binary.txt")).contains("binary");
        assertThat(reason(r, "latin1.txt")).contains("invalid UTF-8 at byte 3");
        assertThat(reason(r, "missing.txt")).contains("no such file");
    }

    @Test
    void htmlDeclaredCharsetIsHonoured() throws Exception {
        byte[] html = "<html><head><meta charset=\"windows-1251\"></head><body><p>\u041f\u0440\u0438\u0432\u0435\u0442</p></body></html>"
                .getBytes("windows-1251");
        Files.write(dir.resolve("ru.html"), html);
        IngestResult r = Ingestor.ingest(List.of(dir.resolve("ru.html")), Manifest.EMPTY, IngestConfig.defaults());
        assertThat(r.documents().get(0).content()).contains("\u041f\u0440\u0438\u0432\u0435\u0442");
    }

    @Test
    void badManifestLineIsNamed() throws Exception {
        Path m = write("manifest.jsonl", "{\"file\": \"a.txt\"}\n{not json\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manifest.read(m))
                .hasMessageContaining("manifest.jsonl:2");
    }

    private static String reason(IngestResult r, String file) {
        return r.problems().stream().filter(p -> p.source().endsWith(file)).map(Problem::reason).findFirst().orElse("");
    }
}
