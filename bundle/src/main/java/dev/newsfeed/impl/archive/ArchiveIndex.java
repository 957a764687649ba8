package dev.newsfeed.impl.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;

import org.jetbrains.annotations.Nullable;

/**
 * Read access to the archive index of one site: which months have articles with a publish date, and the counts of
 * one month. Answers the calendar's questions (counts, nearest months with published articles, when the answer
 * changes) with a bounded number of reads whatever the size of the archive.
 */
public interface ArchiveIndex {

    /** Months with at least one article with a publish date (published or scheduled), ascending. */
    List<YearMonth> months();

    /** The counts of a month; empty counts for a month without articles. */
    MonthCounts month(YearMonth month);

    /**
     * The live articles of a day in listing order, as last indexed; null when the index keeps none for the day
     * (the listing then reads the day's folder).
     */
    default @Nullable DayOrder day(LocalDate date) {
        return null;
    }

    /** The nearest month before {@code month} in which readers see an article at {@code now}, or null. */
    default @Nullable YearMonth previous(YearMonth month, Instant now, ZoneId zone) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        List<YearMonth> months = months();
        int i = Collections.binarySearch(months, month);
        for (int k = (i >= 0 ? i : -i - 1) - 1; k >= 0; k--) {
            YearMonth candidate = months.get(k);
            if (candidate.isBefore(current) || month(candidate).visibleTotal(now, zone) > 0) {
                return candidate; // a past month with articles: all of them are live
            }
        }
        return null;
    }

    /** The nearest month after {@code month} in which readers see an article at {@code now}, or null. */
    default @Nullable YearMonth next(YearMonth month, Instant now, ZoneId zone) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        List<YearMonth> months = months();
        int i = Collections.binarySearch(months, month);
        for (int k = i >= 0 ? i + 1 : -i - 1; k < months.size(); k++) {
            YearMonth candidate = months.get(k);
            if (candidate.isBefore(current)) {
                return candidate;
            }
            if (candidate.isAfter(current)) {
                return null; // every article of a later month is still scheduled
            }
            if (month(candidate).visibleTotal(now, zone) > 0) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The next moment after {@code now} when a scheduled article of the site goes live (and counts, listings and
     * the nearest-month links may change), or null when none is scheduled.
     */
    default @Nullable Instant nextGoingLive(Instant now, ZoneId zone) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        List<YearMonth> months = months();
        int i = Collections.binarySearch(months, current);
        for (int k = i >= 0 ? i : -i - 1; k < months.size(); k++) {
            Instant next = month(months.get(k)).nextGoingLive(now);
            if (next != null) {
                return next;
            }
        }
        return null;
    }
}
