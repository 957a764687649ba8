package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.PN_PUBLISHED;
import static dev.newsfeed.impl.content.ContentModel.PN_UUID;
import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Dates;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * What a listing needs of one day's articles to page through them (publish instant, id, node name), newest first,
 * and the fingerprint of that list the archive index stores per day. A listing reuses a day's list from memory
 * while the index holds the same fingerprint: the index is shared by every instance of a cluster, so a day changed
 * anywhere is read afresh everywhere on the next request.
 */
public final class DayEntries {

    /** One article of a day. */
    public record Entry(long published, String id, String name) {}

    /** Newest first; same publish time: greater id first. */
    public static final Comparator<Entry> NEWEST_FIRST = Comparator.comparingLong(Entry::published).reversed()
            .thenComparing(Entry::id, Comparator.reverseOrder());

    /** Days kept; a day of a very dense archive holds ~100 entries. */
    static final int MAX_ENTRIES = 200_000;

    private static final Map<String, Cached> CACHE = new LinkedHashMap<>(1024, 0.75f, true);
    private static long cachedEntries;

    private record Cached(long fingerprint, List<Entry> entries) {}

    private DayEntries() {}

    /**
     * The articles of a day folder whose publish instant falls on that day in the site's zone (scheduled ones
     * included; misfiled ones left out), newest first, as the given resolver sees them.
     */
    static List<Entry> read(@Nullable Resource folder, ZoneId zone, LocalDate date) {
        if (folder == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (Resource child : folder.getChildren()) {
            if (!child.isResourceType(RT_ARTICLE)) {
                continue;
            }
            ValueMap props = child.getValueMap();
            Calendar value = props.get(PN_PUBLISHED, Calendar.class);
            if (value == null || !Dates.localDate(value.toInstant(), zone).equals(date)) {
                continue;
            }
            entries.add(new Entry(value.getTimeInMillis(), Article.id(child.getPath(), props.get(PN_UUID, String.class)),
                    child.getName()));
        }
        entries.sort(NEWEST_FIRST);
        return entries;
    }

    /**
     * A fingerprint of a day's articles (order-independent, never 0, which means "unknown"): FNV-1a over the
     * entries sorted newest first.
     */
    public static long fingerprint(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(NEWEST_FIRST);
        long hash = 0xcbf29ce484222325L;
        for (Entry e : sorted) {
            hash = mix(hash, Long.toString(e.published()));
            hash = mix(hash, e.id());
            hash = mix(hash, e.name());
        }
        return hash == 0 ? 1 : hash;
    }

    private static long mix(long hash, String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= 0x1f; // separator, so ("ab", "c") and ("a", "bc") differ
        return hash * 0x100000001b3L;
    }

    /** The remembered entries of a day folder when they were remembered under this fingerprint, else null. */
    static synchronized @Nullable List<Entry> get(String folderPath, long fingerprint) {
        Cached cached = CACHE.get(folderPath);
        return cached != null && cached.fingerprint() == fingerprint ? cached.entries() : null;
    }

    /** Remembers a day's entries (sorted newest first), forgetting the least recently used days beyond the bound. */
    static synchronized void put(String folderPath, long fingerprint, List<Entry> sortedEntries) {
        if (sortedEntries.size() > MAX_ENTRIES) {
            return;
        }
        Cached old = CACHE.put(folderPath, new Cached(fingerprint, List.copyOf(sortedEntries)));
        cachedEntries += sortedEntries.size() - (old == null ? 0 : old.entries().size());
        var it = CACHE.values().iterator();
        while (cachedEntries > MAX_ENTRIES && it.hasNext()) {
            cachedEntries -= it.next().entries().size();
            it.remove();
        }
    }

    static synchronized int cachedDays() {
        return CACHE.size();
    }
}
