package org.parallax.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.text.Annotated;

class ReuseFinderTest {
    static final String WIRE = "The central bank raised its main interest rate by half a percentage point on Thursday, "
            + "the largest increase in two decades, as it struggled to contain inflation that has reached its highest "
            + "level since the early nineties. The governor told reporters that further increases were likely in the "
            + "coming months if prices kept rising at the current pace.";
    static final String OTHER = "Heavy snow closed mountain roads across the region overnight, and officials urged "
            + "drivers to stay at home until ploughs could clear the passes, which may take until the weekend.";

    @Test
    void editedReprintIsFoundWithOffsetsOnBothSidesAndDatedDirection() {
        Annotated src = TestDocs.annotated("a0", "Wire Service", LocalDate.of(2022, 5, 5), WIRE);
        String edited = "Our view: bad news for borrowers. " + WIRE.replace("on Thursday", "this week")
                .replace("struggled", "struggles").replace("The governor", "Its governor") + " We will follow this story.";
        Annotated copy = TestDocs.annotated("a1", "Blog", LocalDate.of(2022, 5, 6), edited);
        Annotated unrelated = TestDocs.annotated("a2", "Weather Desk", LocalDate.of(2022, 5, 6), OTHER);
        List<ReuseLink> links = ReuseFinder.find(List.of(copy, src, unrelated), ReuseConfig.defaults());
        assertThat(links).hasSize(1);
        ReuseLink l = links.get(0);
        assertThat(l.source()).isEqualTo("a0");
        assertThat(l.target()).isEqualTo("a1");
        assertThat(l.direction()).isEqualTo(Direction.SOURCE_TO_TARGET);
        assertThat(l.evidence()).contains("published earlier");
        assertThat(l.passages()).hasSize(1);
        Passage p = l.passages().get(0);
        assertThat(WIRE.substring(p.sourceStart(), p.sourceEnd())).startsWith("The central bank").endsWith("current pace");
        assertThat(edited.substring(p.targetStart(), p.targetEnd())).startsWith("The central bank").endsWith("current pace");
        assertThat(p.similarity()).isBetween(0.85, 0.99);
        assertThat(l.targetCoverage()).isBetween(0.7, 0.95);
    }

    @Test
    void creditLineDecidesWhenDatesAreUnknown() {
        Annotated src = TestDocs.annotated("a0", "Novosti Wire International", null, WIRE);
        Annotated copy = TestDocs.annotated("a1", "Some Blog", null, "Novosti News Agency reports\n\n" + WIRE);
        ReuseLink l = ReuseFinder.find(List.of(copy, src), ReuseConfig.defaults()).get(0);
        assertThat(l.source()).isEqualTo("a0");
        assertThat(l.direction()).isEqualTo(Direction.SOURCE_TO_TARGET);
        assertThat(l.evidence()).contains("Novosti News Agency reports");
    }

    @Test
    void withoutDatesOrCreditTheDirectionIsUnknown() {
        Annotated a = TestDocs.annotated("a0", null, null, WIRE);
        Annotated b = TestDocs.annotated("a1", null, LocalDate.of(2022, 1, 1), "Intro words here. " + WIRE);
        ReuseLink l = ReuseFinder.find(List.of(a, b), ReuseConfig.defaults()).get(0);
        assertThat(l.direction()).isEqualTo(Direction.UNKNOWN);
        assertThat(l.confidence()).isZero();
        assertThat(l.evidence()).contains("unknown");
    }

    @Test
    void sharedStockPhrasesAreNotReuse() {
        Annotated a = TestDocs.annotated("a0", null, null,
                "The foreign minister said on Wednesday that talks would go on. Markets fell sharply afterwards.");
        Annotated b = TestDocs.annotated("a1", null, null,
                "Rain is expected. Separately, the foreign minister said on Wednesday he was tired of waiting.");
        assertThat(ReuseFinder.find(List.of(a, b), ReuseConfig.defaults())).isEmpty();
    }

    @Test
    void creditNamesUseTheDistinctiveWordsOfOutletAndDomain() {
        assertThat(Credits.names("Sample News Agency", "samplenews.com")).containsExactly("sample");
        assertThat(Credits.names(null, "www.dailyherald.co.uk")).containsExactly("dailyherald");
        assertThat(Credits.creditIn("as the Sample agency reported", List.of("sample"))).isNotNull();
        assertThat(Credits.creditIn("(Sample)", List.of("sample"))).isNotNull();
        assertThat(Credits.creditIn("a sample of voters", List.of("sample"))).isNull();
    }
}
