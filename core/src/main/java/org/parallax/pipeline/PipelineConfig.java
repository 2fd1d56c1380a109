package org.parallax.pipeline;

import org.parallax.compare.CompareConfig;
import org.parallax.extract.ExtractConfig;
import org.parallax.ingest.IngestConfig;
import org.parallax.quotes.QuoteConfig;
import org.parallax.reuse.ReuseConfig;
import org.parallax.stories.StoryConfig;
import org.parallax.text.TextConfig;

/** One configuration record per stage. */
public record PipelineConfig(IngestConfig ingest, ExtractConfig extract, TextConfig text, ReuseConfig reuse,
                             QuoteConfig quotes, StoryConfig stories, CompareConfig compare) {
    public static PipelineConfig defaults() {
        return new PipelineConfig(IngestConfig.defaults(), ExtractConfig.defaults(), TextConfig.defaults(),
                ReuseConfig.defaults(), QuoteConfig.defaults(), StoryConfig.defaults(), CompareConfig.defaults());
    }
}
