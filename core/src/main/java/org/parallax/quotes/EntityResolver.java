package org.parallax.quotes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups names across the corpus into entities. Persons are grouped by folded surname, then
 * by compatible given names ("Sergei"/"Sergey" fold alike; an initial matches its name); a
 * bare surname joins the largest group with that surname. Organisations and places group by
 * folded name without a leading article, and names the text gives as aliases of each other
 * ("X, formerly known as Y"; "X (XY)") join one group.
 */
public final class EntityResolver {
    /**
     * One use of a name: the name it stands for, its type, and the words at {@code start/end}
     * in the article (the name itself, or a pronoun or role noun resolved to it); offsets -1
     * when the use has no place of its own.
     */
    public record NameUse(String articleId, String name, EntityType type, int start, int end, String text)
            implements java.io.Serializable {
        NameUse(String articleId, String name, EntityType type) {
            this(articleId, name, type, -1, -1, name);
        }

        /** A mention's use of its own name. */
        public static NameUse of(Mention m) {
            return new NameUse(m.articleId(), m.text(), m.type(), m.start(), m.end(), m.text());
        }
    }

    private final Map<String, String> idByKey = new HashMap<>();
    private final List<Entity> entities = new ArrayList<>();

    /**
     * Entities are numbered {@code e1}, {@code e2}, … by canonical name, type, then the place
     * of their first use in {@code uses}.
     *
     * @param uses    every use of a name, in corpus order
     * @param aliases pairs of organisation or place names the text says are one ("X, formerly
     *                known as Y", "X (XY)")
     */
    EntityResolver(List<NameUse> uses, List<String[]> aliases) {
        Map<String, String> roots = aliasRoots(aliases);
        Map<String, List<NameUse>> byKey = new LinkedHashMap<>();
        Map<NameUse, Integer> first = new java.util.IdentityHashMap<>();
        for (int i = 0; i < uses.size(); i++) {
            NameUse u = uses.get(i);
            byKey.computeIfAbsent(groupKey(u, roots), k -> new ArrayList<>()).add(u);
            first.put(u, i);
        }
        record Ranked(Group group, String canonical, int first) {
        }
        List<Ranked> groups = new ArrayList<>();
        for (List<NameUse> same : byKey.values()) {
            for (Group g : groups(same)) {
                groups.add(new Ranked(g, g.canonical(), g.uses().stream().mapToInt(first::get).min().orElseThrow()));
            }
        }
        groups.sort(Comparator.comparing(Ranked::canonical).thenComparing(r -> r.group().type())
                .thenComparingInt(Ranked::first));
        int n = 0;
        for (Ranked r : groups) {
            String id = "e" + (++n);
            entities.add(entity(id, r.group()));
            for (NameUse u : r.group().uses()) {
                idByKey.put(key(u.articleId(), u.name(), u.type()), id);
            }
        }
    }

    /** Organisation and place name keys the text declares equal, each to its group's smallest key. */
    public static Map<String, String> aliasRoots(List<String[]> aliases) {
        Map<String, String> alias = new HashMap<>();
        for (String[] pair : aliases) {
            String a = root(alias, Names.orgKey(pair[0]));
            String b = root(alias, Names.orgKey(pair[1]));
            if (!a.equals(b)) {
                alias.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
        }
        return alias;
    }

    /**
     * What uses must share to be one entity: a person's folded surname; an organisation's or
     * place's name key, through declared aliases ({@link #aliasRoots}). Groups of one key are
     * then split by {@link #groups}.
     */
    public static String groupKey(NameUse u, Map<String, String> aliasRoots) {
        return u.type() == EntityType.PERSON ? "p\u0000" + Names.fold(Names.surname(u.name()))
                : "o\u0000" + root(aliasRoots, Names.orgKey(u.name()));
    }

    /** The entities of the uses of one {@link #groupKey} (in corpus order). */
    public static List<Group> groups(List<NameUse> sameKey) {
        if (sameKey.get(0).type() == EntityType.PERSON) {
            return splitByGivenName(sameKey);
        }
        // A name typed a place anywhere (a country, a city) is a place: countries also speak
        // as states ("the United States said"), and that does not make them two entities.
        boolean place = sameKey.stream().anyMatch(u -> u.type() == EntityType.PLACE);
        return List.of(new Group(place ? EntityType.PLACE : EntityType.ORGANIZATION, sameKey));
    }

    /** The entity a group of uses is, under {@code id}. */
    public static Entity entity(String id, Group g) {
        Set<String> names = new TreeSet<>();
        Set<String> arts = new LinkedHashSet<>();
        Map<String, Entity.EntityMention> mentions = new LinkedHashMap<>();
        for (NameUse u : g.uses()) {
            names.add(u.name());
            arts.add(u.articleId());
            if (u.start() >= 0) {
                mentions.putIfAbsent(u.articleId() + ":" + u.start() + ":" + u.end(),
                        new Entity.EntityMention(u.articleId(), u.start(), u.end(), u.text()));
            }
        }
        names.remove(g.canonical());
        List<String> sortedArts = new ArrayList<>(arts);
        sortedArts.sort(Comparator.comparingInt(EntityResolver::idNumber).thenComparing(x -> x));
        List<Entity.EntityMention> ms = new ArrayList<>(mentions.values());
        ms.sort(Comparator.comparingInt((Entity.EntityMention m) -> idNumber(m.article()))
                .thenComparing(Entity.EntityMention::article).thenComparingInt(Entity.EntityMention::start));
        return new Entity(id, g.canonical(), g.type(), new ArrayList<>(names), sortedArts, ms);
    }

    private static String root(Map<String, String> parent, String k) {
        String r = k;
        while (parent.containsKey(r)) {
            r = parent.get(r);
        }
        return r;
    }

    private static int idNumber(String id) {
        try {
            return Integer.parseInt(id.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Uses of names that are one entity, of one type. */
    public record Group(EntityType type, List<NameUse> uses) implements java.io.Serializable {
        /** The most frequent full form; bare surnames only when nothing fuller exists. */
        public String canonical() {
            Map<String, Integer> counts = new HashMap<>();
            for (NameUse u : uses) {
                counts.merge(u.name(), 1, Integer::sum);
            }
            return counts.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> Names.tokens(e.getKey()).size() > 1 ? 1 : 0)
                            .thenComparingInt(Map.Entry::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse("");
        }
    }

    private static List<Group> splitByGivenName(List<NameUse> uses) {
        List<List<NameUse>> clusters = new ArrayList<>();
        List<String> givens = new ArrayList<>();
        List<NameUse> bare = new ArrayList<>();
        for (NameUse u : uses) {
            List<String> t = Names.tokens(u.name());
            if (t.size() < 2) {
                bare.add(u);
                continue;
            }
            String given = Names.fold(t.get(0));
            int found = -1;
            for (int i = 0; i < givens.size(); i++) {
                if (compatible(givens.get(i), given)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                givens.add(given);
                clusters.add(new ArrayList<>());
                found = clusters.size() - 1;
            }
            clusters.get(found).add(u);
        }
        if (clusters.isEmpty()) {
            clusters.add(new ArrayList<>());
        }
        clusters.stream().max(Comparator.comparingInt(List::size)).orElseThrow().addAll(bare);
        List<Group> out = new ArrayList<>();
        for (List<NameUse> c : clusters) {
            if (!c.isEmpty()) {
                out.add(new Group(EntityType.PERSON, c));
            }
        }
        return out;
    }

    private static boolean compatible(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        // An initial ("S.") matches a given name with that first letter.
        return (a.length() == 1 || b.length() == 1) && !a.isEmpty() && !b.isEmpty() && a.charAt(0) == b.charAt(0);
    }

    /** What {@link #idOf} looks up: an article's use of a name as a type. */
    public static String key(String article, String name, EntityType type) {
        return article + "\u0000" + type + "\u0000" + name;
    }

    String idOf(String articleId, String name, EntityType type) {
        String id = idByKey.get(key(articleId, name, type));
        if (id == null && type != EntityType.PERSON) {
            id = idByKey.get(key(articleId, name, type == EntityType.PLACE ? EntityType.ORGANIZATION : EntityType.PLACE));
        }
        return id;
    }

    List<Entity> entities() {
        return List.copyOf(entities);
    }
}
