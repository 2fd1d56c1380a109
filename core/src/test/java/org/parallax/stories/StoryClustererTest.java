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
                        "Firefighters battled a wildfire near the coastal town as strong winds spread the flames toward homes."),
                TestDocs.annotated("a1", null, LocalDate.of(2023, 3, 1),
                        "The wildfire near the coastal town forced firefighters to evacuate homes as winds fanned the flames."),
                TestDocs.annotated("a2", null, null,
                        "The football club signed a new striker for a record transfer fee before the league season."),
                TestDocs.annotated("a3", null, LocalDate.of(2023, 3, 5),
                        "A record transfer fee brought the striker to the football club ahead of the new league season."));
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
    void theSameKindOfNewsWeeksLaterIsAnotherEventOfTheStory() {
        String a = "Rebels and government forces clashed again in the northern city as talks on a ceasefire stalled, "
                + "the foreign ministry said, accusing the rebels of breaking the truce.";
        String b = "Government forces and rebels clashed in the northern city while ceasefire talks stalled, and the "
                + "foreign ministry accused the rebels of breaking the truce.";
        String c = "Talks on a ceasefire in the northern city stalled as rebels and government forces clashed, the "
                + "foreign ministry said, blaming the rebels for breaking the truce once more.";
        List<Annotated> docs = List.of(
                TestDocs.annotated("a0", null, LocalDate.of(2023, 10, 1), a),
                TestDocs.annotated("a1", null, LocalDate.of(2023, 12, 2), b),
                TestDocs.annotated("a2", null, LocalDate.of(2023, 12, 6), c));
        List<Story> stories = StoryClusterer.cluster(docs, List.of(), StoryConfig.defaults());
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).events()).extracting(Event::articles)
                .containsExactly(List.of("a0"), List.of("a1", "a2"));
    }
}
