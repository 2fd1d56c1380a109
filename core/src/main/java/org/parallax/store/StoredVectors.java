package org.parallax.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.parallax.compare.CachedEncoder;

/**
 * Sentence vectors kept in the store's {@code sentence_vectors} table, by model and the
 * SHA-256 of the sentence (first 16 bytes), float32 little-endian. Written in their own short
 * transactions: a vector is true whatever happens to the analysis that asked for it.
 */
public final class StoredVectors implements CachedEncoder.Vectors {
    private final CorpusStore store;

    public StoredVectors(CorpusStore store) {
        this.store = store;
    }

    @Override
    public synchronized Map<String, float[]> get(String model, Set<String> texts) {
        Map<String, float[]> out = new HashMap<>();
        try (PreparedStatement ps = store.connection().prepareStatement(
                "SELECT vector FROM sentence_vectors WHERE model = ? AND hash = ?")) {
            for (String t : texts) {
                ps.setString(1, model);
                ps.setBytes(2, hash(t));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.put(t, floats(rs.getBytes(1)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sentence vectors cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized void put(String model, Map<String, float[]> vectors) {
        try {
            store.inTransaction(() -> {
                try (PreparedStatement ps = store.connection().prepareStatement(
                        "INSERT OR REPLACE INTO sentence_vectors (model, hash, vector) VALUES (?, ?, ?)")) {
                    for (var e : vectors.entrySet()) {
                        ps.setString(1, model);
                        ps.setBytes(2, hash(e.getKey()));
                        ps.setBytes(3, bytes(e.getValue()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("sentence vectors cannot be saved: " + e.getMessage(), e);
        }
    }

    private static byte[] hash(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(h, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    private static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }
}
