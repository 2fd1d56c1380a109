package org.parallax.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * Universal Dependencies part-of-speech tags (ADJ, ADV, VERB, NOUN, PROPN, …) from OpenNLP's
 * English model trained on the UD English Web Treebank (the opennlp-models-pos-en jar; nothing
 * is downloaded). The model is loaded once, on first use; each thread tags with its own
 * tagger. A text is cut into tokens first: words (with inner apostrophes and hyphens), numbers
 * and single punctuation marks, each with its offsets.
 */
public final class PartsOfSpeech {
    /** One token of a tagged text: offsets into the text, its words, its UD tag. */
    public record Token(int start, int end, String text, String tag) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’\\-]*\\p{L}|\\p{L}|\\p{N}[\\p{N}.,]*\\p{N}|\\p{N}|[^\\s\\p{L}\\p{N}]");

    private static final class Holder {
        static final POSModel MODEL = load();
        static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(MODEL, POSTagFormat.UD));
    }

    private PartsOfSpeech() {
    }

    private static POSModel load() {
        // Every OpenNLP model jar has a model.properties at its root, so the name is written here.
        String name = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
        try (InputStream in = PartsOfSpeech.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("part-of-speech model " + name + " missing from the class path");
            }
            return new POSModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the part-of-speech model", e);
        }
    }

    /** The tokens of {@code text} with their tags. */
    public static List<Token> tag(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        String[] words = new String[spans.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = text.substring(spans.get(i)[0], spans.get(i)[1]).replace('’', '\'');
        }
        String[] tags = words.length == 0 ? new String[0] : Holder.TAGGER.get().tag(words);
        List<Token> out = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            out.add(new Token(spans.get(i)[0], spans.get(i)[1], text.substring(spans.get(i)[0], spans.get(i)[1]), tags[i]));
        }
        return out;
    }
}
