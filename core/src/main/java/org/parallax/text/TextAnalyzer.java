package org.parallax.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.langdetect.Language;
import org.parallax.extract.Article;
import org.parallax.model.Span;

/**
 * The text stage: language, paragraphs, sentences (ICU rules, never across a paragraph
 * break) and word tokens with offsets into the body.
 */
public final class TextAnalyzer {
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private TextAnalyzer() {
    }

    public static TextAnnotation analyze(Article article, TextConfig config) {
        String body = article.body();
        Language lang = LanguageIdentifier.identify(body, config);
        ULocale locale = lang.getLang().equals("und") ? ULocale.ROOT : new ULocale(lang.getLang());
        List<Span> paragraphs = paragraphs(body);
        List<Span> sentences = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        // "ss=standard" turns on ICU's abbreviation suppressions ("Mr.", "e.g.") where it has them.
        BreakIterator sb = BreakIterator.getSentenceInstance(
                new ULocale(locale.getLanguage().isEmpty() ? "en" : locale.getLanguage() + "@ss=standard"));
        BreakIterator wb = BreakIterator.getWordInstance(locale);
        for (Span p : paragraphs) {
            String text = p.of(body);
            sb.setText(text);
            int s = sb.first();
            for (int e = sb.next(); e != BreakIterator.DONE; s = e, e = sb.next()) {
                Span trimmed = trim(text, s, e, p.start());
                if (trimmed != null) {
                    sentences.add(trimmed);
                }
            }
            wb.setText(text);
            int a = wb.first();
            for (int b = wb.next(); b != BreakIterator.DONE; a = b, b = wb.next()) {
                if (wb.getRuleStatus() != BreakIterator.WORD_NONE) {
                    String norm = normalise(text.substring(a, b));
                    if (!norm.isEmpty()) {
                        tokens.add(new Token(p.start() + a, p.start() + b, norm));
                    }
                }
            }
        }
        return new TextAnnotation(article.id(), lang.getLang(), lang.getConfidence(), paragraphs,
                sentences, tokens);
    }

    /** Blocks of the body separated by blank lines, trimmed. */
    public static List<Span> paragraphs(String body) {
        List<Span> out = new ArrayList<>();
        int n = body.length();
        int i = 0;
        while (i < n) {
            int e = body.indexOf("\n\n", i);
            if (e < 0) {
                e = n;
            }
            Span t = trim(body, i, e, 0);
            if (t != null) {
                out.add(t);
            }
            i = e + 2;
        }
        return out;
    }

    private static Span trim(String text, int s, int e, int offset) {
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e > s ? new Span(offset + s, offset + e) : null;
    }

    /** Lower case, apostrophes folded, combining marks removed. */
    public static String normalise(String word) {
        String d = NFD.normalize(word.toLowerCase(Locale.ROOT));
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            b.append(c == '\u2019' || c == '\u2018' || c == '`' ? '\'' : c);
        }
        return b.toString();
    }
}
