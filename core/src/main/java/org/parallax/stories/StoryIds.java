package org.parallax.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Story ids that last from one analysis of a growing corpus to the next: a story takes the id
 * of the earlier story it shares most articles with, provided it holds at least half of that
 * story's articles (the largest part of a story that split keeps the id; a story that new
 * articles joined keeps it); the others get ids not used before. Pages and links that name a
 * story stay valid as the corpus grows.
 */
public final class StoryIds {
    private StoryIds() {
    }

    /**
     * {@code stories} with ids carried over from {@code before} (story id → its articles), in
     * the same order.
     */
    public static List<Story> carry(List<Story> stories, Map<String, List<String>> before) {
        Map<String, String> storyOf = new HashMap<>();
        before.forEach((id, articles) -> articles.forEach(a -> storyOf.putIfAbsent(a, id)));
        record Match(int now, String before, int shared) {
        }
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            Map<String, Integer> shared = new HashMap<>();
            for (String a : stories.get(i).articles()) {
                String b = storyOf.get(a);
                if (b != null) {
                    shared.merge(b, 1, Integer::sum);
                }
            }
            for (var e : shared.entrySet()) {
                if (2 * e.getValue() >= before.get(e.getKey()).size()) {
                    matches.add(new Match(i, e.getKey(), e.getValue()));
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::shared).reversed().thenComparingInt(Match::now)
                .thenComparing(Match::before));
        String[] ids = new String[stories.size()];
        Set<String> taken = new HashSet<>();
        for (Match m : matches) {
            if (ids[m.now()] == null && taken.add(m.before())) {
                ids[m.now()] = m.before();
            }
        }
        long next = 1;
        for (String id : before.keySet()) {
            next = Math.max(next, number(id) + 1);
        }
        List<Story> out = new ArrayList<>(stories.size());
        for (int i = 0; i < stories.size(); i++) {
            Story s = stories.get(i);
            String id = ids[i] != null ? ids[i] : "s" + next++;
            out.add(s.withId(id));
        }
        return out;
    }

    /** The number in an id "s12"; 0 for an id of another form. */
    static long number(String id) {
        try {
            return id.startsWith("s") ? Long.parseLong(id.substring(1)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
