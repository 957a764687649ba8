package dev.newsfeed.impl.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    @ParameterizedTest
    @CsvSource({
        // instant (UTC),           zone,                  shown as,                    filed on
        "2022-01-31T21:30:00Z,      Asia/Yerevan,          2022-02-01T01:30:00+04:00,   2022-02-01",
        "2022-01-10T10:40:00Z,      Asia/Yerevan,          2022-01-10T14:40:00+04:00,   2022-01-10",
        "2022-03-27T00:30:00Z,      Europe/Berlin,         2022-03-27T01:30:00+01:00,   2022-03-27",
        "2022-03-27T01:30:00Z,      Europe/Berlin,         2022-03-27T03:30:00+02:00,   2022-03-27",
        "2022-11-06T05:30:00Z,      America/New_York,      2022-11-06T01:30:00-04:00,   2022-11-06",
        "2022-11-06T06:30:00Z,      America/New_York,      2022-11-06T01:30:00-05:00,   2022-11-06",
        "2021-12-31T10:30:00Z,      Pacific/Kiritimati,    2022-01-01T00:30:00+14:00,   2022-01-01",
        "2022-01-01T10:30:00Z,      Pacific/Pago_Pago,     2021-12-31T23:30:00-11:00,   2021-12-31",
        "2022-04-02T14:45:00Z,      Australia/Lord_Howe,   2022-04-03T01:45:00+11:00,   2022-04-03",
        "2022-04-02T15:15:00Z,      Australia/Lord_Howe,   2022-04-03T01:45:00+10:30,   2022-04-03",
        "2022-06-01T12:00:00.789Z,  UTC,                   2022-06-01T12:00:00Z,        2022-06-01",
    })
    void showsInstantsInTheSiteZoneAndFilesThemOnTheLocalDay(String instant, String zone, String shown, String day) {
        Instant at = Instant.parse(instant);
        ZoneId zoneId = ZoneId.of(zone);
        assertEquals(shown, Dates.format(at, zoneId));
        assertEquals(LocalDate.parse(day), Dates.localDate(at, zoneId));
    }

    @ParameterizedTest
    @CsvSource({
        "2022-02-01, 2022/02/01, 2022/02, 2022",
        "0999-12-31, 0999/12/31, 0999/12, 0999",
        "0001-01-05, 0001/01/05, 0001/01, 0001",
        "9999-10-10, 9999/10/10, 9999/10, 9999"
    })
    void buildsArchivePaths(String date, String day, String month, String year) {
        LocalDate d = LocalDate.parse(date);
        assertEquals(day, Dates.dayPath(d));
        assertEquals(month, Dates.monthPath(d));
        assertEquals(year, Dates.yearPath(d));
        assertEquals(d, Dates.localDate(d.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
    }
}
