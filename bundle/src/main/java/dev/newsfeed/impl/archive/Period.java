package dev.newsfeed.impl.archive;

import java.time.LocalDate;
import java.time.YearMonth;

import dev.newsfeed.impl.content.SiteSettings;
import org.jetbrains.annotations.Nullable;

/** The stretch of the archive an archive folder stands for: all of it, a year, a month or a day (inclusive). */
public record Period(String label, @Nullable LocalDate first, @Nullable LocalDate last) {

    public static final Period ALL = new Period("all", null, null);

    /** The period of an archive folder, or null when the path is not the archive root or a year/month/day folder. */
    public static @Nullable Period of(SiteSettings site, String folderPath) {
        if (folderPath.equals(site.archivePath())) {
            return ALL;
        }
        String prefix = site.archivePath() + "/";
        if (!folderPath.startsWith(prefix)) {
            return null;
        }
        String[] parts = folderPath.substring(prefix.length()).split("/");
        try {
            if (parts.length == 1 && parts[0].matches("\\d{4}")) {
                int year = Integer.parseInt(parts[0]);
                return new Period(parts[0], LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if (parts.length == 2 && parts[0].matches("\\d{4}") && parts[1].matches("\\d{2}")) {
                YearMonth month = YearMonth.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                return new Period(month.toString(), month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = ArchiveClerk.dayOf(site, folderPath);
            if (parts.length == 3 && day != null) {
                return new Period(day.toString(), day, day);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    public boolean contains(LocalDate date) {
        return (first == null || !date.isBefore(first)) && (last == null || !date.isAfter(last));
    }

    public boolean contains(YearMonth month) {
        return (first == null || !month.isBefore(YearMonth.from(first)))
                && (last == null || !month.isAfter(YearMonth.from(last)));
    }
}
