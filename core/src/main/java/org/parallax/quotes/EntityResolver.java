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
 * bare surname joins the largest group with that surname. Organisations group by folded name.
 */
final class EntityResolver {
    record NameUse(String articleId, String name, EntityType type) {
    }

    private final Map<String, String> idByKey = new HashMap<>();
    private final List<Entity> entities = new ArrayList<>();

    EntityResolver(List<NameUse> uses) {
        Map<String, List<NameUse>> persons = new LinkedHashMap<>();
        Map<String, List<NameUse>> orgs = new LinkedHashMap<>();
        for (NameUse u : uses) {
            if (u.type() == EntityType.PERSON) {
                persons.computeIfAbsent(Names.fold(Names.surname(u.name())), k -> new ArrayList<>()).add(u);
            } else {
                orgs.computeIfAbsent(Names.fold(u.name()), k -> new ArrayList<>()).add(u);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<NameUse> sameSurname : persons.values()) {
            groups.addAll(splitByGivenName(sameSurname));
        }
        for (List<NameUse> sameName : orgs.values()) {
            groups.add(new Group(EntityType.ORGANIZATION, sameName));
        }
        groups.sort(Comparator.comparing(Group::canonical).thenComparing(g -> g.type));
        int n = 0;
        for (Group g : groups) {
            String id = "e" + (++n);
            Set<String> aliases = new TreeSet<>();
            Set<String> arts = new LinkedHashSet<>();
            for (NameUse u : g.uses) {
                aliases.add(u.name());
                arts.add(u.articleId());
                idByKey.put(key(u.articleId(), u.name(), u.type()), id);
            }
            aliases.remove(g.canonical());
            List<String> sortedArts = new ArrayList<>(arts);
            sortedArts.sort(Comparator.comparingInt(EntityResolver::idNumber).thenComparing(s -> s));
            entities.add(new Entity(id, g.canonical(), g.type, new ArrayList<>(aliases), sortedArts));
        }
    }

    private static int idNumber(String id) {
        try {
            return Integer.parseInt(id.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static final class Group {
        final EntityType type;
        final List<NameUse> uses;

        Group(EntityType type, List<NameUse> uses) {
            this.type = type;
            this.uses = uses;
        }

        /** The most frequent full form; bare surnames only when nothing fuller exists. */
        String canonical() {
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

    private static String key(String article, String name, EntityType type) {
        return article + "\u0000" + type + "\u0000" + name;
    }

    String idOf(String articleId, String name, EntityType type) {
        return idByKey.get(key(articleId, name, type));
    }

    List<Entity> entities() {
        return List.copyOf(entities);
    }
}
