package org.parallax.cli;

import org.parallax.extract.ExtractConfig;
import org.parallax.ingest.IngestConfig;
import org.parallax.pipeline.PipelineConfig;
import picocli.CommandLine.Option;

/** The input limits {@code ingest} and {@code analyze} share (see docs/robustness.md). */
final class Limits {
    @Option(names = "--max-bytes", paramLabel = "N", description = "largest file, archive record, unpacked gzip or "
            + "JSONL line read, in bytes (default: ${DEFAULT-VALUE}); larger ones are named as problems")
    long maxBytes = IngestConfig.defaults().maxBytes();

    @Option(names = "--max-chars", paramLabel = "N", description = "longest article kept, in characters "
            + "(default: ${DEFAULT-VALUE})")
    int maxChars = ExtractConfig.MAX_CHARS;

    /** The default configuration with these limits; null (after naming the problem on stderr) when they make no sense. */
    PipelineConfig apply(PipelineConfig d) {
        if (maxBytes <= 0 || maxChars <= d.extract().minBodyChars()) {
            System.err.println("parallax: --max-bytes must be positive and --max-chars above "
                    + d.extract().minBodyChars());
            return null;
        }
        IngestConfig ic = new IngestConfig(d.ingest().extensions(), maxBytes, d.ingest().maxBinaryRatio());
        ExtractConfig ec = new ExtractConfig(d.extract().lexicon(), d.extract().minBodyChars(),
                d.extract().tailCutMinPosition(), maxChars);
        return new PipelineConfig(ic, ec, d.text(), d.reuse(), d.quotes(), d.stories(), d.compare());
    }
}
