package dev.newsfeed.impl.changes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.cluster.LeaderJob;
import dev.newsfeed.impl.cluster.Pacer;
import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.OriginCache;
import dev.newsfeed.impl.logging.LogText;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceResolverFactory;
import org.apache.sling.serviceusermapping.ServiceUserMapped;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
 * Keeps the changes feed's history: records what writes changed for readers and announces it ({@link PurgeNotifier}),
 * and runs its two periodic jobs, {@link #checkGoingLive} (scheduled articles that went live) and
 * {@link #pruneChangeLog} (history older than the retention), with the {@code content-writer} service user, on the
 * Sling scheduler and only on the cluster's leader ({@link LeaderJob}): both are about the shared repository, so one
 * instance does them for all. Configured under the PID the archive maintenance had, so existing configurations keep
 * working.
 */
// immediate: its periodic jobs run whether or not a servlet or the listener uses it yet
@Component(service = ChangeHistory.class, configurationPid = ChangeHistory.PID, immediate = true)
@Designate(ocd = ChangeHistory.Config.class)
public final class ChangeHistory {

    /** The configuration PID, from when one component did filing, the index and the changes feed. */
    static final String PID = "dev.newsfeed.impl.archive.ArchiveMaintenance";

    @ObjectClassDefinition(
            name = "Newsfeed changes feed history",
            description = "How long the changes feed keeps its history, and how often it checks for scheduled"
                    + " articles that went live.")
    public @interface Config {
        @AttributeDefinition(
                name = "Changes kept",
                description = "Days the changes feed keeps (deletions included); an older token answers 410.")
        int changes_retention_days() default 30;

        @AttributeDefinition(
                name = "Going-live check",
                description = "Seconds between checks for scheduled articles that went live (logged as created, and"
                        + " purged).")
        int golive_check_seconds() default 15;
    }

    private static final Logger log = LoggerFactory.getLogger(ChangeHistory.class);
    private static final String SUBSERVICE = "content-writer";
    static final String GOING_LIVE_JOB = "newsfeed-going-live";
    static final String PRUNE_JOB = "newsfeed-changes-prune";
    /** Pruning is paced on this tick: first one tick after start (as before), then every hour. */
    private static final long PRUNE_TICK_SECONDS = 60;

    private static final Duration PRUNE_EVERY = Duration.ofMinutes(60);

    @Reference
    private ResourceResolverFactory resolverFactory;

    @Reference(target = "(" + ServiceUserMapped.SUBSERVICENAME + "=" + SUBSERVICE + ")")
    private ServiceUserMapped serviceUserMapped;

    @Reference
    private PurgeNotifier purge;

    @Reference
    private OriginCache originCache;

    private ServiceRegistration<Runnable> goingLiveJob;
    private ServiceRegistration<Runnable> pruneJob;
    private volatile int retentionDays = 30;

    @Activate
    void activate(BundleContext context, Config config) {
        retentionDays = Math.max(1, config.changes_retention_days());
        long every = Math.max(1, config.golive_check_seconds());
        goingLiveJob = LeaderJob.schedule(context, GOING_LIVE_JOB, every, this::checkGoingLive);
        Pacer prune = new Pacer(Duration.ZERO);
        pruneJob = LeaderJob.schedule(
                context,
                PRUNE_JOB,
                PRUNE_TICK_SECONDS,
                () -> prune.tick(() -> {
                    pruneChangeLog();
                    return PRUNE_EVERY;
                }));
    }

    @Deactivate
    void deactivate() {
        LeaderJob.cancel(goingLiveJob);
        LeaderJob.cancel(pruneJob);
    }

    /** Days the changes feed keeps; a token older than that is answered 410. */
    public int retentionDays() {
        return retentionDays;
    }

    /**
     * Periodic job: logs and purges, in every site, the scheduled articles that went live since the last check (no
     * write marks that moment). One site's failure does not stop the others; the next check covers the same interval.
     * Runs on the leader; a run that overlaps a new leader's run announces each article once (see
     * {@link ChangeRecorder#trackGoingLive}).
     */
    public void checkGoingLive() {
        try (ResourceResolver resolver = serviceResolver()) {
            Instant now = Instant.now();
            for (SiteSettings site : SiteSettings.all(resolver)) {
                try {
                    announce(GoingLiveCheck.check(resolver, site, now));
                } catch (PersistenceException | RepositoryException | RuntimeException e) {
                    resolver.revert();
                    log.warn(
                            "Checking {} for articles going live failed; will retry: {}",
                            site.path(),
                            LogText.causes(e));
                }
            }
        } catch (LoginException | RuntimeException e) {
            log.warn("Checking for articles going live failed: {}", e.toString());
        }
    }

    /** Periodic job: deletes every site's change history older than the retention. */
    public void pruneChangeLog() {
        try (ResourceResolver resolver = serviceResolver()) {
            LocalDate keepFrom = LocalDate.now(ZoneOffset.UTC).minusDays(retentionDays);
            for (SiteSettings site : SiteSettings.all(resolver)) {
                Retry.commit(resolver, r -> ChangeLog.prune(r, site, keepFrom));
            }
        } catch (LoginException | PersistenceException | RepositoryException | RuntimeException e) {
            log.warn("Pruning the changes history failed: {}", e.toString());
        }
    }

    /**
     * Records what the changed (or removed) paths of a site changed for readers, one commit per path; the changes,
     * for {@link #announce} once the caller is done.
     */
    public List<Change> record(ResourceResolver resolver, SiteSettings site, Collection<String> paths)
            throws PersistenceException, RepositoryException {
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            Instant now = Instant.now();
            changes.addAll(Retry.commit(resolver, r -> {
                Resource resource = r.getResource(path);
                if (resource == null) {
                    return ChangeRecorder.trackRemoved(r, site, path, now);
                }
                Change c = ChangeRecorder.trackArticle(r, site, resource, now);
                return c == null ? List.<Change>of() : List.of(c);
            }));
        }
        return changes;
    }

    /** Records the approved comment counts of articles whose comment threads changed; the changes. */
    public List<Change> recordComments(ResourceResolver resolver, SiteSettings site, Collection<String> articleIds)
            throws PersistenceException, RepositoryException {
        List<Change> changes = new ArrayList<>();
        for (String articleId : articleIds) {
            Change c = Retry.commit(
                    resolver,
                    r -> ChangeRecorder.trackComments(
                            r, site, articleId, CommentStore.approvedCount(r, site, articleId), Instant.now()));
            if (c != null) {
                changes.add(c);
            }
        }
        return changes;
    }

    /** Tells caches what the changes made stale (an OSGi event each, and the configured purge endpoint). */
    public void announce(List<Change> changes) {
        if (!changes.isEmpty()) {
            originCache.bump(); // before the purges: what caches fetch again is rendered anew
        }
        changes.forEach(purge::notify);
    }

    private ResourceResolver serviceResolver() throws LoginException {
        return resolverFactory.getServiceResourceResolver(Map.of(ResourceResolverFactory.SUBSERVICE, SUBSERVICE));
    }
}
