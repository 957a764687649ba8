package dev.newsfeed.impl.archive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import dev.newsfeed.impl.paging.Cursor;
import org.jetbrains.annotations.Nullable;

/**
 * The articles of one archive day that were live when the day was last indexed, in the order a listing shows them:
 * newest first, and for the same publish time the greater id first. The index keeps it beside the day's counts, so a
 * page reads one node per day instead of every article of the day to sort them (a day of a busy newsroom holds
 * 100–300 articles). Articles still scheduled are left out: the index is readable by everyone, and the name of an
 * embargoed article is news.
 */
public record DayOrder(long[] published, String[] ids, String[] names) {

    /** One article of the day: its publish time, its id (the cursor's tie-break) and its node name. */
    public record Item(long published, String id, String name) {}

    /** Newest first; same publish time: greater id first (the order of {@link Cursor#isBefore}). */
    static final Comparator<Item> NEWEST_FIRST =
            Comparator.comparingLong(Item::published).reversed().thenComparing(Item::id, Comparator.reverseOrder());

    public DayOrder {
        if (published.length != ids.length || ids.length != names.length) {
            throw new IllegalArgumentException("the three lists of a day order differ in length");
        }
    }

    /** The order of these articles. */
    public static DayOrder of(List<Item> items) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(NEWEST_FIRST);
        return new DayOrder(
                sorted.stream().mapToLong(Item::published).toArray(),
                sorted.stream().map(Item::id).toArray(String[]::new),
                sorted.stream().map(Item::name).toArray(String[]::new));
    }

    public int size() {
        return published.length;
    }

    /** The position of the first article a page shows: live at {@code nowMillis} and after the cursor. */
    public int start(long nowMillis, @Nullable Cursor after) {
        int i = 0;
        while (i < published.length
                && (published[i] > nowMillis || (after != null && !after.isBefore(published[i], ids[i])))) {
            i++;
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayOrder other
                && Arrays.equals(published, other.published)
                && Arrays.equals(ids, other.ids)
                && Arrays.equals(names, other.names);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(published) + Arrays.hashCode(ids)) + Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return "DayOrder" + Arrays.toString(names);
    }
}
