package dev.newsfeed.impl.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.CalendarDocument;

/** Builds the calendar document of a month from the archive index. */
public final class CalendarBuilder {

    private CalendarBuilder() {}

    /**
     * @param base public base URL without trailing slash
     */
    public static CalendarDocument build(
            SiteSettings site, ArchiveIndex index, YearMonth month, Instant now, String base) {
        MonthCounts counts = index.month(month);
        String archive = base + site.archivePath() + "/";
        List<List<CalendarDocument.Cell>> weeks = new ArrayList<>(6);
        List<CalendarDocument.Day> days = new ArrayList<>();
        for (List<Integer> row : CalendarGrid.weeks(month, site.firstDayOfWeek())) {
            List<CalendarDocument.Cell> cells = new ArrayList<>(7);
            for (Integer day : row) {
                if (day == null) {
                    cells.add(null);
                    continue;
                }
                long count = counts.visible(day, now, site.zone());
                cells.add(new CalendarDocument.Cell(day, count));
                if (count > 0) {
                    LocalDate date = month.atDay(day);
                    days.add(new CalendarDocument.Day(date.toString(), count, archive + Dates.dayPath(date) + ".json"));
                }
            }
            weeks.add(cells);
        }
        return new CalendarDocument(
                month.toString(),
                site.zone().getId(),
                site.firstDayOfWeek().name(),
                CalendarGrid.weekdays(site.firstDayOfWeek(), site.locale()),
                weeks,
                days,
                link(site, index.previous(month, now, site.zone()), base),
                link(site, index.next(month, now, site.zone()), base));
    }

    private static CalendarDocument.MonthLink link(SiteSettings site, YearMonth month, String base) {
        return month == null
                ? null
                : new CalendarDocument.MonthLink(month.toString(), base + site.path() + ".calendar." + month + ".json");
    }
}
