package org.parallax.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.parallax.reuse.Direction;
import org.parallax.reuse.Passage;
import org.parallax.reuse.ReuseConfig;
import org.parallax.reuse.ReuseFinder;
import org.parallax.reuse.ReuseLink;
import org.parallax.text.Annotated;

/**
 * The reuse stage over a store that already holds an analysis: the new articles' shingle keys
 * are looked up in the persisted fingerprint index (table {@code shingles}), only pairs with a
 * new article are aligned, and the saved links between older articles are read back as they
 * are. A shingle counts, as in {@link ReuseFinder#find}, when it is in at least two and at
 * most {@link ReuseConfig#maxDocFrequency()} articles of the whole corpus, new ones included;
 * so the result equals a full run's, except that a link between two older articles is not
 * withdrawn when new articles make the shingles it rested on too common.
 */
public final class ReuseIndex {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReuseIndex() {
    }

    /** What an incremental reuse run found, and the keys of the new articles to index. */
    public record Update(List<ReuseLink> links, Map<String, long[]> newKeys, int newArticles, int pairsAligned) {
    }

    /** The reuse configuration as the store records it: a different one means a full run. */
    public static String configKey(ReuseConfig c) {
        return c.toString();
    }

    /**
     * Links of the whole corpus {@code all} (in corpus order: ascending document id), of which
     * the ones not in {@code analysed} are new.
     */
    public static Update update(CorpusStore store, List<Annotated> all, Set<String> analysed, ReuseConfig config)
            throws SQLException {
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!analysed.contains(all.get(i).id())) {
                fresh.add(i);
            }
        }
        long[][] keys = fresh.parallelStream().map(i -> ReuseFinder.keys(all.get(i), config)).toArray(long[][]::new);
        LongOpenHashSet probe = new LongOpenHashSet();
        Long2IntOpenHashMap freshDf = new Long2IntOpenHashMap();
        for (long[] ks : keys) {
            for (long k : ks) {
                probe.add(k);
                freshDf.addTo(k, 1);
            }
        }
        Map<Long, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            indexOf.put(number(all.get(i).id()), i);
        }
        Long2ObjectOpenHashMap<LongArrayList> older = holders(store.connection(), probe, analysed);
        // Shared keys per pair (corpus indices, smaller first), each key counted once a pair.
        Map<Long, Integer> shared = new HashMap<>();
        Long2ObjectOpenHashMap<LongArrayList> freshHolders = new Long2ObjectOpenHashMap<>();
        for (int f = 0; f < fresh.size(); f++) {
            for (long k : keys[f]) {
                freshHolders.computeIfAbsent(k, x -> new LongArrayList()).add(fresh.get(f));
            }
        }
        for (var e : freshHolders.long2ObjectEntrySet()) {
            long k = e.getLongKey();
            LongArrayList olderHere = older.get(k);
            int df = freshDf.get(k) + (olderHere == null ? 0 : olderHere.size());
            if (df < 2 || df > config.maxDocFrequency()) {
                continue;
            }
            LongArrayList mine = e.getValue();
            for (int x = 0; x < mine.size(); x++) {
                int a = (int) mine.getLong(x);
                for (int y = x + 1; y < mine.size(); y++) {
                    shared.merge(pair(a, (int) mine.getLong(y)), 1, Integer::sum);
                }
                if (olderHere != null) {
                    for (long o : olderHere) {
                        Integer b = indexOf.get(o);
                        if (b != null) {
                            shared.merge(pair(a, b), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        long[] candidates = shared.entrySet().stream().filter(e -> e.getValue() >= config.minSharedShingles())
                .mapToLong(Map.Entry::getKey).sorted().toArray();
        List<ReuseLink> found = IntStream.range(0, candidates.length).parallel()
                .mapToObj(i -> ReuseFinder.link(all.get((int) (candidates[i] >>> 32)),
                        all.get((int) candidates[i]), config))
                .filter(l -> l != null).toList();
        List<ReuseLink> links = new ArrayList<>(saved(store));
        links.addAll(found);
        links.sort(Comparator.comparing(ReuseLink::source).thenComparing(ReuseLink::target));
        Map<String, long[]> newKeys = new LinkedHashMap<>();
        for (int f = 0; f < fresh.size(); f++) {
            newKeys.put(all.get(fresh.get(f)).id(), keys[f]);
        }
        return new Update(links, newKeys, fresh.size(), candidates.length);
    }

    private static long pair(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    private static long number(String reportId) {
        return Long.parseLong(reportId.substring(1));
    }

    /** For each probed key, the analysed articles (document ids) the index holds it for. */
    private static Long2ObjectOpenHashMap<LongArrayList> holders(Connection db, LongOpenHashSet probe, Set<String> analysed)
            throws SQLException {
        Set<Long> ok = new HashSet<>();
        analysed.forEach(id -> ok.add(number(id)));
        Long2ObjectOpenHashMap<LongArrayList> out = new Long2ObjectOpenHashMap<>();
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS probe (key INTEGER PRIMARY KEY)");
            st.execute("DELETE FROM probe");
        }
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement("INSERT OR IGNORE INTO probe (key) VALUES (?)")) {
            for (long k : probe) {
                ps.setLong(1, k);
                ps.addBatch();
            }
            ps.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(auto);
        }
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.key, s.article FROM probe p JOIN shingles s ON s.key = p.key")) {
            while (rs.next()) {
                long article = rs.getLong(2);
                if (ok.contains(article)) {
                    out.computeIfAbsent(rs.getLong(1), x -> new LongArrayList()).add(article);
                }
            }
        }
        try (Statement st = db.createStatement()) {
            st.execute("DELETE FROM probe");
        }
        return out;
    }

    /** The links the last analysis saved, whole. */
    public static List<ReuseLink> saved(CorpusStore store) throws SQLException {
        List<ReuseLink> out = new ArrayList<>();
        try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery(
                "SELECT source_article, target_article, direction, confidence, evidence, shared_words, "
                        + "target_coverage, source_coverage, duplicate, passages FROM reuse_links ORDER BY rowid")) {
            while (rs.next()) {
                List<Passage> passages = new ArrayList<>();
                try {
                    for (JsonNode p : JSON.readTree(rs.getString(10))) {
                        JsonNode e = p.path("edits");
                        passages.add(new Passage(p.get("sourceStart").asInt(), p.get("sourceEnd").asInt(),
                                p.get("targetStart").asInt(), p.get("targetEnd").asInt(), p.path("sourceWords").asInt(),
                                p.path("targetWords").asInt(), p.path("similarity").asDouble(),
                                new Passage.Edits(e.path("matched").asInt(), e.path("substituted").asInt(),
                                        e.path("added").asInt(), e.path("dropped").asInt()),
                                p.path("quotation").asBoolean(false)));
                    }
                } catch (IOException e) {
                    throw new SQLException("reuse link " + rs.getLong(1) + "→" + rs.getLong(2) + ": " + e.getMessage(), e);
                }
                out.add(new ReuseLink("d" + rs.getLong(1), "d" + rs.getLong(2), Direction.of(rs.getString(3)),
                        rs.getDouble(4), rs.getString(5), rs.getInt(6), rs.getDouble(7), rs.getDouble(8),
                        rs.getInt(9) == 1, passages));
            }
        }
        return out;
    }

    /** The articles the saved analysis covers, as report ids. */
    public static Set<String> analysed(CorpusStore store) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT article FROM analysed_articles")) {
            while (rs.next()) {
                out.add("d" + rs.getLong(1));
            }
        }
        return out;
    }

    /** Adds articles' keys to the index (inside the caller's transaction). */
    static void index(Connection db, Map<String, long[]> keys) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT OR IGNORE INTO shingles (key, article) VALUES (?, ?)")) {
            for (var e : keys.entrySet()) {
                long article = number(e.getKey());
                for (long k : e.getValue()) {
                    ps.setLong(1, k);
                    ps.setLong(2, article);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
