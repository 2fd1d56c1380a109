package org.parallax.stories;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies an analyst's corrections ({@link StoryCorrection}) to the stories an analysis found,
 * in the order they were made. A correction whose articles are no longer in the corpus is
 * skipped and reported. Every story a correction touched is marked with its number
 * ({@link Story#edits()}); events keep their grouping: merged stories keep both timelines,
 * moved articles keep the events they came from (as events of their new story).
 */
public final class StoryCorrections {
    private StoryCorrections() {
    }

    /** The corrected stories, and a line for each correction that could not be applied. */
    public record Result(List<Story> stories, List<String> skipped) {
    }

    /**
     * @param corpus the corpus's article ids in corpus order (the order of {@link Story#articles()})
     * @param dates  each article's date, where it has one
     */
    public static Result apply(List<Story> stories, List<StoryCorrection> corrections, List<String> corpus,
                               Map<String, LocalDate> dates) {
        if (corrections.isEmpty()) {
            return new Result(stories, List.of());
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            order.put(corpus.get(i), i);
        }
        int eventNo = 0;
        List<Draft> drafts = new ArrayList<>();
        for (Story s : stories) {
            Draft d = new Draft(s.id(), s.title(), new LinkedHashSet<>(s.edits()));
            for (Event e : s.events()) {
                d.events.add(new EventDraft(e.id(), e.title(), new ArrayList<>(e.segments())));
                eventNo = Math.max(eventNo, number(e.id()));
            }
            drafts.add(d);
        }
        List<String> skipped = new ArrayList<>();
        for (StoryCorrection c : corrections) {
            String why = switch (c.kind()) {
                case MERGE -> merge(drafts, c);
                case MOVE, SPLIT -> move(drafts, c);
            };
            if (why != null) {
                skipped.add("correction " + c.id() + " (" + c.kind().label() + " " + String.join(",", c.items()) + "): "
                        + why);
            }
        }
        List<Story> out = new ArrayList<>();
        for (Draft d : drafts) {
            d.events.removeIf(e -> e.segments.isEmpty());
            if (d.events.isEmpty()) {
                continue;
            }
            List<Event> events = new ArrayList<>();
            for (EventDraft e : d.events) {
                e.segments.sort(Comparator.comparingInt((Segment g) -> order.getOrDefault(g.article(), Integer.MAX_VALUE))
                        .thenComparingInt(Segment::index));
                String id = e.id != null ? e.id : "ev" + (++eventNo);
                List<String> articles = articles(e.segments.stream().map(Segment::article).toList(), order);
                events.add(new Event(id, e.title, first(articles, dates), last(articles, dates), articles, e.segments));
            }
            events.sort(Comparator.comparing(Event::date, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(e -> order.getOrDefault(e.articles().get(0), Integer.MAX_VALUE)));
            List<String> articles = articles(events.stream().flatMap(e -> e.articles().stream()).toList(), order);
            String title = d.title;
            if (title == null) { // a story made by a correction: its largest event's title
                title = events.stream().max(Comparator.comparingInt((Event e) -> e.segments().size())).orElseThrow().title();
            }
            out.add(new Story(d.id, title, first(articles, dates), last(articles, dates), articles, events,
                    List.copyOf(d.edits)));
        }
        out.sort(Comparator.comparing(Story::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> order.getOrDefault(s.articles().get(0), Integer.MAX_VALUE)));
        return new Result(out, skipped);
    }

    private static String merge(List<Draft> drafts, StoryCorrection c) {
        Draft a = holder(drafts, c.items());
        Draft b = holder(drafts, c.target());
        if (a == null || b == null) {
            return "its articles are no longer in the corpus";
        }
        if (a != b) {
            Draft keep = size(a) >= size(b) ? a : b;
            Draft gone = keep == a ? b : a;
            keep.events.addAll(gone.events);
            keep.edits.addAll(gone.edits);
            drafts.remove(gone);
            a = keep;
        }
        a.edits.add(c.id());
        return null;
    }

    private static String move(List<Draft> drafts, StoryCorrection c) {
        Draft to = c.kind() == StoryCorrection.Kind.SPLIT ? null : holder(drafts, c.target());
        if (c.kind() == StoryCorrection.Kind.MOVE && to == null) {
            return "the target story's articles are no longer in the corpus";
        }
        Set<String> wholeArticles = new java.util.HashSet<>();
        Set<String> segments = new java.util.HashSet<>();
        for (String item : c.items()) {
            (item.indexOf('#') < 0 ? wholeArticles : segments).add(item);
        }
        // The moved segments, grouped by the event they leave.
        Map<EventDraft, List<Segment>> taken = new LinkedHashMap<>();
        for (Draft d : drafts) {
            boolean touched = false;
            for (EventDraft e : d.events) {
                List<Segment> out = new ArrayList<>();
                e.segments.removeIf(g -> {
                    boolean named = wholeArticles.contains(g.article()) || segments.contains(g.id());
                    if (named) {
                        out.add(g);
                    }
                    return named;
                });
                if (!out.isEmpty()) {
                    taken.put(e, out);
                    touched = true;
                }
            }
            if (touched) {
                d.edits.add(c.id());
            }
        }
        if (taken.isEmpty()) {
            return "its articles are no longer in the corpus";
        }
        if (to == null) {
            long next = 1;
            for (Draft d : drafts) {
                next = Math.max(next, StoryIds.number(d.id) + 1);
            }
            to = new Draft("s" + next, null, new LinkedHashSet<>());
            drafts.add(to);
        }
        for (Map.Entry<EventDraft, List<Segment>> e : taken.entrySet()) {
            EventDraft from = e.getKey();
            // The event keeps its id where it moves whole; a part of it is a new event.
            boolean whole = from.segments.isEmpty();
            to.events.add(new EventDraft(whole ? from.id : null, from.title, e.getValue()));
            if (whole) {
                from.id = null;
            }
        }
        to.edits.add(c.id());
        return null;
    }

    /** The story holding most of {@code items} (articles or segments); ties to the earlier story. */
    private static Draft holder(List<Draft> drafts, List<String> items) {
        Draft best = null;
        int bestCount = 0;
        for (Draft d : drafts) {
            int count = 0;
            for (String item : items) {
                boolean segment = item.indexOf('#') >= 0;
                boolean held = d.events.stream().flatMap(e -> e.segments.stream())
                        .anyMatch(g -> segment ? g.id().equals(item) : g.article().equals(item));
                if (held) {
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                best = d;
            }
        }
        return best;
    }

    private static int size(Draft d) {
        return d.events.stream().mapToInt(e -> e.segments.size()).sum();
    }

    private static List<String> articles(List<String> ids, Map<String, Integer> order) {
        return ids.stream().distinct().sorted(Comparator.comparingInt(a -> order.getOrDefault(a, Integer.MAX_VALUE)))
                .toList();
    }

    private static LocalDate first(List<String> articles, Map<String, LocalDate> dates) {
        return articles.stream().map(dates::get).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    private static LocalDate last(List<String> articles, Map<String, LocalDate> dates) {
        return articles.stream().map(dates::get).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    private static int number(String id) {
        try {
            return id != null && id.startsWith("ev") ? Integer.parseInt(id.substring(2)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static final class Draft {
        final String id;
        final String title;
        final List<EventDraft> events = new ArrayList<>();
        final Set<Long> edits;

        Draft(String id, String title, Set<Long> edits) {
            this.id = id;
            this.title = title;
            this.edits = edits;
        }
    }

    private static final class EventDraft {
        String id;
        final String title;
        final List<Segment> segments;

        EventDraft(String id, String title, List<Segment> segments) {
            this.id = id;
            this.title = title;
            this.segments = segments;
        }
    }
}
