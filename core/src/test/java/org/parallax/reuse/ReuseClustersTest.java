package org.parallax.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.text.Annotated;

class ReuseClustersTest {
    @Test
    void aParagraphReprintedByThreeOutletsIsOneClusterWithItsOrigin() {
        String para = ReuseFinderTest.WIRE;
        String a = para + "\n\n" + ReuseFinderTest.OWN;
        String b = ReuseFinderTest.OTHER + "\n\n" + para;
        String c = "A short note first. " + para + "\n\nAnd a closing line of our own, with nothing copied.";
        List<Annotated> docs = List.of(
                TestDocs.annotated("a0", "Wire", LocalDate.of(2022, 5, 5), a),
                TestDocs.annotated("a1", "Blog", LocalDate.of(2022, 5, 6), b),
                TestDocs.annotated("a2", "Site", LocalDate.of(2022, 5, 7), c),
                TestDocs.annotated("a3", "Weather", LocalDate.of(2022, 5, 7), "Snow again. " + ReuseFinderTest.OTHER));
        List<ReuseLink> links = ReuseFinder.find(docs, ReuseConfig.defaults());
        List<ReuseClusters.Cluster> clusters = ReuseClusters.of(links);
        ReuseClusters.Cluster wire = clusters.stream().filter(k -> k.articles().contains("a2")).findFirst().orElseThrow();
        assertThat(wire.articles()).containsExactly("a0", "a1", "a2");
        assertThat(wire.origin()).isEqualTo("a0");
        assertThat(wire.members()).hasSize(3);
        String[] bodies = {a, b, c};
        for (ReuseClusters.Occurrence o : wire.members()) {
            String text = bodies[Integer.parseInt(o.article().substring(1))].substring(o.start(), o.end());
            assertThat(text).startsWith("The central bank").endsWith("current pace");
        }
        // The weather report shares a different paragraph with a1: a cluster of its own.
        assertThat(clusters).anySatisfy(k -> assertThat(k.articles()).containsExactly("a1", "a3"));
        assertThat(clusters).extracting(ReuseClusters.Cluster::id).doesNotHaveDuplicates();
    }

    @Test
    void withoutDirectedLinksAClusterHasNoOrigin() {
        String para = ReuseFinderTest.WIRE;
        List<Annotated> docs = List.of(
                TestDocs.annotated("a0", null, null, para + " First."),
                TestDocs.annotated("a1", null, null, "Second. " + para));
        List<ReuseClusters.Cluster> clusters = ReuseClusters.of(ReuseFinder.find(docs, ReuseConfig.defaults()));
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).origin()).isNull();
        assertThat(ReuseClusters.of(List.of())).isEmpty();
    }
}
