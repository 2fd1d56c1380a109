package org.parallax.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LinePatternsTest {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Lines that hit the shipped cues, and lines that nearly do. */
    private static final List<String> CRAFTED = List.of(
            "Share this article", "Share on Facebook:", "share", "Shared values", "Tweet", "Email",
            "Liked it? Take a second to support us on Patreon!", "Please subscribe to our newsletter",
            "Sign up for our daily briefing", "Follow us on Twitter", "Click here to read more",
            "The views expressed are solely those of the author", "This does not necessarily reflect our policy",
            "Advertisement", "© 2024 Example Media", "Copyright 2019 all rights reserved", "All rights reserved.",
            "Skip to main content", "We use cookies to improve your experience", "Leave a Reply",
            "Post a comment", "Your email address will not be published. Required fields are marked *",
            "Notify of", "What do you think?", "Log in to comment", "Sign in or register to reply",
            "12 comments", "Comments (3):", "Join the discussion", "Sort by: Newest", "Reply", "Related",
            "Related Articles:", "You may also like", "More stories from Europe", "Read more: the budget vote",
            "Recommended for you", "More from the author", "Also read:", "Photo: Reuters", "Image credit Jane Roe",
            "Credit: AP", "By John Smith", "By the river the town slept", "Written by Ana Lima | March 3",
            "J.D.", "A. B. C.", "Posted by Anna on March 3, 2021 at 10:15 am", "2 hours ago",
            "Rosa said...", "john wrote:", "https://example.com/story read it", "By Sam (42) on the thread",
            "May 3, 2021", "03/05/2021", "Kim - Jan 4, 2020", "Mark | 4 March 2020 @sam", "10:15 PM EST",
            "It was 10:15pm when the sirens began", "SUPPORT US ON PATREON", "share this STORY",
            "Комментарии", "Поделиться", "İstanbul said", "ÉDITION SPÉCIALE");

    @Test
    void compiledLinesMatchExactlyWhatThePatternsMatch() throws IOException {
        List<String> patterns = shippedPatterns();
        List<String> lines = new ArrayList<>(CRAFTED);
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("parallax.root", ".."), "examples", "seeds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.readString(f).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
            }
        }
        List<String> variants = new ArrayList<>();
        for (String l : lines) {
            variants.add(l);
            variants.add(l.toUpperCase(Locale.ROOT));
            variants.add("And " + l);
            variants.add(l + " now");
        }
        int hits = 0;
        for (String p : patterns) {
            Pattern plain = Pattern.compile(p, FLAGS);
            LinePatterns compiled = LinePatterns.of(List.of(p));
            for (String line : variants) {
                boolean expected = plain.matcher(line).matches();
                assertThat(compiled.matches(line, LinePatterns.fold(line)))
                        .as("pattern %s on line %s", p, line).isEqualTo(expected);
                hits += expected ? 1 : 0;
            }
        }
        // Every pattern together, as the lexicon uses them, agrees too.
        LinePatterns all = LinePatterns.of(patterns);
        for (String line : variants) {
            boolean expected = patterns.stream().anyMatch(p -> Pattern.compile(p, FLAGS).matcher(line).matches());
            assertThat(all.matches(line, LinePatterns.fold(line))).as(line).isEqualTo(expected);
        }
        assertThat(hits).as("lines the patterns match").isGreaterThan(60);
    }

    @Test
    void requiredLiteralIsWhatEveryMatchContains() {
        assertThat(LinePatterns.requiredLiteral("^share( this( article)?)?:?$")).isEqualTo("share");
        assertThat(LinePatterns.requiredLiteral("^liked it\\?.*")).isEqualTo("liked it?");
        assertThat(LinePatterns.requiredLiteral("^(read|see) more.{0,80}$")).isEqualTo(" more");
        assertThat(LinePatterns.requiredLiteral("^(tweet|email)$")).isNull();
        assertThat(LinePatterns.requiredLiteral("^abc|^def")).isNull();
        assertThat(LinePatterns.requiredLiteral("colou?r")).isEqualTo("colo");
        assertThat(LinePatterns.requiredLiteral("\\p{Lu}\\.\\u00e9x{2,3}")).isEqualTo(".");
        assertThat(LinePatterns.requiredLiteral("\\p{Lu}\\u00e9x{2,3}")).isNull();
        assertThat(LinePatterns.requiredAnyOf("^(tweet|e-?mail)$")).containsExactly("tweet", "mail");
        assertThat(LinePatterns.requiredAnyOf("^(latest|top) (news|stories)")).containsExactly("news", "stories");
        assertThat(LinePatterns.requiredAnyOf("^(a|bc) x")).isNull();
        assertThat(LinePatterns.requiredAnyOf("(?!never)maybe")).containsExactly("maybe");
        assertThat(LinePatterns.requiredAnyOf("(?:abc)?de")).isNull();
        assertThat(LinePatterns.requiredLiteral("[abc]+ing the")).isEqualTo("ing the");
        assertThat(LinePatterns.requiredLiteral("\\Qa.b\\E")).isNull();
    }

    @Test
    void theFirstGroupThatMatchesWins() {
        LinePatterns p = LinePatterns.grouped(List.of(List.of("^share this$", "^\\d+ likes$"), List.of("^sha.*", ".*\\blikes\\b.*")));
        assertThat(p.first("Share this", "share this")).isZero();
        assertThat(p.first("12 likes", "12 likes")).isZero();
        assertThat(p.first("Shake", "shake")).isEqualTo(1);
        assertThat(p.first("she likes it", "she likes it")).isEqualTo(1);
        assertThat(p.first("nothing", "nothing")).isEqualTo(-1);
        assertThat(LinePatterns.of(List.<String>of()).matches("x", "x")).isFalse();
    }

    @Test
    void groupsBecomeNonCapturingOutsideClassesAndEscapes() {
        assertThat(LinePatterns.nonCapturing("(a)(?:b)\\(c\\)[(]")).isEqualTo("(?:a)(?:b)\\(c\\)[(]");
        assertThat(LinePatterns.anywhereCore(".*\\bsupport .* on patreon\\b.*")).isEqualTo("\\bsupport .* on patreon\\b");
        assertThat(LinePatterns.anywhereCore("^share.*")).isNull();
        assertThat(LinePatterns.anywhereCore(".*a|b.*")).isNull();
        assertThat(LinePatterns.testsCase("^\\p{Lu}\\.")).isTrue();
        assertThat(LinePatterns.testsCase("\\s[A-Z]{2}")).isTrue();
        assertThat(LinePatterns.testsCase("^by\\s+\\S+\\d")).isFalse();
    }

    private static List<String> shippedPatterns() throws IOException {
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> out = new ArrayList<>();
            root.path("linePatterns").forEach(kind -> kind.forEach(p -> out.add(p.asText())));
            root.path("commentMeta").path("patterns").forEach(p -> out.add(p.asText()));
            return out;
        }
    }
}
