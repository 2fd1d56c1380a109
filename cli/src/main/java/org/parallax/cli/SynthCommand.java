package org.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a synthetic corpus for load tests: variants of the given articles with words
 * replaced, sentences dropped, paragraphs reordered, and a manifest with varied outlets and
 * dates. Deterministic for a given seed.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write N varied copies of the articles in a folder, with a manifest (for benchmarks).")
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "DIR", description = "folder of .txt articles to vary")
    Path from;

    @Option(names = "--count", defaultValue = "1000", description = "articles to write (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created)")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--edit-rate", defaultValue = "0.08", description = "share of words replaced (default ${DEFAULT-VALUE})")
    double editRate;

    @Override
    public Integer call() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(from)) {
            sources = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        if (sources.isEmpty()) {
            System.err.println("parallax: synth: no .txt files in " + from);
            return 2;
        }
        List<String> texts = new ArrayList<>();
        for (Path p : sources) {
            texts.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        List<String> vocabulary = new ArrayList<>();
        for (String t : texts) {
            for (String w : t.split("\\s+")) {
                if (w.matches("\\p{L}{3,}")) {
                    vocabulary.add(w);
                }
            }
        }
        Files.createDirectories(out);
        Random rnd = new Random(seed);
        ObjectMapper json = new ObjectMapper();
        try (Writer manifest = Files.newBufferedWriter(out.resolve("manifest.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                int k = i % texts.size();
                String name = String.format("%06d_%s", i, sources.get(k).getFileName());
                Files.writeString(out.resolve(name), vary(texts.get(k), vocabulary, rnd), StandardCharsets.UTF_8);
                ObjectNode m = json.createObjectNode();
                m.put("file", name);
                m.put("outlet", "Outlet " + rnd.nextInt(50));
                m.put("domain", "outlet" + rnd.nextInt(50) + ".example");
                m.put("published", rnd.nextInt(4) == 0 ? null : LocalDate.of(2016, 1, 1).plusDays(rnd.nextInt(365)).toString());
                manifest.write(json.writeValueAsString(m));
                manifest.write('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        System.out.println("wrote " + count + " articles and manifest.jsonl to " + out);
        return 0;
    }

    private String vary(String text, List<String> vocabulary, Random rnd) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\\s*\n")));
        if (paragraphs.size() > 4 && rnd.nextBoolean()) {
            // Reorder the middle, keep the headline first and the page's tail last.
            Collections.shuffle(paragraphs.subList(1, paragraphs.size() - 2), rnd);
        }
        StringBuilder b = new StringBuilder();
        for (String p : paragraphs) {
            if (b.length() > 0 && rnd.nextInt(10) == 0) {
                continue; // drop a paragraph now and then
            }
            StringBuilder q = new StringBuilder();
            for (String w : p.split(" ", -1)) {
                if (q.length() > 0) {
                    q.append(' ');
                }
                q.append(rnd.nextDouble() < editRate ? vocabulary.get(rnd.nextInt(vocabulary.size())) : w);
            }
            b.append(q).append("\n\n");
        }
        return b.toString();
    }
}
