package dev.newsfeed.impl.maintenance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.archive.ArchiveKeeper;
import dev.newsfeed.impl.changes.Change;
import dev.newsfeed.impl.changes.ChangeHistory;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.logging.LogText;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.observation.ResourceChange;
import org.apache.sling.api.resource.observation.ResourceChangeListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every write below {@code /content/newsfeed} with filing, the archive index and the changes feed (see
 * {@link FollowUp}), whoever writes: as a resource change listener it follows writes through Sling's POST servlet,
 * packages, WebDAV or any other API, coalescing changed paths ({@link PendingChanges}) and working them off on one
 * worker thread, retrying failures; the authoring endpoints call {@link #afterWrite} to have their own write followed
 * at once. When it starts, the worker builds the indexes that are missing or of an old layout, and it looks for
 * missing ones again every {@link #SWEEP_SECONDS}.
 *
 * <p>All of it runs on every instance of a cluster, on its own thread, deliberately: the listener hears local writes
 * only (not an {@code ExternalResourceChangeListener}), so the instance that took a write follows it; and the
 * start-up build is a one-off that is a no-op when the indexes are current, must run where the new code runs (a
 * leader still on an older bundle would not know the new layout), and two instances building at once write the same
 * counts of the same archive (or conflict in Oak, and the retry finds the index current).
 */
@Component(
        service = {ContentChangeListener.class, ResourceChangeListener.class},
        property = {
            ResourceChangeListener.PATHS + "=" + ContentModel.CONTENT_ROOT,
            ResourceChangeListener.CHANGES + "=ADDED",
            ResourceChangeListener.CHANGES + "=CHANGED",
            ResourceChangeListener.CHANGES + "=REMOVED"
        })
public final class ContentChangeListener implements ResourceChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ContentChangeListener.class);
    private static final long COALESCE_MILLIS = 100;
    private static final long RETRY_SECONDS = 3;
    private static final int MAX_FAILURES = 20;
    static final int BULK_THRESHOLD = 20_000;
    private static final long BULK_QUIET_SECONDS = 3;
    static final long SWEEP_SECONDS = 10;

    @Reference
    private ArchiveKeeper archive;

    @Reference
    private ChangeHistory history;

    private final PendingChanges pending = new PendingChanges(BULK_THRESHOLD);
    private final AtomicInteger drainFailures = new AtomicInteger();
    private final AtomicInteger rebuildFailures = new AtomicInteger();
    private FollowUp followUp;
    private ScheduledExecutorService worker;

    @Activate
    void activate() {
        followUp = new FollowUp(archive, history);
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsfeed-archive-maintenance");
            t.setDaemon(true);
            return t;
        });
        worker.execute(this::rebuildStaleIndexes);
        worker.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public void onChange(List<ResourceChange> changes) {
        long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(BULK_QUIET_SECONDS);
        List<String> paths = new ArrayList<>();
        changes.forEach(change -> paths.add(change.getPath()));
        if (pending.add(paths, quietUntil)) {
            worker.schedule(this::drain, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * After an authoring endpoint's write: files the articles, reindexes the days they left and entered (or builds the
     * index of a site that has none yet), records the change for the changes feed and announces the purge. The
     * listener sees the same write later and finds nothing left to do.
     */
    public void afterWrite(
            SiteSettings site,
            Collection<LocalDate> days,
            Collection<String> articlePaths,
            Collection<String> removedPaths)
            throws LoginException, PersistenceException, RepositoryException {
        List<Change> changes = archive.asIndexWriter(
                resolver -> followUp.afterWrite(resolver, site, days, articlePaths, removedPaths));
        history.announce(changes);
    }

    private void drain() {
        PendingChanges.Batch batch = pending.take(System.nanoTime());
        if (batch.later()) {
            worker.schedule(this::drain, 1, TimeUnit.SECONDS);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            archive.asIndexWriter(resolver -> {
                followUp.rebuild(resolver, batch.rebuilds());
                followUp.follow(resolver, batch.paths());
                return null;
            });
        } catch (LoginException e) {
            log.error("Newsfeed cannot open its service session ({}); archive index not updated", e.getMessage());
        } catch (PersistenceException | RepositoryException | RuntimeException e) {
            retry(batch, e);
            return;
        }
        drainFailures.set(0);
    }

    private void retry(PendingChanges.Batch batch, Exception e) {
        int failures = drainFailures.incrementAndGet();
        if (failures > MAX_FAILURES) {
            log.error(
                    "Updating the archive index failed {} times; giving up on {} changed paths",
                    failures,
                    batch.paths().size(),
                    e);
            drainFailures.set(0);
            return;
        }
        log.warn("Updating the archive index failed; will retry: {}", LogText.causes(e));
        pending.putBack(batch, System.nanoTime());
        worker.schedule(this::drain, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    private void rebuildStaleIndexes() {
        try {
            archive.rebuildStaleIndexes();
        } catch (LoginException | PersistenceException | RepositoryException | RuntimeException e) {
            // right after an install the service user, its ACLs or /var/newsfeed/index may not exist yet
            if (rebuildFailures.incrementAndGet() <= MAX_FAILURES) {
                log.info("Building the archive indexes failed ({}); trying again in {} s", e.toString(), RETRY_SECONDS);
                worker.schedule(this::rebuildStaleIndexes, RETRY_SECONDS, TimeUnit.SECONDS);
            } else {
                log.error("Building the archive indexes failed", e);
            }
        }
    }

    /**
     * Builds the indexes still missing, every {@link #SWEEP_SECONDS}: a site that arrived while no listener was
     * registered (a content package extracted while the bundle restarted, its events gone with the old registration)
     * is otherwise not heard of until its next write. When every index is current this reads one node per site.
     */
    private void sweep() {
        try {
            archive.rebuildStaleIndexes();
        } catch (LoginException | PersistenceException | RepositoryException | RuntimeException e) {
            log.debug("Checking the archive indexes failed: {}", LogText.causes(e));
        }
    }
}
