package dev.newsfeed.impl.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * The archive index as stored in the repository, below {@code /var/newsfeed/index} + the site's path:
 * <pre>
 * {index}                months (String[] "yyyy-MM", ascending), timeZone, version, updated
 * {index}/yyyy/MM        days (Long[] one per day of the month), scheduled (Long[] epoch millis), updated
 * {index}/yyyy/MM/dd     times (Long[] epoch millis), ids, names (String[]): the day's live articles in order
 * </pre>
 * Reads are memoized for the life of the object (one request).
 */
public final class ResourceArchiveIndex implements ArchiveIndex {

    public static final String ROOT = "/var/newsfeed/index";

    static final String PN_MONTHS = "months";
    static final String PN_DAYS = "days";
    static final String PN_SCHEDULED = "scheduled";
    static final String PN_UPDATED = "updated";
    static final String PN_TIME_ZONE = "timeZone";
    static final String PN_VERSION = "version";
    static final String PN_ORDER_TIMES = "times";
    static final String PN_ORDER_IDS = "ids";
    static final String PN_ORDER_NAMES = "names";

    /** Bumped when the stored layout changes: an index of another version is rebuilt. 2: the days' order. */
    public static final long VERSION = 2;

    private final ResourceResolver resolver;
    private final String indexPath;
    private List<YearMonth> months;
    private final Map<YearMonth, MonthCounts> cache = new HashMap<>();

    public ResourceArchiveIndex(ResourceResolver resolver, String sitePath) {
        this.resolver = resolver;
        this.indexPath = indexPath(sitePath);
    }

    public static String indexPath(String sitePath) {
        return ROOT + sitePath;
    }

    static String monthPath(String indexPath, YearMonth month) {
        return indexPath + "/" + String.format("%04d/%02d", month.getYear(), month.getMonthValue());
    }

    @Override
    public List<YearMonth> months() {
        if (months == null) {
            Resource root = resolver.getResource(indexPath);
            months = root == null
                    ? List.of()
                    : parsedMonths(indexPath, root.getValueMap().get(PN_MONTHS, String[].class));
        }
        return months;
    }

    /** The stored list and its parsed form, per index. */
    private record Parsed(String[] stored, List<YearMonth> months) {}

    /** Sites of one instance; more and the memo starts over. */
    private static final int MAX_PARSED = 1_000;

    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    /**
     * Parsing and sorting the list of months was a quarter of a calendar request on a 26-year archive. The parsed
     * list is reused while the stored list is equal, compared value by value: a change made anywhere in the
     * cluster is seen on the next read.
     */
    static List<YearMonth> parsedMonths(String indexPath, @Nullable String[] stored) {
        if (stored == null) {
            return List.of();
        }
        Parsed parsed = PARSED.get(indexPath);
        if (parsed != null && Arrays.equals(parsed.stored(), stored)) {
            return parsed.months();
        }
        List<YearMonth> months = parseMonths(stored);
        if (PARSED.size() >= MAX_PARSED) {
            PARSED.clear();
        }
        PARSED.put(indexPath, new Parsed(stored.clone(), months));
        return months;
    }

    static String dayPath(String indexPath, LocalDate date) {
        return monthPath(indexPath, YearMonth.from(date)) + String.format("/%02d", date.getDayOfMonth());
    }

    @Override
    public @Nullable DayOrder day(LocalDate date) {
        return readOrder(resolver.getResource(dayPath(indexPath, date)));
    }

    static @Nullable DayOrder readOrder(@Nullable Resource resource) {
        if (resource == null) {
            return null;
        }
        ValueMap props = resource.getValueMap();
        long[] times = toLongs(props.get(PN_ORDER_TIMES, Long[].class));
        String[] ids = props.get(PN_ORDER_IDS, String[].class);
        String[] names = props.get(PN_ORDER_NAMES, String[].class);
        if (ids == null || names == null || ids.length != times.length || names.length != times.length) {
            return null; // not one the indexer wrote: the listing reads the day itself
        }
        return new DayOrder(times, ids, names);
    }

    @Override
    public MonthCounts month(YearMonth month) {
        return cache.computeIfAbsent(month, m -> read(resolver.getResource(monthPath(indexPath, m)), m));
    }

    /** When the index of the site was last changed (a month appeared or disappeared, or it was rebuilt). */
    public @Nullable Instant updated() {
        Resource root = resolver.getResource(indexPath);
        return root == null ? null : instant(root.getValueMap().get(PN_UPDATED, Calendar.class));
    }

    /** Whether the index exists in the current layout for this time zone. */
    public boolean isCurrent(String zoneId) {
        Resource root = resolver.getResource(indexPath);
        if (root == null) {
            return false;
        }
        ValueMap props = root.getValueMap();
        return props.get(PN_VERSION, 0L) == VERSION && zoneId.equals(props.get(PN_TIME_ZONE, String.class));
    }

    static MonthCounts read(@Nullable Resource resource, YearMonth month) {
        if (resource == null) {
            return MonthCounts.empty(month);
        }
        ValueMap props = resource.getValueMap();
        long[] days = toLongs(props.get(PN_DAYS, Long[].class));
        long[] scheduled = toLongs(props.get(PN_SCHEDULED, Long[].class));
        return new MonthCounts(month, days, scheduled, instant(props.get(PN_UPDATED, Calendar.class)));
    }

    static List<YearMonth> parseMonths(@Nullable String[] values) {
        if (values == null) {
            return List.of();
        }
        List<YearMonth> result = new ArrayList<>(values.length);
        for (String v : values) {
            YearMonth m = MonthParam.parse(v);
            if (m != null) {
                result.add(m);
            }
        }
        Collections.sort(result);
        return List.copyOf(result);
    }

    private static long[] toLongs(@Nullable Long[] values) {
        if (values == null) {
            return new long[0];
        }
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] == null ? 0 : values[i];
        }
        return result;
    }

    private static @Nullable Instant instant(@Nullable Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }
}
