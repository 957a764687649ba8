package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

class CalendarGridTest {

    /**
     * Every month of 1999-2031 with every first day of the week, against a grid built independently with
     * java.util.GregorianCalendar (its own leap-year and weekday arithmetic, not java.time's).
     */
    @Test
    void matchesAnIndependentComputationForEveryMonthAndFirstDay() {
        int checked = 0;
        for (int year = 1999; year <= 2031; year++) {
            for (int month = 1; month <= 12; month++) {
                for (DayOfWeek first : DayOfWeek.values()) {
                    List<List<Integer>> weeks = CalendarGrid.weeks(YearMonth.of(year, month), first);
                    assertEquals(gregorianGrid(year, month, first), weeks, year + "-" + month + " " + first);
                    checked++;
                }
            }
        }
        assertEquals(33 * 12 * 7, checked);
    }

    @Test
    void january2022StartsOnSaturdayInAMondayFirstGrid() {
        List<List<Integer>> weeks = CalendarGrid.weeks(YearMonth.of(2022, 1), DayOfWeek.MONDAY);
        assertEquals(Arrays.asList(null, null, null, null, null, 1, 2), weeks.get(0));
        assertEquals(Arrays.asList(31, null, null, null, null, null, null), weeks.get(5));
        assertEquals(6, weeks.size());
    }

    @Test
    void countsLeapDays() {
        assertEquals(29, last(CalendarGrid.weeks(YearMonth.of(2000, 2), DayOfWeek.MONDAY)));
        assertEquals(29, last(CalendarGrid.weeks(YearMonth.of(2024, 2), DayOfWeek.SUNDAY)));
        assertEquals(28, last(CalendarGrid.weeks(YearMonth.of(2100, 2), DayOfWeek.MONDAY)));
        assertEquals(28, last(CalendarGrid.weeks(YearMonth.of(2023, 2), DayOfWeek.MONDAY)));
        // February 2021 starts on a Monday and has 28 days: exactly four rows in a Monday-first grid
        assertEquals(
                4, CalendarGrid.weeks(YearMonth.of(2021, 2), DayOfWeek.MONDAY).size());
    }

    @Test
    void namesWeekdaysInTheSiteLanguageFromTheFirstDay() {
        assertEquals(
                List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
                CalendarGrid.weekdays(DayOfWeek.MONDAY, Locale.ENGLISH));
        assertEquals(
                "Sun", CalendarGrid.weekdays(DayOfWeek.SUNDAY, Locale.ENGLISH).get(0));
        List<String> de = CalendarGrid.weekdays(DayOfWeek.MONDAY, Locale.GERMAN);
        assertEquals("Mo", de.get(0));
        List<String> ru = CalendarGrid.weekdays(DayOfWeek.MONDAY, Locale.forLanguageTag("ru"));
        assertEquals("пн", ru.get(0).toLowerCase(Locale.ROOT));
        List<String> hy = CalendarGrid.weekdays(DayOfWeek.MONDAY, Locale.forLanguageTag("hy"));
        assertTrue(
                hy.get(0)
                        .codePoints()
                        .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARMENIAN),
                hy.get(0));
    }

    private static int last(List<List<Integer>> weeks) {
        return weeks.stream()
                .flatMap(List::stream)
                .filter(d -> d != null)
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
    }

    private static List<List<Integer>> gregorianGrid(int year, int month, DayOfWeek first) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.clear();
        calendar.set(year, month - 1, 1);
        int length = calendar.getActualMaximum(GregorianCalendar.DAY_OF_MONTH);
        // GregorianCalendar: SUNDAY=1 .. SATURDAY=7; DayOfWeek: MONDAY=1 .. SUNDAY=7
        int firstOfMonth = calendar.get(GregorianCalendar.DAY_OF_WEEK);
        int firstColumn = first.getValue() % 7 + 1;
        int blanks = (firstOfMonth - firstColumn + 7) % 7;
        List<Integer> cells = new ArrayList<>();
        for (int i = 0; i < blanks; i++) {
            cells.add(null);
        }
        for (int d = 1; d <= length; d++) {
            cells.add(d);
        }
        while (cells.size() % 7 != 0) {
            cells.add(null);
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i += 7) {
            rows.add(cells.subList(i, i + 7));
        }
        return rows;
    }
}
