package dev.newsfeed.impl.archive;

import java.time.YearMonth;
import java.util.regex.Pattern;

/** Parses the {@code YYYY-MM} selector of a calendar: four-digit year 0001..9999, two-digit month. */
public final class MonthParam {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})");

    private MonthParam() {}

    /** The month, or null when the text is not a valid month. */
    public static YearMonth parse(String text) {
        if (text == null) {
            return null;
        }
        var m = FORMAT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (year < 1 || month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(year, month);
    }
}
