package dev.newsfeed.api;

import java.util.List;

import org.jetbrains.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The calendar of a Newsfeed site's current month (in the site's time zone) as a Sling Model: adapt a
 * {@code newsfeed/site} resource or a request for one. It holds the calendar document of
 * {@code {site}.calendar.json}, built by the same code; published articles only.
 *
 * @since dev.newsfeed.api 1.1.0
 */
@ProviderType
public interface CalendarModel {

    /** {@code YYYY-MM}. */
    String getMonth();

    String getTimeZone();

    String getFirstDayOfWeek();

    /** Short names of the weekdays in grid order. */
    List<String> getWeekdays();

    /** The month's grid: rows of seven cells, null outside the month. */
    List<List<Cell>> getWeeks();

    /** The days that have published articles. */
    List<Day> getDays();

    /** The nearest earlier month with published articles ({@code YYYY-MM}), or null. */
    @Nullable
    String getPreviousMonth();

    /** The nearest later month with published articles ({@code YYYY-MM}), or null. */
    @Nullable
    String getNextMonth();

    /** One cell of the grid. */
    @ProviderType
    interface Cell {
        int getDay();

        long getCount();
    }

    /** A day with published articles. */
    @ProviderType
    interface Day {
        /** {@code YYYY-MM-DD}. */
        String getDate();

        long getCount();

        /** The day's listing ({@code .../articles/YYYY/MM/DD.json}). */
        String getUrl();
    }
}
