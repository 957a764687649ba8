package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.PN_PUBLISHED;
import static dev.newsfeed.impl.content.ContentModel.PN_UUID;
import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.api.resource.ValueMap;
import org.jetbrains.annotations.Nullable;

/**
 * Keeps the archive index true: per month, how many articles each day has and when the scheduled ones go live, and
 * per day the order of its live articles ({@link DayOrder}).
 * Every figure it writes is recomputed from the articles themselves (a day folder's children), never incremented,
 * so a retry after a merge conflict, a repeated event or two instances doing the same work all converge on the same
 * values. Nothing here commits except {@link #rebuild}: callers commit, and on a conflict revert and run the same
 * step again (see {@link Retry}).
 */
public final class ArchiveIndexer {

    /** How long an article that went live stays among a month's scheduled instants (see reindexDay). */
    public static final Duration RECENTLY_LIVE = Duration.ofMinutes(10);

    /** The index has no use for child order (see CommentStore.UNORDERED). */
    private static final Map<String, Object> INDEX_NODE = Map.of("jcr:primaryType", "oak:Unstructured");

    private ArchiveIndexer() {}

    /**
     * Recomputes the index of one day from the articles in its folder: how many have a publish date on that day
     * (scheduled ones too) and when those still ahead go live.
     */
    public static void reindexDay(ResourceResolver resolver, SiteSettings site, LocalDate date, Instant now)
            throws PersistenceException {
        String indexPath = ResourceArchiveIndex.indexPath(site.path());
        YearMonth month = YearMonth.from(date);
        Resource existing = resolver.getResource(ResourceArchiveIndex.monthPath(indexPath, month));
        MonthCounts before = ResourceArchiveIndex.read(existing, month);
        DayScan scan = scanDay(resolver, site, date, now);
        MonthCounts after = scan.into(before, date, site, now);
        if (existing == null || !after.equals(before)) {
            writeMonth(resolver, site, indexPath, after, now);
        }
        writeOrder(resolver, ResourceArchiveIndex.dayPath(indexPath, date), scan.order());
    }

    /**
     * Stores a day's order where it differs from what is stored (none: the node goes). Written after the month, so
     * a day of a month that was deleted for having no articles is not created again.
     */
    private static void writeOrder(ResourceResolver resolver, String dayPath, DayOrder order)
            throws PersistenceException {
        Resource stored = resolver.getResource(dayPath);
        if (order.size() == 0) {
            if (stored != null) {
                resolver.delete(stored);
            }
            return;
        }
        if (order.equals(ResourceArchiveIndex.readOrder(stored))) {
            return;
        }
        Resource day = stored != null
                ? stored
                : ResourceUtil.getOrCreateResource(resolver, dayPath, INDEX_NODE, "oak:Unstructured", false);
        ModifiableValueMap props = Objects.requireNonNull(day.adaptTo(ModifiableValueMap.class));
        props.put(
                ResourceArchiveIndex.PN_ORDER_TIMES,
                Arrays.stream(order.published()).boxed().toArray(Long[]::new));
        props.put(ResourceArchiveIndex.PN_ORDER_IDS, order.ids());
        props.put(ResourceArchiveIndex.PN_ORDER_NAMES, order.names());
    }

    private static void writeMonth(
            ResourceResolver resolver, SiteSettings site, String indexPath, MonthCounts counts, Instant now)
            throws PersistenceException {
        String monthPath = ResourceArchiveIndex.monthPath(indexPath, counts.month());
        Resource existing = resolver.getResource(monthPath);
        boolean hasArticles = counts.total() > 0;
        if (hasArticles) {
            putCounts(
                    existing != null
                            ? existing
                            : ResourceUtil.getOrCreateResource(
                                    resolver, monthPath, INDEX_NODE, "oak:Unstructured", false),
                    counts,
                    now);
        } else if (existing != null) {
            Resource year = existing.getParent();
            resolver.delete(existing);
            if (year != null && !year.hasChildren()) {
                resolver.delete(year);
            }
        }
        updateRoot(resolver, site, indexPath, counts.month(), hasArticles, now);
    }

    private static void putCounts(Resource month, MonthCounts counts, Instant now) {
        ModifiableValueMap props = Objects.requireNonNull(month.adaptTo(ModifiableValueMap.class));
        props.put(
                ResourceArchiveIndex.PN_DAYS,
                Arrays.stream(counts.days()).boxed().toArray(Long[]::new));
        props.put(
                ResourceArchiveIndex.PN_SCHEDULED,
                Arrays.stream(counts.scheduled()).boxed().toArray(Long[]::new));
        props.put(ResourceArchiveIndex.PN_UPDATED, Dates.calendar(now));
    }

    private static void updateRoot(
            ResourceResolver resolver,
            SiteSettings site,
            String indexPath,
            YearMonth month,
            boolean hasArticles,
            Instant now)
            throws PersistenceException {
        Resource root = resolver.getResource(indexPath);
        if (root == null) {
            if (!hasArticles) {
                return;
            }
            root = ResourceUtil.getOrCreateResource(resolver, indexPath, INDEX_NODE, "oak:Unstructured", false);
        }
        ModifiableValueMap props = Objects.requireNonNull(root.adaptTo(ModifiableValueMap.class));
        TreeSet<YearMonth> months = new TreeSet<>(
                ResourceArchiveIndex.parseMonths(props.get(ResourceArchiveIndex.PN_MONTHS, String[].class)));
        boolean changed = hasArticles ? months.add(month) : months.remove(month);
        if (changed || !props.containsKey(ResourceArchiveIndex.PN_MONTHS)) {
            props.put(
                    ResourceArchiveIndex.PN_MONTHS,
                    months.stream().map(YearMonth::toString).toArray(String[]::new));
            props.put(ResourceArchiveIndex.PN_UPDATED, Dates.calendar(now));
        }
        if (!site.zone().getId().equals(props.get(ResourceArchiveIndex.PN_TIME_ZONE, String.class))) {
            props.put(ResourceArchiveIndex.PN_TIME_ZONE, site.zone().getId());
        }
    }

    /**
     * Rebuilds the index of a site from its archive folders, filing misfiled articles and drafts with a publish date
     * first (see {@link ArchiveClerk#fileAll}). The index itself (a node per month with articles, a few hundred at
     * most) is counted first and replaced in one commit: readers (and other cluster instances) see the old index or
     * the new one, never a half-built or empty one. Two instances of a cluster building the same index at once (the
     * first articles of a new site written on both) conflict in Oak: the loser builds it again from what is stored.
     */
    public static void rebuild(ResourceResolver resolver, SiteSettings site, Instant now)
            throws PersistenceException, RepositoryException {
        Retry.commit(resolver, r -> {
            ArchiveClerk.fileAll(r, site);
            replaceIndex(r, site, countAll(r, site, now), now);
            return null;
        });
    }

    /**
     * The counts of every month of the archive that has articles; writes (without committing) the order of each
     * day, as {@link #replaceIndex} commits it with the counts.
     */
    private static List<MonthCounts> countAll(ResourceResolver resolver, SiteSettings site, Instant now)
            throws PersistenceException {
        String indexPath = ResourceArchiveIndex.indexPath(site.path());
        List<MonthCounts> counted = new ArrayList<>();
        Resource archive = resolver.getResource(site.archivePath());
        if (archive == null) {
            return counted;
        }
        for (Resource year : ArchiveClerk.datedChildren(site, archive)) {
            for (Resource month : ArchiveClerk.datedChildren(site, year)) {
                YearMonth ym = YearMonth.of(Integer.parseInt(year.getName()), Integer.parseInt(month.getName()));
                MonthCounts counts = MonthCounts.empty(ym);
                for (int day = 1; day <= ym.lengthOfMonth(); day++) {
                    LocalDate date = ym.atDay(day);
                    DayScan scan = scanDay(resolver, site, date, now);
                    counts = scan.into(counts, date, site, now);
                    writeOrder(resolver, ResourceArchiveIndex.dayPath(indexPath, date), scan.order());
                }
                if (counts.total() > 0) {
                    counted.add(counts);
                }
            }
        }
        return counted;
    }

    private static void replaceIndex(
            ResourceResolver resolver, SiteSettings site, List<MonthCounts> counted, Instant now)
            throws PersistenceException {
        String indexPath = ResourceArchiveIndex.indexPath(site.path());
        Set<String> keep = new HashSet<>();
        for (MonthCounts counts : counted) {
            String monthPath = ResourceArchiveIndex.monthPath(indexPath, counts.month());
            keep.add(monthPath);
            putCounts(
                    ResourceUtil.getOrCreateResource(resolver, monthPath, INDEX_NODE, "oak:Unstructured", false),
                    counts,
                    now);
        }
        Resource root = ResourceUtil.getOrCreateResource(resolver, indexPath, INDEX_NODE, "oak:Unstructured", false);
        for (Resource year : ArchiveClerk.children(root)) {
            for (Resource month : ArchiveClerk.children(year)) {
                if (!keep.contains(month.getPath())) {
                    resolver.delete(month);
                }
            }
            if (!year.hasChildren()) {
                resolver.delete(year);
            }
        }
        ModifiableValueMap props = Objects.requireNonNull(root.adaptTo(ModifiableValueMap.class));
        props.put(
                ResourceArchiveIndex.PN_MONTHS,
                counted.stream().map(c -> c.month().toString()).sorted().toArray(String[]::new));
        props.put(ResourceArchiveIndex.PN_TIME_ZONE, site.zone().getId());
        props.put(ResourceArchiveIndex.PN_VERSION, ResourceArchiveIndex.VERSION);
        props.put(ResourceArchiveIndex.PN_UPDATED, Dates.calendar(now));
        resolver.commit();
    }

    /** What the index keeps of one day: its dated articles, those of them still ahead, and the order of the live. */
    private record DayScan(long count, long[] ahead, DayOrder order) {
        MonthCounts into(MonthCounts counts, LocalDate date, SiteSettings site, Instant now) {
            return counts.withDay(date, count, ahead, site.zone(), now);
        }
    }

    /** An article of a day folder with a publish date on that day (in the site's zone); null for anything else. */
    static DayOrder.@Nullable Item dated(Resource child, SiteSettings site, LocalDate date) {
        if (!child.isResourceType(RT_ARTICLE)) {
            return null;
        }
        ValueMap props = ContentNodes.properties(child); // a page article: its jcr:content
        Calendar value = props.get(PN_PUBLISHED, Calendar.class);
        if (value == null || !Dates.localDate(value.toInstant(), site.zone()).equals(date)) {
            return null;
        }
        String id = Article.id(child.getPath(), props.get(PN_UUID, String.class));
        return new DayOrder.Item(value.getTimeInMillis(), id, child.getName());
    }

    private static DayScan scanDay(ResourceResolver resolver, SiteSettings site, LocalDate date, Instant now) {
        Resource day = resolver.getResource(site.archivePath() + "/" + Dates.dayPath(date));
        long count = 0;
        List<Long> ahead = new ArrayList<>();
        List<DayOrder.Item> live = new ArrayList<>();
        for (Resource child : day == null ? List.<Resource>of() : day.getChildren()) {
            DayOrder.Item item = dated(child, site, date);
            if (item == null) {
                continue;
            }
            count++;
            if (item.published() > now.minus(RECENTLY_LIVE).toEpochMilli()) {
                // still ahead, or gone live so recently that the going-live check may not have seen it yet
                ahead.add(item.published());
            }
            if (item.published() <= now.toEpochMilli()) {
                live.add(item);
            }
        }
        return new DayScan(count, ahead.stream().mapToLong(Long::longValue).toArray(), DayOrder.of(live));
    }
}
