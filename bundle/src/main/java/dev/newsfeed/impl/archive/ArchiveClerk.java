package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.*;

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
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.jetbrains.annotations.Nullable;

/**
 * Files articles by publish date and keeps the archive index true. Every figure it writes is recomputed from the
 * articles themselves (a day folder's children), never incremented, so a retry after a merge conflict, a repeated
 * event or two instances doing the same work all converge on the same values. Nothing here commits: callers
 * commit, and on a conflict revert and run the same step again (see {@link Retry}).
 */
public final class ArchiveClerk {

    /** How long an article that went live stays among a month's scheduled instants (see reindexDay). */
    static final java.time.Duration RECENTLY_LIVE = java.time.Duration.ofMinutes(10);

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    private static final Map<String, Object> FOLDER = Map.of("jcr:primaryType", "nt:unstructured",
            PN_RESOURCE_TYPE, RT_ARCHIVE);
    /** The index has no use for child order (see CommentStore.UNORDERED). */
    private static final Map<String, Object> INDEX_NODE = Map.of("jcr:primaryType", "oak:Unstructured");

    private ArchiveClerk() {}

    /** Where an article belongs: the day folder of its publish date in the site's zone, or the drafts folder. */
    public static String parentFor(SiteSettings site, @Nullable Instant published) {
        if (published == null) {
            return site.path() + "/" + NN_DRAFTS;
        }
        return site.archivePath() + "/" + Dates.dayPath(Dates.localDate(published, site.zone()));
    }

    /** The day an article path is filed under, or null when it is not in a day folder of the site. */
    public static @Nullable LocalDate dayOf(SiteSettings site, String path) {
        String prefix = site.archivePath() + "/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String[] parts = path.substring(prefix.length()).split("/");
        if (parts.length < 3 || !YEAR.matcher(parts[0]).matches() || !TWO_DIGITS.matcher(parts[1]).matches()
                || !TWO_DIGITS.matcher(parts[2]).matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The folder for a parent path, created (with missing archive folders) when needed. */
    public static Resource folder(ResourceResolver resolver, SiteSettings site, String parentPath)
            throws PersistenceException {
        if (parentPath.equals(site.path() + "/" + NN_DRAFTS)) {
            return ResourceUtil.getOrCreateResource(resolver, parentPath,
                    Map.of("jcr:primaryType", "sling:Folder"), null, false);
        }
        Resource current = typed(ResourceUtil.getOrCreateResource(resolver, site.archivePath(), FOLDER, null, false));
        String rest = parentPath.substring(site.archivePath().length());
        for (String segment : rest.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            Resource child = current.getChild(segment);
            current = typed(child != null ? child : resolver.create(current, segment, FOLDER));
        }
        return current;
    }

    /** An archive folder made by someone else (POST servlet, WebDAV) gets our type, so the API serves it. */
    private static Resource typed(Resource folder) {
        if (!folder.isResourceType(RT_ARCHIVE)) {
            ModifiableValueMap props = folder.adaptTo(ModifiableValueMap.class);
            if (props != null) {
                props.put(PN_RESOURCE_TYPE, RT_ARCHIVE);
            }
        }
        return folder;
    }

    /** Creates the archive root and the drafts folder of a site when they are missing (authors write below them). */
    public static void ensureFolders(ResourceResolver resolver, SiteSettings site) throws PersistenceException {
        folder(resolver, site, site.archivePath());
        folder(resolver, site, site.path() + "/" + NN_DRAFTS);
    }

    /** A child name of {@code parent} based on {@code wanted} that is not taken yet. */
    public static String freeName(Resource parent, String wanted) {
        if (parent.getChild(wanted) == null) {
            return wanted;
        }
        for (int i = 2; ; i++) {
            String candidate = wanted + "-" + i;
            if (parent.getChild(candidate) == null) {
                return candidate;
            }
        }
    }

    /**
     * Moves an article where its publish date files it, giving it {@code mix:referenceable} if it lacks a stable
     * id. Returns its path afterwards (unchanged when it was filed right).
     */
    public static String file(ResourceResolver resolver, SiteSettings site, Resource article)
            throws PersistenceException, RepositoryException {
        Node node = article.adaptTo(Node.class);
        if (node != null && !node.isNodeType("mix:referenceable") && node.canAddMixin("mix:referenceable")) {
            node.addMixin("mix:referenceable");
        }
        Instant published = Article.from(article).published();
        String wantedParent = parentFor(site, published);
        Resource currentParent = article.getParent();
        Resource target = folder(resolver, site, wantedParent);
        if (currentParent != null && currentParent.getPath().equals(wantedParent)) {
            return article.getPath();
        }
        String name = freeName(target, article.getName());
        String destination = target.getPath() + "/" + name;
        Session session = Objects.requireNonNull(resolver.adaptTo(Session.class), "a JCR-backed resolver");
        session.move(article.getPath(), destination);
        if (currentParent != null) {
            removeEmptyFolders(resolver, site, currentParent.getPath());
        }
        return destination;
    }

    /** Removes the archive folders (day, month, year) at and above {@code path} that have no children left. */
    public static void removeEmptyFolders(ResourceResolver resolver, SiteSettings site, String path)
            throws PersistenceException {
        Resource folder = resolver.getResource(path);
        while (folder != null && isDatedFolder(site, folder.getPath()) && !folder.hasChildren()) {
            Resource parent = folder.getParent();
            resolver.delete(folder);
            folder = parent;
        }
    }

    /** Whether a path is a year, month or day folder of the site's archive. */
    static boolean isDatedFolder(SiteSettings site, String path) {
        String prefix = site.archivePath() + "/";
        if (!path.startsWith(prefix)) {
            return false;
        }
        String[] parts = path.substring(prefix.length()).split("/");
        if (parts.length > 3 || !YEAR.matcher(parts[0]).matches()) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (!TWO_DIGITS.matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }

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
        MonthCounts after = dayCounts(resolver, site, date, before, now);
        if (existing != null && after.equals(before)) {
            return;
        }
        writeMonth(resolver, site, indexPath, after, now);
    }

    private static void writeMonth(ResourceResolver resolver, SiteSettings site, String indexPath, MonthCounts counts,
            Instant now) throws PersistenceException {
        String monthPath = ResourceArchiveIndex.monthPath(indexPath, counts.month());
        Resource existing = resolver.getResource(monthPath);
        boolean hasArticles = counts.total() > 0;
        if (hasArticles) {
            putCounts(existing != null ? existing
                    : ResourceUtil.getOrCreateResource(resolver, monthPath, INDEX_NODE, "oak:Unstructured", false),
                    counts, now);
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
        props.put(ResourceArchiveIndex.PN_DAYS, Arrays.stream(counts.days()).boxed().toArray(Long[]::new));
        props.put(ResourceArchiveIndex.PN_SCHEDULED, Arrays.stream(counts.scheduled()).boxed().toArray(Long[]::new));
        props.put(ResourceArchiveIndex.PN_UPDATED, Dates.calendar(now));
    }

    private static void updateRoot(ResourceResolver resolver, SiteSettings site, String indexPath, YearMonth month,
            boolean hasArticles, Instant now) throws PersistenceException {
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
            props.put(ResourceArchiveIndex.PN_MONTHS, months.stream().map(YearMonth::toString).toArray(String[]::new));
            props.put(ResourceArchiveIndex.PN_UPDATED, Dates.calendar(now));
        }
        if (!site.zone().getId().equals(props.get(ResourceArchiveIndex.PN_TIME_ZONE, String.class))) {
            props.put(ResourceArchiveIndex.PN_TIME_ZONE, site.zone().getId());
        }
    }

    /**
     * Rebuilds the index of a site from its archive folders, filing misfiled articles and drafts with a publish date
     * first. Filing commits once per month so a large archive never builds one huge transaction; the index itself (a
     * node per month with articles, a few hundred at most) is counted first and replaced in one commit.
     */
    public static void rebuild(ResourceResolver resolver, SiteSettings site, Instant now)
            throws PersistenceException, RepositoryException {
        ensureFolders(resolver, site);
        resolver.commit();
        Resource drafts = resolver.getResource(site.path() + "/" + NN_DRAFTS);
        if (drafts != null) {
            for (Resource draft : children(drafts)) {
                if (draft.isResourceType(RT_ARTICLE) && Article.from(draft).published() != null) {
                    file(resolver, site, draft);
                }
            }
            resolver.commit();
        }
        Resource archive = resolver.getResource(site.archivePath());
        if (archive != null) {
            // first file every misfiled article (it may move to a month not seen yet), then count
            for (Resource year : datedChildren(site, archive)) {
                for (Resource month : datedChildren(site, year)) {
                    for (Resource day : datedChildren(site, month)) {
                        for (Resource article : children(day)) {
                            if (article.isResourceType(RT_ARTICLE)) {
                                file(resolver, site, article);
                            }
                        }
                    }
                    resolver.commit();
                }
            }
        }
        // count everything before writing anything, then replace the index in one commit: readers (and other
        // cluster instances) see the old index or the new one, never a half-built or empty one
        List<MonthCounts> counted = new ArrayList<>();
        archive = resolver.getResource(site.archivePath());
        if (archive != null) {
            for (Resource year : datedChildren(site, archive)) {
                for (Resource month : datedChildren(site, year)) {
                    YearMonth ym = YearMonth.of(Integer.parseInt(year.getName()), Integer.parseInt(month.getName()));
                    MonthCounts counts = MonthCounts.empty(ym);
                    for (int day = 1; day <= ym.lengthOfMonth(); day++) {
                        counts = dayCounts(resolver, site, ym.atDay(day), counts, now);
                    }
                    if (counts.total() > 0) {
                        counted.add(counts);
                    }
                }
            }
        }
        replaceIndex(resolver, site, counted, now);
    }

    private static void replaceIndex(ResourceResolver resolver, SiteSettings site, List<MonthCounts> counted,
            Instant now) throws PersistenceException {
        String indexPath = ResourceArchiveIndex.indexPath(site.path());
        Set<String> keep = new HashSet<>();
        for (MonthCounts counts : counted) {
            String monthPath = ResourceArchiveIndex.monthPath(indexPath, counts.month());
            keep.add(monthPath);
            putCounts(ResourceUtil.getOrCreateResource(resolver, monthPath, INDEX_NODE, "oak:Unstructured", false),
                    counts, now);
        }
        Resource root = ResourceUtil.getOrCreateResource(resolver, indexPath, INDEX_NODE, "oak:Unstructured", false);
        for (Resource year : children(root)) {
            for (Resource month : children(year)) {
                if (!keep.contains(month.getPath())) {
                    resolver.delete(month);
                }
            }
            if (!year.hasChildren()) {
                resolver.delete(year);
            }
        }
        ModifiableValueMap props = Objects.requireNonNull(root.adaptTo(ModifiableValueMap.class));
        props.put(ResourceArchiveIndex.PN_MONTHS,
                counted.stream().map(c -> c.month().toString()).sorted().toArray(String[]::new));
        props.put(ResourceArchiveIndex.PN_TIME_ZONE, site.zone().getId());
        props.put(ResourceArchiveIndex.PN_VERSION, ResourceArchiveIndex.VERSION);
        props.put(ResourceArchiveIndex.PN_UPDATED, Dates.calendar(now));
        resolver.commit();
    }

    private static MonthCounts dayCounts(ResourceResolver resolver, SiteSettings site, LocalDate date,
            MonthCounts counts, Instant now) {
        Resource day = resolver.getResource(site.archivePath() + "/" + Dates.dayPath(date));
        long count = 0;
        List<Long> ahead = new ArrayList<>();
        for (Resource child : day == null ? List.<Resource>of() : day.getChildren()) {
            if (!child.isResourceType(RT_ARTICLE)) {
                continue;
            }
            Calendar value = child.getValueMap().get(PN_PUBLISHED, Calendar.class);
            Instant published = value == null ? null : value.toInstant();
            if (published != null && Dates.localDate(published, site.zone()).equals(date)) {
                count++;
                if (published.isAfter(now.minus(RECENTLY_LIVE))) {
                    // still ahead, or gone live so recently that the going-live check may not have seen it yet
                    ahead.add(published.toEpochMilli());
                }
            }
        }
        return counts.withDay(date, count, ahead.stream().mapToLong(Long::longValue).toArray(), site.zone(), now);
    }

    /** The year, month or day folders below a folder (valid month numbers only). */
    private static List<Resource> datedChildren(SiteSettings site, Resource parent) {
        List<Resource> list = new ArrayList<>();
        for (Resource child : parent.getChildren()) {
            if (isDatedFolder(site, child.getPath()) && validMonth(site, child)) {
                list.add(child);
            }
        }
        return list;
    }

    private static boolean validMonth(SiteSettings site, Resource folder) {
        String[] parts = folder.getPath().substring(site.archivePath().length() + 1).split("/");
        return parts.length != 2 || (Integer.parseInt(parts[1]) >= 1 && Integer.parseInt(parts[1]) <= 12);
    }

    /** A snapshot of the children, so the caller may move or delete them while iterating. */
    private static List<Resource> children(Resource parent) {
        List<Resource> list = new ArrayList<>();
        parent.getChildren().forEach(list::add);
        return list;
    }

}
