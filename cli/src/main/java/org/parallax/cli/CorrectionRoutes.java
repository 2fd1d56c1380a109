package org.parallax.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jsoup.nodes.Entities;
import org.parallax.pipeline.Pipeline;
import org.parallax.pipeline.PipelineConfig;
import org.parallax.store.CorpusStore;
import org.parallax.stories.StoryCorrection;

/**
 * The web app's corrections to stories: a page to merge, split or move articles of a story,
 * the list of corrections, and the same in the JSON API ({@code POST
 * /api/v1/stories/{id}/merge|split|move}, {@code GET /api/v1/corrections}, {@code DELETE
 * /api/v1/corrections/{n}}). Writing needs the server's access token ({@code serve --token}):
 * without one, the app reads only. Each correction is stored at once and applied by an
 * incremental analysis on a thread of its own (one at a time; corrections made meanwhile are
 * applied by the next run), so pages keep being served from the last analysis until it ends.
 */
final class CorrectionRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path db;
    private final boolean writable;
    private final ExecutorService analyser = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parallax-corrections");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean running;
    private volatile String lastError;

    CorrectionRoutes(Path db, boolean writable) {
        this.db = db;
        this.writable = writable;
    }

    /** Adds the routes; {@code get} wraps a read handler in the app's read snapshot. */
    void register(Javalin app, BiConsumer<String, Handler> get) {
        get.accept("/stories/{id}/edit", this::editPage);
        get.accept("/corrections", this::correctionsPage);
        get.accept("/api/v1/corrections", this::apiCorrections);
        app.post("/stories/{id}/edit", ctx -> {
            long n = record(ctx, ctx.formParam("action"), ctx.formParams("articles"), ctx.formParam("other"),
                    ctx.formParam("to"), ctx.formParam("note"));
            ctx.redirect("/corrections#c" + n, io.javalin.http.HttpStatus.SEE_OTHER);
        });
        for (String action : List.of("merge", "split", "move")) {
            app.post("/api/v1/stories/{id}/" + action, ctx -> {
                JsonNode body = ctx.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
                List<String> articles = new ArrayList<>();
                body.path("articles").forEach(a -> articles.add(a.asText()));
                long n = record(ctx, action, articles, text(body, "other"), text(body, "to"), text(body, "note"));
                ctx.status(202).contentType("application/json").result(JSON.createObjectNode().put("correction", n)
                        .put("status", "applying").toString());
            });
        }
        app.delete("/api/v1/corrections/{n}", ctx -> {
            requireWrite();
            long n = Long.parseLong(ctx.pathParam("n"));
            boolean removed;
            try (CorpusStore s = CorpusStore.open(db)) {
                removed = s.removeCorrection(n);
            }
            if (!removed) {
                throw new io.javalin.http.HttpResponseException(404, "no correction " + n);
            }
            schedule();
            ctx.status(202).contentType("application/json").result(JSON.createObjectNode().put("correction", n)
                    .put("status", "taken back").toString());
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> {
            boolean api = ctx.path().startsWith("/api/");
            ctx.status(400);
            if (api) {
                ctx.contentType("application/json").result(JSON.createObjectNode().put("error", e.getMessage()).toString());
            } else {
                ctx.contentType("text/plain; charset=utf-8").result(e.getMessage());
            }
        });
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }

    private void requireWrite() {
        if (!writable) {
            throw new io.javalin.http.HttpResponseException(403, "corrections need write access: start parallax serve "
                    + "with --token SECRET and send it");
        }
    }

    /** Records a correction of story {@code id} made through the app; its number. */
    private long record(Context ctx, String action, List<String> articles, String other, String to, String note)
            throws SQLException {
        requireWrite();
        String story = ctx.pathParam("id");
        List<String> items = articles.stream().map(CorrectionRoutes::articleId).distinct().toList();
        long n;
        try (CorpusStore s = CorpusStore.open(db)) {
            Map<String, List<String>> saved = s.savedStories();
            List<String> members = saved.get(story);
            if (members == null) {
                throw new io.javalin.http.HttpResponseException(404, "no story " + story);
            }
            StoryCorrection.Kind kind;
            List<String> what;
            List<String> target;
            switch (action == null ? "" : action) {
                case "merge" -> {
                    List<String> others = other == null ? null : saved.get(other);
                    if (others == null || other.equals(story)) {
                        throw new IllegalArgumentException("merge needs another story: other=STORY");
                    }
                    kind = StoryCorrection.Kind.MERGE;
                    what = members;
                    target = others;
                }
                case "split", "move" -> {
                    if (items.isEmpty()) {
                        throw new IllegalArgumentException("choose the articles to " + action);
                    }
                    for (String item : items) {
                        if (!members.contains(item.replaceFirst("#.*$", ""))) {
                            throw new IllegalArgumentException(item + " is not in story " + story);
                        }
                    }
                    String dest = "split".equals(action) ? "new" : to;
                    if (dest == null || dest.isBlank()) {
                        throw new IllegalArgumentException("move needs a target: to=STORY or to=new");
                    }
                    if ("new".equals(dest)) {
                        if (items.size() >= members.size() && items.stream().noneMatch(i -> i.contains("#"))) {
                            throw new IllegalArgumentException("that is the whole story already");
                        }
                        kind = StoryCorrection.Kind.SPLIT;
                        target = List.of();
                    } else {
                        List<String> others = saved.get(dest);
                        if (others == null || dest.equals(story)) {
                            throw new IllegalArgumentException("no other story " + dest);
                        }
                        kind = StoryCorrection.Kind.MOVE;
                        target = others;
                    }
                    what = items;
                }
                default -> throw new IllegalArgumentException("action must be merge, split or move");
            }
            n = s.addCorrection(kind, what, target, note == null || note.isBlank() ? null : note.strip());
        }
        schedule();
        return n;
    }

    /** "d12" for "12" or "d12"; segments ("d12#2") kept. */
    private static String articleId(String given) {
        String g = given.strip();
        return g.startsWith("d") ? g : "d" + g;
    }

    /** Queues one incremental analysis unless one is queued already. */
    private void schedule() {
        if (queued.compareAndSet(false, true)) {
            analyser.submit(() -> {
                queued.set(false);
                running = true;
                try (CorpusStore s = CorpusStore.open(db)) {
                    var a = Pipeline.analyseStore(s, PipelineConfig.defaults(), false);
                    lastError = a.problems().isEmpty() ? null : String.join("; ", a.problems().stream()
                            .map(org.parallax.model.Problem::line).toList());
                } catch (Exception | Error e) {
                    lastError = "the analysis failed: " + e;
                } finally {
                    running = false;
                }
            });
        }
    }

    /** Whether no analysis is queued or running (for tests and the status line). */
    boolean idle() {
        return !queued.get() && !running;
    }

    void stop() {
        analyser.shutdownNow();
    }

    private static String esc(Object s) {
        return s == null ? "" : Entities.escape(String.valueOf(s));
    }

    private void editPage(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        CorpusStore store = WebApp.current();
        List<Map<String, Object>> story = store.rows("SELECT id, title, edits FROM stories WHERE id = ?", id);
        if (story.isEmpty()) {
            ctx.status(404).html(WebApp.shell("Not found", "<p>No such story.</p>"));
            return;
        }
        StringBuilder b = new StringBuilder("<h1>Correct: ").append(esc(story.get(0).get("title"))).append("</h1>");
        if (!writable) {
            b.append("<p class=\"meta\">This server reads only: start <code>parallax serve</code> with <code>--token</code> "
                    + "to correct stories.</p>");
        }
        b.append("<form method=\"post\" action=\"/stories/").append(esc(id)).append("/edit\"><fieldset><legend>Articles of ")
                .append(esc(id)).append("</legend><ul>");
        for (Map<String, Object> a : store.rows("SELECT a.id, a.title, a.outlet, a.published FROM story_articles sa "
                + "JOIN articles a ON a.id = sa.article WHERE sa.story = ? ORDER BY a.published, a.id", id)) {
            b.append("<li><label><input type=\"checkbox\" name=\"articles\" value=\"d").append(esc(a.get("id")))
                    .append("\"> ").append(esc(a.get("title"))).append(" <span class=\"meta\">")
                    .append(esc(a.get("outlet") == null ? "" : a.get("outlet") + " · ")).append(esc(a.get("published")))
                    .append("</span></label></li>");
        }
        b.append("</ul></fieldset>");
        StringBuilder options = new StringBuilder();
        for (Map<String, Object> o : store.rows("SELECT id, title, date FROM stories WHERE id <> ? ORDER BY date DESC, id "
                + "LIMIT 1000", id)) {
            options.append("<option value=\"").append(esc(o.get("id"))).append("\">").append(esc(o.get("id"))).append(" · ")
                    .append(esc(o.get("date"))).append(" · ").append(esc(o.get("title"))).append("</option>");
        }
        b.append("<p><label>Note <input name=\"note\" size=\"60\" placeholder=\"why (kept with the correction)\"></label></p>")
                .append("<p><button name=\"action\" value=\"split\">Split the checked articles off as a new story</button></p>")
                .append("<p><label>Move the checked articles to <select name=\"to\"><option value=\"new\">a new story</option>")
                .append(options).append("</select></label> <button name=\"action\" value=\"move\">Move</button></p>")
                .append("<p><label>Merge this story with <select name=\"other\">").append(options)
                .append("</select></label> <button name=\"action\" value=\"merge\">Merge</button></p></form>")
                .append("<p><a href=\"/stories/").append(esc(id)).append("\">Back to the story</a> · "
                        + "<a href=\"/corrections\">All corrections</a></p>");
        ctx.html(WebApp.shell("Correct " + story.get(0).get("title"), b.toString()));
    }

    private void correctionsPage(Context ctx) throws SQLException {
        CorpusStore store = WebApp.current();
        StringBuilder b = new StringBuilder("<h1>Corrections by hand</h1><p class=\"meta\">")
                .append(esc(status(store))).append("</p><ol>");
        List<StoryCorrection> all = store.corrections();
        for (StoryCorrection c : all) {
            b.append("<li id=\"c").append(c.id()).append("\"><b>").append(c.kind().label()).append("</b> ")
                    .append(esc(String.join(", ", c.items())));
            if (!c.target().isEmpty()) {
                b.append(" with the story of ").append(esc(String.join(", ", c.target())));
            }
            b.append(" <span class=\"meta\">#").append(c.id()).append(" · ").append(esc(c.made()))
                    .append(c.note() == null ? "" : " · " + esc(c.note())).append("</span></li>");
        }
        if (all.isEmpty()) {
            b.append("<li>None yet: open a story and choose “Correct this story”.</li>");
        }
        ctx.html(WebApp.shell("Corrections", b.append("</ol>").toString()));
    }

    private String status(CorpusStore store) throws SQLException {
        String s = running || queued.get() ? "Applying the corrections (an incremental analysis is running)…"
                : store.correctionsApplied() ? "Every correction is applied." : "Not applied yet: the next analysis applies them.";
        return lastError == null ? s : s + " Last run: " + lastError;
    }

    private void apiCorrections(Context ctx) throws SQLException {
        CorpusStore store = WebApp.current();
        ObjectNode out = JSON.createObjectNode();
        boolean applied = store.correctionsApplied() && idle();
        out.put("applied", applied).put("analysing", !idle());
        if (lastError != null) {
            out.put("lastError", lastError);
        }
        ArrayNode items = out.putArray("items");
        for (StoryCorrection c : store.corrections()) {
            ObjectNode n = items.addObject().put("id", c.id()).put("kind", c.kind().label()).put("made", c.made());
            c.items().forEach(n.putArray("items")::add);
            c.target().forEach(n.putArray("target")::add);
            n.put("note", c.note());
        }
        ctx.contentType("application/json").result(out.toString());
    }
}
