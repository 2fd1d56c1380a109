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
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web app over the example corpus, driven in a real headless Chromium through WebDriver
 * (Debian's packages chromium and chromium-driver, installed by .ci/run; Selenium talks to the
 * system's chromedriver, nothing is downloaded), and by an HTTP client for the API.
 */
class WebAppBrowserTest {
    static final Path SEEDS = Path.of(System.getProperty("parallax.root", "..")).resolve("examples/seeds");
    static final Path CHROMIUM = Path.of(System.getProperty("parallax.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("parallax.chromedriver", "/usr/bin/chromedriver"));

    @TempDir
    static Path dir;
    static WebApp app;
    static String base;
    static WebDriver browser;

    @BeforeAll
    static void serve() throws Exception {
        app = new WebApp(exampleStore(dir)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        browser = chromium(dir);
    }

    /** The example ingested and analysed into a store in {@code dir}. */
    static Path exampleStore(Path dir) {
        Path db = dir.resolve("corpus.db");
        assertThat(Main.execute("ingest", SEEDS.toString(), "--db", db.toString())).isZero();
        assertThat(Main.execute("analyze", "--db", db.toString())).isZero();
        return db;
    }

    /** Headless Chromium through the system's chromedriver, with a fresh profile in {@code dir}. */
    static WebDriver chromium(Path dir) throws java.io.IOException {
        assertThat(CHROMIUM).as("Chromium (Debian package chromium; .ci/run installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (Debian package chromium-driver; .ci/run installs it)").isExecutable();
        // Selenium warns that it has no DevTools bindings for this Chromium: WebDriver alone is used.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--no-first-run", "--disable-background-networking", "--disable-quic",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        app.stop();
    }

    @Test
    void theStoryPageShowsHighlightedPassagesAndQuotesLinkedAcrossColumns() throws Exception {
        browser.get(base + "/stories/s1");
        List<WebElement> sources = browser.findElements(By.cssSelector("a.reuse.src"));
        List<WebElement> copies = browser.findElements(By.cssSelector("a.reuse.tgt"));
        assertThat(sources).isNotEmpty();
        assertThat(copies).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("span.quote.direct"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".tabs > label")).stream().map(WebElement::getText))
                .contains("Summary", "Figures", "Framing");

        // A copied passage links to its source in the other column: following it lands there,
        // and the source is outlined as the target.
        WebElement copy = copies.get(0);
        String href = copy.getAttribute("href");
        String target = href.substring(href.indexOf('#') + 1);
        copy.click();
        assertThat(browser.getCurrentUrl()).endsWith("#" + target);
        WebElement source = browser.findElement(By.id(target));
        assertThat(source.getAttribute("class")).contains("reuse", "src");
        assertThat(source.isDisplayed()).isTrue();
        assertThat(source.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(inViewport(source)).isTrue();

        // Tabs work without script: choosing one shows its panel and hides the first.
        List<WebElement> panels = browser.findElements(By.cssSelector(".tabs > .panel"));
        List<WebElement> labels = browser.findElements(By.cssSelector(".tabs > label"));
        assertThat(panels.get(0).isDisplayed()).isTrue();
        int quotesTab = labels.size() - 1; // "Reuse & quotes"
        labels.get(quotesTab).click();
        assertThat(panels.get(quotesTab).isDisplayed()).isTrue();
        assertThat(panels.get(0).isDisplayed()).isFalse();

        // A quote listed there links to the quotation in its article's column.
        WebElement quoteLink = panels.get(quotesTab).findElements(By.cssSelector("a[href*='#q']")).get(0);
        String quoteId = quoteLink.getAttribute("href").substring(quoteLink.getAttribute("href").indexOf('#') + 1);
        quoteLink.click();
        WebElement quote = browser.findElement(By.id(quoteId));
        assertThat(quote.getAttribute("class")).startsWith("quote");
        assertThat(quote.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(inViewport(quote)).isTrue();

        // Every in-page link the browser sees has its target.
        String dom = browser.getPageSource();
        Matcher m = Pattern.compile("href=\"#([^\"]+)\"").matcher(dom);
        int links = 0;
        while (m.find()) {
            links++;
            assertThat(dom).contains("id=\"" + m.group(1) + "\"");
        }
        assertThat(links).isGreaterThan(20);

        Path shot = Path.of(System.getProperty("parallax.root", ".."), "cli", "target", "story-page.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        byte[] png = Files.readAllBytes(shot);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(png.length).isGreaterThan(20_000);
    }

    /** Whether the element's box intersects the window (the browser scrolled to it). */
    private static boolean inViewport(WebElement e) {
        var r = e.getRect();
        var size = browser.manage().window().getSize();
        Object scroll = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.scrollY;");
        long y = ((Number) scroll).longValue();
        return r.getY() + r.getHeight() > y && r.getY() < y + size.getHeight();
    }

    @Test
    void theHomePageListsTheStoryAndSearchFindsArticles() throws Exception {
        browser.get(base + "/?q=Nusra");
        String dom = browser.getPageSource();
        assertThat(dom).contains("href=\"/stories/s1\"").contains("<mark>Nusra</mark>").contains("href=\"/articles/");
    }

    @Test
    void anEntityPageShowsWhatThePersonSaidAndWhere() throws Exception {
        browser.get(base + "/entities");
        String list = browser.getPageSource();
        Matcher m = Pattern.compile("href=\"/entities/([^\"]+)\">Sergei Lavrov<").matcher(list);
        assertThat(m.find()).isTrue();
        browser.get(base + "/entities/" + m.group(1));
        String dom = browser.getPageSource();
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
