package org.parallax.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StoryStreamTest {
    /** An item about one subject: its shared words, a few of its own, a name. */
    private static StoryStream.Item item(String id, LocalDate date, int subject, int variant, String key) {
        Map<String, Integer> terms = new HashMap<>();
        for (int w = 0; w < 12; w++) {
            terms.put("subject" + subject + "word" + w, 2);
        }
        for (int w = 0; w < 4; w++) {
            terms.put("item" + id + "extra" + w, 1);
        }
        terms.put("event" + subject + "detail" + variant, 3);
        Map<String, Integer> names = Map.of("Place" + subject, 2, "Person" + subject + "v" + variant, 1);
        return new StoryStream.Item(id, date, terms, names, Map.of(), Map.of(), key);
    }

    @Test
    void storiesCloseWhenTheWindowPassesThemAndMemoryStaysBounded() {
        StoryConfig config = StoryConfig.defaults().streaming(5, 0);
        List<StoryStream.Closed> closed = new ArrayList<>();
        StoryStream stream = new StoryStream(config, closed::add);
        LocalDate start = LocalDate.of(2024, 1, 1);
        int n = 0;
        // 60 days; each day 6 articles on that day's subject (a new subject every 3 days).
        for (int day = 0; day < 60; day++) {
            for (int k = 0; k < 6; k++) {
                stream.offer(item("n" + n++, start.plusDays(day), day / 3, k % 2, null));
            }
            assertThat(stream.openPools()).as("day %d", day).isLessThanOrEqualTo(3);
        }
        assertThat(closed).as("stories closed while the stream ran").hasSizeGreaterThan(15);
        assertThat(stream.peakOpenItems()).isLessThanOrEqualTo(3 * 3 * 6);
        stream.finish();
        assertThat(stream.openPools()).isZero();
        // Every article is in exactly one event of one story; each subject is one story.
        Set<Integer> seen = new TreeSet<>();
        int stories = 0;
        for (StoryStream.Closed c : closed) {
            for (List<int[]> story : c.stories()) {
                stories++;
                for (int[] event : story) {
                    for (int a : event) {
                        assertThat(seen.add(a)).isTrue();
                    }
                }
            }
        }
        assertThat(seen).hasSize(n);
        assertThat(stories).isEqualTo(20);
    }

    @Test
    void copiesOfOneTextShareTheirEventWhateverTheyShare() {
        List<StoryStream.Closed> closed = new ArrayList<>();
        StoryStream stream = new StoryStream(StoryConfig.defaults(), closed::add);
        stream.offer(item("a", null, 1, 0, "copy"));
        stream.offer(item("b", null, 1, 0, null));
        StoryStream.Assignment c = stream.offer(item("c", null, 7, 3, "copy")); // other words, same text
        assertThat(c.newPool()).isFalse();
        stream.finish();
        int[] withA = null;
        for (List<int[]> story : closed.get(0).stories()) {
            for (int[] event : story) {
                for (int a : event) {
                    if (a == 0) {
                        withA = event;
                    }
                }
            }
        }
        assertThat(withA).contains(0, 2);
    }

    @Test
    void theFinalPartitionDoesNotDependOnArrivalOrder() {
        List<StoryStream.Item> items = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            items.add(item("i" + i, null, 1 + i % 2, i % 3, null)); // two subjects, three variants each
        }
        Set<Set<String>> first = null;
        Random random = new Random(3);
        for (int round = 0; round < 5; round++) {
            List<StoryStream.Item> order = new ArrayList<>(items);
            Collections.shuffle(order, random);
            List<StoryStream.Closed> closed = new ArrayList<>();
            StoryStream stream = StoryStream.prime(StoryConfig.defaults(), items, closed::add);
            order.forEach(stream::offer);
            stream.finish();
            Set<Set<String>> events = new java.util.HashSet<>();
            for (StoryStream.Closed c : closed) {
                for (List<int[]> story : c.stories()) {
                    for (int[] event : story) {
                        Set<String> ids = new TreeSet<>();
                        for (int a : event) {
                            ids.add(order.get(a).id());
                        }
                        events.add(ids);
                    }
                }
            }
            if (first == null) {
                first = events;
                assertThat(events).hasSizeGreaterThanOrEqualTo(2);
            } else {
                assertThat(events).as("round %d", round).isEqualTo(first);
            }
        }
    }

    /**
     * Frequencies counted somewhere else and declared in order of first sight (first item,
     * then String order) give the stream the same feature ids, hence the same stories, as
     * counting the items; a feature is declared once.
     */
    @Test
    void frequenciesDeclaredInOrderOfFirstSightEqualCountingTheItems() {
        LocalDate start = LocalDate.of(2024, 3, 1);
        List<StoryStream.Item> items = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 120; i++) {
            int subject = random.nextInt(9);
            items.add(item("i" + i, start.plusDays(random.nextInt(20)), subject, random.nextInt(3),
                    i % 10 == 0 ? "k" + subject : null));
        }
        StoryStream.Frequencies counted = new StoryStream.Frequencies();
        items.forEach(counted::count);
        // As a cluster job finds them: per feature, its document frequency and first item.
        record Seen(String feature, int first, int df) {
        }
        Map<String, Seen> seen = new HashMap<>();
        Map<String, Seen> seenNames = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            for (String t : items.get(i).terms().keySet()) {
                Seen s = seen.get(t);
                seen.put(t, s == null ? new Seen(t, i, 1) : new Seen(t, s.first(), s.df() + 1));
            }
            for (String t : items.get(i).names().keySet()) {
                Seen s = seenNames.get(t);
                seenNames.put(t, s == null ? new Seen(t, i, 1) : new Seen(t, s.first(), s.df() + 1));
            }
        }
        List<Seen> order = new ArrayList<>(seen.values());
        order.sort(java.util.Comparator.comparingInt(Seen::first).thenComparing(Seen::feature));
        List<Seen> nameOrder = new ArrayList<>(seenNames.values());
        nameOrder.sort(java.util.Comparator.comparingInt(Seen::first).thenComparing(Seen::feature));
        StoryStream.Frequencies declared = new StoryStream.Frequencies();
        order.forEach(s -> declared.define(StoryStream.Feature.TERMS, s.feature(), s.df()));
        nameOrder.forEach(s -> declared.define(StoryStream.Feature.NAMES, s.feature(), s.df()));
        declared.documents(items.size());
        assertThat(declared.documents()).isEqualTo(counted.documents());
        assertThat(declared.termFrequency("subject3word0")).isEqualTo(counted.termFrequency("subject3word0")).isPositive();
        assertThat(run(declared, items)).isEqualTo(run(counted, items));

        StoryStream.Frequencies shuffled = new StoryStream.Frequencies();
        Collections.shuffle(order, new Random(1));
        order.forEach(s -> shuffled.define(StoryStream.Feature.TERMS, s.feature(), s.df()));
        shuffled.documents(items.size());
        assertThat(shuffled.termFrequency("subject3word0")).isEqualTo(counted.termFrequency("subject3word0"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> shuffled.define(StoryStream.Feature.TERMS, "subject3word0", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The stories of a batch pass as text: each story's events' member arrival numbers. */
    private static List<String> run(StoryStream.Frequencies f, List<StoryStream.Item> items) {
        List<StoryStream.Closed> closed = new ArrayList<>();
        StoryStream stream = StoryStream.prime(StoryConfig.defaults(), f, closed::add);
        items.forEach(stream::offer);
        stream.finish();
        List<String> out = new ArrayList<>();
        for (StoryStream.Closed c : closed) {
            for (List<int[]> story : c.stories()) {
                out.add(story.stream().map(java.util.Arrays::toString).toList().toString());
            }
        }
        out.sort(null);
        return out;
    }
}
