package dev.newsfeed.impl.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An archive index held in memory, filled with publish instants the way the clerk would index them. */
final class MemoryIndex implements ArchiveIndex {

    private final Map<YearMonth, MonthCounts> months = new TreeMap<>();
    private final ZoneId zone;
    private final Instant indexedAt;

    MemoryIndex(ZoneId zone, Instant indexedAt) {
        this.zone = zone;
        this.indexedAt = indexedAt;
    }

    MemoryIndex add(Instant published) {
        LocalDate day = published.atZone(zone).toLocalDate();
        YearMonth month = YearMonth.from(day);
        MonthCounts counts = month(month);
        long[] ahead = published.isAfter(indexedAt) ? new long[] {published.toEpochMilli()} : new long[0];
        long[] previousAhead = java.util.Arrays.stream(counts.scheduled())
                .filter(s -> Instant.ofEpochMilli(s).atZone(zone).toLocalDate().equals(day))
                .toArray();
        long[] merged = java.util.stream.LongStream.concat(
                        java.util.Arrays.stream(previousAhead), java.util.Arrays.stream(ahead))
                .toArray();
        months.put(month, counts.withDay(day, counts.days()[day.getDayOfMonth() - 1] + 1, merged, zone, indexedAt));
        return this;
    }

    MemoryIndex add(String offsetDateTime) {
        return add(java.time.OffsetDateTime.parse(offsetDateTime).toInstant());
    }

    @Override
    public List<YearMonth> months() {
        return new ArrayList<>(months.keySet());
    }

    @Override
    public MonthCounts month(YearMonth month) {
        return months.getOrDefault(month, MonthCounts.empty(month));
    }
}
