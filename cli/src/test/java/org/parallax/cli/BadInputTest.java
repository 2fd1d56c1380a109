package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad file in the input is named in one line on stderr; the others are still analysed. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void badFilesAreReportedAndTheRestAnalysed() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.copy(ExampleEndToEndTest.SEEDS.resolve("001_f62d89cddaf7dff1.txt"), in.resolve("good1.txt"));
        Files.copy(ExampleEndToEndTest.SEEDS.resolve("000_7529f35ab4841e2f.txt"), in.resolve("good2.txt"));
        Files.write(in.resolve("binary.txt"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.write(in.resolve("bad-utf8.txt"), new byte[] {'O', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'x'});
        Files.writeString(in.resolve("broken.html"), "<html><body><div><p>unclosed <b>tags <i>everywhere");
        Path missing = dir.resolve("unreadable.txt");
        Path json = dir.resolve("r.json");

        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute("analyze", in.toString(), missing.toString(), "--json", json.toString());
        } finally {
            System.setErr(oldErr);
        }
        assertThat(code).isZero();
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("binary.txt").contains("binary"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("empty.txt").contains("empty"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("bad-utf8.txt").contains("invalid UTF-8 at byte 3"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("unreadable.txt").contains("no such file"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("broken.html").contains("no article text"));
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertThat(r.get("articles")).hasSize(2);
        assertThat(r.get("problems")).hasSize(5);
        assertThat(r.get("reuse")).hasSize(1);
    }

    @Test
    void nothingReadableIsAnErrorExit() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("none"));
        assertThat(Main.execute("analyze", empty.toString(), "--json", dir.resolve("x.json").toString())).isEqualTo(1);
    }
}
