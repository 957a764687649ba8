package dev.newsfeed.impl.archive;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The weeks of a month as a grid of 7 columns starting at a given weekday; days outside the month are null. */
public final class CalendarGrid {

    private CalendarGrid() {}

    /** Rows of 7 day numbers (1..length of month) or null. */
    public static List<List<Integer>> weeks(YearMonth month, DayOfWeek firstDayOfWeek) {
        int lead = Math.floorMod(month.atDay(1).getDayOfWeek().getValue() - firstDayOfWeek.getValue(), 7);
        int length = month.lengthOfMonth();
        List<List<Integer>> weeks = new ArrayList<>(6);
        List<Integer> row = new ArrayList<>(7);
        for (int i = 0; i < lead; i++) {
            row.add(null);
        }
        for (int day = 1; day <= length; day++) {
            row.add(day);
            if (row.size() == 7) {
                weeks.add(Collections.unmodifiableList(row));
                row = new ArrayList<>(7);
            }
        }
        if (!row.isEmpty()) {
            while (row.size() < 7) {
                row.add(null);
            }
            weeks.add(Collections.unmodifiableList(row));
        }
        return Collections.unmodifiableList(weeks);
    }

    /** Short weekday names in the site's language, in grid order. */
    public static List<String> weekdays(DayOfWeek firstDayOfWeek, Locale locale) {
        List<String> names = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            names.add(firstDayOfWeek.plus(i).getDisplayName(TextStyle.SHORT_STANDALONE, locale));
        }
        return names;
    }
}
