package org.parallax.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.parallax.extract.Article;
import org.parallax.extract.BodyRun;
import org.parallax.extract.Removed;
import org.parallax.ingest.Document;
import org.parallax.ingest.Format;
import org.parallax.model.Problem;
import org.parallax.model.Span;
import org.parallax.text.Annotated;

/**
 * The corpus on disk: one SQLite file in WAL mode (readers never wait for the writer, a crash
 * loses at most the transaction in flight). Documents are stored once — by content hash, and by
 * URL when there is one — with the article extracted from each; full-text search runs on SQLite
 * FTS5. The schema is created and upgraded by the numbered scripts beside this class
 * ({@code migrations.txt}); {@code PRAGMA user_version} records how many have run. Not
 * thread-safe: one writer per store.
 */
public final class CorpusStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection db;

    private CorpusStore(Connection db) {
        this.db = db;
    }

    /** The connection, for the store's other classes (one writer: callers hold no transaction of their own). */
    Connection connection() {
        return db;
    }

    /** Opens (creating if needed) the store at {@code file} and brings its schema up to date. */
    public static CorpusStore open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("PRAGMA busy_timeout = 10000");
        }
        CorpusStore store = new CorpusStore(c);
        store.migrate();
        return store;
    }

    /**
     * Opens the store at {@code file} for reading only ({@code PRAGMA query_only}): for a server
     * that reads while another process writes. In WAL mode a reader never waits for the writer;
     * {@link #readSnapshot} gives a run of queries one consistent view. The schema must be
     * current (opening with {@link #open} once brings it up to date).
     */
    public static CorpusStore openReader(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.execute("PRAGMA query_only = ON");
        }
        CorpusStore store = new CorpusStore(c);
        int version = store.schemaVersion();
        if (version != migrations().size()) {
            c.close();
            throw new SQLException("the store's schema is version " + version + ", this program's "
                    + migrations().size() + ": open it for writing once (parallax ingest) to upgrade it");
        }
        return store;
    }

    /**
     * Runs {@code work} inside one read transaction: every query in it sees the store as it was
     * at the first, whatever commits meanwhile (a writer's batch or analysis run is seen whole
     * or not at all).
     */
    public <T> T readSnapshot(java.util.concurrent.Callable<T> work) throws Exception {
        db.setAutoCommit(false);
        try {
            return work.call();
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    /** The scripts to run, in order. */
    static List<String> migrations() {
        try (InputStream in = CorpusStore.class.getResourceAsStream("migrations.txt")) {
            if (in == null) {
                throw new IllegalStateException("migrations.txt missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void migrate() throws SQLException {
        List<String> scripts = migrations();
        int version = schemaVersion();
        if (version > scripts.size()) {
            throw new SQLException("the store's schema (version " + version + ") is newer than this program's ("
                    + scripts.size() + ")");
        }
        for (int i = version; i < scripts.size(); i++) {
            String sql;
            try (InputStream in = CorpusStore.class.getResourceAsStream(scripts.get(i))) {
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | NullPointerException e) {
                throw new SQLException("migration " + scripts.get(i) + " missing", e);
            }
            boolean auto = db.getAutoCommit();
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                for (String part : statements(sql)) {
                    st.execute(part);
                }
                st.execute("PRAGMA user_version = " + (i + 1));
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw new SQLException("migration " + scripts.get(i) + " failed: " + e.getMessage(), e);
            } finally {
                db.setAutoCommit(auto);
            }
        }
    }

    /** Splits a script into statements; a trigger's body (BEGIN … END;) stays whole. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inTrigger = false;
        for (String line : sql.split("\n")) {
            String code = line.replaceFirst("--.*$", "");
            if (code.isBlank()) {
                continue;
            }
            cur.append(code).append('\n');
            String t = code.strip().toUpperCase(java.util.Locale.ROOT);
            if (t.startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            if (inTrigger ? t.equals("END;") : t.endsWith(";")) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                inTrigger = false;
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    public int schemaVersion() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The journal mode SQLite reports ("wal"). */
    public String journalMode() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** SHA-256 of the document's content (UTF-8), hex. */
    public static String contentHash(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of content already encoded as UTF-8, hex: {@link #contentHash(String)} without encoding again. */
    public static String contentHash(byte[] utf8) {
        return sha256(utf8);
    }

    private static String sha256(byte[] utf8) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored document with this content or URL, if any. */
    public OptionalLong find(Document d) throws SQLException {
        return find(contentHash(d.content()), d.metadata().url());
    }

    /** The stored document with this content hash or URL, if any. */
    public OptionalLong find(String hash, String url) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT id FROM documents WHERE content_hash = ? OR (url IS NOT NULL AND url = ?) LIMIT 1")) {
            ps.setString(1, hash);
            ps.setString(2, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * Stores a document and, when extraction gave one, its article, in one transaction; a
     * document already stored (same content or URL) is left as it is. Returns its id and
     * whether it was new.
     */
    public Stored put(Document d, Annotated article) throws SQLException {
        return put(Prepared.of(d, article));
    }

    /**
     * A document made ready for the store off the writer's thread: its hash and compressed
     * content computed, its article attached (null when extraction rejected it).
     */
    public record Prepared(Document document, String hash, byte[] contentGz, Annotated article) {
        public static Prepared of(Document d, Annotated article) {
            return of(d, article, null);
        }

        /** As {@link #of(Document, Annotated)}, with the content hash when the caller has it already. */
        public static Prepared of(Document d, Annotated article, String knownHash) {
            return of(d, article, knownHash, d.content().getBytes(StandardCharsets.UTF_8));
        }

        /** As {@link #of(Document, Annotated, String)}, with the content's UTF-8 bytes when the caller has them. */
        public static Prepared of(Document d, Annotated article, String knownHash, byte[] utf8) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(utf8.length / 4 + 64);
            try (var gz = new java.util.zip.GZIPOutputStream(out, 1 << 16) {
                {
                    // Fastest level: compressing a page costs several times less than at the
                    // default level, for files about a quarter larger.
                    def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                }
            }) {
                gz.write(utf8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Prepared(d, knownHash != null ? knownHash : sha256(utf8), out.toByteArray(), article);
        }
    }

    /** Stores a prepared document (see {@link #put(Document, Annotated)}). */
    public Stored put(Prepared p) throws SQLException {
        Document d = p.document();
        OptionalLong existing = find(p.hash(), d.metadata().url());
        if (existing.isPresent()) {
            return new Stored(existing.getAsLong(), false);
        }
        Annotated article = p.article();
        boolean auto = db.getAutoCommit();
        if (auto) {
            db.setAutoCommit(false);
        }
        try {
            long id;
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO documents (source, name, url, outlet, domain, "
                    + "published, format, content_hash, content_gz, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, d.source());
                ps.setString(2, d.name());
                ps.setString(3, d.metadata().url());
                ps.setString(4, d.metadata().outlet());
                ps.setString(5, d.metadata().domain());
                ps.setString(6, d.metadata().published() == null ? null : d.metadata().published().toString());
                ps.setString(7, d.format() == Format.HTML ? "html" : "text");
                ps.setString(8, p.hash());
                ps.setBytes(9, p.contentGz());
                ps.setString(10, Instant.now().toString());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (article != null) {
                insertArticle(id, article);
            }
            if (auto) {
                db.commit();
            }
            return new Stored(id, true);
        } catch (SQLException | RuntimeException e) {
            if (auto) {
                db.rollback();
            }
            throw e;
        } finally {
            if (auto) {
                db.setAutoCommit(true);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction: all of its puts land together or none does (a
     * crash mid-batch leaves the store as it was before the batch).
     */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T out = work.run();
            db.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** Work against the store that may fail with an SQL error. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** The document's content as stored (decompressed). */
    public String content(long id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT content_gz FROM documents WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(rs.getBytes(1)))) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new SQLException("document " + id + ": content cannot be read: " + e.getMessage(), e);
                }
            }
        }
    }

    private void insertArticle(long id, Annotated a) throws SQLException {
        Article ar = a.article();
        ArrayNode map = JSON.createArrayNode();
        for (BodyRun r : ar.bodyMap()) {
            map.addArray().add(r.bodyStart()).add(r.documentStart()).add(r.length());
        }
        ArrayNode removed = JSON.createArrayNode();
        for (Removed r : ar.removed()) {
            removed.addObject().put("kind", r.kind().label()).put("documentStart", r.documentStart())
                    .put("documentEnd", r.documentEnd()).put("text", r.text());
        }
        ArrayNode sentences = JSON.createArrayNode();
        for (Span s : a.text().sentences()) {
            sentences.addArray().add(s.start()).add(s.end());
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO articles (id, title, author, published, outlet, "
                + "domain, url, language, body, body_map, removed, sentences) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, id);
            ps.setString(2, ar.title());
            ps.setString(3, ar.author());
            ps.setString(4, ar.published() == null ? null : ar.published().toString());
            ps.setString(5, ar.outlet());
            ps.setString(6, ar.domain());
            ps.setString(7, ar.url());
            ps.setString(8, a.text().language());
            ps.setString(9, ar.body());
            ps.setString(10, map.toString());
            ps.setString(11, removed.toString());
            ps.setString(12, sentences.toString());
            ps.executeUpdate();
        }
    }

    /** Whether the file was stored before and its size and modification time are the same now. */
    public boolean unchanged(Path file) throws SQLException {
        long[] now = stat(file);
        if (now == null) {
            return false;
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT size, modified FROM files WHERE path = ?")) {
            ps.setString(1, file.toAbsolutePath().normalize().toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == now[0] && rs.getLong(2) == now[1];
            }
        }
    }

    /** Notes a file as stored, with its size and modification time now. */
    public void stored(Path file) throws SQLException {
        long[] now = stat(file);
        if (now == null) {
            return;
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO files (path, size, modified, stored_at) "
                + "VALUES (?,?,?,?) ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified, "
                + "stored_at = excluded.stored_at")) {
            ps.setString(1, file.toAbsolutePath().normalize().toString());
            ps.setLong(2, now[0]);
            ps.setLong(3, now[1]);
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    private static long[] stat(Path file) {
        try {
            return new long[] {java.nio.file.Files.size(file), java.nio.file.Files.getLastModifiedTime(file).toMillis()};
        } catch (IOException e) {
            return null;
        }
    }

    /** Every stored article, analysed again for its text layer, with its document. */
    public record Loaded(List<Document> documents, List<Annotated> articles) {
    }

    /**
     * Loads the stored articles for the corpus-wide stages. Article and document ids are
     * {@code d<id>} (the documents table's id), so reports name them stably across runs.
     */
    public Loaded load(org.parallax.text.TextConfig text) throws SQLException {
        List<Document> docs = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT d.id, d.source, d.name, d.url, "
                + "d.outlet, d.domain, d.published, d.format, d.content_gz, a.title, a.author, a.published, a.outlet, "
                + "a.domain, a.url, a.body, a.body_map, a.removed FROM articles a JOIN documents d ON d.id = a.id ORDER BY d.id")) {
            while (rs.next()) {
                String id = "d" + rs.getLong(1);
                String content;
                try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(rs.getBytes(9)))) {
                    content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new SQLException("document " + id + ": content cannot be read: " + e.getMessage(), e);
                }
                docs.add(new Document(id, rs.getString(2), rs.getString(3), "html".equals(rs.getString(8)) ? Format.HTML
                        : Format.TEXT, content, new org.parallax.ingest.Metadata(rs.getString(5), rs.getString(6),
                        rs.getString(4), date(rs.getString(7)))));
                List<BodyRun> map = new ArrayList<>();
                List<Removed> removed = new ArrayList<>();
                try {
                    for (var r : JSON.readTree(rs.getString(17))) {
                        map.add(new BodyRun(r.get(0).asInt(), r.get(1).asInt(), r.get(2).asInt()));
                    }
                    for (var r : JSON.readTree(rs.getString(18))) {
                        removed.add(new Removed(org.parallax.extract.RemovedKind.valueOf(r.get("kind").asText()
                                .toUpperCase(java.util.Locale.ROOT)), r.get("documentStart").asInt(),
                                r.get("documentEnd").asInt(), r.get("text").asText()));
                    }
                } catch (IOException e) {
                    throw new SQLException("article " + id + ": " + e.getMessage(), e);
                }
                articles.add(new Article(id, rs.getString(2), rs.getString(13), rs.getString(14), rs.getString(15),
                        rs.getString(10), rs.getString(11), date(rs.getString(12)), rs.getString(16), map, removed));
            }
        }
        List<Annotated> annotated = articles.parallelStream()
                .map(a -> new Annotated(a, org.parallax.text.TextAnalyzer.analyze(a, text))).toList();
        return new Loaded(docs, annotated);
    }

    private static java.time.LocalDate date(String s) {
        return s == null ? null : java.time.LocalDate.parse(s);
    }

    /** The documents-table id of a report's article id ({@code d<id>}). */
    private static long articleId(String reportId) {
        return Long.parseLong(reportId.substring(1));
    }

    /**
     * Replaces the stored analysis with the one in {@code report} (the JSON report's tree), in
     * one transaction: readers see the old analysis or the new one, never a mixture.
     */
    public void saveAnalysis(com.fasterxml.jackson.databind.node.ObjectNode report, java.util.Map<String, String> pages)
            throws SQLException {
        saveAnalysis(report, pages, null);
    }

    /**
     * A change to the persisted fingerprint index saved with an analysis: the shingle keys of
     * articles (all of them when {@code replace}, the index emptied first) and the reuse
     * configuration they were made with.
     */
    public record IndexChange(boolean replace, java.util.Map<String, long[]> keys, String reuseConfig) {
    }

    /** As {@link #saveAnalysis(com.fasterxml.jackson.databind.node.ObjectNode, java.util.Map)}, with the index change in the same transaction. */
    public void saveAnalysis(com.fasterxml.jackson.databind.node.ObjectNode report, java.util.Map<String, String> pages,
                             IndexChange index) throws SQLException {
        inTransaction(() -> {
            if (index != null) {
                try (Statement st = db.createStatement()) {
                    if (index.replace()) {
                        st.executeUpdate("DELETE FROM shingles");
                        st.executeUpdate("DELETE FROM analysed_articles");
                    }
                }
                ReuseIndex.index(db, index.keys());
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT OR REPLACE INTO analysis_state (key, value) VALUES ('reuse', ?)")) {
                    ps.setString(1, index.reuseConfig());
                    ps.executeUpdate();
                }
            } else {
                try (Statement st = db.createStatement()) {
                    // Links saved without index: the next run must be a full one.
                    st.executeUpdate("DELETE FROM analysis_state WHERE key = 'reuse'");
                }
            }
            try (Statement st = db.createStatement()) {
                for (String t : List.of("story_pages", "comparisons", "story_articles", "stories", "figures", "quotes",
                        "entities", "reuse_links")) {
                    st.executeUpdate("DELETE FROM " + t);
                }
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO reuse_links (source_article, target_article, "
                    + "direction, confidence, evidence, shared_words, duplicate, passages, target_coverage, source_coverage, "
                    + "kind) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (var l : report.path("reuse")) {
                    ps.setLong(1, articleId(l.get("source").asText()));
                    ps.setLong(2, articleId(l.get("target").asText()));
                    ps.setString(3, l.path("direction").asText());
                    ps.setDouble(4, l.path("confidence").asDouble());
                    ps.setString(5, l.path("evidence").asText(null));
                    ps.setInt(6, l.path("sharedWords").asInt());
                    ps.setInt(7, l.path("duplicate").asBoolean() ? 1 : 0);
                    ps.setString(8, l.path("passages").toString());
                    ps.setDouble(9, l.path("targetCoverage").asDouble());
                    ps.setDouble(10, l.path("sourceCoverage").asDouble());
                    ps.setString(11, l.path("kind").asText("copy"));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO entities (id, name, type, aliases, articles) VALUES (?,?,?,?,?)")) {
                for (var e : report.path("entities")) {
                    ps.setString(1, e.get("id").asText());
                    ps.setString(2, e.path("name").asText());
                    ps.setString(3, e.path("type").asText());
                    ps.setString(4, e.path("aliases").toString());
                    ps.setString(5, e.path("articles").toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            java.util.Map<String, String> groupOf = new java.util.HashMap<>();
            for (var g : report.path("quoteGroups")) {
                g.path("quotes").forEach(q -> groupOf.put(q.asText(), g.get("id").asText()));
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO quotes (id, article, start, end, text, kind, "
                    + "speaker, speaker_text, quote_group) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (var q : report.path("quotes")) {
                    ps.setString(1, q.get("id").asText());
                    ps.setLong(2, articleId(q.get("article").asText()));
                    ps.setInt(3, q.path("start").asInt());
                    ps.setInt(4, q.path("end").asInt());
                    ps.setString(5, q.path("text").asText());
                    ps.setString(6, q.path("kind").asText());
                    ps.setString(7, q.path("speaker").asText(null));
                    ps.setString(8, q.path("speakerText").asText(null));
                    ps.setString(9, groupOf.get(q.get("id").asText()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO figures (id, article, start, end, text, value, "
                    + "unit, about, attributed_to) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (var f : report.path("figures")) {
                    ps.setString(1, f.get("id").asText());
                    ps.setLong(2, articleId(f.get("article").asText()));
                    ps.setInt(3, f.path("start").asInt());
                    ps.setInt(4, f.path("end").asInt());
                    ps.setString(5, f.path("text").asText());
                    ps.setString(6, f.path("value").toString());
                    ps.setString(7, f.path("unit").asText());
                    ps.setString(8, f.path("about").asText());
                    ps.setString(9, f.path("attributedTo").asText(null));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement story = db.prepareStatement(
                    "INSERT INTO stories (id, title, date, last, articles, events, edits) VALUES (?,?,?,?,?,?,?)");
                 PreparedStatement member = db.prepareStatement("INSERT INTO story_articles (story, article) VALUES (?,?)")) {
                for (var st : report.path("stories")) {
                    story.setString(1, st.get("id").asText());
                    story.setString(2, st.path("title").asText());
                    story.setString(3, st.path("date").asText(null));
                    story.setString(4, st.path("last").asText(null));
                    story.setString(5, st.path("articles").toString());
                    story.setString(6, st.path("events").toString());
                    story.setString(7, st.has("edits") ? st.get("edits").toString() : "[]");
                    story.executeUpdate();
                    for (var a : st.path("articles")) {
                        member.setString(1, st.get("id").asText());
                        member.setLong(2, articleId(a.asText()));
                        member.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO comparisons (story, json) VALUES (?,?)")) {
                for (var c : report.path("comparisons")) {
                    ps.setString(1, c.get("story").asText());
                    ps.setString(2, c.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO story_pages (story, html) VALUES (?,?)")) {
                for (var e : pages.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO analysis_runs (finished_at, articles, stories, timings) VALUES (?,?,?,?)")) {
                ps.setString(1, Instant.now().toString());
                ps.setInt(2, report.path("articles").size());
                ps.setInt(3, report.path("stories").size());
                ps.setString(4, report.path("timings").toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR REPLACE INTO analysis_state (key, value) VALUES ('corrections', ?)")) {
                ps.setString(1, report.path("correctionsState").asText("0:0"));
                ps.executeUpdate();
            }
            if (report.has("incremental")) {
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT OR REPLACE INTO analysis_state (key, value) VALUES ('last_run', ?)")) {
                    ps.setString(1, report.get("incremental").toString());
                    ps.executeUpdate();
                }
            }
            long run = lastRun();
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR IGNORE INTO analysed_articles (article, run) VALUES (?, ?)")) {
                for (var a : report.path("articles")) {
                    ps.setLong(1, articleId(a.get("id").asText()));
                    ps.setLong(2, run);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The id of the last analysis run saved, 0 before any. */
    public long lastRun() throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM analysis_runs")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The saved stories' articles (report ids), by story id. */
    public java.util.Map<String, List<String>> savedStories() throws SQLException {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT story, article FROM story_articles ORDER BY rowid")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add("d" + rs.getLong(2));
            }
        }
        return out;
    }

    /**
     * Records a correction to the stories (applied by the next analysis, and every one after):
     * its number.
     */
    public long addCorrection(org.parallax.stories.StoryCorrection.Kind kind, List<String> items, List<String> target,
                              String note) throws SQLException {
        // Checked as the record checks it, before anything is written.
        new org.parallax.stories.StoryCorrection(0, kind, items, target, null, note);
        com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO story_corrections (kind, items, target, made, note) VALUES (?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, kind.label());
            ps.setString(2, om.writeValueAsString(items));
            ps.setString(3, om.writeValueAsString(target));
            ps.setString(4, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            ps.setString(5, note);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // a list of strings always serialises
        }
    }

    /** Takes a correction back; whether there was one of that number. */
    public boolean removeCorrection(long id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM story_corrections WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    /** Every correction to the stories, in the order made. */
    public List<org.parallax.stories.StoryCorrection> corrections() throws SQLException {
        com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
        List<org.parallax.stories.StoryCorrection> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, kind, items, target, made, note FROM story_corrections ORDER BY id")) {
            while (rs.next()) {
                out.add(new org.parallax.stories.StoryCorrection(rs.getLong(1),
                        org.parallax.stories.StoryCorrection.Kind.of(rs.getString(2)), strings(om, rs.getString(3)),
                        strings(om, rs.getString(4)), rs.getString(5), rs.getString(6)));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("story_corrections: a list that is not JSON: " + e.getOriginalMessage(), e);
        }
        return out;
    }

    /**
     * Whether the saved analysis applied exactly the corrections stored now (none added or taken
     * back since).
     */
    public boolean correctionsApplied() throws SQLException {
        String applied = one("SELECT value FROM analysis_state WHERE key = ?", "corrections");
        return correctionsState().equals(applied == null ? "0:0" : applied);
    }

    /** The state {@link #correctionsApplied} compares: how many corrections, and the last number. */
    public String correctionsState() throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) || ':' || coalesce(max(id), 0) FROM story_corrections")) {
            return rs.next() ? rs.getString(1) : "0:0";
        }
    }

    private static List<String> strings(com.fasterxml.jackson.databind.ObjectMapper om, String json)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        return List.of(om.readValue(json, String[].class));
    }

    /** A story's stored page, or null. */
    public String storyPage(String story) throws SQLException {
        return one("SELECT html FROM story_pages WHERE story = ?", story);
    }

    /** The first column of the first row of a query with one text parameter, or null. */
    public String one(String sql, String param) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Rows of a read-only query as maps of column label to value (text, number or null), in
     * order; parameters bound in order. For the web app and exports.
     */
    public List<java.util.Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                var md = rs.getMetaData();
                while (rs.next()) {
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= md.getColumnCount(); c++) {
                        row.put(md.getColumnLabel(c), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** The column labels a query returns, even when it returns no row. */
    public List<String> columns(String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            var md = ps.getMetaData();
            List<String> out = new ArrayList<>();
            for (int c = 1; c <= md.getColumnCount(); c++) {
                out.add(md.getColumnLabel(c));
            }
            return out;
        }
    }

    /** Records an input that could not be read or extracted (once: the same problem again is not repeated). */
    public void problem(Problem p) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO problems (source, stage, reason, at) "
                + "SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM problems WHERE source = ?1 AND stage = ?2 "
                + "AND reason = ?3)")) {
            ps.setString(1, p.source());
            ps.setString(2, p.stage());
            ps.setString(3, p.reason());
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    public long count(String table) throws SQLException {
        if (!List.of("documents", "articles", "problems", "files", "reuse_links", "entities", "quotes", "figures",
                "stories", "story_articles", "comparisons", "analysis_runs", "story_pages",
                "shingles", "analysed_articles", "sentence_vectors").contains(table)) {
            throw new IllegalArgumentException("no table " + table);
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Articles matching an FTS5 query, best first (bm25): id, title, outlet, published and a
     * snippet of the body with its matches marked (see {@link Hit}).
     */
    public List<Hit> search(String query, int limit) throws SQLException {
        List<Hit> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT a.id, a.title, a.outlet, a.published, "
                + "snippet(articles_fts, 1, char(2), char(3), '…', 12) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                + "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?")) {
            ps.setString(1, query);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    /** A document's id in the store and whether this call stored it. */
    public record Stored(long id, boolean created) {
    }

    /**
     * One search result; {@code snippet} marks each match between the control characters
     * U+0002 and U+0003, which no article text holds.
     */
    public record Hit(long article, String title, String outlet, String published, String snippet) {
        /** The snippet with its matches between « and ». */
        public String snippetText() {
            return snippet == null ? "" : snippet.replace('\u0002', '«').replace('\u0003', '»');
        }

        /** The snippet as HTML: escaped, its matches in {@code <mark>}. */
        public String snippetHtml() {
            if (snippet == null) {
                return "";
            }
            StringBuilder b = new StringBuilder();
            int from = 0;
            for (int i = 0; i < snippet.length(); i++) {
                char c = snippet.charAt(i);
                if (c == '\u0002' || c == '\u0003') {
                    b.append(org.jsoup.nodes.Entities.escape(snippet.substring(from, i))).append(c == '\u0002' ? "<mark>" : "</mark>");
                    from = i + 1;
                }
            }
            return b.append(org.jsoup.nodes.Entities.escape(snippet.substring(from))).toString();
        }
    }
}
