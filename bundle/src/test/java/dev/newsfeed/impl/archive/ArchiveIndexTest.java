package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ArchiveIndexTest {

    private static final ZoneId YEREVAN = ZoneId.of("Asia/Yerevan");
    private static final Instant NOW = Instant.parse("2022-03-15T12:00:00Z");

    private final MemoryIndex index = new MemoryIndex(YEREVAN, NOW)
            .add("2019-06-01T10:00:00+04:00")
            .add("2021-12-03T09:15:00+04:00")
            .add("2022-01-10T14:40:00+04:00")
            .add("2022-02-01T01:30:00+04:00") // January 31 in UTC
            .add("2022-03-01T08:00:00+04:00")
            .add("2022-03-20T08:00:00+04:00") // later this month: scheduled
            .add("2022-05-01T08:00:00+04:00"); // a future month

    @Test
    void linksTheNearestMonthsWithPublishedArticles() {
        assertEquals(YearMonth.of(2021, 12), index.previous(YearMonth.of(2022, 1), NOW, YEREVAN));
        assertEquals(YearMonth.of(2022, 2), index.next(YearMonth.of(2022, 1), NOW, YEREVAN));
    }

    @Test
    void skipsEmptyMonthsAndYears() {
        assertEquals(YearMonth.of(2019, 6), index.previous(YearMonth.of(2021, 12), NOW, YEREVAN));
        assertEquals(YearMonth.of(2021, 12), index.next(YearMonth.of(2019, 6), NOW, YEREVAN));
        assertEquals(YearMonth.of(2021, 12), index.next(YearMonth.of(2020, 1), NOW, YEREVAN));
    }

    @Test
    void hasNoLinkBeyondEitherEnd() {
        assertNull(index.previous(YearMonth.of(2019, 6), NOW, YEREVAN));
        assertNull(index.previous(YearMonth.of(1999, 1), NOW, YEREVAN));
        // May 2022 only has a scheduled article: March is the last month readers can open
        assertNull(index.next(YearMonth.of(2022, 3), NOW, YEREVAN));
        assertEquals(YearMonth.of(2022, 3), index.previous(YearMonth.of(2022, 5), NOW, YEREVAN));
    }

    @Test
    void countsOnlyWhatIsPublishedAtTheMoment() {
        MonthCounts march = index.month(YearMonth.of(2022, 3));
        assertEquals(2, march.total());
        assertEquals(1, march.visibleTotal(NOW, YEREVAN));
        assertEquals(0, march.visible(20, NOW, YEREVAN));
        Instant goesLive = Instant.parse("2022-03-20T04:00:00Z");
        assertEquals(goesLive, index.nextGoingLive(NOW, YEREVAN));
        assertEquals(1, march.visible(20, goesLive, YEREVAN));
        assertEquals(Instant.parse("2022-05-01T04:00:00Z"), index.nextGoingLive(goesLive, YEREVAN));
    }

    @Test
    void fileAnArticleAfterMidnightOnTheLocalDay() {
        MonthCounts february = index.month(YearMonth.of(2022, 2));
        assertEquals(1, february.visible(1, NOW, YEREVAN));
        assertEquals(0, index.month(YearMonth.of(2022, 1)).visible(31, NOW, YEREVAN));
    }

    @Test
    void aMonthWithOnlyAScheduledArticleIsNotLinkedUntilItGoesLive() {
        MemoryIndex onlyScheduled =
                new MemoryIndex(YEREVAN, NOW).add("2022-01-10T14:40:00+04:00").add("2022-03-25T08:00:00+04:00");
        assertNull(onlyScheduled.next(YearMonth.of(2022, 1), NOW, YEREVAN));
        Instant later = Instant.parse("2022-03-25T05:00:00Z");
        assertEquals(YearMonth.of(2022, 3), onlyScheduled.next(YearMonth.of(2022, 1), later, YEREVAN));
    }

    @Test
    void reusesTheParsedMonthListOnlyWhileTheStoredOneIsEqual() {
        String index = "/var/newsfeed/index/content/newsfeed/parsed-test";
        String[] stored = {"2022-01", "2021-12", "not-a-month"};
        java.util.List<YearMonth> first = ResourceArchiveIndex.parsedMonths(index, stored);
        assertEquals(java.util.List.of(YearMonth.of(2021, 12), YearMonth.of(2022, 1)), first);
        stored[0] = "2023-05"; // the caller's array changing does not change what was remembered
        java.util.List<YearMonth> again =
                ResourceArchiveIndex.parsedMonths(index, new String[] {"2022-01", "2021-12", "not-a-month"});
        org.junit.jupiter.api.Assertions.assertSame(first, again);
        assertEquals(
                java.util.List.of(YearMonth.of(2021, 12), YearMonth.of(2023, 5)),
                ResourceArchiveIndex.parsedMonths(index, stored));
        assertEquals(java.util.List.of(), ResourceArchiveIndex.parsedMonths(index, null));
        assertEquals(
                java.util.List.of(YearMonth.of(2021, 12), YearMonth.of(2022, 1)),
                ResourceArchiveIndex.parsedMonths(index + "-other", new String[] {"2022-01", "2021-12"}));
    }
}
