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
 * opennlp-models-langdetect jar; nothing is downloaded). Thread-safe: the detector keeps no
 * state between calls.
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

    private static final class Holder {
        static final LanguageDetectorME DETECTOR = load();
    }

    private LanguageIdentifier() {
    }

    private static LanguageDetectorME load() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("language model langdetect-183.bin missing from the class path");
            }
            return new LanguageDetectorME(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language model", e);
        }
    }

    /** The language of {@code text} as [code, confidence]; code "und" when undecided. */
    public static Language identify(String text, TextConfig config) {
        if (text.strip().length() < config.minLanguageChars()) {
            return new Language("und", 0);
        }
        String sample = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        Language[] ranked;
        synchronized (Holder.DETECTOR) {
            ranked = Holder.DETECTOR.predictLanguages(sample);
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
