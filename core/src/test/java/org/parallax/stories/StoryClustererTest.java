package org.parallax.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.TestDocs;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseFinder;
import org.parallax.text.Annotated;

class StoryClustererTest {
    @Test
    void articlesOnTwoSubjectsFormTwoStoriesWithDatedEvents() {
        List<Annotated> docs = List.of(
                TestDocs.annotated("a0", null, LocalDate.of(2023, 3, 2),
                        "Firefighters battled a wildfire near the coastal town of Arvena as strong winds spread the "
                                + "flames toward homes, Governor Lisa Moreau said."),
                TestDocs.annotated("a1", null, LocalDate.of(2023, 3, 1),
                        "The wildfire near the coastal town of Arvena forced firefighters to evacuate homes as winds "
                                + "fanned the flames, according to Governor Lisa Moreau."),
                TestDocs.annotated("a2", null, null,
                        "The football club Real Ostavia signed a new striker, Tomas Brill, for a record transfer fee "
                                + "before the league season."),
                TestDocs.annotated("a3", null, LocalDate.of(2023, 3, 5),
                        "A record transfer fee brought the striker Tomas Brill to Real Ostavia ahead of the new league "
                                + "season."));
        List<Story> stories = StoryClusterer.cluster(docs, ReuseFinder.find(docs, ReuseConfig.defaults()),
                StoryConfig.defaults());
        assertThat(stories).extracting(Story::articles)
                .containsExactlyInAnyOrder(List.of("a0", "a1"), List.of("a2", "a3"));
        Story fire = stories.stream().filter(s -> s.articles().contains("a0")).findFirst().orElseThrow();
        assertThat(fire.events().get(0).date()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(fire.title()).startsWith("Title of a");
    }

    @Test
    void aReprintJoinsItsSourceWhateverElseItSays() {
        String wire = "The central bank raised its main interest rate by half a percentage point on Thursday, the "
                + "largest increase in two decades, as it struggled to contain inflation at its highest level in years.";
        List<Annotated> docs = List.of(
                TestDocs.annotated("a0", null, null, wire),
                TestDocs.annotated("a1", null, null, "Gardening tips, recipes, holidays, football scores, weather. " + wire
                        + " Also: gardening tips, recipes, holidays, football scores and weather for the weekend ahead."));
        List<Story> stories = StoryClusterer.cluster(docs, ReuseFinder.find(docs, ReuseConfig.defaults()),
                StoryConfig.defaults().withThresholds(0.9, 0.95));
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).events()).hasSize(1);
    }

    @Test
    void coverageFarApartInTimeIsOneStoryOnlyThroughCoverageInBetween() {
        String a = "Rebels and government forces clashed again in the northern city of Korvan as talks on a ceasefire "
                + "stalled, the Foreign Ministry said, accusing the rebels of breaking the truce.";
        String b = "Government forces and rebels clashed in the northern city of Korvan while ceasefire talks stalled, "
                + "and the Foreign Ministry accused the rebels of breaking the truce.";
        String c = "Talks on a ceasefire in the northern city of Korvan stalled as rebels and government forces "
                + "clashed, the Foreign Ministry said, blaming the rebels for breaking the truce once more.";
        // Two months apart and nothing in between: two stories.
        List<Annotated> apart = List.of(
                TestDocs.annotated("a0", null, LocalDate.of(2023, 10, 1), a),
                TestDocs.annotated("a1", null, LocalDate.of(2023, 12, 2), b),
                TestDocs.annotated("a2", null, LocalDate.of(2023, 12, 6), c));
        assertThat(StoryClusterer.cluster(apart, List.of(), StoryConfig.defaults())).extracting(Story::articles)
                .containsExactlyInAnyOrder(List.of("a0"), List.of("a1", "a2"));
        // Ten days apart with coverage between: one story; the ends, over a week apart, are other events.
        List<Annotated> chain = List.of(
                TestDocs.annotated("a0", null, LocalDate.of(2023, 10, 1), a),
                TestDocs.annotated("a1", null, LocalDate.of(2023, 10, 6), b),
                TestDocs.annotated("a2", null, LocalDate.of(2023, 10, 11), c));
        List<Story> stories = StoryClusterer.cluster(chain, List.of(), StoryConfig.defaults());
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).events()).noneMatch(e -> e.articles().containsAll(List.of("a0", "a2")));
    }

    @Test
    void aPageWrittenToItsReaderStaysAStoryOfItsOwn() {
        String guide = "If you want a lawn that stays green all summer, you should water it early in the morning. "
                + "Your soil matters too: test it before you buy seed, and feed it in spring. You will see the "
                + "difference within weeks if you mow high and leave the clippings. Here is how you can plan your "
                + "season, step by step, whatever the size of your garden. First, you measure your lawn. Then you "
                + "choose a grass that suits your climate, and you keep your mower blade sharp so you cut cleanly. "
                + "Finally, you rake in autumn and you aerate the soil so your lawn breathes.";
        String second = guide.replace("green all summer", "green through the whole summer").replace("spring", "April");
        List<Annotated> docs = List.of(TestDocs.annotated("a0", null, null, guide),
                TestDocs.annotated("a1", null, null, second));
        assertThat(TermVectors.addressed(docs.get(0), 0, docs.get(0).article().body().length())).isTrue();
        // Near-identical guides, but not coverage of a happening: apart unless one reprints the other.
        assertThat(StoryClusterer.cluster(docs, List.of(), StoryConfig.defaults())).hasSize(2);
        assertThat(StoryClusterer.cluster(docs, ReuseFinder.find(docs, ReuseConfig.defaults()), StoryConfig.defaults()))
                .hasSize(1);
    }

    private static final String FLOOD = "Rescue teams searched flooded villages along the river Marva on Tuesday after "
            + "two days of heavy rain burst its banks, and Governor Anna Rusk said hundreds of families had been moved "
            + "to schools and sports halls. Army trucks carried drinking water to the worst hit districts while "
            + "engineers checked the Kessel dam upstream for damage.";
    private static final String FLOOD_AGAIN = "Hundreds of families were moved to schools and sports halls after heavy "
            + "rain burst the banks of the river Marva, Governor Anna Rusk said on Tuesday, as rescue teams searched "
            + "the flooded villages and engineers checked the Kessel dam upstream.";
    private static final String STRIKE = "Teachers across the capital walked out over pay, closing most secondary "
            + "schools for the day, and their union said the strike would be repeated every week until the education "
            + "ministry reopened talks on salaries and class sizes that collapsed last month.";

    @Test
    void aLiveBlogsUpdateNobodyElseReportsStaysInTheBlogsStory() {
        LocalDate day = LocalDate.of(2023, 5, 2);
        List<Annotated> docs = List.of(
                TestDocs.annotated("blog", null, day, "UPDATE 1030 GMT: " + STRIKE + "\n\nORIGINAL ENTRY: " + FLOOD),
                TestDocs.annotated("a1", null, day, FLOOD_AGAIN));
        List<Story> stories = StoryClusterer.cluster(docs, List.of(), StoryConfig.defaults());
        assertThat(stories).hasSize(1);
        Event update = stories.get(0).events().stream()
                .filter(e -> e.segments().stream().anyMatch(g -> g.cue().equals("update"))).findFirst().orElseThrow();
        // An event of its own: the update pulls nothing else in.
        assertThat(update.articles()).containsExactly("blog");
        assertThat(update.segments()).extracting(Segment::cue).containsExactly("update");
        // A digest gathers unrelated happenings: its headed section on the strike stays apart.
        List<Annotated> digest = List.of(
                TestDocs.annotated("digest", null, day, "Floods Along The Marva\n\n" + FLOOD
                        + "\n\nTeachers Walk Out Over Pay\n\n" + STRIKE),
                TestDocs.annotated("a1", null, day, FLOOD_AGAIN));
        assertThat(Segmenter.segments(digest.get(0))).hasSize(2);
        assertThat(StoryClusterer.cluster(digest, List.of(), StoryConfig.defaults())).extracting(Story::articles)
                .containsExactlyInAnyOrder(List.of("digest", "a1"), List.of("digest"));
    }
}
