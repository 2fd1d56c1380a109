package org.parallax.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Span;
import org.parallax.quotes.Quote;
import org.parallax.quotes.QuoteResult;
import org.parallax.stories.Story;
import org.parallax.text.Annotated;

/**
 * The compare stage. For each story, each sentence of each article is labelled: attributed
 * when it holds a quotation or reported speech (its source is the speaker), else the
 * outlet's own voice — and an unattributed claim when that own voice uses loaded or
 * evaluative words from the lexicon. Coverage sums this per article.
 */
public final class Comparer {
    private Comparer() {
    }

    public static List<Comparison> compare(List<Story> stories, List<Annotated> docs, QuoteResult quotes,
                                           CompareConfig config) {
        Map<String, Annotated> byId = new HashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        Map<String, List<Quote>> quotesByArticle = new HashMap<>();
        quotes.quotes().forEach(q -> quotesByArticle.computeIfAbsent(q.articleId(), k -> new ArrayList<>()).add(q));
        Pattern lexicon = lexiconPattern(config.evaluativeTerms());
        List<Comparison> out = new ArrayList<>();
        for (Story s : stories) {
            List<VoiceSpan> voice = new ArrayList<>();
            List<Coverage> coverage = new ArrayList<>();
            for (String id : s.articles()) {
                Annotated d = byId.get(id);
                List<Quote> qs = quotesByArticle.getOrDefault(id, List.of());
                List<VoiceSpan> here = voice(d, qs, lexicon);
                voice.addAll(here);
                int attributed = (int) here.stream().filter(v -> v.label() == VoiceLabel.ATTRIBUTED).count();
                int claims = (int) here.stream().filter(v -> v.label() == VoiceLabel.UNATTRIBUTED_CLAIM).count();
                int own = here.size() - attributed;
                coverage.add(new Coverage(id, d.article().outlet(), here.size(), attributed, own, claims, qs.size(),
                        here.isEmpty() ? 0 : Math.round(1000.0 * own / here.size()) / 1000.0));
            }
            out.add(new Comparison(s.id(), voice, coverage));
        }
        return out;
    }

    static List<VoiceSpan> voice(Annotated d, List<Quote> quotes, Pattern lexicon) {
        String body = d.article().body();
        List<VoiceSpan> out = new ArrayList<>();
        for (Span s : d.text().sentences()) {
            Quote q = quotes.stream().filter(x -> x.start() < s.end() && s.start() < x.end()
                    && (x.kind() != org.parallax.quotes.QuoteKind.PARTIAL || covers(x, s))).findFirst().orElse(null);
            String text = s.of(body);
            if (q != null) {
                out.add(new VoiceSpan(d.id(), s.start(), s.end(), text, VoiceLabel.ATTRIBUTED, q.speaker(), List.of()));
                continue;
            }
            List<String> terms = new ArrayList<>();
            Matcher m = lexicon.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                if (!insideQuoteMarks(text, m.start())) {
                    terms.add(m.group());
                }
            }
            VoiceLabel label = terms.isEmpty() ? VoiceLabel.OWN : VoiceLabel.UNATTRIBUTED_CLAIM;
            out.add(new VoiceSpan(d.id(), s.start(), s.end(), text, label, null, terms));
        }
        return out;
    }

    /** A partial quote makes a sentence attributed when it has a speaker. */
    private static boolean covers(Quote q, Span s) {
        return q.speakerText() != null;
    }

    /** Scare-quoted words are the outlet distancing itself, not asserting. */
    private static boolean insideQuoteMarks(String text, int at) {
        int open = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '‘') {
                open++;
            } else if ((c == '”' || c == '’') && open > 0 && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1)))) {
                open--;
            }
        }
        return open > 0;
    }

    private static Pattern lexiconPattern(List<String> terms) {
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort((a, b) -> b.length() - a.length());
        return Pattern.compile("(?<![\\p{L}\\-])(?:" + String.join("|", sorted.stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}])");
    }
}
