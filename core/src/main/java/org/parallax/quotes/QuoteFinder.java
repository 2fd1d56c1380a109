package org.parallax.quotes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.model.Span;
import org.parallax.text.Annotated;
import org.parallax.text.TextAnnotation;

/**
 * Quotations of one article. Direct quotes are spans between double quote marks (straight,
 * curly, guillemets), running over paragraphs when a paragraph ends inside a quote and the
 * next one opens with a quote mark; single-quoted spans count as partial quotes. Each quote
 * gets its speaker from the attribution beside it ("…,” Berg said", "he added: “…"), else
 * from the previous paragraph's attribution when the whole paragraph is the quote.
 * Reported speech ("X said that …", "According to X, …", "…, the minister said") is found per
 * sentence. Pronouns and role nouns are resolved to the nearest compatible named person.
 */
final class QuoteFinder {
    /** What a speaker slot matched, before resolution. */
    record RawQuote(int start, int end, QuoteKind kind, int spkStart, int spkEnd, String spkText, String cue,
                    int paragraph) {
    }

    private final QuoteConfig config;
    private final Cues cues;
    private final Pattern afterPattern;
    private final Pattern afterInverted;
    private final Pattern speakerCue;
    private final Pattern accordingTo;
    private final Pattern trailingAttribution;
    private final Pattern trailingAccordingTo;
    private final Pattern afterDescribed;
    private final Pattern afterDash;
    private final Pattern speakerOnly;
    private final Pattern subjectCue;
    private final Pattern laterCue;
    private final Pattern parenthetical;
    private final Pattern relativeCue;
    private final Pattern cueAfterComma;
    private final Pattern anyCue;
    private final Pattern participleBefore;

    QuoteFinder(QuoteConfig config) {
        this.config = config;
        this.cues = config.cues();
        // A speaker phrase: a determiner or possessive, up to four modifiers, and a head noun
        // naming a person, role, organisation or source right before the verb ("the minister",
        // "the ad's narrator", "the IMF report").
        java.util.Set<String> heads = new java.util.TreeSet<>(cues.roleNouns);
        heads.addAll(cues.personNouns);
        heads.addAll(cues.sourceNouns);
        heads.addAll(cues.orgNouns);
        heads.addAll(cues.genderedWords.keySet());
        String headAlt = String.join("|", heads.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).toList());
        // A speaker starts a word: never "he" out of "the" ("the media's reports that …").
        String speaker = "(?<spk>(?<![\\p{L}\\p{N}'’-])(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Ii]ts|[Oo]ne|[Aa]nother|[Ss]ome|[Ss]everal"
                + "|[Mm]any|[Oo]ther|[Tt]hese|[Tt]hose|[Tt]wo|[Tt]hree|(?:" + Names.NAME + ")['’]s)"
                + " (?:[\\p{L}\\p{N}/.'’-]+ ){0,4}?(?i:" + headAlt + ")s?(?![\\p{L}])"
                // "officials said", "top black lawmakers said": a plural source without a determiner
                + "|(?<![\\p{L}])(?:\\p{Ll}[\\p{L}-]* ){0,2}?\\p{Ll}(?i:" + headAlt + ")s(?![\\p{L}])"
                + "|(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)(?![\\p{L}])"
                + "|" + Names.NAME + "))";
        String aux = "(?:(?i:" + cues.auxAlt + ") ){0,2}";
        String verb = "(?<cue>(?i:" + cues.verbAlt + "))(?![\\p{L}])";
        // "Jim Jordan (R-Ohio)", "Anna Berg, the party's leader,": a bracket or an apposition
        // between the speaker and the verb.
        String paren = "(?:\\s*\\([^()\\n]{1,40}\\))?";
        String apposition = "(?:,\\s*(?:(?i:an?|the|who|whose|one|his|her|its|their)\\s|\\p{Lu}[\\p{L}.]*['’]s\\s)[^\"“”\\n]{1,140}?,)?";
        afterPattern = Pattern.compile("^[\\s,.;:!?—–\"”’'»-]*" + speaker + paren + apposition + "\\s+" + aux + verb);
        // "said the ruling", "said 9/11 widow Terry Strada": a few words may describe the name.
        afterInverted = Pattern.compile("^[\\s,—–\"”’'»-]*" + verb + "\\s+(?:[\\p{L}\\p{N}/'’-]+\\s+){0,3}?" + speaker);
        speakerCue = Pattern.compile(speaker + paren + apposition + "\\s+" + aux + verb);
        accordingTo = Pattern.compile("(?i:according to)\\s+" + speaker);
        // "… Tulsa police Chief Chuck Jordan said", "… Scott Pruitt, the attorney general of
        // Oklahoma, said": a name after a few words of description, or before an apposition.
        afterDescribed = Pattern.compile("^[\\s,.;:!?—–\"”’'»-]*(?:[\\p{L}.'’-]+ ){0,4}?(?<spk>" + Names.NAME + ")"
                + paren + "(?:,[^\"“”\\n]{1,140}?,)?\\s+" + aux + verb);
        // "“…” ― Sonya Herridge": a signature after a dash, ending the line, paragraph or sentence.
        afterDash = Pattern.compile("^[\\s\"”’'»]*[―—–-]\\s*(?<spk>" + Names.NAME + ")\\s*(?:[,.\\n]|$)");
        speakerOnly = Pattern.compile(speaker);
        trailingAccordingTo = Pattern.compile(",\\s*(?i:according to)\\s+(?<spk>[^,;:\"“”]{2,160}?)\\s*[.!?]?\\s*$");
        relativeCue = Pattern.compile("(?<comma>,\\s*)?(?<![\\p{L}])(?<who>who|which|that)\\s+(?:(?i:" + cues.auxAlt
                + ")\\s+){0,2}(?<cue>(?i:" + cues.verbAlt + "))(?![\\p{L}])");
        cueAfterComma = Pattern.compile("^,\\s+(?:(?i:" + cues.auxAlt + ")\\s+){0,2}(?<cue>(?i:" + cues.verbAlt + "))(?![\\p{L}])");
        anyCue = Pattern.compile("(?i)\\b(?:" + cues.verbAlt + ")\\b");
        parenthetical = Pattern.compile(",\\s*" + speaker + paren + "\\s+" + aux + verb
                + "(?:\\s+[\\p{L}\\p{N}'’-]+){0,4}?\\s*,\\s*");
        laterCue = Pattern.compile("(?:,\\s*(?<cue>(?i:" + String.join("|", cues.participles) + "))"
                + "|\\s(?:and|but)\\s+" + aux + "(?<cue2>(?i:" + cues.verbAlt + ")))(?![\\p{L}])");
        subjectCue = Pattern.compile("^\\s*(?<subj>[^\"“”]{2,220}?)\\s+" + aux + verb);
        participleBefore = Pattern.compile("(?:,|\\bby)\\s*(?<cue>(?i:" + String.join("|", cues.participles) + "))"
                + "(?:\\s+(?:that|reporters|him|her|them|(?:the|a|an|his|her|their)\\s+[\\p{L}-]+))?\\s*[,:]?\\s*$");
        trailingAttribution = Pattern.compile(",\\s*" + speaker + paren + "\\s+" + aux + verb
                + "(?:\\s+[\\p{L}\\p{N}'’-]+){0,4}(?:\\s*[.!?]?\\s*$|\\s*,\\s*(?i:as|while|since|because|after|when|before"
                + "|adding|saying|noting|although|though|but|and|in|at|during)\\b)");
    }

    List<RawQuote> find(Annotated doc) {
        String body = doc.article().body();
        TextAnnotation t = doc.text();
        List<Span> spans = new ArrayList<>(doubleQuoted(body, t.paragraphs()));
        List<Span> singles = singleQuoted(body, t.paragraphs(), spans);
        List<RawQuote> out = new ArrayList<>();
        for (Span s : spans) {
            RawQuote q = attribute(body, t, s, false);
            if (q != null) {
                out.add(q);
            }
        }
        for (Span s : singles) {
            RawQuote q = attribute(body, t, s, true);
            if (q != null) {
                out.add(q);
            }
        }
        out.addAll(indirect(body, t, out));
        out.sort(Comparator.comparingInt(RawQuote::start));
        List<RawQuote> kept = new ArrayList<>();
        for (RawQuote q : inherit(body, t, out)) {
            // A few quoted words that nobody says, in a sentence without a cue, are a title
            // or a slogan (“Law and Order”), not a quotation.
            boolean titleLike = q.kind() == QuoteKind.DIRECT && q.spkText() == null
                    && countWords(body.substring(q.start(), q.end())) <= config.maxScareQuoteWords()
                    && !hasCue(around(body, sentenceSpan(t, q.start()), q.start(), q.end()));
            if (!titleLike) {
                kept.add(q);
            }
        }
        return kept;
    }

    private static Span sentenceSpan(TextAnnotation t, int offset) {
        int si = t.sentenceAt(offset);
        return si < 0 ? new Span(offset, offset) : t.sentences().get(si);
    }

    /**
     * Words a cue can be in: the part of {@code within} no further than {@link #CONTEXT}
     * characters from the quotation {@code [start, end)}. A "sentence" of a page without
     * punctuation can run for tens of thousands of characters; the cue patterns, tried at
     * every position, must not see all of it.
     */
    private static String around(String body, Span within, int start, int end) {
        int from = Math.max(within.start(), start - CONTEXT);
        int to = Math.min(within.end(), end + CONTEXT);
        return from >= to ? "" : body.substring(from, to);
    }

    /** Longer "sentences" are not read for reported speech, in characters. */
    static final int MAX_REPORTED_SENTENCE = 2000;

    /** How far from a quotation its speaker and cue are looked for, in characters. */
    static final int CONTEXT = 400;

    private static boolean isOpen(char c) {
        return c == '“' || c == '„' || c == '«';
    }

    private static boolean isClose(char c) {
        return c == '”' || c == '»';
    }

    /** Double-quoted spans (content offsets), joined across paragraphs when the quote goes on. */
    static List<Span> doubleQuoted(String body, List<Span> paragraphs) {
        List<Span> out = new ArrayList<>();
        int openAt = -1;
        int resumeAt = -1; // after the reopening mark of a paragraph that continues a quote
        for (int pi = 0; pi < paragraphs.size(); pi++) {
            Span p = paragraphs.get(pi);
            int markupEnd = -1;
            for (int i = Math.max(p.start(), resumeAt); i < p.end(); i++) {
                char c = body.charAt(i);
                if (c == '<' && openAt < 0) {
                    // Markup left in the text (<tweet author="...">): its attribute quotes are not quotations.
                    Matcher tag = MARKUP.matcher(body).region(i, p.end());
                    if (tag.lookingAt()) {
                        markupEnd = tag.end();
                    }
                }
                if (i < markupEnd) {
                    continue;
                }
                boolean straight = c == '"';
                boolean opens = isOpen(c) || (straight && openAt < 0 && opensHere(body, i, p));
                boolean closes = isClose(c) || (straight && openAt >= 0);
                if (openAt >= 0 && closes) {
                    addContent(body, openAt + 1, i, out);
                    openAt = -1;
                } else if (opens) {
                    if (openAt >= 0 && openAt >= p.start()) {
                        continue; // nested opening inside an open quote: keep the outer one
                    }
                    openAt = i;
                }
            }
            if (openAt >= 0) {
                // Paragraph ends inside a quote: it goes on only if the next paragraph reopens.
                boolean continues = pi + 1 < paragraphs.size()
                        && (isOpen(body.charAt(paragraphs.get(pi + 1).start()))
                            || body.charAt(paragraphs.get(pi + 1).start()) == '"');
                if (!continues) {
                    // Never closed: to the paragraph's end, or, when it opened in this paragraph
                    // and that is implausibly far, to the end of its first sentence.
                    int end = openAt >= p.start() ? unclosedEnd(body, openAt + 1, p.end()) : p.end();
                    addContent(body, openAt + 1, end, out);
                    openAt = -1;
                } else {
                    // Skip the reopening mark of the next paragraph; the quote runs on.
                    resumeAt = paragraphs.get(pi + 1).start() + 1;
                }
            }
        }
        return out;
    }

    /**
     * A quotation opened in a paragraph and never closed longer than this (characters) ends at
     * its first sentence end, not at the paragraph's end: a missing closing mark must not make
     * a whole article (a paragraph of it without breaks) one quote.
     */
    static final int MAX_UNCLOSED = 1500;

    static int unclosedEnd(String body, int from, int end) {
        if (end - from <= MAX_UNCLOSED) {
            return end;
        }
        int limit = from + MAX_UNCLOSED;
        for (int i = from; i < limit; i++) {
            char c = body.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(body.charAt(i + 1))) {
                return i + 1;
            }
        }
        int space = limit;
        while (space > from && !Character.isWhitespace(body.charAt(space))) {
            space--;
        }
        return space > from ? space : limit;
    }

    private static boolean opensHere(String body, int i, Span p) {
        boolean before = i == p.start() || !Character.isLetterOrDigit(body.charAt(i - 1));
        boolean after = i + 1 < p.end() && !Character.isWhitespace(body.charAt(i + 1));
        return before && after;
    }

    private static void addContent(String body, int s, int e, List<Span> out) {
        while (s < e && Character.isWhitespace(body.charAt(s))) {
            s++;
        }
        while (e > s && (Character.isWhitespace(body.charAt(e - 1)) || body.charAt(e - 1) == ',')) {
            e--;
        }
        if (e > s) {
            out.add(new Span(s, e));
        }
    }

    /** Single-quoted spans within a paragraph, outside double quotes; apostrophes are not marks. */
    static List<Span> singleQuoted(String body, List<Span> paragraphs, List<Span> doubles) {
        List<Span> out = new ArrayList<>();
        for (Span p : paragraphs) {
            int openAt = -1;
            for (int i = p.start(); i < p.end(); i++) {
                char c = body.charAt(i);
                if (c != '\'' && c != '‘' && c != '’') {
                    continue;
                }
                boolean prevLetter = i > p.start() && Character.isLetterOrDigit(body.charAt(i - 1));
                boolean nextLetter = i + 1 < p.end() && Character.isLetterOrDigit(body.charAt(i + 1));
                if (openAt < 0 && !prevLetter && nextLetter && c != '’') {
                    openAt = i;
                } else if (openAt < 0 && !prevLetter && nextLetter && c == '’' ) {
                    openAt = i; // some typesetters open with a right quote
                } else if (openAt >= 0 && !nextLetter && c != '‘') {
                    int s = openAt + 1;
                    int e = i;
                    openAt = -1;
                    Span sp = new Span(s, e);
                    if (e > s && doubles.stream().noneMatch(d -> d.overlaps(sp))) {
                        out.add(sp);
                    }
                }
            }
        }
        return out;
    }

    private RawQuote attribute(String body, TextAnnotation t, Span s, boolean single) {
        int si = t.sentenceAt(s.start());
        int sentStart = si >= 0 ? t.sentences().get(si).start() : s.start();
        int ei = t.sentenceAt(Math.max(s.start(), s.end() - 1));
        int pi = t.paragraphAt(s.start());
        Span para = pi >= 0 ? t.paragraphs().get(pi) : new Span(s.start(), s.end());
        int pe = t.paragraphAt(Math.max(s.start(), s.end() - 1));
        Span endPara = pe >= 0 ? t.paragraphs().get(pe) : para;
        // The sentence after the closing mark may be split off by the sentence breaker.
        int afterEnd = Math.min(endPara.end(), Math.max(ei >= 0 ? t.sentences().get(ei).end() : s.end(), s.end()) + 120);
        int closeAt = s.end(); // the after-pattern skips the closing mark and punctuation
        String after = body.substring(Math.min(closeAt, afterEnd), afterEnd);
        int beforeStart = Math.max(para.start(), Math.min(sentStart, s.start() - 1));
        if (s.start() - 1 - beforeStart > CONTEXT) {
            // Start the lead at a word boundary within reach of the quotation.
            int cut = s.start() - 1 - CONTEXT;
            while (cut < s.start() - 1 && !Character.isWhitespace(body.charAt(cut))) {
                cut++;
            }
            beforeStart = cut;
        }
        String before = body.substring(beforeStart, Math.max(beforeStart, s.start() - 1));
        int words = countWords(s.of(body));

        // Kind: a quote woven into the reporter's sentence is partial.
        String lead = before.stripTrailing();
        boolean integrated = !lead.isEmpty() && (Character.isLetterOrDigit(lead.charAt(lead.length() - 1))
                || THAT_COMMA.matcher(lead).find()); // "said that, “…”": a quote inside reported speech
        QuoteKind kind = single || integrated ? QuoteKind.PARTIAL : QuoteKind.DIRECT;

        Matcher m = afterPattern.matcher(after);
        int base = Math.min(closeAt, afterEnd);
        if (!m.find()) {
            m = afterInverted.matcher(after);
            if (!m.find()) {
                m = afterDescribed.matcher(after);
                if (!m.find()) {
                    m = afterDash.matcher(after);
                    if (!m.find()) {
                        m = null;
                    }
                }
            }
        }
        if (m == null && kind == QuoteKind.DIRECT && CONTINUES_LOWER.matcher(after).lookingAt()) {
            // "“You squeezed employees to the breaking point” to drive up the stock price": the
            // sentence goes on after the closing mark, so the quote is woven into it.
            kind = QuoteKind.PARTIAL;
        }
        if (m == null) {
            m = lastSpeakerCue(before);
            base = beforeStart;
            if (m == null) {
                m = lastMatch(accordingTo, before);
            }
            if (m == null && participleBefore.matcher(before).find()) {
                // "He then defended the remark, saying, “…”": the speaker is the clause's subject.
                Matcher cue = participleBefore.matcher(before);
                cue.find();
                Matcher subj = subject(before.substring(0, cue.start()));
                if (subj != null) {
                    return new RawQuote(s.start(), s.end(), kind, beforeStart + subj.start("spk"),
                            beforeStart + subj.end("spk"), subj.group("spk"), cue.group("cue").toLowerCase(Locale.ROOT), pi);
                }
            }
            if (m == null && kind == QuoteKind.DIRECT && before.stripTrailing().endsWith(":")) {
                // "He then listed the qualities: “…”": a clause whose subject opens the sentence
                // introduces the quotation.
                Matcher subj = subject(before);
                if (subj != null && subj.start() <= 2) {
                    return new RawQuote(s.start(), s.end(), kind, beforeStart + subj.start("spk"),
                            beforeStart + subj.end("spk"), subj.group("spk"), ":", pi);
                }
            }
        }
        boolean scare = words <= config.maxScareQuoteWords() && kind == QuoteKind.PARTIAL
                && !hasCue(around(body, new Span(sentStart, Math.max(sentStart, si >= 0 ? t.sentences().get(si).end() : s.end())),
                        s.start(), s.end()));
        if (scare || words == 0 || (kind == QuoteKind.PARTIAL && before.strip().toLowerCase(Locale.ROOT).endsWith("so-called"))) {
            return null;
        }
        if (m == null) {
            return new RawQuote(s.start(), s.end(), kind, -1, -1, null, null, pi);
        }
        String cue = groupOrNull(m, "cue");
        String cueText = cue != null ? cue.toLowerCase(Locale.ROOT) : m.pattern() == afterDash ? "—" : "according to";
        return new RawQuote(s.start(), s.end(), kind, base + m.start("spk"), base + m.end("spk"),
                m.group("spk"), cueText, pi);
    }

    private boolean hasCue(String sentence) {
        return firstSpeakerCue(sentence) != null || afterInverted.matcher(sentence).find()
                || accordingTo.matcher(sentence).find();
    }

    private static String groupOrNull(Matcher m, String g) {
        try {
            return m.group(g);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Matcher lastMatch(Pattern p, String s) {
        return lastMatch(p, s, m -> true);
    }

    /**
     * The last match of {@code p} in {@code s}, trying every start (matches may overlap), that
     * {@code ok} accepts; a fresh matcher positioned on it, or null.
     */
    private static Matcher lastMatch(Pattern p, String s, java.util.function.Predicate<Matcher> ok) {
        Matcher m = p.matcher(s);
        int found = -1;
        int from = 0;
        while (from <= s.length() && m.find(from)) {
            if (ok.test(m)) {
                found = m.start();
            }
            from = m.start() + 1;
        }
        if (found < 0) {
            return null;
        }
        Matcher last = p.matcher(s);
        last.find(found);
        return last;
    }

    /** Reported speech per sentence, skipping sentences mostly covered by quotes. */
    private List<RawQuote> indirect(String body, TextAnnotation t, List<RawQuote> quotes) {
        List<RawQuote> out = new ArrayList<>();
        for (Span sent : t.sentences()) {
            if (sent.length() > MAX_REPORTED_SENTENCE) {
                // A page's unpunctuated run (a list, a menu, a table) is not reported speech,
                // and the clause patterns would spend quadratic time on it.
                continue;
            }
            int covered = 0;
            for (RawQuote q : quotes) {
                if (q.kind() == QuoteKind.PARTIAL) {
                    continue; // quoted words inside a reported sentence: the sentence is still reported speech
                }
                int a = Math.max(q.start(), sent.start());
                int b = Math.min(q.end(), sent.end());
                covered += Math.max(0, b - a);
            }
            if (covered * 2 > sent.length()) {
                continue;
            }
            String text = sent.of(body);
            int pi = t.paragraphAt(sent.start());
            Matcher m = accordingTo.matcher(text);
            if (m.lookingAt() || (m.find() && m.start() == 0)) {
                int cs = skipPunct(text, m.end());
                addIndirect(out, sent, cs, text.length(), m, "according to", pi, body);
                continue;
            }
            m = trailingAccordingTo.matcher(text);
            if (m.find() && m.start() > 0) {
                // "…, according to the Tax Policy Center.": the sentence before it is the content
                addIndirect(out, sent, 0, m.start(), m, "according to", pi, body);
                continue;
            }
            m = trailingAttribution.matcher(text);
            if (m.find()) {
                addIndirect(out, sent, 0, m.start(), m, m.group("cue"), pi, body);
                continue;
            }
            m = parenthetical.matcher(text);
            if (m.find() && m.start() > 0 && namesSpeaker(m)) {
                // "Acts of protest, Mr. Obama said, are acts of patriotism": the attribution
                // interrupts the content, which is the two pieces around it (as PolNeAR marks a
                // discontinuous content); a subordinate clause after it is the reporter's own.
                int ss = sent.start() + m.start("spk");
                int se = sent.start() + m.end("spk");
                addIndirect(out, sent, 0, m.start(), ss, se, m.group("spk"), m.group("cue"), pi, body, 1);
                String rest = text.substring(m.end());
                if (!SUBORDINATE_START.matcher(rest.strip()).lookingAt()) {
                    addIndirect(out, sent, m.end(), text.length(), ss, se, m.group("spk"), m.group("cue"), pi, body, 1);
                }
                continue;
            }
            m = relativeCue.matcher(text);
            if (m.find() && !PASSIVE.matcher(m.group()).find()) {
                // "Podesta, who said the project was vetted, said …", "leaders who say the law
                // targets them": the relative clause reports what its antecedent said; it ends at
                // the comma closing the apposition, else with the sentence.
                int cs = contentStart(text, m.end());
                int ce = text.length();
                if (m.group("comma") != null) {
                    int close = text.indexOf(", ", cs);
                    if (close > cs) {
                        ce = close;
                    }
                }
                Matcher ante = lastSpeakerLike(text.substring(0, m.start()));
                if (ante != null) {
                    addIndirect(out, sent, cs, ce, sent.start() + ante.start("spk"), sent.start() + ante.end("spk"),
                            ante.group("spk"), m.group("cue"), pi, body);
                } else {
                    int ws = m.start("who");
                    addIndirect(out, sent, cs, ce, sent.start() + ws, sent.start() + m.end("who"), m.group("who"),
                            m.group("cue"), pi, body);
                }
                if (ce < text.length()) {
                    // the main clause after the apposition may report too ("…, said he was unaware")
                    Matcher main = firstSpeakerCue(text.substring(0, m.start()) + text.substring(ce));
                    if (main == null) {
                        Matcher again = cueAfterComma.matcher(text.substring(ce));
                        if (again.find() && ante != null) {
                            addIndirect(out, sent, contentStart(text, ce + again.end()), text.length(),
                                    sent.start() + ante.start("spk"), sent.start() + ante.end("spk"), ante.group("spk"),
                                    again.group("cue"), pi, body);
                        }
                    }
                }
                continue;
            }
            m = firstSpeakerCue(text);
            if (m != null && (m.start() <= 2 || shortIntro(text.substring(0, m.start())))) {
                addIndirect(out, sent, contentStart(text, m.end()), text.length(), m, m.group("cue"), pi, body);
                continue;
            }
            Matcher later = laterCue.matcher(text);
            if (later.find() && !(later.group("cue2") != null
                    && PASSIVE.matcher(text.substring(later.start(), later.start("cue2"))).find())) {
                // "He defended his wealth, saying that …", "Trump praised the plan and said it
                // …": reported by the subject of the sentence, after a second verb.
                Matcher subj = subject(text.substring(0, later.start()));
                if (subj != null && subj.start() <= 2) {
                    addIndirect(out, sent, contentStart(text, later.end()), text.length(), sent.start() + subj.start("spk"),
                            sent.start() + subj.end("spk"), subj.group("spk"),
                            later.group("cue") != null ? later.group("cue") : later.group("cue2"), pi, body);
                    continue;
                }
            }
            m = subjectCue.matcher(text);
            if (m.find()) {
                // "Ramil Carr, 31, a freelance photographer, said …", "Three-quarters of the
                // voters said …": the whole subject before the verb is the source.
                String subj = m.group("subj");
                int lead = text.length() - text.stripLeading().length();
                boolean passive = PASSIVE.matcher(text.substring(m.end("subj"), m.start("cue"))).find();
                if (!passive && plausibleSubject(subj)) {
                    Matcher name = speakerOnly.matcher(subj);
                    int ss = lead;
                    int se = lead + subj.strip().length();
                    String st = subj.strip();
                    // A full name in the subject names the speaker ("Ramil Carr, 31, a photographer";
                    // "The Swedish foreign minister Anna Berg"); else its first speaker words.
                    // After an opening phrase ("During a press conference with X, Berg said"),
                    // the words after the last comma are the subject.
                    int lastComma = subj.lastIndexOf(", ");
                    int from = lastComma >= 0 && countWords(subj.substring(lastComma)) <= 6 ? lastComma + 2 : 0;
                    Matcher full = NAME_RUN.matcher(subj).region(from, subj.length());
                    name.region(from, subj.length());
                    boolean named = false;
                    while (full.find()) {
                        Names.Split split = Names.split(full.group(), cues);
                        if (split != null && Names.tokens(split.name()).size() >= 2 && !Names.isPlace(split.name())
                                && !Names.isOrg(split.name(), cues)) {
                            ss = full.start() + split.nameOffset();
                            se = ss + split.name().length();
                            st = split.name();
                            named = true;
                            break;
                        }
                    }
                    while (!named && name.find()) {
                        String w = Names.lower(name.group("spk"));
                        // "Moscow: The Russian foreign minister …": a dateline or a place is no speaker
                        boolean dateline = subj.startsWith(":", name.end("spk")) || Names.isPlace(name.group("spk"));
                        if (!dateline && (cues.pronouns.containsKey(w) || !cues.notNames.contains(w))) {
                            ss = name.start("spk");
                            se = name.end("spk");
                            st = name.group("spk");
                            break;
                        }
                    }
                    addIndirect(out, sent, contentStart(text, m.end()), text.length(), sent.start() + ss,
                            sent.start() + se, st, m.group("cue"), pi, body);
                }
            }
        }
        return out;
    }

    /**
     * Where reported content starts after the cue: at "that" a few words on ("said on Monday
     * that …": the complementiser belongs to the content, as PARC and PolNeAR annotate it),
     * else after an optional colon.
     */
    private static int contentStart(String text, int cueEnd) {
        int cs = cueEnd;
        Matcher that = THAT_SOON.matcher(text.substring(cs));
        if (that.find() && !CLAUSE_WORD.matcher(text.substring(cs, cs + that.start(1))).find()) {
            return cs + that.start(1);
        }
        // "said Tuesday the …": time words after the cue belong to the report, not to what
        // was said.
        String rest = text.substring(cs);
        Matcher time = LEADING_TIME.matcher(rest);
        if (time.lookingAt()) {
            cs += time.end();
            rest = text.substring(cs);
        }
        Matcher colon = LEADING_COLON.matcher(rest);
        return colon.find() ? cs + colon.end() : cs;
    }

    private static final Pattern LEADING_TIME = Pattern.compile("\\s*(?:(?:on|last|this|early|late|earlier|later)\\s+)?"
            + "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|week|month|year)"
            + "(?:\\s+(?:morning|afternoon|evening|night))?\\b,?");


    /**
     * A sentence's subject as a source: a few words, no quotation, not an adverbial clause
     * ("When he said …"), not ending in a relative pronoun ("The man who said …"), and no
     * reporting verb of its own.
     */
    private boolean plausibleSubject(String subj) {
        String t = subj.replace('\u00a0', ' ').strip();
        if (t.isEmpty() || countWords(t) > 30 || t.indexOf('"') >= 0 || t.indexOf('“') >= 0 || t.indexOf('”') >= 0) {
            return false;
        }
        // "Megan Hester, senior associate at the institute," ending in a comma: an apposition
        boolean apposition = t.endsWith(",") && APPOSED.matcher(t).lookingAt();
        if (SUBORDINATE_START.matcher(t).lookingAt() || !apposition && RELATIVE_END.matcher(t).find()) {
            return false;
        }
        // "… fake news reports that", "the press claims": the cue word is a noun there.
        if (NOUN_BEFORE_CUE.matcher(t).find()) {
            return false;
        }
        return !anyCue.matcher(t).find();
    }

    /** Words after which a cue ending in -s ("reports", "claims") is a plural noun. */
    private static final Pattern NOUN_BEFORE_CUE = Pattern.compile("(?i)(?:\\bnews|\\bmedia|\\bpress|['’]s|\\bsuch|"
            + "\\bthese|\\bthose|\\bfake|\\bunconfirmed|\\brecent|\\bearlier)$");

    private static final Pattern SUBORDINATE_START = Pattern.compile(
            "(?i)(?:if|when|whenever|after|because|as|while|although|though|since|before|until|unless|once|whether|what|how|why|where|who|which|that|to|in|on|at|for|by|with|from|of|about|it|there|according|during|following|despite|amid|under|over|through|without|within|against|like|unlike)\\b");
    private static final Pattern APPOSED = Pattern.compile("(?:(?:The|the|A|a|An|an)\\s[^,]{1,60}|" + Names.NAME + "),\\s[^,]+(?:,\\s[^,]+)*,");
    private static final Pattern RELATIVE_END = Pattern.compile("(?i)\\b(?:who|which|that|whom|whose|what|where|when)\\s*$|,\\s*$");

    /**
     * The first speaker-and-cue match that names a speaker: not a capitalised sentence word
     * ("When asked …"), not the one asked ("X was asked").
     */
    private Matcher firstSpeakerCue(String text) {
        if (!cues.mayHaveCue(text)) {
            return null;
        }
        Matcher m = speakerCue.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            if (namesSpeaker(m)) {
                return m;
            }
            from = m.start() + 1;
        }
        return null;
    }

    /** The last words before a relative pronoun that can name a speaker (its antecedent). */
    private Matcher lastSpeakerLike(String clause) {
        return lastMatch(speakerOnly, clause, m -> {
            String lower = Names.lower(m.group("spk"));
            return !cues.pronouns.containsKey(lower) && !cues.notNames.contains(lower)
                    && clause.substring(m.end()).strip().replace(",", "").isEmpty();
        });
    }

    /** The first words in a clause that can name a speaker: a pronoun, a role phrase or a name. */
    private Matcher subject(String clause) {
        Matcher m = speakerOnly.matcher(clause);
        while (m.find()) {
            String lower = Names.lower(m.group("spk"));
            if (cues.pronouns.containsKey(lower) || !cues.notNames.contains(lower)) {
                return m;
            }
        }
        return null;
    }

    /** The last speaker-and-cue match in {@code text} that names a speaker. */
    private Matcher lastSpeakerCue(String text) {
        if (!cues.mayHaveCue(text)) {
            return null;
        }
        return lastMatch(speakerCue, text, this::namesSpeaker);
    }

    private boolean namesSpeaker(Matcher m) {
        String spk = m.group("spk");
        String lower = Names.lower(spk);
        if (!cues.pronouns.containsKey(lower) && cues.notNames.contains(lower)) {
            return false;
        }
        // "The group was described as …", "X was asked": the subject is spoken about, not speaking.
        String between = m.group().substring(m.end("spk") - m.start(), m.start("cue") - m.start());
        return !PASSIVE.matcher(between).find();
    }

    private static final Pattern NAME_RUN = Pattern.compile(Names.NAME);
    private static final Pattern CONTINUES_LOWER = Pattern.compile("[\"”»]\\s*\\p{Ll}");
    private static final Pattern PASSIVE = Pattern.compile("(?i)\\b(?:was|were|is|are|been|being)\\b");
    private static final Pattern MARKUP = Pattern.compile("</?[A-Za-z][\\w:-]*(?:\\s[^<>]{0,2000})?/?>");
    /** "said that, “…”", "a problem because, “…”": a quote continuing the reporter's clause. */
    private static final Pattern THAT_COMMA = Pattern.compile("\\b(?:that|because|since|although|though|if|when|whether|than|as)\\s*,$");
    private static final Pattern OWN_CLAUSE = Pattern.compile(",\\s+(?:though|although|while|whereas)\\s|;\\s"
            + "|,\\s+(?:and|but)\\s+(?:he|she|they|we)\\s"
            // ", but did not recommend …", ", and said it was …": a second verb of the subject's
            + "|,\\s+(?:and|but)\\s+(?:also\\s+|then\\s+)?(?:did|does|was|is|were|has|had|have|said|says|added|\\p{Ll}+ed)\\b");

    /** "said on Monday that", "told reporters at a rally that": the complementiser a few words on. */
    private static final Pattern THAT_SOON = Pattern.compile("^(?:\\s+[\\p{L}\\p{N}’',-]+){0,8}?\\s+(that)\\b");
    /** Words that start a clause of their own ("said he's sure that"): the content starts at the cue. */
    private static final Pattern CLAUSE_WORD = Pattern.compile(
            "(?i)\\b(?:he|she|it|they|we|i|you|there|is|was|are|were|has|had|have|would|will|could|can|should|may|might|must|do|does|did)\\b|['’](?:s|re|ve|ll|d)\\b");
    private static final Pattern LEADING_COLON = Pattern.compile("^\\s*:?");

    /** "On Monday, ", "In a statement, ": a few words ending in a comma before the speaker. */
    private static boolean shortIntro(String before) {
        String b = before.strip();
        if (LEADING_CONJUNCTION.matcher(b).matches()) {
            return true; // "But Trump said …", "And she added …"
        }
        if (!b.endsWith(",") || b.indexOf('"') >= 0 || b.indexOf('“') >= 0) {
            return false;
        }
        // "On Monday, …"; "When asked about the strikes on the city, …": an adverbial opening.
        return countWords(b) <= 6 || countWords(b) <= 25 && ADVERBIAL_OPENING.matcher(b).lookingAt();
    }

    private static final Pattern ADVERBIAL_OPENING = Pattern.compile(
            "(?i)(?:when|while|after|before|asked|speaking|responding|referring|commenting|talking|writing|"
                    + "in|at|on|during|following|addressing|answering|as)\\b");

    private static final Pattern LEADING_CONJUNCTION = Pattern.compile(
            "(?i)(?:but|and|yet|so|still|now|meanwhile|later|however|instead|also|then)(?:\\s*,)?");

    private static int skipPunct(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static void addIndirect(List<RawQuote> out, Span sent, int cs, int ce, Matcher m, String cue, int pi,
                                    String body) {
        addIndirect(out, sent, cs, ce, sent.start() + m.start("spk"), sent.start() + m.end("spk"), m.group("spk"),
                cue, pi, body);
    }

    private static void addIndirect(List<RawQuote> out, Span sent, int cs, int ce, int spkStart, int spkEnd,
                                    String spkText, String cue, int pi, String body) {
        addIndirect(out, sent, cs, ce, spkStart, spkEnd, spkText, cue, pi, body, 3);
    }

    private static void addIndirect(List<RawQuote> out, Span sent, int cs, int ce, int spkStart, int spkEnd,
                                    String spkText, String cue, int pi, String body, int minWords) {
        int s = sent.start() + cs;
        int e = sent.start() + ce;
        // ", though she admitted …", "; the ministry …": a clause of the reporter's own ends it
        Matcher own = OWN_CLAUSE.matcher(body).region(s, e);
        if (own.find()) {
            e = own.start();
        }
        while (s < e && Character.isWhitespace(body.charAt(s))) {
            s++;
        }
        while (e > s && ".!?, ".indexOf(body.charAt(e - 1)) >= 0) {
            e--;
        }
        if (countWords(body.substring(s, Math.max(s, e))) < minWords) {
            return;
        }
        out.add(new RawQuote(s, e, QuoteKind.INDIRECT, spkStart, spkEnd, spkText, cue.toLowerCase(Locale.ROOT), pi));
    }

    /**
     * A paragraph that is all quotation and names no speaker takes the speaker of the
     * previous paragraph's last attribution ("Berg noted…" followed by the quote).
     */
    private List<RawQuote> inherit(String body, TextAnnotation t, List<RawQuote> qs) {
        List<RawQuote> out = new ArrayList<>(qs.size());
        for (RawQuote q : qs) {
            // "“A,” said Caddell. “B”": a quote right after an attributed one in the same
            // paragraph continues it.
            if (q.spkText() == null && !out.isEmpty()) {
                RawQuote prev = out.get(out.size() - 1);
                if (prev.spkText() != null && prev.paragraph() == q.paragraph() && q.start() - prev.end() <= 200) {
                    out.add(new RawQuote(q.start(), q.end(), q.kind(), prev.spkStart(), prev.spkEnd(), prev.spkText(),
                            prev.cue(), q.paragraph()));
                    continue;
                }
            }
            if (q.spkText() == null && q.paragraph() > 0) {
                Span para = t.paragraphs().get(q.paragraph());
                boolean whole = q.start() - para.start() <= 2 && para.end() - q.end() <= 2;
                if (whole) {
                    RawQuote prev = lastAttributed(out, q.paragraph() - 1);
                    if (prev != null) {
                        out.add(new RawQuote(q.start(), q.end(), q.kind(), prev.spkStart(), prev.spkEnd(),
                                prev.spkText(), prev.cue(), q.paragraph()));
                        continue;
                    }
                    Span pp = t.paragraphs().get(q.paragraph() - 1);
                    Matcher m = lastMatch(speakerCue, pp.of(body));
                    if (m != null) {
                        out.add(new RawQuote(q.start(), q.end(), q.kind(), pp.start() + m.start("spk"),
                                pp.start() + m.end("spk"), m.group("spk"), m.group("cue").toLowerCase(Locale.ROOT),
                                q.paragraph()));
                        continue;
                    }
                }
            }
            out.add(q);
        }
        return out;
    }

    private static RawQuote lastAttributed(List<RawQuote> qs, int paragraph) {
        for (int i = qs.size() - 1; i >= 0; i--) {
            RawQuote q = qs.get(i);
            if (q.paragraph() == paragraph && q.spkText() != null) {
                return q;
            }
            if (q.paragraph() < paragraph) {
                break;
            }
        }
        return null;
    }

    static int countWords(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = Character.isLetterOrDigit(s.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }
}
