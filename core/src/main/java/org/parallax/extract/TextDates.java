package org.parallax.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates written in text: "May 3, 2013", "3rd May 2013", "Dec. 7, 2009", "2013-05-03"
 * (also as the start of a timestamp). Only complete dates with a four-digit year count; a
 * day that does not exist ("February 31") is no date.
 */
public final class TextDates {
    private static final String MONTHS = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern TEXT_DATE = Pattern.compile(
            "(?i)\\b(?:" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b"
                    + "|(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTHS + ",?\\s+((?:19|20)\\d\\d)\\b"
                    + "|((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)(?!\\d))");
    private static final List<String> MONTH_KEYS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    private TextDates() {
    }

    /** The first valid date in {@code text}, or null. */
    public static LocalDate first(CharSequence text) {
        Matcher m = TEXT_DATE.matcher(text);
        while (m.find()) {
            LocalDate d = toDate(m);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static LocalDate toDate(Matcher m) {
        try {
            if (m.group(1) != null) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if (m.group(4) != null) {
                return LocalDate.of(Integer.parseInt(m.group(6)), month(m.group(5)), Integer.parseInt(m.group(4)));
            }
            return LocalDate.of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int month(String s) {
        return MONTH_KEYS.indexOf(s.toLowerCase(Locale.ROOT).substring(0, 3)) + 1;
    }
}
