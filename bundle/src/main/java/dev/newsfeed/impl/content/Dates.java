package dev.newsfeed.impl.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.jetbrains.annotations.Nullable;

/** Time-zone arithmetic of the archive: how an instant is shown and where it is filed. */
public final class Dates {

    /** ISO-8601 with the site's offset and whole seconds, e.g. {@code 2022-01-10T14:40:00+04:00}. */
    private static final DateTimeFormatter OFFSET_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private Dates() {}

    public static String format(Instant instant, ZoneId zone) {
        return OFFSET_SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    public static @Nullable String format(@Nullable Calendar calendar, ZoneId zone) {
        return calendar == null ? null : format(calendar.toInstant(), zone);
    }

    /** A repository date value (UTC) for an instant. */
    public static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    /** The local date of an instant in the site's zone: the day folder the article belongs in. */
    public static LocalDate localDate(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    /** {@code yyyy/MM/dd} below the archive root. */
    public static String dayPath(LocalDate date) {
        return pad(
                        pad(pad(new StringBuilder(10), date.getYear(), 4).append('/'), date.getMonthValue(), 2)
                                .append('/'),
                        date.getDayOfMonth(),
                        2)
                .toString();
    }

    public static String monthPath(LocalDate date) {
        return pad(pad(new StringBuilder(7), date.getYear(), 4).append('/'), date.getMonthValue(), 2)
                .toString();
    }

    public static String yearPath(LocalDate date) {
        return pad(new StringBuilder(4), date.getYear(), 4).toString();
    }

    /** Appends a non-negative number zero-padded to at least {@code width} digits (what {@code %0Nd} does). */
    static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
