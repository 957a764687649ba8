package dev.newsfeed.impl.comments;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.ResourceResolver;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's comment journal ({@link CommentJournal}, {@code {sling.home}/newsfeed/comments.journal}): appends
 * every accepted comment and moderation, forced to disk, before the caller answers; at start puts back what the
 * repository lost ({@link JournalReplay}); compacts the file every minute. All of it on its own thread, on every
 * instance of a cluster: the journal is this instance's file of what this instance accepted, so only this instance
 * can replay or compact it (a leader-only job would leave every other instance's journal growing).
 */
@Component(service = JournalKeeper.class, immediate = true)
public final class JournalKeeper {

    private static final Logger log = LoggerFactory.getLogger(JournalKeeper.class);
    private static final int REPLAY_ATTEMPTS = 30;

    @Reference
    private CommentServiceUser serviceUser;

    private final CompletableFuture<Void> replayed = new CompletableFuture<>();
    private CommentJournal journal;
    private ScheduledExecutorService worker;
    private int replayFailures;

    @Activate
    void activate(BundleContext context) throws IOException {
        String home = context.getProperty("sling.home");
        Path dir = home != null
                ? Path.of(home, "newsfeed")
                : context.getDataFile("newsfeed").toPath();
        journal = new CommentJournal(dir.resolve("comments.journal"));
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsfeed-comment-journal");
            t.setDaemon(true);
            return t;
        });
        worker.schedule(this::replay, 1, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::compact, 60, 60, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() throws IOException {
        worker.shutdownNow();
        journal.close();
    }

    /** Records a stored comment on disk; returns once it is there. */
    public void comment(SiteSettings site, String duplicate, CommentRecord record) throws IOException {
        journal.append(CommentJournal.Entry.of(site.path(), duplicate, record));
    }

    /** Records comments stored together; returns once all of them are on disk (one flush). */
    public void comments(List<CommentJournal.Entry> entries) throws IOException {
        journal.appendAll(entries);
    }

    /** Records a moderation (the comment {@code after} it, which had status {@code from}); returns once on disk. */
    public void moderation(SiteSettings site, CommentStatus from, CommentRecord after, String moderator, Instant at)
            throws IOException {
        journal.append(CommentJournal.Entry.moderation(site.path(), from, after, moderator, at));
    }

    /** Runs {@code task} once the replay at start is over (at once when it is). */
    public void afterReplay(Runnable task) {
        replayed.thenRun(task);
    }

    private void replay() {
        try (ResourceResolver resolver = serviceUser.open()) {
            JournalReplay.Result result = JournalReplay.replay(resolver, journal.entries());
            if (result.restored() > 0 || result.remoderated() > 0) {
                log.warn(
                        "Restored {} comments and {} moderations from the journal that the repository had lost",
                        result.restored(),
                        result.remoderated());
            }
            replayFailures = 0;
            replayed.complete(null);
        } catch (LoginException | IOException | javax.jcr.RepositoryException | RuntimeException e) {
            // right after start the service user or its ACLs may not be there yet
            if (++replayFailures < REPLAY_ATTEMPTS) {
                worker.schedule(this::replay, 2, TimeUnit.SECONDS);
            } else {
                log.error("Could not replay the comment journal", e);
                replayed.complete(null);
            }
        }
    }

    private void compact() {
        try (ResourceResolver resolver = serviceUser.open()) {
            journal.compact(Instant.now(), entry -> JournalReplay.missing(resolver, entry));
        } catch (LoginException | IOException | RuntimeException e) {
            log.warn("Compacting the comment journal failed: {}", e.toString());
        }
    }
}
