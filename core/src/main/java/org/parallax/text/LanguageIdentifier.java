package org.parallax.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language identification with OpenNLP's 103-language model (shipped in the
 * opennlp-models-langdetect jar; nothing is downloaded). Thread-safe: the model is shared and
 * read-only, each thread has its own detector. Character n-grams of the first few thousand
 * characters decide as well as the whole text does, at a fraction of the cost.
 */
public final class LanguageIdentifier {
    private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

    static {
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                ISO3_TO_ISO1.put(new Locale(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code for this language: keep the model's own code
            }
        }
    }

    /** Characters read to identify a text's language. */
    static final int SAMPLE_CHARS = 2_000;
    /** Characters read first; enough when the model is {@link #SURE} of them. */
    static final int FIRST_CHARS = 500;
    static final double SURE = 0.9;

    /** The first {@code n} characters of {@code text}, cut at a space when there is one in the second half. */
    private static String prefix(String text, int n) {
        if (text.length() <= n) {
            return text;
        }
        int cut = text.lastIndexOf(' ', n);
        return text.substring(0, cut > n / 2 ? cut : n);
    }

    private static final class Holder {
        static final LanguageDetectorModel MODEL = load();
        static final ThreadLocal<LanguageDetectorME> DETECTOR =
                ThreadLocal.withInitial(() -> new LanguageDetectorME(MODEL));
    }

    private LanguageIdentifier() {
    }

    private static LanguageDetectorModel load() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("language model langdetect-183.bin missing from the class path");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language model", e);
        }
    }

    /** The language of {@code text} as [code, confidence]; code "und" when undecided. */
    public static Language identify(String text, TextConfig config) {
        if (text.strip().length() < config.minLanguageChars()) {
            return new Language("und", 0);
        }
        Language[] ranked = null;
        if (text.length() > 2 * FIRST_CHARS) {
            // Most texts are told by their first few hundred characters: read the full sample
            // only when those leave any doubt.
            ranked = Holder.DETECTOR.get().predictLanguages(prefix(text, FIRST_CHARS));
            if (ranked[0].getConfidence() < SURE) {
                ranked = null;
            }
        }
        if (ranked == null) {
            ranked = Holder.DETECTOR.get().predictLanguages(prefix(text, SAMPLE_CHARS));
        }
        Language best = ranked[0];
        double second = ranked.length > 1 ? ranked[1].getConfidence() : 0;
        if (best.getConfidence() < config.minLanguageMargin() * second) {
            return new Language("und", best.getConfidence());
        }
        String code = ISO3_TO_ISO1.getOrDefault(best.getLang(), best.getLang());
        return new Language(code, best.getConfidence());
    }
}
