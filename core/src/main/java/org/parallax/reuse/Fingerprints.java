package org.parallax.reuse;

import java.util.List;
import org.parallax.text.Token;

/** Hashed word n-grams of one article: {@code hashes[i]} covers tokens {@code i .. i+n-1}. */
public record Fingerprints(String articleId, long[] hashes, int tokenCount) {

    public static Fingerprints of(String articleId, List<Token> tokens, int n) {
        int count = Math.max(0, tokens.size() - n + 1);
        long[] h = new long[count];
        long[] word = new long[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            word[i] = fnv(tokens.get(i).norm());
        }
        for (int i = 0; i < count; i++) {
            long x = 0x9E3779B97F4A7C15L;
            for (int k = 0; k < n; k++) {
                x = (x ^ word[i + k]) * 0xBF58476D1CE4E5B9L;
                x ^= x >>> 31;
            }
            h[i] = x;
        }
        return new Fingerprints(articleId, h, tokens.size());
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprints f && f.articleId.equals(articleId)
                && java.util.Arrays.equals(f.hashes, hashes);
    }

    @Override
    public int hashCode() {
        return articleId.hashCode() * 31 + java.util.Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "Fingerprints[" + articleId + ", " + hashes.length + " shingles]";
    }
}
