package org.parallax.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.pipeline.Pipeline;
import org.parallax.pipeline.PipelineConfig;
import org.parallax.store.CorpusStore;
import org.parallax.stories.StoryCorrection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parallax stories}: the stories of a store, and corrections by hand — merge two
 * stories, split articles off a story, move articles (or segments) to another story or a new
 * one, take a correction back. Corrections are kept in the store and applied after every
 * {@code analyze --db} (incremental or full); each command applies its correction at once by
 * an incremental analysis unless {@code --later}.
 */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "List the stories of a store, and correct them by hand (kept across re-analysis).",
        subcommands = {StoriesCommand.ListStories.class, StoriesCommand.Merge.class, StoriesCommand.Split.class,
                StoriesCommand.Move.class, StoriesCommand.Undo.class, StoriesCommand.Corrections.class})
final class StoriesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A subcommand on an existing store: refuses a missing file (a store is never made here). */
    abstract static class StoreCommand implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        StoreOptionsMixin store;

        abstract int run(PrintWriter out, PrintWriter err) throws Exception;

        @Override
        public Integer call() {
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            if (!Files.isRegularFile(store.db)) {
                err.println("parallax: stories: no store at " + store.db + " (make one with parallax ingest)");
                return 2;
            }
            try {
                return run(out, err);
            } catch (IllegalArgumentException e) {
                err.println("parallax: stories: " + e.getMessage());
                return 2;
            } catch (Exception e) {
                err.println("parallax: store " + store.db + ": " + e.getMessage());
                return 2;
            }
        }
    }

    /** A correction's subcommand: record it, then apply it by an incremental analysis. */
    abstract static class Correct extends StoreCommand {
        @Option(names = "--note", paramLabel = "TEXT", description = "why (kept with the correction)")
        String note;

        @Option(names = "--later", description = "only record the correction; the next analyze --db applies it")
        boolean later;

        /** The correction to record, from the saved stories; null (after a message) when refused. */
        abstract Recorded correction(Map<String, List<String>> saved, PrintWriter err) throws Exception;

        record Recorded(StoryCorrection.Kind kind, List<String> items, List<String> target) {
        }

        @Override
        int run(PrintWriter out, PrintWriter err) throws Exception {
            Path db = store.db;
            try (CorpusStore s = CorpusStore.open(db)) {
                Map<String, List<String>> saved = s.savedStories();
                if (saved.isEmpty()) {
                    err.println("parallax: stories: " + db + " has no analysis yet (run parallax analyze --db " + db + ")");
                    return 2;
                }
                Recorded r = correction(saved, err);
                if (r == null) {
                    return 2;
                }
                long id = s.addCorrection(r.kind(), r.items(), r.target(), note);
                out.println("parallax: correction " + id + " recorded: " + r.kind().label() + " " + String.join(",", r.items())
                        + (r.target().isEmpty() ? "" : " with the story of " + String.join(",", r.target())));
                if (later) {
                    out.println("parallax: the next analyze --db " + db + " applies it");
                    return 0;
                }
                return apply(s, out, err);
            }
        }
    }

    /** Runs the incremental analysis that applies the corrections, and says where each story went. */
    static int apply(CorpusStore s, PrintWriter out, PrintWriter err) throws Exception {
        var a = Pipeline.analyseStore(s, PipelineConfig.defaults(), false);
        a.problems().forEach(p -> err.println("parallax: " + p.line()));
        long edited = a.stories().stream().filter(org.parallax.stories.Story::edited).count();
        out.println("parallax: analysis updated: " + a.stories().size() + " stories, " + edited + " edited by hand");
        return 0;
    }

    /** The {@code --db} option every subcommand shares. */
    static final class StoreOptionsMixin {
        @Option(names = "--db", paramLabel = "FILE", required = true, description = "the store (made by parallax ingest)")
        Path db;
    }

    /** The articles of a saved story, or null after a message. */
    static List<String> articles(Map<String, List<String>> saved, String story, PrintWriter err) {
        List<String> a = saved.get(story);
        if (a == null) {
            err.println("parallax: stories: no story " + story + " in the saved analysis (parallax stories list --db …)");
        }
        return a;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The saved stories: id, articles, title.")
    static final class ListStories extends StoreCommand {
        @Override
        int run(PrintWriter out, PrintWriter err) throws Exception {
            try (CorpusStore s = CorpusStore.openReader(store.db)) {
                for (Map<String, Object> r : s.rows("SELECT id, title, date, articles, edits FROM stories "
                        + "ORDER BY date IS NULL, date, CAST(substr(id, 2) AS INTEGER)")) {
                    boolean edited = !"[]".equals(r.get("edits"));
                    out.printf("%-6s %-10s %s%s  %s%n", r.get("id"), r.get("date") == null ? "undated" : r.get("date"),
                            r.get("articles"), edited ? "  (edited by hand " + r.get("edits") + ")" : "", r.get("title"));
                }
            }
            return 0;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, description = "Two stories are one: STORY and OTHER merge.")
    static final class Merge extends Correct {
        @Parameters(index = "0", paramLabel = "STORY")
        String story;

        @Parameters(index = "1", paramLabel = "OTHER")
        String other;

        @Override
        Recorded correction(Map<String, List<String>> saved, PrintWriter err) {
            List<String> a = articles(saved, story, err);
            List<String> b = a == null ? null : articles(saved, other, err);
            if (b == null) {
                return null;
            }
            if (story.equals(other)) {
                err.println("parallax: stories: merge needs two different stories");
                return null;
            }
            return new Recorded(StoryCorrection.Kind.MERGE, a, b);
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Articles (or segments, ARTICLE#N) leave STORY and form a story of their own.")
    static final class Split extends Correct {
        @Parameters(index = "0", paramLabel = "STORY")
        String story;

        @Option(names = "--articles", split = ",", required = true, paramLabel = "ID",
                description = "the articles or segments to split off, comma-separated")
        List<String> items;

        @Override
        Recorded correction(Map<String, List<String>> saved, PrintWriter err) {
            List<String> a = articles(saved, story, err);
            if (a == null) {
                return null;
            }
            for (String item : items) {
                if (!a.contains(item.replaceFirst("#.*$", ""))) {
                    err.println("parallax: stories: " + item + " is not in story " + story);
                    return null;
                }
            }
            if (items.stream().map(i -> i.replaceFirst("#.*$", "")).distinct().count() >= a.size()
                    && items.stream().noneMatch(i -> i.contains("#"))) {
                err.println("parallax: stories: splitting off every article of " + story + " leaves it as it is");
                return null;
            }
            return new Recorded(StoryCorrection.Kind.SPLIT, items, List.of());
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Articles (or segments, ARTICLE#N) move to story --to, or to a new story (--to new).")
    static final class Move extends Correct {
        @Parameters(arity = "1..*", paramLabel = "ID", description = "articles or segments to move")
        List<String> items;

        @Option(names = "--to", required = true, paramLabel = "STORY", description = "the target story, or new")
        String to;

        @Override
        Recorded correction(Map<String, List<String>> saved, PrintWriter err) {
            java.util.Set<String> known = new java.util.HashSet<>();
            saved.values().forEach(known::addAll);
            for (String item : items) {
                if (!known.contains(item.replaceFirst("#.*$", ""))) {
                    err.println("parallax: stories: no article " + item.replaceFirst("#.*$", "") + " in the saved stories");
                    return null;
                }
            }
            if ("new".equals(to)) {
                return new Recorded(StoryCorrection.Kind.SPLIT, items, List.of());
            }
            List<String> target = articles(saved, to, err);
            if (target == null) {
                return null;
            }
            List<String> rest = new ArrayList<>(target);
            rest.removeAll(items);
            if (rest.isEmpty()) {
                err.println("parallax: stories: story " + to + " holds only what moves");
                return null;
            }
            return new Recorded(StoryCorrection.Kind.MOVE, items, rest);
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, description = "Takes correction N back.")
    static final class Undo extends StoreCommand {
        @Parameters(index = "0", paramLabel = "N")
        long id;

        @Option(names = "--later", description = "only take it back; the next analyze --db applies the change")
        boolean later;

        @Override
        int run(PrintWriter out, PrintWriter err) throws Exception {
            try (CorpusStore s = CorpusStore.open(store.db)) {
                if (!s.removeCorrection(id)) {
                    err.println("parallax: stories: no correction " + id + " (parallax stories corrections --db …)");
                    return 2;
                }
                out.println("parallax: correction " + id + " taken back");
                return later ? 0 : apply(s, out, err);
            }
        }
    }

    @Command(name = "corrections", mixinStandardHelpOptions = true, description = "The corrections made by hand, in order.")
    static final class Corrections extends StoreCommand {
        @Override
        int run(PrintWriter out, PrintWriter err) throws Exception {
            try (CorpusStore s = CorpusStore.openReader(store.db)) {
                boolean applied = s.correctionsApplied();
                for (StoryCorrection c : s.corrections()) {
                    out.printf("%d  %s  %-5s %s%s%s%n", c.id(), c.made(), c.kind().label(), String.join(",", c.items()),
                            c.target().isEmpty() ? "" : " with " + String.join(",", c.target()),
                            c.note() == null ? "" : "  — " + c.note());
                }
                if (!applied) {
                    out.println("(not all applied yet: run parallax analyze --db " + store.db + ")");
                }
            }
            return 0;
        }
    }
}
