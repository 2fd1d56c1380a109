package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;

/**
 * The web app against content that attacks its reader: a corpus whose article text, titles,
 * outlet names and quotations are XSS payloads is ingested, analysed and served; every page is
 * opened in headless Chromium, which must run none of them, and the served HTML must carry each
 * payload only escaped (so the escaping holds even without the Content-Security-Policy). Also:
 * path traversal, the access token, the rate and request-size limits, and the refusal to serve
 * other machines without a token.
 */
class WebSecurityTest {
    /** Each sets window.__xss (or opens an alert) if it ever runs. */
    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=2\">",
            "<svg onload=window.__xss=3>",
            "\"><script>window.__xss=4</script>",
            "'><img src=x onerror=window.__xss=5>",
            "</title><script>window.__xss=6</script>",
            "</textarea><script>window.__xss=7</script>",
            "<iframe srcdoc=\"<script>parent.__xss=8</script>\"></iframe>",
            "<a href=\"javascript:window.__xss=9\">click</a>",
            "<body onload=window.__xss=10>",
            "<details open ontoggle=window.__xss=11>",
            "<style>@import 'javascript:window.__xss=12';</style>",
            "<input autofocus onfocus=window.__xss=13>",
            "<video><source onerror=\"window.__xss=14\"></video>",
            "<object data=\"javascript:window.__xss=15\"></object>",
            "<embed src=\"javascript:window.__xss=16\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=17\">",
            "<base href=\"javascript:window.__xss=18//\">",
            "\" onmouseover=\"window.__xss=19\" autofocus onfocus=\"window.__xss=19\" x=\"",
            "' onfocus='window.__xss=20' autofocus='",
            "</script><script>window.__xss=21</script>",
            "<scr<script>ipt>window.__xss=22</scr</script>ipt>",
            "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=23>\">",
            "<svg><animate onbegin=window.__xss=24 attributeName=x dur=1s>",
            "<img src=x onerror=alert(25)>",
            "javascript:alert(26)",
            "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=27>",
            "<form><button formaction=javascript:window.__xss=28>x</button></form>",
            "\u2028\u2029</script><script>window.__xss=29</script>",
            "<x onclick=window.__xss=30 style=display:block;position:fixed;inset:0>cover</x>");

    @TempDir
    static Path dir;
    static Path db;
    static WebApp app;
    static String base;
    static WebDriver browser;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Four articles: payloads as titles, outlets (manifest), body text and quotations. */
    static void corpus(Path in) throws Exception {
        StringBuilder manifest = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        for (int a = 0; a < 4; a++) {
            StringBuilder body = new StringBuilder(PAYLOADS.get(a) + " council meeting\n\n");
            body.append("The city council met on Tuesday to discuss the new bridge over the river, officials said.\n\n");
            for (int i = a; i < PAYLOADS.size(); i += 4) {
                String p = PAYLOADS.get(i);
                body.append("Residents wrote ").append(p).append(" on a banner outside the town hall on Monday.\n\n");
                body.append("“").append(p).append(" is what we want,” said Mayor Jane Doe at the meeting.\n\n");
            }
            String name = "a" + a + ".txt";
            Files.writeString(in.resolve(name), body);
            manifest.append(json.writeValueAsString(java.util.Map.of("file", name, "outlet", PAYLOADS.get(PAYLOADS.size() - 1 - a),
                    "url", "https://example.org/" + a, "published", "2024-05-0" + (a + 1)))).append('\n');
        }
        Files.writeString(in.resolve("manifest.jsonl"), manifest);
    }

    @BeforeAll
    static void serve() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        corpus(in);
        db = dir.resolve("corpus.db");
        assertThat(Main.execute("ingest", in.toString(), "--db", db.toString())).isZero();
        assertThat(Main.execute("analyze", "--db", db.toString())).isZero();
        app = new WebApp(db).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        browser = WebAppBrowserTest.chromium(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        app.stop();
    }

    static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every page the app has for this corpus. */
    static List<String> pages() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> out = new LinkedHashSet<>(List.of("/", "/entities", "/?q=banner", "/?q=" + enc(PAYLOADS.get(0)),
                "/?outlet=" + enc(PAYLOADS.get(PAYLOADS.size() - 1)), "/?entity=" + enc(PAYLOADS.get(1)),
                "/api/v1/search?q=" + enc(PAYLOADS.get(2)), "/api/v1/quotes", "/api/v1/articles", "/api/v1/entities"));
        for (JsonNode s : json.readTree(get(base + "/api/v1/stories").body()).get("items")) {
            out.add("/stories/" + s.get("id").asText());
            out.add("/api/v1/stories/" + s.get("id").asText());
        }
        for (JsonNode a : json.readTree(get(base + "/api/v1/articles").body()).get("items")) {
            out.add("/articles/" + a.get("id").asText());
            out.add("/api/v1/articles/" + a.get("id").asText());
        }
        for (JsonNode e : json.readTree(get(base + "/api/v1/entities").body()).get("items")) {
            out.add("/entities/" + enc(e.get("id").asText()));
        }
        return new ArrayList<>(out);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void noPayloadRunsInChromiumAndEveryPayloadIsServedEscaped() throws Exception {
        List<String> pages = pages();
        assertThat(pages).hasSizeGreaterThan(15);
        StringBuilder seen = new StringBuilder();
        for (String page : pages) {
            HttpResponse<String> r = get(base + page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("text/html")) {
                for (String p : PAYLOADS) {
                    if (p.contains("<") || p.contains("\"")) {
                        assertThat(r.body()).as("%s carries %s unescaped", page, p).doesNotContain(p);
                    }
                }
                assertThat(r.body()).as(page).doesNotContainIgnoringCase("<script");
            } else {
                assertThat(type).as(page).startsWith("application/json");
                new ObjectMapper().readTree(r.body()); // well-formed whatever the content
                // Inert even pasted into HTML or a script: markup characters and line separators escaped.
                assertThat(r.body()).as(page).doesNotContain("<").doesNotContain(">").doesNotContain("\u2028");
            }
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(WebApp.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

            browser.get(base + page);
            Thread.sleep(150); // let onload, autofocus and animation handlers fire if they could
            try {
                String text = browser.switchTo().alert().getText();
                throw new AssertionError("an alert opened on " + page + ": " + text);
            } catch (NoAlertPresentException expected) {
                // none
            }
            JavascriptExecutor js = (JavascriptExecutor) browser;
            // Nothing ran, and no element the page's own markup does not make: no script, frame,
            // plug-in, base or refresh, no event-handler attribute anywhere.
            assertThat(js.executeScript("return window.__xss === undefined"
                    + " && document.querySelectorAll('script, iframe, object, embed, base, meta[http-equiv]').length === 0"
                    + " && [...document.querySelectorAll('*')].every(e => ![...e.attributes].some(a => /^on/i.test(a.name)))"))
                    .as("a payload took effect on %s", page).isEqualTo(true);
            seen.append(js.executeScript("return document.documentElement.innerText")).append('\n');
        }
        // The payloads did reach the pages, as text: titles, outlets, body text and quotations.
        String text = seen.toString();
        long shown = PAYLOADS.stream().filter(p -> text.contains(p.strip())).count();
        assertThat(shown).as("payloads shown as text").isGreaterThanOrEqualTo(PAYLOADS.size() - 2);
        System.out.printf("xss: %d payloads in titles, outlets, text and quotes; %d pages opened in Chromium, "
                + "%d payloads shown as text, none ran%n", PAYLOADS.size(), pages.size(), shown);
        assertThat(new ObjectMapper().readTree(get(base + "/api/v1/quotes?size=200").body()).get("items"))
                .anySatisfy(q -> assertThat(q.get("text").asText()).contains("<script>window.__xss"));
    }

    @Test
    void pathTraversalFindsNothing() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        for (String path : List.of("/stories/..%2F..%2F..%2Fetc%2Fpasswd", "/stories/../../secret.txt",
                "/articles/..%2Fsecret.txt", "/../secret.txt", "/%2e%2e/%2e%2e/etc/passwd", "/static/../../etc/passwd",
                "/entities/..%252F..%252Fsecret.txt", "/api/v1/articles/1%00.txt", "/corpus.db", "/" + dir + "/secret.txt")) {
            HttpResponse<String> r = get(base + path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("TOP-SECRET").doesNotContain("root:").doesNotContain("SQLite format");
        }
    }

    @Test
    void aTokenIsRequiredWhenSetAndTakenFromHeaderOrOnceFromTheQuery() throws Exception {
        String token = "0123456789abcdef-secret";
        WebApp guarded = new WebApp(db, new WebApp.Options(token, 1000, 1000, false)).start("127.0.0.1", 0);
        try {
            String b = "http://127.0.0.1:" + guarded.port();
            assertThat(get(b + "/").statusCode()).isEqualTo(401);
            assertThat(get(b + "/api/v1/articles").statusCode()).isEqualTo(401);
            assertThat(get(b + "/", "Authorization", "Bearer wrong-token-of-some-length").statusCode()).isEqualTo(401);
            assertThat(get(b + "/", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
            HttpResponse<String> once = get(b + "/?token=" + token + "&q=bridge");
            assertThat(once.statusCode()).isEqualTo(303);
            assertThat(once.headers().firstValue("Location")).hasValue("/?q=bridge");
            String cookie = once.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
            assertThat(get(b + "/?q=bridge", "Cookie", cookie.substring(0, cookie.indexOf(';'))).statusCode()).isEqualTo(200);
        } finally {
            guarded.stop();
        }
    }

    @Test
    void requestsBeyondTheRateOrTheSizeLimitAreRefused() throws Exception {
        WebApp limited = new WebApp(db, new WebApp.Options(null, 1, 5, true)).start("127.0.0.1", 0);
        try {
            String b = "http://127.0.0.1:" + limited.port();
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                codes.add(get(b + "/api/v1/articles").statusCode());
            }
            assertThat(codes.subList(0, 5)).containsOnly(200);
            assertThat(codes).contains(429);
        } finally {
            limited.stop();
        }
        String huge = "x".repeat(64 * 1024);
        HttpResponse<String> r = get(base + "/?q=" + huge);
        assertThat(r.statusCode()).isIn(413, 414, 431);
        HttpResponse<String> header = get(base + "/", "X-Filler", huge);
        assertThat(header.statusCode()).isIn(413, 431, 400);
        assertThat(get(base + "/").statusCode()).isEqualTo(200); // and the server goes on
    }

    @Test
    void servingOtherMachinesNeedsAToken() {
        assertThat(Main.execute("serve", "--db", db.toString(), "--host", "0.0.0.0", "--port", "0")).isEqualTo(2);
        assertThat(Main.execute("serve", "--db", db.toString(), "--host", "0.0.0.0", "--port", "0", "--token", "short"))
                .isEqualTo(2);
    }
}
