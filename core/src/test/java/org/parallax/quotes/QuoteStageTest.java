package org.parallax.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.text.Annotated;

class QuoteStageTest {
    private static QuoteResult run(String... bodies) {
        List<Annotated> docs = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            docs.add(TestDocs.annotated("a" + i, null, null, bodies[i]));
        }
        return QuoteStage.run(docs, QuoteConfig.defaults());
    }

    private static String speakerName(QuoteResult r, Quote q) {
        Map<String, String> names = r.entities().stream().collect(Collectors.toMap(Entity::id, Entity::name));
        return q.speaker() == null ? null : names.get(q.speaker());
    }

    private static Quote quoteStarting(QuoteResult r, String prefix) {
        return r.quotes().stream().filter(q -> q.text().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote starting " + prefix + " in " + r.quotes()));
    }

    @Test
    void directQuotesWithNamesPronounsAndRoleNouns() {
        String body = "Finance Minister Maria Keller defended the budget on Monday.\n\n"
                + "“We have no other choice,” Keller said. \"The deficit must fall,\" she added.\n\n"
                + "Opposition leader Tom Brandt disagreed. “This budget hurts families,” he told reporters.\n\n"
                + "“Nothing will change my mind,” the minister insisted.";
        QuoteResult r = run(body);
        Quote q1 = quoteStarting(r, "We have no other choice");
        assertThat(q1.kind()).isEqualTo(QuoteKind.DIRECT);
        assertThat(q1.text()).isEqualTo("We have no other choice");
        assertThat(body.substring(q1.start(), q1.end())).isEqualTo(q1.text());
        assertThat(speakerName(r, q1)).isEqualTo("Maria Keller");
        assertThat(q1.cue()).isEqualTo("said");
        Quote q2 = quoteStarting(r, "The deficit must fall");
        assertThat(q2.speakerText()).isEqualTo("she");
        assertThat(speakerName(r, q2)).isEqualTo("Maria Keller");
        Quote q3 = quoteStarting(r, "This budget hurts families");
        assertThat(speakerName(r, q3)).isEqualTo("Tom Brandt");
        Quote q4 = quoteStarting(r, "Nothing will change my mind");
        assertThat(q4.speakerText()).isEqualTo("the minister");
        assertThat(speakerName(r, q4)).isEqualTo("Maria Keller"); // role noun matches her title, not the nearer Brandt
        assertThat(body.substring(q4.speakerStart(), q4.speakerEnd())).isEqualTo("the minister");
    }

    @Test
    void aPronounGoesToTheSubjectNotToAPersonNamedAsAnObjectOrAModifier() {
        String body = "Governor Rick Perry campaigned in Iowa on Monday.\n\n"
                + "Perry has recently stepped up his attacks on President Barack Obama over cultural issues. In a "
                + "statement on Tuesday, he decried the Obama administration's decision on foreign aid.\n\n"
                + "“This is an administration at war with people of faith,” he said.";
        QuoteResult r = run(body);
        assertThat(speakerName(r, quoteStarting(r, "This is an administration"))).isEqualTo("Rick Perry");
    }

    @Test
    void reportsAfterNewsIsANounAndHeInsideTheIsNoPronoun() {
        String body = "“We will open more corridors for civilians,” Minister Ivan Petrov said on Monday.\n\n"
                + "Addressing the western establishment media’s fake news reports that Kessel is “burning people alive” "
                + "in Zenda, Petrov pointed out that independent humanitarian organizations do not confirm such "
                + "reports about atrocities committed in Zenda by government troops.";
        QuoteResult r = run(body);
        assertThat(r.quotes()).noneMatch(q -> body.substring(q.start(), q.end()).startsWith("that Kessel"));
        assertThat(r.quotes()).noneMatch(q -> "he".equals(q.speakerText()));
    }

    @Test
    void wordsThatCannotNameASpeakerAreNoSpeaker() {
        assertThat(QuoteStage.speakerWords("On Friday")).isFalse();
        assertThat(QuoteStage.speakerWords("which")).isFalse();
        assertThat(QuoteStage.speakerWords("Forty-five")).isFalse();
        assertThat(QuoteStage.speakerWords("R-Calif")).isFalse();
        assertThat(QuoteStage.speakerWords("Barack Obama's Thanksgiving")).isFalse();
        assertThat(QuoteStage.speakerWords("Rick Perry")).isTrue();
        assertThat(QuoteStage.speakerWords("Obama's spokesman")).isTrue();
        assertThat(QuoteStage.speakerWords("the minister")).isTrue();
        assertThat(QuoteStage.speakerWords("he")).isTrue();
        String body = "Lawmakers met for hours.\n\n“We have a deal on the budget,” On Friday said in a statement.";
        Quote q = quoteStarting(run(body), "We have a deal");
        assertThat(q.speakerText()).isNull();
        assertThat(q.speaker()).isNull();
    }

    @Test
    void quoteRunningOverParagraphsIsOneQuote() {
        String body = "Union chief Ana Ruiz spoke at length.\n\n"
                + "“The strike will go on until the company listens to us and pays what it owes.\n\n"
                + "“We are not afraid of a long fight,” Ruiz said.";
        QuoteResult r = run(body);
        List<Quote> direct = r.quotes().stream().filter(q -> q.kind() == QuoteKind.DIRECT).toList();
        assertThat(direct).hasSize(1);
        assertThat(direct.get(0).text()).contains("The strike will go on").contains("long fight");
        assertThat(speakerName(r, direct.get(0))).isEqualTo("Ana Ruiz");
    }

    @Test
    void continuationDescribedSpeakersAndDashSignatures() {
        String body = "Residents gathered outside city hall on Tuesday.\n\n"
                + "“We were told nothing,” said Lena Ortiz. “Not a single letter arrived before the works began.”\n\n"
                + "“We will achieve justice in this case,” Harbor police Chief Daniel Okafor said Monday.\n\n"
                + "“It is an invasion of the state's domain,” Paul Reyes, the attorney general of the state, said at a hearing.\n\n"
                + "“He represents our greatest shame.” ― Sonia Herrera\n\n"
                + "“Nobody asked the neighbours,” a resident said. The council did not reply.";
        QuoteResult r = run(body);
        assertThat(speakerName(r, quoteStarting(r, "We were told nothing"))).isEqualTo("Lena Ortiz");
        assertThat(speakerName(r, quoteStarting(r, "Not a single letter"))).as("continues the quote before it")
                .isEqualTo("Lena Ortiz");
        assertThat(speakerName(r, quoteStarting(r, "We will achieve justice"))).contains("Daniel Okafor");
        assertThat(speakerName(r, quoteStarting(r, "It is an invasion"))).isEqualTo("Paul Reyes");
        Quote signed = quoteStarting(r, "He represents our greatest shame");
        assertThat(speakerName(r, signed)).isEqualTo("Sonia Herrera");
        assertThat(signed.cue()).isEqualTo("—");
        assertThat(quoteStarting(r, "Nobody asked the neighbours").speakerText()).isEqualTo("a resident");
    }

    @Test
    void markupAttributesAndQuotesInsideReportedSpeechAreNotDirectQuotes() {
        String body = "The senator answered online.\n\n"
                + "<tweet id=\"7781\" author=\"@senator\" datetime=\"2016-09-20\">We will win this fight</tweet>\n\n"
                + "Her spokesman said via email that, “Of course she is going to defend herself” against the claims.\n\n"
                + "“We are ready,” the spokesman said.\n\n"
                + "Candidates repeat, again and again, “Peace Through Strength,” “Law and Order” and “Sanity.”";
        QuoteResult r = run(body);
        assertThat(r.quotes()).noneMatch(q -> q.text().contains("7781") || q.text().contains("@senator"));
        assertThat(r.quotes()).as("slogans nobody is quoted saying").noneMatch(q -> q.text().contains("Law and Order"));
        assertThat(quoteStarting(r, "Of course she is going").kind()).isEqualTo(QuoteKind.PARTIAL);
        assertThat(quoteStarting(r, "We are ready").kind()).isEqualTo(QuoteKind.DIRECT);
    }

    @Test
    void pronounsSkipPeopleOfTheOtherGender() {
        String body = "Mayor Ruth Adler and council leader Simon Brandt met on Friday. Mrs. Adler spoke first, "
                + "and Mr. Brandt listened.\n\n“We will find the money,” she said.\n\n“We will see,” he replied.";
        QuoteResult r = run(body);
        assertThat(speakerName(r, quoteStarting(r, "We will find the money"))).isEqualTo("Ruth Adler");
        assertThat(speakerName(r, quoteStarting(r, "We will see"))).isEqualTo("Simon Brandt");
    }

    @Test
    void wholeParagraphQuoteTakesTheSpeakerIntroducedBeforeIt() {
        String body = "Police chief Omar Haddad described the scene. Haddad noted…\n\n"
                + "“The crowd was calm until the gates were opened, and then it all happened in seconds.”";
        QuoteResult r = run(body);
        assertThat(speakerName(r, quoteStarting(r, "The crowd was calm"))).isEqualTo("Omar Haddad");
    }

    @Test
    void scareQuotesAndSoCalledNamesAreNotQuotations() {
        QuoteResult r = run("The so-called “peace plan” was rejected. The vote was a ‘farce’ in the end. "
                + "Opposition leader Ana Vidal called the count a “fraud” on Monday.");
        assertThat(r.quotes()).noneMatch(q -> q.text().equals("peace plan"));
        assertThat(r.quotes()).noneMatch(q -> q.kind() != QuoteKind.INDIRECT && q.text().equals("farce"));
        // A word put in quote marks by someone who called something that is attributed to them.
        Quote fraud = r.quotes().stream().filter(q -> q.text().equals("fraud")).findFirst().orElseThrow();
        assertThat(fraud.kind()).isEqualTo(QuoteKind.PARTIAL);
        assertThat(speakerName(r, fraud)).isEqualTo("Ana Vidal");
    }

    @Test
    void partialQuoteInsideAReportedSentence() {
        QuoteResult r = run("Senator Lena Ortiz said the talks were ‘fruitless meetings’ with no result.");
        Quote q = quoteStarting(r, "fruitless meetings");
        assertThat(q.kind()).isEqualTo(QuoteKind.PARTIAL);
        assertThat(speakerName(r, q)).isEqualTo("Lena Ortiz");
    }

    @Test
    void reportedSpeechWithSayThatAccordingToAndTrailingAttribution() {
        String body = "Defence Secretary Paul Grant said that the troops would leave by June.\n\n"
                + "According to Grant, the withdrawal will cost less than expected.\n\n"
                + "The base will close next year, the secretary added.";
        QuoteResult r = run(body);
        List<Quote> ind = r.quotes().stream().filter(q -> q.kind() == QuoteKind.INDIRECT).toList();
        assertThat(ind).extracting(Quote::text).containsExactly("that the troops would leave by June",
                "the withdrawal will cost less than expected", "The base will close next year");
        assertThat(ind).allSatisfy(q -> assertThat(speakerName(r, q)).isEqualTo("Paul Grant"));
    }

    @Test
    void spellingVariantsAndSurnamesAcrossArticlesAreOneEntity() {
        QuoteResult r = run("Foreign Minister Sergey Ivanov said the talks failed.",
                "Sergei Ivanov said on Monday that nothing had changed.",
                "“It is over,” Ivanov said.");
        List<Entity> people = r.entities().stream().filter(e -> e.type() == EntityType.PERSON).toList();
        assertThat(people).hasSize(1);
        assertThat(people.get(0).aliases()).contains("Ivanov");
        assertThat(people.get(0).articles()).containsExactly("a0", "a1", "a2");
        assertThat(r.quotes()).allSatisfy(q -> assertThat(q.speaker()).isEqualTo(people.get(0).id()));
    }

    @Test
    void apostrophesAreNotQuoteMarks() {
        QuoteResult r = run("The company's chief said it wasn't the workers' fault, and the union's view was clear.");
        assertThat(r.quotes()).allMatch(q -> q.kind() == QuoteKind.INDIRECT);
    }

    @Test
    void placesOrganisationsAndAliasesGivenInTheText() {
        QuoteResult r = run("Fighters of Hayat Tahrir al-Sham, formerly known as the Levant Liberation Front, "
                        + "entered the town. The Syrian Observatory for Human Rights (SOHR) counted the dead in Idlib.",
                "The Levant Liberation Front denied it. SOHR said 40 people died. The US and America's allies, "
                        + "the United States said, would respond. Trump called Biden a liar.");
        Map<String, Entity> byName = r.entities().stream().collect(Collectors.toMap(Entity::name, e -> e));
        Entity front = r.entities().stream().filter(e -> e.aliases().contains("Levant Liberation Front")
                || e.name().equals("Levant Liberation Front")).findFirst().orElseThrow();
        assertThat(front.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(List.of(front.name(), String.join("|", front.aliases()))).anySatisfy(n -> assertThat(n).contains("Hayat Tahrir al-Sham"));
        assertThat(front.articles()).containsExactly("a0", "a1");
        Entity sohr = r.entities().stream().filter(e -> e.name().contains("Observatory")).findFirst().orElseThrow();
        assertThat(sohr.aliases()).contains("SOHR");
        assertThat(sohr.articles()).containsExactly("a0", "a1");
        Entity us = byName.get("United States");
        assertThat(us.type()).isEqualTo(EntityType.PLACE);
        assertThat(us.aliases()).contains("US", "America");
        assertThat(byName.get("Idlib").type()).isEqualTo(EntityType.PLACE);
        assertThat(r.entities()).as("'called' between two people is no alias")
                .noneMatch(e -> e.name().contains("Trump") && e.aliases().contains("Biden"));
    }

    @Test
    void entityMentionsIncludeResolvedPronounsAndRoleNounsAtTheirOffsets() {
        String body = "Foreign Minister Anna Berg arrived in Oslo.\n\n"
                + "“We came to listen,” she said. Later the minister added that talks would go on.";
        QuoteResult r = run(body);
        Entity berg = r.entities().stream().filter(e -> e.name().equals("Anna Berg")).findFirst().orElseThrow();
        assertThat(berg.mentions()).extracting(Entity.EntityMention::text).contains("Anna Berg", "she", "the minister");
        for (Entity.EntityMention m : berg.mentions()) {
            assertThat(body.substring(m.start(), m.end())).isEqualTo(m.text());
        }
    }

    @Test
    void nestedQuotesNicknamesAndTitlesOfWorks() {
        String body = "Union leader Ana Ruiz spoke to the crowd.\n\n"
                + "“They told us the plan was ‘final and fair’ and then cut our pay,” Ruiz said.\n\n"
                + "State Del. Marcia \"Cia\" Price attended. The documentary “13th” was shown after the speech.";
        QuoteResult r = run(body);
        Quote outer = quoteStarting(r, "They told us the plan");
        assertThat(outer.kind()).isEqualTo(QuoteKind.DIRECT);
        assertThat(outer.text()).as("the nested quote stays inside the outer one").contains("‘final and fair’")
                .endsWith("cut our pay");
        assertThat(speakerName(r, outer)).isEqualTo("Ana Ruiz");
        assertThat(r.quotes()).as("a nickname and a film title are no quotations")
                .noneMatch(q -> q.text().equals("Cia") || q.text().equals("13th"));
    }
}
