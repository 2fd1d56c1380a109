package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app over the example corpus, seen by a real headless Chromium (Debian's package,
 * installed by .ci/run) and by an HTTP client for the API.
 */
class WebAppBrowserTest {
    static final Path SEEDS = Path.of(System.getProperty("parallax.root", "..")).resolve("examples/seeds");
    static final Path CHROMIUM = Path.of(System.getProperty("parallax.chromium", "/usr/bin/chromium"));

    @TempDir
    static Path dir;
    static WebApp app;
    static String base;

    @BeforeAll
    static void serve() throws Exception {
        Path db = dir.resolve("corpus.db");
        assertThat(Main.execute("ingest", SEEDS.toString(), "--db", db.toString())).isZero();
        assertThat(Main.execute("analyze", "--db", db.toString())).isZero();
        app = new WebApp(db).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
    }

    /** Runs headless Chromium with these arguments on a URL; returns what it printed. */
    private static String chromium(String url, String... args) throws Exception {
        assertThat(CHROMIUM).as("Chromium (Debian package chromium; .ci/run installs it)").isExecutable();
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "chrome")));
        cmd.addAll(List.of(args));
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theStoryPageShowsHighlightedPassagesAndQuotesLinkedAcrossColumns() throws Exception {
        String dom = chromium(base + "/stories/s1", "--dump-dom");
        assertThat(dom).contains("class=\"reuse src\"", "class=\"reuse tgt\"", "class=\"quote direct\"",
                ">Summary</label>", ">Figures</label>", ">Framing</label>");
        // Every in-page link the browser sees has its target.
        Matcher m = Pattern.compile("href=\"#([^\"]+)\"").matcher(dom);
        int links = 0;
        while (m.find()) {
            links++;
            assertThat(dom).contains("id=\"" + m.group(1) + "\"");
        }
        assertThat(links).isGreaterThan(20);
        Path shot = dir.resolve("story.png");
        chromium(base + "/stories/s1", "--screenshot=" + shot, "--window-size=1400,1000", "--hide-scrollbars");
        assertThat(shot).exists();
        assertThat(Files.size(shot)).isGreaterThan(20_000);
    }

    @Test
    void theHomePageListsTheStoryAndSearchFindsArticles() throws Exception {
        String dom = chromium(base + "/?q=Nusra", "--dump-dom");
        assertThat(dom).contains("href=\"/stories/s1\"").contains("<mark>Nusra</mark>").contains("href=\"/articles/");
    }

    @Test
    void anEntityPageShowsWhatThePersonSaidAndWhere() throws Exception {
        String list = chromium(base + "/entities", "--dump-dom");
        Matcher m = Pattern.compile("href=\"/entities/([^\"]+)\">Sergei Lavrov<").matcher(list);
        assertThat(m.find()).isTrue();
        String dom = chromium(base + "/entities/" + m.group(1), "--dump-dom");
        assertThat(dom).contains("<h1>Sergei Lavrov</h1>").contains("<q>").contains("href=\"/articles/")
                .contains("militants"); // the figures he gave
        // What articles say about him: the words around his name, marked.
        String about = dom.substring(dom.indexOf("Said about it"));
        assertThat(about).containsPattern("<mark>Serge[iy] Lavrov</mark>");
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void theStoryListFiltersByOutletDateAndEntity() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String outlet = json.readTree(get("/api/v1/articles?size=1")).get("items").get(0).get("outlet").asText();
        String enc = java.net.URLEncoder.encode(outlet, StandardCharsets.UTF_8);
        assertThat(get("/?outlet=" + enc)).contains("href=\"/stories/s1\"");
        assertThat(get("/?outlet=No+Such+Outlet")).doesNotContain("href=\"/stories/").contains("No story matches");
        assertThat(get("/?entity=Lavrov")).contains("href=\"/stories/s1\"");
        assertThat(get("/?entity=%25")).doesNotContain("href=\"/stories/"); // a LIKE wildcard is only a character
        assertThat(get("/?entity=Zz+Nobody")).doesNotContain("href=\"/stories/");
        var story = json.readTree(get("/api/v1/stories/s1"));
        String date = story.get("date").asText();
        assertThat(get("/?from=" + date + "&to=" + date)).contains("href=\"/stories/s1\"");
        assertThat(get("/?from=" + java.time.LocalDate.parse(date).plusYears(5))).doesNotContain("href=\"/stories/");
        assertThat(get("/?from=not-a-date")).contains("href=\"/stories/s1\""); // ignored, not an error
        assertThat(json.readTree(get("/api/v1/stories?to=1990-01-01")).get("items")).isEmpty();
        assertThat(json.readTree(get("/api/v1/stories?entity=Lavrov&outlet=" + enc)).get("items")).hasSize(1);
    }

    @Test
    void theApiIsPaginatedJsonWithAnOpenApiDescription() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> articles = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles?page=1&size=2"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(articles.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(articles.body());
        assertThat(json.get("items")).hasSize(2);
        assertThat(json.get("page").asInt()).isEqualTo(1);
        HttpResponse<String> story = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/stories/s1")).build(),
                HttpResponse.BodyHandlers.ofString());
        var s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(story.body());
        assertThat(s.get("articles")).hasSize(5);
        assertThat(s.get("comparison").get("summary")).isNotEmpty();
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.body()).get("paths").has("/api/v1/search"))
                .isTrue();
        assertThat(articles.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("default-src 'none'"));
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/stories/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }
}
