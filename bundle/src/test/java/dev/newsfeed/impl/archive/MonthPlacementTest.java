package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

import dev.newsfeed.impl.content.Dates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An article at 00:30 and 23:30 local time on the first and last day of every month lands in that month and on
 * that day, in zones with DST (including Lord Howe's half-hour shift) and in the far east and west.
 */
class MonthPlacementTest {

    private static final java.util.function.Function<ZoneId, dev.newsfeed.impl.content.SiteSettings> SITE_IN =
            zone -> new dev.newsfeed.impl.content.SiteSettings(
                    "/content/newsfeed/s",
                    "S",
                    zone,
                    java.util.Locale.ENGLISH,
                    java.time.DayOfWeek.MONDAY,
                    null,
                    0,
                    "pre",
                    null);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Europe/Berlin",
                "America/New_York",
                "Australia/Lord_Howe",
                "Pacific/Kiritimati",
                "Pacific/Pago_Pago",
                "Asia/Yerevan",
                "UTC"
            })
    void filesLateAndEarlyArticlesInTheirLocalMonth(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        ZoneRules rules = zone.getRules();
        for (int year = 2020; year <= 2024; year++) {
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(year, month);
                for (LocalDate day : new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()}) {
                    for (LocalTime time : new LocalTime[] {LocalTime.of(0, 30), LocalTime.of(23, 30)}) {
                        LocalDateTime local = LocalDateTime.of(day, time);
                        // the instant computed from the offset the zone's rules give that local time
                        for (ZoneOffset offset : rules.getValidOffsets(local)) {
                            Instant instant = local.toInstant(offset);
                            LocalDate filed = Dates.localDate(instant, zone);
                            assertEquals(day, filed, () -> zoneId + " " + local + " " + instant);
                            assertEquals(ym, YearMonth.from(filed), () -> zoneId + " " + local);
                            assertEquals(
                                    Dates.dayPath(day),
                                    ArchiveClerk.parentFor(SITE_IN.apply(zone), instant)
                                            .substring("/content/newsfeed/s/articles/".length()));
                        }
                    }
                }
            }
        }
    }
}
