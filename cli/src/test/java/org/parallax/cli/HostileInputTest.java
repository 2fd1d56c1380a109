package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.extract.ExtractConfig;

/**
 * The bad-input corpus: one folder of what the web serves at its worst, ingested and analysed
 * in one batch beside a good article. Each bad file yields a clear line naming it or a
 * bounded, correct result; the good article is stored and analysed all the same. The whole
 * batch has a deadline (a hang fails the test; it is not a speed measurement).
 */
class HostileInputTest {
    private static final String RU = "Президент заявил в понедельник, что правительство примет новые меры для "
            + "поддержки экономики. По его словам, решение будет принято до конца месяца, после встречи с министрами.";
    private static final String FR = "Le président a déclaré lundi que le gouvernement prendrait de nouvelles mesures "
            + "pour l'économie. Selon lui, la décision sera prise avant la fin du mois, à Genève, après une réunion.";
    private static final String PROSE = "Engineers closed the old stone bridge after cracks appeared in two of its "
            + "arches, and the council opened three schools as shelters for families whose homes were flooded. ";

    @TempDir
    Path dir;

    private static String page(String charset, String body) {
        return "<html><head><meta charset=\"" + charset + "\"><title>t</title></head><body><article><p>" + body
                + "</p></article></body></html>";
    }

    private static byte[] warcRecord(String uri, byte[] http) {
        String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: 2024-05-07T10:00:00Z\r\n"
                + "WARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8))
                + ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + http.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(http);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] http(String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + headers + "Content-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] chunk, long times) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            for (long i = 0; i < times; i++) {
                gz.write(chunk);
            }
        }
        return out.toByteArray();
    }

    /** Writes the corpus; returns the names of the files that must come out as problems. */
    private List<String> corpus(Path in) throws IOException {
        Files.writeString(in.resolve("good.txt"), "Bridge closed after flood\n\n" + PROSE.repeat(4));
        Files.write(in.resolve("empty.txt"), new byte[0]);
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        Files.write(in.resolve("binary.html"), noise);
        Files.write(in.resolve("invalid-utf8.txt"), new byte[] {'O', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'x'});
        // Mislabelled charsets, both ways, and legacy text with no label at all.
        Files.write(in.resolve("cp1251-as-utf8.html"), page("utf-8", RU).getBytes(Charset.forName("windows-1251")));
        Files.write(in.resolve("latin1-as-utf8.html"), page("UTF-8", FR).getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("utf8-as-cp1251.html"), page("windows-1251", RU).getBytes(StandardCharsets.UTF_8));
        Files.write(in.resolve("utf8-as-latin1.html"), page("iso-8859-1", FR).getBytes(StandardCharsets.UTF_8));
        Files.write(in.resolve("cp1251-unlabelled.txt"), (RU + "\n\n" + RU).getBytes(Charset.forName("windows-1251")));
        // 50 MB on one line: no article is that long.
        try (OutputStream o = Files.newOutputStream(in.resolve("single-line.txt"))) {
            byte[] words = "word and word ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            for (int n = 0; n < 50_000_000; n += words.length) {
                o.write(words);
            }
        }
        // 100,000 nested elements, and a 20 MB attribute.
        Files.writeString(in.resolve("nested.html"), "<html><body>" + "<div>".repeat(100_000) + "<p>" + PROSE + "</p>"
                + "</div>".repeat(100_000) + "</body></html>");
        Files.writeString(in.resolve("huge-attribute.html"), "<html><body><div class=\"" + "x".repeat(20_000_000)
                + "\" title=\"y\"><p>" + PROSE + PROSE + "</p></div></body></html>");
        // A WARC: a gzip bomb (200 MB of zeros as the page's Content-Encoding), then a good page.
        byte[] bomb = gzip(new byte[1 << 20], 200);
        ByteArrayOutputStream warc = new ByteArrayOutputStream();
        warc.writeBytes(warcRecord("https://example.org/bomb", http("Content-Encoding: gzip\r\n", bomb)));
        warc.writeBytes(warcRecord("https://example.org/good", http("", page("utf-8", PROSE + PROSE)
                .getBytes(StandardCharsets.UTF_8))));
        Files.write(in.resolve("bomb.warc"), warc.toByteArray());
        // A WARC cut short in its second record.
        byte[] first = warcRecord("https://example.org/first", http("", page("utf-8", PROSE + "First. " + PROSE)
                .getBytes(StandardCharsets.UTF_8)));
        byte[] second = warcRecord("https://example.org/second", http("", page("utf-8", PROSE)
                .getBytes(StandardCharsets.UTF_8)));
        byte[] cut = Arrays.copyOf(second, second.length / 2);
        ByteArrayOutputStream truncated = new ByteArrayOutputStream();
        truncated.writeBytes(first);
        truncated.writeBytes(cut);
        Files.write(in.resolve("truncated.warc"), truncated.toByteArray());
        // Feeds with entity expansion and an external entity.
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        laughs.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>a</title>"
                + "<description>&lol9;</description></item></channel></rss>\n");
        Files.writeString(in.resolve("laughs.rss"), laughs);
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Files.writeString(in.resolve("xxe.rss"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<rss version=\"2.0\"><channel><title>x</title><item><title>a</title>"
                + "<description>&xxe;" + PROSE.repeat(5) + "</description></item></channel></rss>\n");
        // A quotation opened and never closed: a whole article of one paragraph, and of many.
        Files.writeString(in.resolve("unclosed-one-paragraph.txt"), "Minister speaks\n\n“" + PROSE.repeat(400));
        Files.writeString(in.resolve("unclosed-many-paragraphs.txt"), "Minister speaks\n\n“" + (PROSE + "\n\n").repeat(300));
        return List.of("empty.txt", "binary.html", "invalid-utf8.txt", "single-line.txt", "bomb.warc", "truncated.warc",
                "laughs.rss", "xxe.rss");
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void everyBadFileIsNamedAndTheRestIsStoredAndAnalysedCorrectly() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        List<String> bad = corpus(in);
        Path db = dir.resolve("corpus.db");
        Path json = dir.resolve("report.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        int[] codes = new int[2];
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Assertions.assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
                codes[0] = Main.execute("ingest", in.toString(), "--db", db.toString());
                codes[1] = Main.execute("analyze", "--db", db.toString(), "--json", json.toString());
            });
        } finally {
            System.setErr(oldErr);
        }
        assertThat(codes).containsExactly(0, 0);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("parallax: " + in)).toList();
        for (String name : bad) {
            assertThat(lines).as(name).anySatisfy(l -> assertThat(l).contains(name));
        }
        assertThat(lines).allSatisfy(l -> assertThat(bad.stream().anyMatch(l::contains)).as(l).isTrue());
        // The reasons say what was wrong.
        String all = String.join("\n", lines);
        assertThat(all).contains("empty.txt: ingest: empty file")
                .contains("binary.html: ingest: binary content")
                .contains("invalid-utf8.txt: ingest: invalid UTF-8 at byte 3")
                .contains("single-line.txt: extract: longer than any article: ")
                .contains(" characters of text (limit " + ExtractConfig.MAX_CHARS + ")")
                .contains("bomb.warc record https://example.org/bomb: ingest: too large")
                .contains("truncated.warc record https://example.org/second: ingest: unreadable WARC record: expected ")
                .contains("laughs.rss: ingest: not a readable RSS or Atom feed")
                .contains("xxe.rss: ingest: not a readable RSS or Atom feed");
        assertThat(rows(db, "SELECT count(*) FROM problems")).containsExactly(String.valueOf(lines.size()));

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        List<String> bodies = new ArrayList<>();
        report.get("articles").forEach(a -> bodies.add(a.get("body").asText()));
        assertThat(String.join("\n", bodies)).doesNotContain("TOP-SECRET").doesNotContain("lollol");
        // Good article, the mislabelled and legacy pages read right, the deep and wide pages,
        // the WARC pages before and after the bad records, the unclosed quotes.
        assertThat(bodies).hasSize(12);
        assertThat(bodies).filteredOn(b -> b.contains(RU)).hasSize(3);
        assertThat(bodies).filteredOn(b -> b.contains(FR)).hasSize(2);
        assertThat(bodies).filteredOn(b -> b.contains("Ð") || b.contains("Ã") || b.contains("\uFFFD")).isEmpty();
        assertThat(bodies).filteredOn(b -> b.startsWith(PROSE.strip()) && b.length() < 3 * PROSE.length()).hasSize(4);
        assertThat(bodies).anySatisfy(b -> assertThat(b).contains("First."));
        // An unclosed quotation stops at its first sentence when its paragraph is the whole article.
        for (JsonNode q : report.get("quotes")) {
            assertThat(q.get("end").asInt() - q.get("start").asInt()).as(q.get("text").asText())
                    .isLessThanOrEqualTo(PROSE.length() + 2);
        }
        assertThat(report.get("quotes")).anySatisfy(q -> assertThat(q.get("text").asText()).isEqualTo(PROSE.strip()));
    }
}
