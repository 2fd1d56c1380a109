package org.parallax.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches pages the way a polite crawler does: http(s) only, robots.txt obeyed (crawler-commons'
 * parser, for our agent name and "*"), at most one request per host every {@code delay} (or the
 * site's Crawl-delay when longer), connect and request timeouts, and bodies cut off above the
 * size cap. Not thread-safe: one fetcher per ingest.
 */
public final class PoliteFetcher {
    public static final String AGENT = "Parallax";
    private static final String USER_AGENT = AGENT + "/0.1 (news comparison for research)";

    private final HttpClient http;
    private final Duration delay;
    private final long maxBytes;
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final Map<String, Long> lastRequest = new HashMap<>();

    /** A fetched page: the final status, its content type (or null) and the body (capped). */
    public record Fetched(URI uri, int status, String contentType, byte[] body) {
    }

    /** Why a page was not fetched. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    public PoliteFetcher(Duration delay, Duration timeout, long maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.delay = delay;
        this.maxBytes = maxBytes;
    }

    public static PoliteFetcher defaults(IngestConfig config) {
        return new PoliteFetcher(Duration.ofSeconds(1), Duration.ofSeconds(20), config.maxBytes());
    }

    public Fetched fetch(URI uri) throws Refused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new Refused("not an http(s) address");
        }
        BaseRobotRules rules = robots(uri);
        if (!rules.isAllowed(uri.toString())) {
            throw new Refused("disallowed by the site's robots.txt");
        }
        long wait = Math.max(delay.toMillis(), rules.getCrawlDelay() > 0 ? Math.min(rules.getCrawlDelay(), 60_000) : 0);
        return get(uri, wait);
    }

    private BaseRobotRules robots(URI uri) {
        String host = uri.getScheme() + "://" + uri.getAuthority();
        BaseRobotRules rules = robots.get(host);
        if (rules == null) {
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            URI robotsUri = URI.create(host + "/robots.txt");
            try {
                Fetched f = get(robotsUri, delay.toMillis());
                rules = f.status() == 200 ? parser.parseContent(robotsUri.toString(), f.body(), "text/plain", List.of(
                        AGENT.toLowerCase(Locale.ROOT))) : parser.failedFetch(f.status());
            } catch (Refused e) {
                rules = parser.failedFetch(599); // unreachable: treat as a temporary failure (allow none)
            }
            robots.put(host, rules);
        }
        return rules;
    }

    private Fetched get(URI uri, long waitMillis) throws Refused {
        String host = uri.getAuthority();
        Long last = lastRequest.get(host);
        if (last != null) {
            long sleep = last + waitMillis - System.currentTimeMillis();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Refused("interrupted");
                }
            }
        }
        lastRequest.put(host, System.currentTimeMillis());
        try {
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("User-Agent", USER_AGENT)
                    .GET().build();
            HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = resp.body()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (body.length > maxBytes) {
                throw new Refused("larger than " + maxBytes + " bytes");
            }
            return new Fetched(resp.uri(), resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null), body);
        } catch (IOException e) {
            throw new Refused("fetch failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted");
        }
    }
}
