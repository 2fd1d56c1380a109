package org.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Entities;
import org.parallax.store.CorpusStore;

/**
 * The web app over a corpus store: a story list with search, each story's page (as the HTML
 * report renders it), an article page, and a JSON API under {@code /api/v1} (paginated, with
 * an OpenAPI description). Pages are rendered on the server and carry no script; every
 * response has a strict Content-Security-Policy and every piece of article text is escaped.
 *
 * <p>Requests read through a pool of read-only connections, each request inside one read
 * transaction: a page never mixes two states of a store that {@code ingest} or {@code analyze}
 * is writing meanwhile (WAL: readers do not wait for the writer). With an access token set,
 * every request must carry it ({@code Authorization: Bearer}, or once as {@code ?token=}, which
 * sets a cookie); requests are limited in size and, per client address, in rate.
 */
final class WebApp {
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The API's JSON: besides what JSON itself requires, {@code < > & ' U+2028 U+2029} are written
     * as {@code \\uXXXX}, so article text stays inert even where a client pastes a response into
     * HTML or a script.
     */
    private static final ObjectMapper API = new ObjectMapper();

    static {
        API.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    static final class HtmlSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] table = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : new char[] {'<', '>', '&', '\''}) {
                table[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private static String json(Object value) {
        try {
            return API.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final int MAX_PAGE = 200;
    /** Read connections: requests beyond this many at once wait for one. */
    static final int READERS = 8;
    /** Largest request accepted (the app takes no uploads: only URLs and headers). */
    static final long MAX_REQUEST_BYTES = 16 * 1024;
    private static final String COOKIE = "parallax_token";

    /**
     * @param token       access token every request must carry, or null for none (loopback only)
     * @param ratePerSecond requests per second a client address may make on average
     * @param burst       requests a client may make at once before the rate applies
     * @param limitLoopback whether the rate limit also applies to clients on this machine
     */
    record Options(String token, double ratePerSecond, int burst, boolean limitLoopback) {
        static Options defaults() {
            return new Options(null, 20, 60, false);
        }
    }

    private final Path db;
    private final Options options;
    private final java.util.concurrent.BlockingQueue<CorpusStore> readers =
            new java.util.concurrent.ArrayBlockingQueue<>(READERS);
    private final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
    private final List<CorpusStore> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final ThreadLocal<CorpusStore> CURRENT = new ThreadLocal<>();
    private final RateLimit rate;
    private final Javalin app;
    private final CorrectionRoutes corrections;

    WebApp(Path db) throws SQLException {
        this(db, Options.defaults());
    }

    WebApp(Path db, Options options) throws SQLException {
        this.db = db;
        this.options = options;
        this.rate = new RateLimit(options.ratePerSecond(), options.burst());
        this.corrections = new CorrectionRoutes(db, options.token() != null);
        try (CorpusStore writer = CorpusStore.open(db)) {
            writer.schemaVersion(); // creates or upgrades the schema once; requests only read
        }
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = MAX_REQUEST_BYTES;
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Cache-Control", "no-store");
            String address = ctx.ip();
            if ((options.limitLoopback() || !loopback(address)) && !rate.allow(address)) {
                throw new io.javalin.http.HttpResponseException(429, "too many requests: at most "
                        + options.ratePerSecond() + " a second");
            }
            if (options.token() != null) {
                authorise(ctx);
            }
        });
        get("/", this::home);
        get("/stories/{id}", this::story);
        get("/articles/{id}", this::article);
        get("/entities", this::entities);
        get("/entities/{id}", this::entity);
        get("/api/v1/stories", ctx -> {
            Filter f = Filter.of(ctx);
            page(ctx, "SELECT s.id, s.title, s.date, s.last, json_array_length(s.articles) AS articles, "
                    + "s.edits <> '[]' AS edited FROM stories s"
                    + f.where() + " ORDER BY s.date DESC, s.id", f.params().toArray());
        });
        get("/api/v1/stories/{id}", this::apiStory);
        get("/api/v1/articles", ctx -> page(ctx, "SELECT id, title, outlet, domain, url, published, language "
                + "FROM articles ORDER BY id"));
        get("/api/v1/articles/{id}", this::apiArticle);
        get("/api/v1/entities", ctx -> page(ctx, "SELECT id, name, type, aliases, articles FROM entities ORDER BY name"));
        get("/api/v1/quotes", ctx -> {
            String speaker = ctx.queryParam("speaker");
            if (speaker == null) {
                page(ctx, "SELECT id, article, start, end, text, kind, speaker, speaker_text, quote_group FROM quotes ORDER BY id");
            } else {
                page(ctx, "SELECT id, article, start, end, text, kind, speaker, speaker_text, quote_group FROM quotes "
                        + "WHERE speaker = ? ORDER BY id", speaker);
            }
        });
        get("/api/v1/reuse", ctx -> page(ctx, "SELECT source_article, target_article, kind, direction, confidence, "
                + "shared_words, duplicate FROM reuse_links ORDER BY shared_words DESC"));
        get("/api/v1/search", ctx -> {
            String q = ctx.queryParam("q");
            if (q == null || q.isBlank()) {
                ctx.status(400).contentType("application/json").result(json(Map.of("error", "give q")));
                return;
            }
            ArrayNode hits = JSON.createArrayNode();
            for (CorpusStore.Hit h : search(q)) {
                hits.addObject().put("article", h.article()).put("title", h.title()).put("outlet", h.outlet())
                        .put("published", h.published()).put("snippet", h.snippetText());
            }
            ctx.contentType("application/json").result(json(JSON.createObjectNode().put("q", q).set("items", hits)));
        });
        corrections.register(app, this::get);
        app.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
        app.exception(SQLException.class, (e, ctx) -> ctx.status(500).contentType("text/plain")
                .result("store error: " + e.getMessage()));
        app.exception(NumberFormatException.class, (e, ctx) -> ctx.status(400).contentType("text/plain").result("bad number"));
    }

    /** A page handler that reads the store: one pooled read connection, one read transaction. */
    private void get(String path, io.javalin.http.Handler h) {
        app.get(path, ctx -> {
            CorpusStore s = borrow();
            try {
                CURRENT.set(s);
                s.readSnapshot(() -> {
                    h.handle(ctx);
                    return null;
                });
            } finally {
                CURRENT.remove();
                readers.add(s);
            }
        });
    }

    private CorpusStore borrow() throws Exception {
        CorpusStore s = readers.poll();
        if (s == null && opened.incrementAndGet() <= READERS) {
            try {
                s = CorpusStore.openReader(db);
            } catch (java.sql.SQLException e) {
                opened.decrementAndGet(); // the slot stays free for a later try
                throw e;
            }
            all.add(s);
        }
        if (s == null) {
            s = readers.poll(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (s == null) {
            throw new io.javalin.http.HttpResponseException(503, "busy: try again");
        }
        return s;
    }

    /** The read connection of the request being handled. */
    static CorpusStore current() {
        return store();
    }

    private static CorpusStore store() {
        return CURRENT.get();
    }

    static boolean loopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The token from the header, the cookie, or once from the query (then kept in a cookie). */
    private void authorise(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ") && same(header.substring(7).strip())) {
            return;
        }
        if (same(ctx.cookie(COOKIE))) {
            return;
        }
        String q = ctx.queryParam("token");
        if (q != null && same(q) && ctx.method() == io.javalin.http.HandlerType.GET) {
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + options.token() + "; Path=/; HttpOnly; SameSite=Strict");
            String rest = ctx.queryParamMap().entrySet().stream().filter(e -> !e.getKey().equals("token"))
                    .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                    .collect(java.util.stream.Collectors.joining("&"));
            ctx.redirect(ctx.path() + (rest.isEmpty() ? "" : "?" + rest), io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        throw new io.javalin.http.HttpResponseException(401, "an access token is needed: Authorization: Bearer TOKEN, "
                + "or ?token=TOKEN once");
    }

    private boolean same(String given) {
        return given != null && java.security.MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                options.token().getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A token bucket per client address. */
    static final class RateLimit {
        private final double perNano;
        private final int burst;
        private final Map<String, double[]> buckets = new java.util.concurrent.ConcurrentHashMap<>();

        RateLimit(double perSecond, int burst) {
            this.perNano = perSecond / 1e9;
            this.burst = burst;
        }

        boolean allow(String client) {
            long now = System.nanoTime();
            if (buckets.size() > 100_000) {
                buckets.clear(); // bounded memory under many addresses: forget, start again
            }
            double[] b = buckets.computeIfAbsent(client, k -> new double[] {burst, now});
            synchronized (b) {
                b[0] = Math.min(burst, b[0] + (now - b[1]) * perNano);
                b[1] = now;
                if (b[0] >= 1) {
                    b[0] -= 1;
                    return true;
                }
                return false;
            }
        }
    }

    WebApp start(String host, int port) {
        app.start(host, port);
        return this;
    }

    int port() {
        return app.port();
    }

    void stop() throws SQLException {
        corrections.stop();
        app.stop();
        for (CorpusStore s : all) {
            s.close();
        }
    }

    private List<CorpusStore.Hit> search(String q) throws SQLException {
        try {
            return store().search(q, 50);
        } catch (SQLException e) {
            // Not an FTS expression (stray quotes, operators): search the words as a phrase.
            return store().search("\"" + q.replace("\"", " ") + "\"", 50);
        }
    }

    private static String esc(Object s) {
        return s == null ? "" : Entities.escape(String.valueOf(s));
    }

    static String shell(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><style>body{font:15px/1.5 system-ui,sans-serif;margin:1em 2em;color:#222}"
                + "li{margin:.3em 0}.meta{color:#555;font-size:.9em}mark{background:#fff3b0}</style></head><body>"
                + "<header><a href=\"/\">Parallax</a> · <a href=\"/entities\">Entities</a></header>" + body
                + "</body></html>";
    }

    /**
     * The story filters of the list and of {@code /api/v1/stories}: {@code outlet} (a story with
     * an article of that outlet), {@code from} / {@code to} (ISO dates: stories whose dates
     * overlap the range) and {@code entity} (an entity id, or words of its name: a story with
     * an article naming it).
     */
    record Filter(String where, List<Object> params) {
        static Filter of(Context ctx) {
            StringBuilder w = new StringBuilder();
            List<Object> ps = new java.util.ArrayList<>();
            String outlet = blankToNull(ctx.queryParam("outlet"));
            if (outlet != null) {
                w.append(" AND EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article "
                        + "WHERE sa.story = s.id AND a.outlet = ?)");
                ps.add(outlet);
            }
            String from = date(ctx.queryParam("from"));
            if (from != null) {
                w.append(" AND coalesce(s.last, s.date) >= ?");
                ps.add(from);
            }
            String to = date(ctx.queryParam("to"));
            if (to != null) {
                w.append(" AND s.date <= ?");
                ps.add(to);
            }
            String entity = blankToNull(ctx.queryParam("entity"));
            if (entity != null) {
                w.append(" AND EXISTS (SELECT 1 FROM story_articles sa, entities e, json_each(e.articles) j "
                        + "WHERE sa.story = s.id AND j.value = 'd' || sa.article AND (e.id = ? OR e.name LIKE ? ESCAPE '\\'))");
                ps.add(entity);
                ps.add("%" + entity.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return new Filter(w.length() == 0 ? "" : " WHERE " + w.substring(5), ps);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        /** An ISO date, or null when absent or not a date (the filter is then not applied). */
        private static String date(String s) {
            try {
                return s == null || s.isBlank() ? null : java.time.LocalDate.parse(s.strip()).toString();
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    private void home(Context ctx) throws SQLException {
        StringBuilder b = new StringBuilder("<h1>Stories</h1><form action=\"/\" method=\"get\"><input name=\"q\" value=\"")
                .append(esc(ctx.queryParam("q"))).append("\" placeholder=\"search articles\"> <input name=\"outlet\" value=\"")
                .append(esc(ctx.queryParam("outlet"))).append("\" placeholder=\"outlet\" list=\"outlets\"> <input name=\"entity\" value=\"")
                .append(esc(ctx.queryParam("entity"))).append("\" placeholder=\"person, organisation, place\"> from <input type=\"date\" "
                + "name=\"from\" value=\"").append(esc(ctx.queryParam("from"))).append("\"> to <input type=\"date\" name=\"to\" value=\"")
                .append(esc(ctx.queryParam("to"))).append("\"> <button>Go</button><datalist id=\"outlets\">");
        for (Map<String, Object> o : store().rows("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 1000")) {
            b.append("<option value=\"").append(esc(o.get("outlet"))).append("\">");
        }
        b.append("</datalist></form>");
        String q = ctx.queryParam("q");
        if (q != null && !q.isBlank()) {
            b.append("<h2>Articles matching ").append(esc(q)).append("</h2><ol>");
            for (CorpusStore.Hit h : search(q)) {
                b.append("<li><a href=\"/articles/").append(h.article()).append("\">").append(esc(h.title())).append("</a> ")
                        .append("<span class=\"meta\">").append(esc(h.outlet())).append(" · ").append(esc(h.published()))
                        .append("</span><br>").append(h.snippetHtml())
                        .append("</li>");
            }
            b.append("</ol>");
        }
        Filter f = Filter.of(ctx);
        List<Map<String, Object>> stories = store().rows("SELECT s.id, s.title, s.date, s.last, json_array_length(s.articles) AS n, "
                + "s.edits <> '[]' AS edited "
                + "FROM stories s" + f.where() + " ORDER BY s.date DESC, s.id LIMIT 1000", f.params().toArray());
        b.append("<ol class=\"stories\">");
        for (Map<String, Object> s : stories) {
            b.append("<li><a href=\"/stories/").append(esc(s.get("id"))).append("\">").append(esc(s.get("title")))
                    .append("</a> <span class=\"meta\">").append(esc(s.get("date"))).append(s.get("last") == null
                    || s.get("last").equals(s.get("date")) ? "" : " – " + esc(s.get("last"))).append(" · ")
                    .append(esc(s.get("n"))).append(" articles").append(Integer.valueOf(1).equals(s.get("edited"))
                    ? " · edited by hand" : "").append("</span></li>");
        }
        if (stories.isEmpty()) {
            b.append(f.params().isEmpty() ? "<li>No stories yet: run <code>parallax analyze --db</code> on this store.</li>"
                    : "<li>No story matches these filters.</li>");
        }
        b.append("</ol>");
        ctx.html(shell("Parallax", b.toString()));
    }

    /** Story pages as bytes, for the analysis run they were read under (a new run empties it). */
    private final Map<String, byte[]> pages = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long pagesRun = -1;
    private static final int MAX_CACHED_PAGES = 256;

    private void story(Context ctx) throws SQLException {
        long run = store().lastRun();
        if (run != pagesRun) {
            pages.clear();
            pagesRun = run;
        }
        String id = ctx.pathParam("id");
        byte[] page = pages.get(id);
        if (page == null) {
            String html = store().storyPage(id);
            if (html == null) {
                ctx.status(404).html(shell("Not found", "<p>No such story.</p>"));
                return;
            }
            String edits = store().one("SELECT edits FROM stories WHERE id = ?", id);
            String bar = "<p><a href=\"/\">All stories</a> · <a href=\"/stories/" + esc(id) + "/edit\">Correct this story</a>"
                    + (edits == null || "[]".equals(edits) ? "" : " · <span class=\"edited\">edited by hand</span>") + "</p>";
            page = html.replaceFirst("<body>", java.util.regex.Matcher.quoteReplacement("<body>" + bar))
                    .getBytes(StandardCharsets.UTF_8);
            if (pages.size() < MAX_CACHED_PAGES) {
                pages.put(id, page);
            }
        }
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private void article(Context ctx) throws SQLException {
        long id = Long.parseLong(ctx.pathParam("id"));
        List<Map<String, Object>> rows = store().rows("SELECT title, outlet, published, url, body FROM articles WHERE id = ?", id);
        if (rows.isEmpty()) {
            ctx.status(404).html(shell("Not found", "<p>No such article.</p>"));
            return;
        }
        Map<String, Object> a = rows.get(0);
        StringBuilder b = new StringBuilder("<h1>").append(esc(a.get("title"))).append("</h1><p class=\"meta\">")
                .append(esc(a.get("outlet"))).append(" · ").append(esc(a.get("published"))).append("</p>");
        for (Map<String, Object> s : store().rows("SELECT s.id, s.title FROM stories s JOIN story_articles sa "
                + "ON sa.story = s.id WHERE sa.article = ?", id)) {
            b.append("<p>Story: <a href=\"/stories/").append(esc(s.get("id"))).append("\">").append(esc(s.get("title")))
                    .append("</a></p>");
        }
        b.append("<div style=\"white-space:pre-wrap\">").append(esc(a.get("body"))).append("</div>");
        ctx.html(shell(String.valueOf(a.get("title")), b.toString()));
    }

    private void entities(Context ctx) throws SQLException {
        StringBuilder b = new StringBuilder("<h1>People, organisations and places</h1><ol>");
        for (Map<String, Object> e : store().rows("SELECT id, name, type, json_array_length(articles) AS n FROM entities "
                + "ORDER BY n DESC, name LIMIT 500")) {
            b.append("<li><a href=\"/entities/").append(esc(e.get("id"))).append("\">").append(esc(e.get("name")))
                    .append("</a> <span class=\"meta\">").append(esc(e.get("type"))).append(" · ").append(esc(e.get("n")))
                    .append(" articles</span></li>");
        }
        ctx.html(shell("Entities", b.append("</ol>").toString()));
    }

    /** Everything the store holds by and about one entity: its quotes, the figures it gave, its articles. */
    private void entity(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        List<Map<String, Object>> rows = store().rows("SELECT name, type, aliases, articles FROM entities WHERE id = ?", id);
        if (rows.isEmpty()) {
            ctx.status(404).html(shell("Not found", "<p>No such entity.</p>"));
            return;
        }
        Map<String, Object> e = rows.get(0);
        StringBuilder b = new StringBuilder("<h1>").append(esc(e.get("name"))).append("</h1><p class=\"meta\">")
                .append(esc(e.get("type"))).append(" · also named ").append(esc(e.get("aliases"))).append("</p><h2>Quoted</h2><ol>");
        for (Map<String, Object> q : store().rows("SELECT q.text, q.kind, q.article, a.title, a.outlet FROM quotes q "
                + "JOIN articles a ON a.id = q.article WHERE q.speaker = ? ORDER BY a.published, q.article, q.start", id)) {
            b.append("<li><q>").append(esc(q.get("text"))).append("</q> <span class=\"meta\">").append(esc(q.get("kind")))
                    .append(" · <a href=\"/articles/").append(esc(q.get("article"))).append("\">").append(esc(q.get("outlet")))
                    .append(": ").append(esc(q.get("title"))).append("</a></span></li>");
        }
        b.append("</ol><h2>Figures it gave</h2><ul>");
        for (Map<String, Object> f : store().rows("SELECT f.text, f.article, a.outlet FROM figures f JOIN articles a "
                + "ON a.id = f.article WHERE f.attributed_to = ? ORDER BY f.article, f.start", id)) {
            b.append("<li>").append(esc(f.get("text"))).append(" <span class=\"meta\"><a href=\"/articles/")
                    .append(esc(f.get("article"))).append("\">").append(esc(f.get("outlet"))).append("</a></span></li>");
        }
        b.append("</ul><h2>Said about it</h2><ol>");
        // The words around its names in the articles that name it (full-text search on the
        // name and its aliases as phrases).
        Set<Long> naming = new java.util.HashSet<>();
        for (Map<String, Object> a : store().rows("SELECT substr(value, 2) AS id FROM json_each((SELECT articles FROM "
                + "entities WHERE id = ?))", id)) {
            naming.add(Long.parseLong(String.valueOf(a.get("id"))));
        }
        Set<String> names = new java.util.LinkedHashSet<>();
        names.add(String.valueOf(e.get("name")));
        try {
            JSON.readTree(String.valueOf(e.get("aliases"))).forEach(n -> names.add(n.asText()));
        } catch (java.io.IOException ex) {
            // aliases are written by the store as a JSON array; a damaged value only loses them
        }
        String phrases = String.join(" OR ", names.stream().filter(n -> !n.isBlank())
                .map(n -> "\"" + n.replace("\"", "\"\"") + "\"").toList());
        int shown = 0;
        for (CorpusStore.Hit h : phrases.isEmpty() ? List.<CorpusStore.Hit>of() : store().search(phrases, 500)) {
            if (naming.contains(h.article()) && shown++ < 100) {
                b.append("<li>").append(h.snippetHtml()).append(" <span class=\"meta\"><a href=\"/articles/")
                        .append(h.article()).append("\">").append(esc(h.outlet())).append(": ").append(esc(h.title()))
                        .append("</a></span></li>");
            }
        }
        b.append("</ol><h2>Articles that name it</h2><ul>");
        for (Map<String, Object> a : store().rows("SELECT a.id, a.title, a.outlet FROM articles a WHERE ('d' || a.id) IN "
                + "(SELECT value FROM json_each((SELECT articles FROM entities WHERE id = ?))) ORDER BY a.published", id)) {
            b.append("<li><a href=\"/articles/").append(esc(a.get("id"))).append("\">").append(esc(a.get("title")))
                    .append("</a> <span class=\"meta\">").append(esc(a.get("outlet"))).append("</span></li>");
        }
        ctx.html(shell(String.valueOf(e.get("name")), b.append("</ul>").toString()));
    }

    private void apiStory(Context ctx) throws SQLException {
        List<Map<String, Object>> rows = store().rows("SELECT id, title, date, last, articles, events, edits FROM stories WHERE id = ?",
                ctx.pathParam("id"));
        if (rows.isEmpty()) {
            ctx.status(404).contentType("application/json").result(json(Map.of("error", "no such story")));
            return;
        }
        ObjectNode n = JSON.valueToTree(rows.get(0));
        try {
            n.set("articles", JSON.readTree(String.valueOf(rows.get(0).get("articles"))));
            n.set("events", JSON.readTree(String.valueOf(rows.get(0).get("events"))));
            n.set("edits", JSON.readTree(String.valueOf(rows.get(0).get("edits"))));
            n.put("edited", n.get("edits").size() > 0);
            String cmp = store().one("SELECT json FROM comparisons WHERE story = ?", ctx.pathParam("id"));
            n.set("comparison", cmp == null ? null : JSON.readTree(cmp));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("stored JSON unreadable: " + e.getMessage(), e);
        }
        ctx.contentType("application/json").result(json(n));
    }

    private void apiArticle(Context ctx) throws SQLException {
        long id = Long.parseLong(ctx.pathParam("id"));
        List<Map<String, Object>> rows = store().rows("SELECT id, title, author, outlet, domain, url, published, language, "
                + "body, sentences FROM articles WHERE id = ?", id);
        if (rows.isEmpty()) {
            ctx.status(404).contentType("application/json").result(json(Map.of("error", "no such article")));
            return;
        }
        ctx.contentType("application/json").result(json(rows.get(0)));
    }

    /** A page of a query's rows: {@code page} from 1, {@code size} at most {@link #MAX_PAGE}. */
    private void page(Context ctx, String sql, Object... params) throws SQLException {
        int page = Math.max(1, Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1")));
        int size = Math.min(MAX_PAGE, Math.max(1, Integer.parseInt(ctx.queryParamAsClass("size", String.class)
                .getOrDefault("50"))));
        Object[] all = java.util.Arrays.copyOf(params, params.length + 2);
        all[params.length] = size;
        all[params.length + 1] = (long) (page - 1) * size;
        List<Map<String, Object>> rows = store().rows(sql + " LIMIT ? OFFSET ?", all);
        List<Map<String, Object>> count = store().rows("SELECT count(*) AS n FROM (" + sql + ")", params);
        ObjectNode out = JSON.createObjectNode().put("page", page).put("size", size)
                .put("total", ((Number) count.get(0).get("n")).longValue());
        out.set("items", JSON.valueToTree(rows));
        ctx.contentType("application/json").result(json(out));
    }

    static String openApi() {
        ObjectNode root = JSON.createObjectNode().put("openapi", "3.0.3");
        root.putObject("info").put("title", "Parallax API").put("version", "1");
        ObjectNode paths = root.putObject("paths");
        String[][] list = {{"/api/v1/stories", "Stories, newest first"}, {"/api/v1/articles", "Articles"},
                {"/api/v1/entities", "Entities (people, organisations, places)"}, {"/api/v1/quotes", "Quotes; ?speaker=entity id"},
                {"/api/v1/reuse", "Reuse links, most shared words first"}};
        for (String[] p : list) {
            ObjectNode get = paths.putObject(p[0]).putObject("get").put("summary", p[1]);
            ArrayNode params = get.putArray("parameters");
            params.addObject().put("name", "page").put("in", "query").putObject("schema").put("type", "integer");
            params.addObject().put("name", "size").put("in", "query").putObject("schema").put("type", "integer")
                    .put("maximum", MAX_PAGE);
            if (p[0].equals("/api/v1/stories")) {
                for (String[] f : new String[][] {{"outlet", "string", "with an article of this outlet"},
                        {"from", "date", "dated on or after (ISO date)"}, {"to", "date", "dated on or before (ISO date)"},
                        {"entity", "string", "with an article naming this entity (id, or words of its name)"}}) {
                    ObjectNode schema = params.addObject().put("name", f[0]).put("in", "query").put("description", f[2])
                            .putObject("schema").put("type", "string");
                    if (f[1].equals("date")) {
                        schema.put("format", "date");
                    }
                }
            }
            get.putObject("responses").putObject("200").put("description", "{page, size, total, items: [...]}");
        }
        paths.putObject("/api/v1/stories/{id}").putObject("get").put("summary", "A story with its events and comparison")
                .putObject("responses").putObject("200").put("description", "the story");
        paths.putObject("/api/v1/articles/{id}").putObject("get").put("summary", "An article with its body")
                .putObject("responses").putObject("200").put("description", "the article");
        for (String[] c : new String[][] {{"merge", "The story and story `other` are one", "{\"other\": \"s7\"}"},
                {"split", "The `articles` (ids, or segments ARTICLE#N) leave the story as a story of their own",
                        "{\"articles\": [\"d4\", \"d5\"]}"},
                {"move", "The `articles` move to story `to` (or `new`)", "{\"articles\": [\"d4\"], \"to\": \"s7\"}"}}) {
            ObjectNode post = paths.putObject("/api/v1/stories/{id}/" + c[0]).putObject("post")
                    .put("summary", c[1] + " (a correction by hand, kept across re-analysis; needs the access token)");
            post.putObject("requestBody").putObject("content").putObject("application/json").put("example", c[2]);
            post.putObject("responses").putObject("202").put("description", "{correction: number, status: applying}");
        }
        paths.putObject("/api/v1/corrections").putObject("get").put("summary", "Corrections by hand, in order; whether all are applied")
                .putObject("responses").putObject("200").put("description", "{applied, analysing, items: [{id, kind, items, target, made, note}]}");
        paths.putObject("/api/v1/corrections/{n}").putObject("delete").put("summary", "Takes correction n back (needs the access token)")
                .putObject("responses").putObject("202").put("description", "{correction, status}");
        ObjectNode search = paths.putObject("/api/v1/search").putObject("get").put("summary", "Full-text search (FTS5)");
        search.putArray("parameters").addObject().put("name", "q").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string");
        search.putObject("responses").putObject("200").put("description", "{q, items: [{article, title, snippet}]}");
        return root.toString();
    }
}
