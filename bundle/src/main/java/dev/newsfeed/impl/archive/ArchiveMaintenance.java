package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.NN_DRAFTS;
import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;
import static dev.newsfeed.impl.content.ContentModel.RT_SITE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.changes.Change;
import dev.newsfeed.impl.changes.ChangeLog;
import dev.newsfeed.impl.changes.PurgeNotifier;
import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.Log;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceResolverFactory;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.api.resource.observation.ResourceChange;
import org.apache.sling.api.resource.observation.ResourceChangeListener;
import org.apache.sling.serviceusermapping.ServiceUserMapped;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every site's archive filed and indexed, whoever writes: the authoring endpoints call it directly, and as a
 * resource change listener it follows writes through Sling's POST servlet, packages, WebDAV or any other API. Changes
 * are coalesced and worked off by one thread with the {@code content-writer} service user; a site whose index is
 * missing or of an old layout is rebuilt when the component starts.
 */
@Component(
        service = {ArchiveMaintenance.class, ResourceChangeListener.class},
        property = {
            ResourceChangeListener.PATHS + "=" + ArchiveMaintenance.CONTENT_ROOT,
            ResourceChangeListener.CHANGES + "=ADDED",
            ResourceChangeListener.CHANGES + "=CHANGED",
            ResourceChangeListener.CHANGES + "=REMOVED"
        })
@Designate(ocd = ArchiveMaintenance.Config.class)
public final class ArchiveMaintenance implements ResourceChangeListener {

    @ObjectClassDefinition(name = "Newsfeed archive and changes",
            description = "Filing, the archive index, and the changes feed's history.")
    public @interface Config {
        @AttributeDefinition(name = "Changes kept",
                description = "Days the changes feed keeps (deletions included); an older token answers 410.")
        int changes_retention_days() default 30;

        @AttributeDefinition(name = "Going-live check",
                description = "Seconds between checks for scheduled articles that went live (logged as created, and"
                        + " purged).")
        int golive_check_seconds() default 15;
    }

    public static final String CONTENT_ROOT = ContentModel.CONTENT_ROOT;
    static final String SUBSERVICE = "content-writer";

    private static final Logger log = LoggerFactory.getLogger(ArchiveMaintenance.class);
    private static final long COALESCE_MILLIS = 100;
    private static final long RETRY_SECONDS = 3;
    private static final int MAX_FAILURES = 20;
    static final int BULK_THRESHOLD = 20_000;
    private static final long BULK_QUIET_SECONDS = 3;

    @Reference
    private ResourceResolverFactory resolverFactory;

    @Reference(target = "(" + ServiceUserMapped.SUBSERVICENAME + "=" + SUBSERVICE + ")")
    private ServiceUserMapped serviceUserMapped;

    @Reference
    private PurgeNotifier purge;

    /** Changed paths not yet worked off; guarded by itself, as is {@link #pendingRebuilds}. */
    private final Set<String> pendingPaths = new LinkedHashSet<>();
    /** Sites to rebuild after a bulk change, with the nanoTime after which they are quiet enough. */
    private final Map<String, Long> pendingRebuilds = new LinkedHashMap<>();
    private ScheduledExecutorService worker;
    private final AtomicInteger drainFailures = new AtomicInteger();
    private final AtomicInteger rebuildFailures = new AtomicInteger();
    /**
     * One index writer at a time, each with a session opened after it got its turn: a rebuild that read the archive
     * before an author's article was filed must not commit its counts after the author's own reindex of that day.
     */
    private final Object indexWriter = new Object();

    private volatile int retentionDays = 30;

    @Activate
    void activate(Config config) {
        retentionDays = Math.max(1, config.changes_retention_days());
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsfeed-archive-maintenance");
            t.setDaemon(true);
            return t;
        });
        worker.execute(this::rebuildStaleIndexes);
        long every = Math.max(1, config.golive_check_seconds());
        worker.scheduleWithFixedDelay(this::checkGoingLive, every, every, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::pruneChanges, 1, 60, TimeUnit.MINUTES);
    }

    public int changesRetentionDays() {
        return retentionDays;
    }

    /** Logs and purges scheduled articles that went live since the last check (no write marks that moment). */
    private void checkGoingLive() {
        try (ResourceResolver resolver = serviceResolver()) {
            Instant now = Instant.now();
            for (SiteSettings site : SiteSettings.all(resolver)) {
                try {
                    List<Change> changes = Retry.commit(resolver, r -> {
                        Resource marker = ResourceUtil.getOrCreateResource(r, ChangeLog.root(site),
                                Map.of("jcr:primaryType", "oak:Unstructured"), "oak:Unstructured", false);
                        ModifiableValueMap props = marker.adaptTo(ModifiableValueMap.class);
                        // a site's first check looks back as far as the index keeps instants that went live (a
                        // new site's first scheduled article may go live before it); liveLogged prevents repeats
                        Long checked = props.get("liveChecked", Long.class);
                        long since = checked != null ? checked
                                : now.minus(ArchiveClerk.RECENTLY_LIVE).toEpochMilli();
                        List<Resource> live = wentLive(r, site, since, now);
                        if (recordCheck(checked, !live.isEmpty(), now)) {
                            props.put("liveChecked", now.toEpochMilli());
                        }
                        return ChangeLog.trackGoingLive(r, site, live, now);
                    });
                    changes.forEach(purge::notify);
                } catch (PersistenceException | RepositoryException | RuntimeException e) {
                    // one site's failure must not stop the others; the next check covers the same interval
                    resolver.revert();
                    log.warn("Checking {} for articles going live failed; will retry: {}", site.path(),
                            Log.causes(e));
                }
            }
        } catch (LoginException | RuntimeException e) {
            log.warn("Checking for articles going live failed: {}", e.toString());
        }
    }

    /**
     * Whether a going-live check writes its time: when it found articles (the next check starts after them), on a
     * site's first check, and otherwise only every few minutes, so an idle site is not written every 15 s by every
     * instance of a cluster. A check that writes nothing looks at the same instants again next time, which is
     * harmless: nothing went live in them, and the index keeps them (RECENTLY_LIVE) longer than the interval.
     */
    static boolean recordCheck(@Nullable Long lastRecorded, boolean foundLive, Instant now) {
        return foundLive || lastRecorded == null
                || now.toEpochMilli() - lastRecorded >= ArchiveClerk.RECENTLY_LIVE.toMillis() / 2;
    }

    /** Articles whose publish instant lies in (since, now], found through the index's scheduled instants. */
    private static List<Resource> wentLive(ResourceResolver resolver, SiteSettings site, long since, Instant now) {
        List<Resource> live = new ArrayList<>();
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
        YearMonth first = YearMonth.from(Instant.ofEpochMilli(since).atZone(site.zone()));
        for (YearMonth month : index.months()) {
            if (month.isBefore(first) || month.isAfter(YearMonth.from(now.atZone(site.zone())))) {
                continue;
            }
            for (long s : index.month(month).scheduled()) {
                if (s <= since || s > now.toEpochMilli()) {
                    continue;
                }
                LocalDate day = Instant.ofEpochMilli(s).atZone(site.zone()).toLocalDate();
                Resource folder = resolver.getResource(site.archivePath() + "/" + Dates.dayPath(day));
                if (folder == null) {
                    continue;
                }
                for (Resource article : folder.getChildren()) {
                    java.util.Calendar published = article.getValueMap().get("published", java.util.Calendar.class);
                    if (published != null && published.getTimeInMillis() == s) {
                        live.add(article);
                    }
                }
            }
        }
        return live;
    }

    private void pruneChanges() {
        try (ResourceResolver resolver = serviceResolver()) {
            LocalDate keepFrom = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(retentionDays);
            for (SiteSettings site : SiteSettings.all(resolver)) {
                Retry.commit(resolver, r -> ChangeLog.prune(r, site, keepFrom));
            }
        } catch (LoginException | PersistenceException | RepositoryException | RuntimeException e) {
            log.warn("Pruning the changes history failed: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public void onChange(List<ResourceChange> changes) {
        boolean schedule;
        long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(BULK_QUIET_SECONDS);
        synchronized (pendingPaths) {
            schedule = pendingPaths.isEmpty() && pendingRebuilds.isEmpty();
            for (ResourceChange change : changes) {
                String path = change.getPath();
                Set<String> site = sitesOf(List.of(path));
                if (!site.isEmpty() && pendingRebuilds.containsKey(site.iterator().next())) {
                    pendingRebuilds.put(site.iterator().next(), quietUntil); // still busy: wait for quiet
                    continue;
                }
                pendingPaths.add(path);
            }
            if (pendingPaths.size() > BULK_THRESHOLD) {
                // a bulk import (a package, a generator): one rebuild once it is over beats following each path
                for (String site : sitesOf(new ArrayList<>(pendingPaths))) {
                    pendingRebuilds.put(site, quietUntil);
                }
                pendingPaths.clear();
            }
        }
        if (schedule) {
            worker.schedule(this::drain, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * After an authoring endpoint's write: files the articles, reindexes the days they left and entered (or builds the
     * index of a site that has none yet), records the change for the changes feed and announces the purge. The
     * listener sees the same write later and finds nothing left to do.
     */
    public void afterWrite(SiteSettings site, Collection<LocalDate> days, Collection<String> articlePaths,
            Collection<String> removedPaths) throws LoginException, PersistenceException, RepositoryException {
        List<Change> changes = new ArrayList<>();
        synchronized (indexWriter) {
            try (ResourceResolver resolver = serviceResolver()) {
                Set<LocalDate> touched = new LinkedHashSet<>(days);
                List<String> filed = new ArrayList<>();
                for (String path : articlePaths) {
                    touched.addAll(fileArticle(resolver, site, path, filed));
                }
                if (new ResourceArchiveIndex(resolver, site.path()).isCurrent(site.zone().getId())) {
                    reindex(resolver, site, touched);
                } else {
                    // a new site whose first build the listener has not done yet (or an old layout): all of it now,
                    // or the calendar would not count this article until then
                    log.info("Building the archive index of {} before its first article is counted", site.path());
                    ArchiveClerk.rebuild(resolver, site, Instant.now());
                }
                for (String path : filed) {
                    changes.addAll(track(resolver, site, path));
                }
                for (String path : removedPaths) {
                    changes.addAll(track(resolver, site, path));
                }
            }
        }
        changes.forEach(purge::notify);
    }

    /** Creates the archive root and drafts folder of a new site, which its authors may not create themselves. */
    public void ensureFolders(SiteSettings site) throws LoginException, PersistenceException, RepositoryException {
        try (ResourceResolver resolver = serviceResolver()) {
            Retry.commit(resolver, r -> {
                ArchiveClerk.ensureFolders(r, site);
                return null;
            });
        }
    }

    /** Rebuilds the index of one site from its archive folders. */
    public void rebuild(String sitePath) throws LoginException, PersistenceException, RepositoryException {
        synchronized (indexWriter) {
            try (ResourceResolver resolver = serviceResolver()) {
                Resource site = resolver.getResource(sitePath);
                if (site != null && site.isResourceType(RT_SITE)) {
                    ArchiveClerk.rebuild(resolver, SiteSettings.from(site), Instant.now());
                }
            }
        }
    }

    private void drain() {
        List<String> paths;
        List<String> rebuilds;
        boolean later;
        synchronized (pendingPaths) {
            paths = new ArrayList<>(pendingPaths);
            pendingPaths.clear();
            long now = System.nanoTime();
            rebuilds = new ArrayList<>();
            pendingRebuilds.entrySet().removeIf(e -> now - e.getValue() >= 0 && rebuilds.add(e.getKey()));
            later = !pendingRebuilds.isEmpty();
        }
        if (later) {
            worker.schedule(this::drain, 1, TimeUnit.SECONDS);
        }
        if (paths.isEmpty() && rebuilds.isEmpty()) {
            return;
        }
        synchronized (indexWriter) {
            drainNow(paths, rebuilds);
        }
    }

    private void drainNow(List<String> paths, List<String> rebuilds) {
        try (ResourceResolver resolver = serviceResolver()) {
            for (String sitePath : rebuilds) {
                Resource site = resolver.getResource(sitePath);
                if (site != null && site.isResourceType(RT_SITE)) {
                    log.info("Rebuilding the archive index of {} after a bulk change", sitePath);
                    long start = System.nanoTime();
                    ArchiveClerk.rebuild(resolver, SiteSettings.from(site), Instant.now());
                    log.info("Rebuilt the archive index of {} in {} ms", sitePath, (System.nanoTime() - start) / 1_000_000);
                }
            }
            process(resolver, paths);
        } catch (LoginException e) {
            log.error("Newsfeed cannot open its service session ({}); archive index not updated", e.getMessage());
        } catch (PersistenceException | RepositoryException | RuntimeException e) {
            int failures = drainFailures.incrementAndGet();
            if (failures > MAX_FAILURES) {
                log.error("Updating the archive index failed {} times; giving up on {} changed paths", failures,
                        paths.size(), e);
                drainFailures.set(0);
                return;
            }
            log.warn("Updating the archive index failed; will retry: {}", Log.causes(e));
            synchronized (pendingPaths) {
                pendingPaths.addAll(paths);
                rebuilds.forEach(site -> pendingRebuilds.putIfAbsent(site, System.nanoTime()));
            }
            worker.schedule(this::drain, RETRY_SECONDS, TimeUnit.SECONDS);
            return;
        }
        drainFailures.set(0);
    }

    private void process(ResourceResolver resolver, List<String> paths)
            throws PersistenceException, RepositoryException {
        for (String sitePath : sitesOf(paths)) {
            Resource siteResource = resolver.getResource(sitePath);
            if (siteResource == null || !siteResource.isResourceType(RT_SITE)) {
                continue;
            }
            SiteSettings site = SiteSettings.from(siteResource);
            if (!new ResourceArchiveIndex(resolver, sitePath).isCurrent(site.zone().getId())
                    || paths.contains(site.archivePath())) {
                log.info("Rebuilding the archive index of {}", sitePath);
                ArchiveClerk.rebuild(resolver, site, Instant.now());
                // and on: the changed articles still need filing, and the changes feed still needs to hear of them
            }
            Set<LocalDate> days = new LinkedHashSet<>();
            Set<String> tracked = new LinkedHashSet<>();
            Set<String> threads = new LinkedHashSet<>();
            for (String path : paths) {
                if (!path.startsWith(sitePath + "/")) {
                    continue;
                }
                String thread = threadOf(site, path);
                if (thread != null) {
                    threads.add(thread);
                    continue;
                }
                if (isInsideArticle(site, path)) {
                    continue;
                }
                days.addAll(daysOf(resolver, site, path));
                List<String> filed = new ArrayList<>();
                days.addAll(fileArticle(resolver, site, path, filed));
                tracked.add(path);
                tracked.addAll(filed);
            }
            reindex(resolver, site, days);
            List<Change> changes = new ArrayList<>();
            for (String path : tracked) {
                changes.addAll(track(resolver, site, path));
            }
            for (String articleId : threads) {
                Change c = Retry.commit(resolver, r -> ChangeLog.trackComments(r, site, articleId,
                        CommentStore.approvedCount(r, site, articleId), Instant.now()));
                if (c != null) {
                    changes.add(c);
                }
            }
            changes.forEach(purge::notify);
        }
    }

    /** The article id of a path in a site's public comment threads ({site}/comments/{id}[/...]), or null. */
    static String threadOf(SiteSettings site, String path) {
        String prefix = site.path() + "/" + CommentStore.NN_PUBLIC + "/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Records what a changed (or removed) path changed for readers. */
    private static List<Change> track(ResourceResolver resolver, SiteSettings site, String path)
            throws PersistenceException, RepositoryException {
        Instant now = Instant.now();
        return Retry.commit(resolver, r -> {
            Resource resource = r.getResource(path);
            if (resource == null) {
                return ChangeLog.trackRemoved(r, site, path, now);
            }
            Change c = ChangeLog.trackArticle(r, site, resource, now);
            return c == null ? List.<Change>of() : List.of(c);
        });
    }

    /**
     * The days a changed path concerns: its own day for a day folder or anything in one; every day of a changed
     * month or year folder.
     */
    private static Set<LocalDate> daysOf(ResourceResolver resolver, SiteSettings site, String path) {
        Set<LocalDate> days = new LinkedHashSet<>();
        LocalDate day = ArchiveClerk.dayOf(site, path);
        if (day != null) {
            days.add(day);
            return days;
        }
        String prefix = site.archivePath() + "/";
        if (!path.startsWith(prefix)) {
            return days;
        }
        String[] parts = path.substring(prefix.length()).split("/");
        try {
            int year = Integer.parseInt(parts[0]);
            int firstMonth = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            int lastMonth = parts.length > 1 ? firstMonth : 12;
            for (int m = firstMonth; m <= lastMonth; m++) {
                YearMonth ym = YearMonth.of(year, m);
                for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                    days.add(ym.atDay(d));
                }
            }
        } catch (RuntimeException e) {
            // not an archive folder name: nothing of the index lives there
        }
        return days;
    }

    /** Whether a path lies below an article (its comments): such changes never move counts of the archive. */
    static boolean isInsideArticle(SiteSettings site, String path) {
        String archive = site.archivePath() + "/";
        String drafts = site.path() + "/" + NN_DRAFTS + "/";
        if (path.startsWith(archive)) {
            return path.substring(archive.length()).split("/").length > 4;
        }
        return path.startsWith(drafts) && path.substring(drafts.length()).contains("/");
    }

    /** Files the article at {@code path} if there is one; the days it left and entered. */
    private static Set<LocalDate> fileArticle(ResourceResolver resolver, SiteSettings site, String path,
            List<String> filed) throws PersistenceException, RepositoryException {
        Set<LocalDate> days = new LinkedHashSet<>();
        String[] moved = new String[1];
        Retry.commit(resolver, r -> {
            Resource article = r.getResource(path);
            if (article == null || !article.isResourceType(RT_ARTICLE)) {
                return null;
            }
            moved[0] = ArchiveClerk.file(r, site, article);
            return null;
        });
        Optional.ofNullable(ArchiveClerk.dayOf(site, path)).ifPresent(days::add);
        if (moved[0] != null) {
            filed.add(moved[0]);
            Optional.ofNullable(ArchiveClerk.dayOf(site, moved[0])).ifPresent(days::add);
            if (!moved[0].equals(path)) {
                log.info("Filed {} as {}", Log.escape(path), moved[0]);
            }
        }
        return days;
    }

    private static void reindex(ResourceResolver resolver, SiteSettings site, Set<LocalDate> days)
            throws PersistenceException, RepositoryException {
        Instant now = Instant.now();
        for (LocalDate day : days) {
            Retry.commit(resolver, r -> {
                ArchiveClerk.reindexDay(r, site, day, now);
                return null;
            });
        }
    }

    private void rebuildStaleIndexes() {
        synchronized (indexWriter) {
            rebuildStaleIndexesNow();
        }
    }

    private void rebuildStaleIndexesNow() {
        try (ResourceResolver resolver = serviceResolver()) {
            for (SiteSettings site : SiteSettings.all(resolver)) {
                if (!new ResourceArchiveIndex(resolver, site.path()).isCurrent(site.zone().getId())) {
                    log.info("Building the archive index of {}", site.path());
                    ArchiveClerk.rebuild(resolver, site, Instant.now());
                }
            }
        } catch (LoginException | PersistenceException | RepositoryException | RuntimeException e) {
            // right after an install the service user, its ACLs or /var/newsfeed/index may not exist yet
            if (rebuildFailures.incrementAndGet() <= MAX_FAILURES) {
                log.info("Building the archive indexes failed ({}); trying again in {} s", e.toString(),
                        RETRY_SECONDS);
                worker.schedule(this::rebuildStaleIndexes, RETRY_SECONDS, TimeUnit.SECONDS);
            } else {
                log.error("Building the archive indexes failed", e);
            }
        }
    }

    /** The sites ({@code /content/newsfeed/{site}}) that changed paths belong to. */
    static Set<String> sitesOf(List<String> paths) {
        Set<String> sites = new LinkedHashSet<>();
        for (String path : paths) {
            if (!path.startsWith(CONTENT_ROOT + "/")) {
                continue;
            }
            int end = path.indexOf('/', CONTENT_ROOT.length() + 1);
            sites.add(end < 0 ? path : path.substring(0, end));
        }
        return sites;
    }

    private ResourceResolver serviceResolver() throws LoginException {
        return resolverFactory.getServiceResourceResolver(
                Map.of(ResourceResolverFactory.SUBSERVICE, SUBSERVICE));
    }
}
