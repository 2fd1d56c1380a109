package org.parallax.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryIdsTest {
    private static Story story(String id, String... articles) {
        return new Story(id, "t", null, null, List.of(articles), List.of());
    }

    private static List<String> ids(List<Story> stories) {
        return stories.stream().map(Story::id).toList();
    }

    @Test
    void aStoryThatGainedArticlesKeepsItsIdAndNewStoriesGetUnusedIds() {
        Map<String, List<String>> before = new LinkedHashMap<>();
        before.put("s1", List.of("d1", "d2"));
        before.put("s7", List.of("d3", "d4", "d5"));
        List<Story> now = List.of(story("s1", "d9", "d10"), story("s2", "d3", "d4", "d5", "d11"),
                story("s3", "d1", "d2", "d12"));
        assertThat(ids(StoryIds.carry(now, before))).containsExactly("s8", "s7", "s1");
    }

    @Test
    void theLargerPartOfASplitAndOfAMergeKeepsTheId() {
        Map<String, List<String>> before = new LinkedHashMap<>();
        before.put("s1", List.of("d1", "d2", "d3", "d4"));
        before.put("s2", List.of("d5"));
        // s1 splits 3 + 1; the 3 merge with s2's only article.
        List<Story> now = List.of(story("s1", "d4"), story("s2", "d1", "d2", "d3", "d5"));
        List<Story> carried = StoryIds.carry(now, before);
        assertThat(ids(carried)).containsExactly("s3", "s1");
        assertThat(carried.get(1).articles()).containsExactly("d1", "d2", "d3", "d5");
    }

    @Test
    void aStoryKeepingLessThanHalfOfAnOldOneIsNew() {
        Map<String, List<String>> before = Map.of("s4", List.of("d1", "d2", "d3"));
        assertThat(ids(StoryIds.carry(List.of(story("s1", "d1", "d8")), before))).containsExactly("s5");
        assertThat(ids(StoryIds.carry(List.of(story("s1", "d1", "d8")), Map.of()))).containsExactly("s1");
    }
}
