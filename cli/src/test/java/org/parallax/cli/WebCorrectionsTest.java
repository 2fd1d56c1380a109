package org.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.parallax.store.CorpusStore;

/**
 * Corrections by hand through the web app: the JSON API (write access needs the token; a
 * server without one reads only) and the correction page in headless Chromium; each is applied
 * by the app's own incremental analysis and then shown as "edited by hand".
 */
class WebCorrectionsTest {
    private static final String TOKEN = "a-long-secret-for-tests-only";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String url, String body, boolean token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(b.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the app has applied every correction (its analysis ran). */
    private JsonNode applied(String base) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode n = JSON.readTree(send("GET", base + "/api/v1/corrections", null, true).body());
            if (n.path("applied").asBoolean()) {
                return n;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("corrections not applied within a minute");
    }

    private static Map<String, List<String>> stories(Path db) throws Exception {
        try (CorpusStore s = CorpusStore.openReader(db)) {
            return s.savedStories();
        }
    }

    @Test
    void theApiRecordsAndAppliesCorrectionsWithTheTokenOnly() throws Exception {
        Path db = WebAppBrowserTest.exampleStore(dir);
        String story = stories(db).entrySet().stream().filter(e -> e.getValue().size() == 5).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        String off = stories(db).get(story).get(4);

        WebApp readOnly = new WebApp(db).start("127.0.0.1", 0);
        try {
            HttpResponse<String> r = send("POST", "http://127.0.0.1:" + readOnly.port() + "/api/v1/stories/" + story
                    + "/split", "{\"articles\": [\"" + off + "\"]}", false);
            assertThat(r.statusCode()).as("a server without a token reads only").isEqualTo(403);
        } finally {
            readOnly.stop();
        }

        WebApp app = new WebApp(db, new WebApp.Options(TOKEN, 1000, 1000, false)).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        try {
            assertThat(send("POST", base + "/api/v1/stories/" + story + "/split", "{\"articles\": [\"" + off + "\"]}",
                    false).statusCode()).as("no token").isEqualTo(401);
            assertThat(send("POST", base + "/api/v1/stories/" + story + "/split", "{\"articles\": [\"d999\"]}", true)
                    .statusCode()).as("not in the story").isEqualTo(400);
            assertThat(send("POST", base + "/api/v1/stories/s999/merge", "{\"other\": \"" + story + "\"}", true)
                    .statusCode()).isEqualTo(404);

            HttpResponse<String> r = send("POST", base + "/api/v1/stories/" + story + "/split",
                    "{\"articles\": [\"" + off + "\"], \"note\": \"checked by hand\"}", true);
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(r.body()).path("correction").asLong()).isEqualTo(1);
            JsonNode list = applied(base);
            assertThat(list.path("items")).hasSize(1);
            assertThat(list.path("items").get(0).path("note").asText()).isEqualTo("checked by hand");

            Map<String, List<String>> after = stories(db);
            String alone = after.entrySet().stream().filter(e -> e.getValue().equals(List.of(off))).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
            JsonNode s = JSON.readTree(send("GET", base + "/api/v1/stories/" + story, null, true).body());
            assertThat(s.path("edited").asBoolean()).isTrue();
            assertThat(s.path("articles").toString()).doesNotContain("\"" + off + "\"");
            String page = send("GET", base + "/stories/" + alone, null, true).body();
            assertThat(page).contains("edited by hand");

            // Merged back through the API, then taken back: as the analysis finds it.
            assertThat(send("POST", base + "/api/v1/stories/" + alone + "/merge", "{\"other\": \"" + story + "\"}", true)
                    .statusCode()).isEqualTo(202);
            applied(base);
            assertThat(stories(db).get(story)).contains(off);
            assertThat(send("DELETE", base + "/api/v1/corrections/2", null, true).statusCode()).isEqualTo(202);
            assertThat(send("DELETE", base + "/api/v1/corrections/1", null, true).statusCode()).isEqualTo(202);
            assertThat(send("DELETE", base + "/api/v1/corrections/1", null, true).statusCode()).isEqualTo(404);
            assertThat(applied(base).path("items")).isEmpty();
            assertThat(stories(db).get(story)).contains(off);
        } finally {
            app.stop();
        }
    }

    @Test
    void theCorrectionPageSplitsAnArticleOffInChromium() throws Exception {
        Path db = WebAppBrowserTest.exampleStore(dir);
        String story = stories(db).entrySet().stream().filter(e -> e.getValue().size() == 5).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        String off = stories(db).get(story).get(4);
        WebApp app = new WebApp(db, new WebApp.Options(TOKEN, 1000, 1000, false)).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        WebDriver browser = WebAppBrowserTest.chromium(dir);
        try {
            browser.get(base + "/stories/" + story + "?token=" + TOKEN); // the token once; a cookie keeps it
            browser.findElement(By.linkText("Correct this story")).click();
            waitForUrl(browser, "/edit");
            assertThat(browser.getCurrentUrl()).endsWith("/stories/" + story + "/edit");
            browser.findElement(By.cssSelector("input[name=articles][value='" + off + "']")).click();
            browser.findElement(By.name("note")).sendKeys("another speech");
            browser.findElement(By.cssSelector("button[value=split]")).click();
            // The form posts and the browser follows the redirect: wait for the page it lands on.
            waitForUrl(browser, "/corrections");
            assertThat(browser.getCurrentUrl()).contains("/corrections");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("split", off, "another speech");
            applied(base);
            String alone = stories(db).entrySet().stream().filter(e -> e.getValue().equals(List.of(off)))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            browser.get(base + "/stories/" + alone);
            assertThat(browser.findElement(By.cssSelector("span.edited")).getText()).isEqualTo("edited by hand");
            browser.get(base + "/");
            assertThat(browser.findElement(By.cssSelector("ol.stories")).getText()).contains("edited by hand");
        } finally {
            browser.quit();
            app.stop();
        }
    }

    /** Waits (up to 20 s) until the browser's page is one whose address holds {@code part}. */
    private static void waitForUrl(WebDriver browser, String part) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (!browser.getCurrentUrl().contains(part) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }
}
