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
    void twoOutletsQuotingOneSpeechShareAQuotationNotACopy() {
        String speech = "\u201cWe will not raise taxes on working families this year, and we will not cut the pensions "
                + "that millions of retired teachers and nurses have earned over a lifetime of service to this country,\u201d";
        Annotated a = TestDocs.annotated("a0", "Daily One", LocalDate.of(2022, 5, 5), "The finance minister spoke in "
                + "parliament on Tuesday. " + speech + " she said, to applause from her own benches.");
        Annotated b = TestDocs.annotated("a1", "Evening Two", LocalDate.of(2022, 5, 6), "Opposition leaders called the "
                + "budget a gamble. " + speech + " the minister told lawmakers, who had expected cuts.");
        ReuseLink l = ReuseFinder.find(List.of(a, b), ReuseConfig.defaults()).get(0);
        assertThat(l.passages()).allMatch(Passage::quotation);
        assertThat(l.kind()).isEqualTo(ReuseLink.SHARED_QUOTATION);
        assertThat(l.copy()).isFalse();
        // Printing the same words says nothing about who copied whom.
        assertThat(l.direction()).isEqualTo(Direction.UNKNOWN);
        assertThat(l.duplicate()).isFalse();
        // The same words outside quotation marks on one side: a copy.
        Annotated c = TestDocs.annotated("a2", "Copy Shop", LocalDate.of(2022, 5, 7), "Opposition leaders called the "
                + "budget a gamble. " + speech.replace("\u201c", "").replace("\u201d", "") + " the minister told lawmakers.");
        ReuseLink copy = ReuseFinder.find(List.of(a, c), ReuseConfig.defaults()).get(0);
        assertThat(copy.kind()).isEqualTo(ReuseLink.COPY);
        assertThat(copy.direction()).isEqualTo(Direction.SOURCE_TO_TARGET);
    }

    @Test
    void quotationMarksAreFoundPerParagraph() {
        String body = "He said \u201cthe plan is dead\u201d and left.\n\u201cIt runs on into the next line";
        assertThat(Quotations.share(body, body.indexOf("the plan"), body.indexOf(" and left"))).isEqualTo(1.0);
        assertThat(Quotations.share(body, body.indexOf("and left"), body.indexOf("left") + 4)).isZero();
        assertThat(Quotations.share(body, body.indexOf("It runs"), body.length())).isEqualTo(1.0);
        assertThat(Quotations.share("say \"yes\" or no", 5, 8)).isEqualTo(1.0);
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

    static final String OWN = "Readers have asked us what the decision means for households with variable loans, "
            + "for small firms that borrow to pay suppliers and for savers who have waited years for better returns. "
            + "We put those questions to two economists and a mortgage broker and set out their answers below, "
            + "along with a short history of how the bank has moved rates during earlier bouts of inflation.";

    @Test
    void withoutDatesOrCreditTheCopyIsTheSideWithItsOwnAdditions() {
        Annotated src = TestDocs.annotated("a0", null, null, WIRE);
        Annotated copy = TestDocs.annotated("a1", null, null, OWN + "\n\n" + WIRE + "\n\n" + OTHER);
        ReuseLink l = ReuseFinder.find(List.of(copy, src), ReuseConfig.defaults()).get(0);
        assertThat(l.source()).isEqualTo("a0");
        assertThat(l.target()).isEqualTo("a1");
        assertThat(l.direction()).isEqualTo(Direction.SOURCE_TO_TARGET);
        assertThat(l.evidence()).startsWith("containment");
        assertThat(l.confidence()).isLessThan(0.75); // weaker than a date or a credit
        assertThat(l.duplicate()).isFalse();
    }

    @Test
    void aWholeReprintIsANearDuplicateAndCountsOnce() {
        String body = WIRE + "\n\n" + OWN;
        Annotated a = TestDocs.annotated("a0", "Wire Service", LocalDate.of(2022, 5, 5), body);
        Annotated b = TestDocs.annotated("a1", "Blog", LocalDate.of(2022, 5, 6), body.replace("Thursday", "Thursday evening"));
        Annotated c = TestDocs.annotated("a2", "Other Blog", LocalDate.of(2022, 5, 7), "Elsewhere today. " + body);
        Annotated partial = TestDocs.annotated("a3", "Digest", LocalDate.of(2022, 5, 8), OTHER + "\n\n" + WIRE);
        List<ReuseLink> links = ReuseFinder.find(List.of(a, b, c, partial), ReuseConfig.defaults());
        assertThat(links).filteredOn(ReuseLink::duplicate).extracting(l -> l.source() + ">" + l.target())
                .containsExactlyInAnyOrder("a0>a1", "a0>a2", "a1>a2");
        assertThat(links).filteredOn(l -> l.target().equals("a3")).allSatisfy(l -> assertThat(l.duplicate()).isFalse());
        // a1 and a2 both reprint a0: one independent source among the three.
        assertThat(ReuseClusters.duplicateOf(links)).containsEntry("a1", "a0").containsEntry("a2", "a0")
                .doesNotContainKey("a0").doesNotContainKey("a3");
    }

    @Test
    void passageEdgesExtendThroughEditedWords() {
        String edited = WIRE.replace("The central bank raised", "The national bank lifted");
        Annotated src = TestDocs.annotated("a0", null, LocalDate.of(2022, 5, 5), WIRE);
        Annotated copy = TestDocs.annotated("a1", null, LocalDate.of(2022, 5, 6), OTHER + "\n\n" + edited);
        Passage p = ReuseFinder.find(List.of(src, copy), ReuseConfig.defaults()).get(0).passages().get(0);
        String shown = (OTHER + "\n\n" + edited).substring(p.targetStart(), p.targetEnd());
        assertThat(shown).startsWith("The national bank lifted").endsWith("current pace");
        assertThat(p.edits().substituted()).isEqualTo(2);
        assertThat(p.edits().matched()).isEqualTo(p.sourceWords() - 2);
    }

    @Test
    void shinglesInTooManyArticlesDoNotMakeCandidates() {
        List<Annotated> docs = List.of(
                TestDocs.annotated("a0", null, null, WIRE + " One."),
                TestDocs.annotated("a1", null, null, "Two. " + WIRE),
                TestDocs.annotated("a2", null, null, "Three. " + WIRE),
                TestDocs.annotated("a3", null, null, "Four. " + WIRE + " Four."));
        assertThat(ReuseFinder.find(docs, ReuseConfig.defaults())).hasSize(6);
        ReuseConfig strict = new ReuseConfig(5, 3, 3, 25, 15, 0.7, 0.8, 0.3);
        assertThat(ReuseFinder.find(docs, strict)).isEmpty();
    }
}
