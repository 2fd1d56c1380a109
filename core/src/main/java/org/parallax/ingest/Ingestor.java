package org.parallax.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.parallax.model.Problem;

/**
 * Reads text and HTML files, WARC archives, JSON Lines of articles and RSS/Atom feed files,
 * single or by folder,
 * into {@link Document}s. A file that cannot be read becomes a {@link Problem} naming it; the
 * rest go on.
 */
public final class Ingestor {
    private Ingestor() {
    }

    /**
     * Reads every path: files as given, folders recursively in name order (only files with a
     * configured extension; manifests are skipped). A manifest named {@code manifest.jsonl} or
     * {@code manifest.csv} inside a folder given here is used for that folder's files unless
     * {@code manifest} has an entry for them.
     */
    public static IngestResult ingest(List<Path> paths, Manifest manifest, IngestConfig config) {
        return ingest(paths, manifest, config, f -> false);
    }

    /**
     * As {@link #ingest(List, Manifest, IngestConfig)}, passing over the files {@code skip}
     * accepts (a store's files unchanged since they were stored); they are counted in
     * {@link IngestResult#skipped()}.
     */
    public static IngestResult ingest(List<Path> paths, Manifest manifest, IngestConfig config,
                                      java.util.function.Predicate<Path> skip) {
        List<Document> docs = new ArrayList<>();
        IngestResult r = stream(paths, manifest, config, skip, new DocumentSink(docs::add));
        return new IngestResult(docs, r.problems(), r.files(), r.skipped());
    }

    /**
     * Reads the paths as {@link #ingest(List, Manifest, IngestConfig, java.util.function.Predicate)}
     * does, handing each document to {@code docs} as soon as it is read (an archive streams
     * through); the result holds the problems and files, and no documents.
     */
    public static IngestResult stream(List<Path> paths, Manifest manifest, IngestConfig config,
                                      java.util.function.Predicate<Path> skip, DocumentSink docs) {
        List<Path> skipped = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<Path, Manifest> manifests = new HashMap<>();
        for (Input in : inputs(paths, config, problems)) {
            Manifest local = in.folder() == null ? Manifest.EMPTY
                    : manifests.computeIfAbsent(in.folder(), f -> folderManifest(f, problems));
            if (skip.test(in.file())) {
                skipped.add(in.file());
            } else if (readOne(in.file(), manifest, local, config, docs, problems)) {
                read.add(in.file());
            }
        }
        return new IngestResult(List.of(), problems, read, skipped);
    }

    /**
     * One input file, and the folder given on the command line that it was found in (whose
     * manifest applies to it), or null for a file given itself.
     */
    public record Input(Path file, Path folder) {
    }

    /**
     * The files the paths stand for, in the order they are read: a folder's files (recursively,
     * those of a known kind, manifests left out) in path order, a file as given. A folder that
     * cannot be listed is a problem.
     */
    public static List<Input> inputs(List<Path> paths, IngestConfig config, List<Problem> problems) {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> listed(f, config))
                            .sorted()
                            .forEach(f -> out.add(new Input(f, p)));
                } catch (IOException | RuntimeException e) {
                    problems.add(new Problem(p.toString(), "ingest", "cannot list folder: " + e.getMessage()));
                }
            } else {
                out.add(new Input(p, null));
            }
        }
        return out;
    }

    /** Whether a folder's walk reads this file: a kind it knows by name, not a manifest. */
    public static boolean listed(Path file, IngestConfig config) {
        return !Manifest.isManifestName(file) && (config.extensions().contains(extension(file)) || WarcArchive.isWarc(file)
                || JsonlArticles.isJsonl(file) || FeedFile.isFeed(file));
    }

    /**
     * Reads one input as {@link #stream} does (its folder's manifest applying, then {@code
     * manifest}'s entries): where a job reads its inputs apart, on several machines.
     */
    public static IngestResult read(Input in, Manifest manifest, IngestConfig config, DocumentSink docs) {
        List<Problem> problems = new ArrayList<>();
        Manifest local = in.folder() == null ? Manifest.EMPTY : folderManifest(in.folder(), problems);
        boolean ok = readOne(in.file(), manifest, local, config, docs, problems);
        return new IngestResult(List.of(), problems, ok ? List.of(in.file()) : List.of(), List.of());
    }

    /**
     * An article record from a table (a row of Parquet or any other format, as a JSON object
     * with the JSON Lines fields: {@code url}, {@code outlet}, {@code published}, {@code title},
     * {@code html} or {@code text}, or news-please's): a {@link Document} with this id, or the
     * {@link Problem} that keeps it out.
     */
    public static Object record(com.fasterxml.jackson.databind.JsonNode fields, String where, String id) {
        return JsonlArticles.record(fields, where, id);
    }

    /** Reads feeds by their addresses (RSS or Atom), fetching what their items link to. */
    public static IngestResult feeds(List<java.net.URI> feeds, PoliteFetcher fetcher, IngestConfig config) {
        List<Document> docs = new ArrayList<>();
        List<Problem> problems = feeds(feeds, fetcher, config, new DocumentSink(docs::add));
        return new IngestResult(docs, problems);
    }

    /** Reads feeds by their addresses into {@code docs}; returns the problems. */
    public static List<Problem> feeds(List<java.net.URI> feeds, PoliteFetcher fetcher, IngestConfig config,
                                      DocumentSink docs) {
        List<Problem> problems = new ArrayList<>();
        for (java.net.URI u : feeds) {
            FeedFile.read(u, fetcher, config, docs, problems);
        }
        return problems;
    }

    private static Manifest folderManifest(Path dir, List<Problem> problems) {
        for (String n : List.of("manifest.jsonl", "manifest.csv")) {
            Path m = dir.resolve(n);
            if (Files.isRegularFile(m)) {
                try {
                    return Manifest.read(m);
                } catch (IOException e) {
                    problems.add(new Problem(m.toString(), "ingest", e.getMessage()));
                }
            }
        }
        return Manifest.EMPTY;
    }

    private static boolean readOne(Path file, Manifest manifest, Manifest local, IngestConfig config,
                                DocumentSink docs, List<Problem> problems) {
        int before = problems.size();
        if (WarcArchive.isWarc(file)) {
            WarcArchive.read(file, config, docs, problems);
            return problems.size() == before;
        }
        if (JsonlArticles.isJsonl(file)) {
            JsonlArticles.read(file, config, docs, problems);
            return problems.size() == before;
        }
        if (FeedFile.isFeed(file)) {
            FeedFile.read(file, config, docs, problems);
            return problems.size() == before;
        }
        String source = file.toString();
        String name = file.getFileName() == null ? source : file.getFileName().toString();
        try {
            Decoder.Decoded d = decode(file, config);
            Metadata meta = manifest.lookup(name).orElse(local.lookup(name));
            docs.accept(new Document(docs.nextId(), source, name, d.format(), d.text(), meta));
            return true;
        } catch (Decoder.BadInput e) {
            problems.add(new Problem(source, "ingest", e.getMessage()));
        } catch (IOException e) {
            problems.add(new Problem(source, "ingest", "cannot read: " + describe(e)));
        }
        return false;
    }

    private static Decoder.Decoded decode(Path file, IngestConfig config) throws IOException, Decoder.BadInput {
        if (!Files.isReadable(file)) {
            throw new Decoder.BadInput(Files.exists(file) ? "not readable (permission denied)" : "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new Decoder.BadInput("is a folder");
        }
        long size = Files.size(file);
        if (size > config.maxBytes()) {
            throw new Decoder.BadInput("too large: " + size + " bytes (limit " + config.maxBytes() + ")");
        }
        return Decoder.decode(Files.readAllBytes(file), file.getFileName().toString(), null, config);
    }

    static String extension(Path f) {
        String n = f.getFileName() == null ? "" : f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}
