package org.parallax.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.parallax.TestDocs;
import org.parallax.text.Annotated;

/**
 * Fuzz target for quote extraction, speakers and quote groups over two articles cut from the
 * input: every quote and speaker span lies in its article and its text is the body's words
 * there; every speaker is a known entity; every grouped quote exists.
 */
class QuoteFuzzTest {
    @FuzzTest
    void quotes(byte[] data) {
        String all = new String(data, StandardCharsets.UTF_8);
        int cut = all.indexOf('\u0000') >= 0 ? all.indexOf('\u0000') : all.length() / 2;
        List<Annotated> docs = List.of(TestDocs.annotated("a0", "One", null, all.substring(0, cut)),
                TestDocs.annotated("a1", "Two", null, all.substring(Math.min(all.length(), cut + 1))));
        QuoteResult r = QuoteStage.run(docs, QuoteConfig.defaults());
        Set<String> entities = r.entities().stream().map(Entity::id).collect(Collectors.toSet());
        Set<String> quoteIds = r.quotes().stream().map(Quote::id).collect(Collectors.toSet());
        for (Quote q : r.quotes()) {
            String body = docs.get(q.articleId().equals("a0") ? 0 : 1).article().body();
            assertThat(q.end()).isLessThanOrEqualTo(body.length());
            assertThat(q.text()).isEqualTo(body.substring(q.start(), q.end()));
            if (q.speakerStart() >= 0) {
                assertThat(q.speakerEnd()).isGreaterThan(q.speakerStart()).isLessThanOrEqualTo(body.length());
                assertThat(q.speakerText()).isEqualTo(body.substring(q.speakerStart(), q.speakerEnd()));
            }
            if (q.speaker() != null) {
                assertThat(entities).contains(q.speaker());
            }
        }
        for (Mention m : r.mentions()) {
            String body = docs.get(m.articleId().equals("a0") ? 0 : 1).article().body();
            assertThat(m.text()).isEqualTo(body.substring(m.start(), m.end()));
        }
        for (QuoteGroup g : r.groups()) {
            assertThat(quoteIds).containsAll(g.quotes());
        }
    }
}
