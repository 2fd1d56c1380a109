package org.parallax.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the reuse benchmark's synthetic corpus (real news text from ../shared/bench with
 * planted reuse, {@link ReuseCorpus}) at any size, as JSON Lines shards a job reads in
 * parallel: the corpus for scale-out runs. A corpus larger than one chunk is made of chunks
 * generated apart (seed + chunk number), each from its own rotation of the pool's vocabulary so
 * that no two share text, reuse planted within each, so memory stays that of one chunk; the
 * truth goes beside the articles (truth.json: one JSON object a line, not read as input).
 */
@Command(name = "synth-reuse", mixinStandardHelpOptions = true,
        description = "Write N articles with planted reuse as JSON Lines shards (and the truth), for scale-out runs.")
final class SynthReuseCommand implements Callable<Integer> {
    @Option(names = "--shared", paramLabel = "DIR", description = "the shared folder (default ../shared)")
    Path shared;

    @Option(names = "--articles", defaultValue = "10000", description = "articles to write (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--chunk", defaultValue = "20000", description = "articles generated together (default ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--shard", defaultValue = "5000", description = "articles per .jsonl file (default ${DEFAULT-VALUE})")
    int shard;

    @Option(names = "--seed", defaultValue = "7", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created)")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path bench = BenchCommand.data(shared);
        if (bench == null) {
            return 2;
        }
        List<String> pool = ReuseCorpus.pool(bench);
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        int written = 0;
        int shardNo = 0;
        int inShard = 0;
        BufferedWriter w = null;
        try (BufferedWriter truth = Files.newBufferedWriter(out.resolve("truth.json"), StandardCharsets.UTF_8)) {
            for (int c = 0; written < articles; c++) {
                int size = Math.min(chunk, articles - written);
                // Each chunk from its own rotation of the pool: no chunk shares text with another.
                ReuseCorpus.Corpus corpus = ReuseCorpus.generate(c == 0 ? pool : ReuseCorpus.rotated(pool, 1000 + c),
                        size, seed + c);
                String prefix = "c" + c + "-";
                for (ReuseCorpus.Doc d : corpus.docs()) {
                    if (w == null || inShard == shard) {
                        if (w != null) {
                            w.close();
                        }
                        w = Files.newBufferedWriter(out.resolve(String.format(Locale.ROOT, "part-%05d.jsonl", shardNo++)),
                                StandardCharsets.UTF_8);
                        inShard = 0;
                    }
                    ObjectNode o = json.createObjectNode();
                    o.put("url", "https://" + d.domain() + "/" + prefix + d.id());
                    o.put("outlet", d.outlet());
                    o.put("domain", d.domain());
                    o.put("published", d.published() == null ? null : d.published().toString());
                    o.put("text", d.body());
                    w.write(json.writeValueAsString(o));
                    w.write('\n');
                    inShard++;
                }
                for (ReuseCorpus.Case k : corpus.cases()) {
                    ObjectNode t = json.createObjectNode();
                    t.put("source", prefix + corpus.docs().get(k.src()).id());
                    t.put("target", prefix + corpus.docs().get(k.tgt()).id());
                    t.put("sourceStart", k.srcStart());
                    t.put("sourceEnd", k.srcEnd());
                    t.put("targetStart", k.tgtStart());
                    t.put("targetEnd", k.tgtEnd());
                    truth.write(json.writeValueAsString(t));
                    truth.write('\n');
                }
                written += corpus.docs().size();
                System.err.printf(Locale.ROOT, "synth-reuse: %d of %d articles%n", written, articles);
            }
        } finally {
            if (w != null) {
                w.close();
            }
        }
        System.out.printf(Locale.ROOT, "wrote %d articles in %d shards to %s%n", written, shardNo, out);
        return 0;
    }
}
