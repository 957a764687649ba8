package dev.newsfeed.impl.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;

import org.jetbrains.annotations.Nullable;

/**
 * The archive index of one month: per day the number of articles with a publish date (published or scheduled),
 * and the publish instants of those that were still in the future when the day was last indexed. The number of
 * articles a reader sees on a day at a moment is the first minus those of the second still ahead: no write is
 * needed when a scheduled article goes live.
 */
public record MonthCounts(YearMonth month, long[] days, long[] scheduled, @Nullable Instant updated) {

    public MonthCounts {
        if (days.length != month.lengthOfMonth()) {
            days = Arrays.copyOf(days, month.lengthOfMonth());
        }
        scheduled = scheduled.clone();
        Arrays.sort(scheduled);
    }

    public static MonthCounts empty(YearMonth month) {
        return new MonthCounts(month, new long[month.lengthOfMonth()], new long[0], null);
    }

    /** Articles of a day (1-based) that readers see at {@code now}. */
    public long visible(int day, Instant now, ZoneId zone) {
        long count = days[day - 1];
        if (count == 0) {
            return 0;
        }
        long millis = now.toEpochMilli();
        for (long s : scheduled) {
            if (s > millis && Instant.ofEpochMilli(s).atZone(zone).getDayOfMonth() == day) {
                count--;
            }
        }
        return Math.max(0, count);
    }

    public long visibleTotal(Instant now, ZoneId zone) {
        long total = 0;
        for (int day = 1; day <= days.length; day++) {
            total += visible(day, now, zone);
        }
        return total;
    }

    /** Articles with a publish date in the month, scheduled ones included. */
    public long total() {
        long total = 0;
        for (long d : days) {
            total += d;
        }
        return total;
    }

    /** The next moment after {@code now} when an article of this month goes live, or null. */
    public @Nullable Instant nextGoingLive(Instant now) {
        long millis = now.toEpochMilli();
        for (long s : scheduled) {
            if (s > millis) {
                return Instant.ofEpochMilli(s);
            }
        }
        return null;
    }

    /** The latest moment at or before {@code now} when a scheduled article of this month went live, or null. */
    public @Nullable Instant lastWentLive(Instant now) {
        long millis = now.toEpochMilli();
        Instant last = null;
        for (long s : scheduled) {
            if (s <= millis) {
                last = Instant.ofEpochMilli(s);
            }
        }
        return last;
    }

    /** A copy with one day's figures replaced: its count and the instants of its articles still ahead. */
    public MonthCounts withDay(LocalDate date, long count, long[] scheduledOfDay, ZoneId zone, Instant updated) {
        int day = date.getDayOfMonth();
        long[] newDays = days.clone();
        newDays[day - 1] = count;
        long[] kept = Arrays.stream(scheduled)
                .filter(s -> !Instant.ofEpochMilli(s).atZone(zone).toLocalDate().equals(date))
                .toArray();
        long[] merged = Arrays.copyOf(kept, kept.length + scheduledOfDay.length);
        System.arraycopy(scheduledOfDay, 0, merged, kept.length, scheduledOfDay.length);
        return new MonthCounts(month, newDays, merged, updated);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonthCounts other
                && month.equals(other.month)
                && Arrays.equals(days, other.days)
                && Arrays.equals(scheduled, other.scheduled);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * month.hashCode() + Arrays.hashCode(days)) + Arrays.hashCode(scheduled);
    }

    @Override
    public String toString() {
        return "MonthCounts[" + month + " days=" + Arrays.toString(days) + " scheduled=" + Arrays.toString(scheduled)
                + "]";
    }
}
