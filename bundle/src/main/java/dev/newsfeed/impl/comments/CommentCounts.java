package dev.newsfeed.impl.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.observation.ExternalResourceChangeListener;
import org.apache.sling.api.resource.observation.ResourceChange;
import org.apache.sling.api.resource.observation.ResourceChangeListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link CountKeeper}: tells it which comment folders change events name, and makes the comment counts
 * exact again right after the journal replay at start, then every {@code counts.check.seconds} (every 5 s while a
 * count differs).
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

    @Reference
    private CommentServiceUser serviceUser;

    @Reference
    private JournalKeeper journal;

    private volatile CommentConfig config;
    private volatile CountKeeper keeper;
    private ScheduledExecutorService worker;

    @Activate
    void activate(CommentConfig config) {
        modified(config);
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsfeed-comment-counts");
            t.setDaemon(true);
            return t;
        });
        journal.afterReplay(() -> schedule(0));
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
        worker.shutdownNow();
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

    private void schedule(long seconds) {
        try {
            worker.schedule(this::check, seconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // deactivated
        }
    }

    private void check() {
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
        schedule(next);
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
