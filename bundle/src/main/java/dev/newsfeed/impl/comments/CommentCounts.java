package dev.newsfeed.impl.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.newsfeed.impl.cluster.LeaderJob;
import dev.newsfeed.impl.cluster.Pacer;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.observation.ExternalResourceChangeListener;
import org.apache.sling.api.resource.observation.ResourceChange;
import org.apache.sling.api.resource.observation.ResourceChangeListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link CountKeeper}: tells it which comment folders change events name (on every instance, local and
 * external events alike), and makes the comment counts exact again right after the journal replay at start, then
 * every {@code counts.check.seconds} (every 5 s while a count differs). The passes run on the cluster's leader only
 * ({@link LeaderJob}, ticking every second, paced by a {@link Pacer}): counters are shared, so one instance checks
 * them for all. A new leader's keeper, due since its own start, walks everything at its first tick as leader.
 */
@Component(
        service = ResourceChangeListener.class,
        immediate = true,
        configurationPid = CommentConfig.PID,
        property = {
            ResourceChangeListener.PATHS + "=" + CommentStore.ROOT,
            ResourceChangeListener.PATHS + "=" + ContentModel.CONTENT_ROOT,
            ResourceChangeListener.CHANGES + "=ADDED",
            ResourceChangeListener.CHANGES + "=REMOVED"
        })
public final class CommentCounts implements ResourceChangeListener, ExternalResourceChangeListener {

    private static final Logger log = LoggerFactory.getLogger(CommentCounts.class);
    static final String JOB = "newsfeed-comment-counts";
    private static final long TICK_SECONDS = 1;

    @Reference
    private CommentServiceUser serviceUser;

    @Reference
    private JournalKeeper journal;

    private volatile CommentConfig config;
    private volatile CountKeeper keeper;
    private final Pacer pacer = new Pacer(null);
    private ServiceRegistration<Runnable> job;

    @Activate
    void activate(BundleContext context, CommentConfig config) {
        modified(config);
        job = LeaderJob.schedule(context, JOB, TICK_SECONDS, () -> pacer.tick(this::check));
        journal.afterReplay(pacer::dueNow);
    }

    @Modified
    void modified(CommentConfig config) {
        if (this.config == null || this.config.counts_settle_seconds() != config.counts_settle_seconds()) {
            keeper =
                    new CountKeeper(new OakCounters(), Duration.ofSeconds(Math.max(1, config.counts_settle_seconds())));
        }
        this.config = config;
    }

    @Deactivate
    void deactivate() {
        LeaderJob.cancel(job);
    }

    @Override
    public void onChange(List<ResourceChange> changes) {
        CountKeeper k = keeper;
        for (ResourceChange change : changes) {
            String path = change.getPath();
            if (path.startsWith(CommentStore.ROOT) || path.contains("/" + CommentStore.NN_PUBLIC)) {
                k.changed(path);
            }
        }
    }

    /** One pass; the delay to the next. */
    private Duration check() {
        CountKeeper k = keeper;
        long next = Math.max(1, config.counts_check_seconds());
        try (ResourceResolver resolver = serviceUser.open()) {
            long started = System.nanoTime();
            CountKeeper.Report report = k.pass(resolver, SiteSettings.all(resolver), Instant.now());
            log(report, (System.nanoTime() - started) / 1_000_000);
            if (k.hasSuspects()) {
                next = Math.min(next, 5);
            }
        } catch (LoginException | javax.jcr.RepositoryException | java.io.IOException | RuntimeException e) {
            log.warn("Checking the comment counts failed: {}", e.toString());
            k.recountAll();
            next = Math.min(next, 10);
        }
        return Duration.ofSeconds(next);
    }

    private static void log(CountKeeper.Report report, long millis) {
        if (!report.nudged().isEmpty() || !report.corrected().isEmpty()) {
            log.warn(
                    "Comment counts: {} differed and were refolded {}, {} corrected {} ({} counters, {} ms)",
                    report.nudged().size(),
                    report.nudged(),
                    report.corrected().size(),
                    report.corrected(),
                    report.counters(),
                    millis);
        } else if (report.recounted() > 0) {
            log.info(
                    "Comment counts checked: {} counters, {} folders walked, {} ms",
                    report.counters(),
                    report.recounted(),
                    millis);
        } else {
            log.debug("Comment counts checked: {} counters, {} ms", report.counters(), millis);
        }
    }
}
