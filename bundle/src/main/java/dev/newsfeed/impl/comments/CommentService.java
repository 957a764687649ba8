package dev.newsfeed.impl.comments;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.newsfeed.api.CommentChecker;
import dev.newsfeed.api.CommentSubmission;
import dev.newsfeed.api.Verdict;
import dev.newsfeed.impl.repository.Retry;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceResolverFactory;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.api.resource.observation.ExternalResourceChangeListener;
import org.apache.sling.api.resource.observation.ResourceChange;
import org.apache.sling.api.resource.observation.ResourceChangeListener;
import org.apache.sling.serviceusermapping.ServiceUserMapped;
import org.jetbrains.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The comment policy of the instance: limits, anti-abuse settings, the shared secret, plug-in checkers, and the
 * {@code comments} service user every comment write runs as.
 */
@Component(service = {CommentService.class, ResourceChangeListener.class}, immediate = true,
        property = {
            ResourceChangeListener.PATHS + "=" + CommentStore.ROOT,
            ResourceChangeListener.PATHS + "=" + ContentModel.CONTENT_ROOT,
            ResourceChangeListener.CHANGES + "=ADDED",
            ResourceChangeListener.CHANGES + "=REMOVED"
        })
@Designate(ocd = CommentService.Config.class)
public final class CommentService implements ResourceChangeListener, ExternalResourceChangeListener {

    static final String SUBSERVICE = "comments";
    private static final Logger log = LoggerFactory.getLogger(CommentService.class);

    @ObjectClassDefinition(name = "Newsfeed comments",
            description = "Limits and anti-abuse settings for reader comments.")
    public @interface Config {
        @AttributeDefinition(name = "Maximum body", description = "Largest accepted submission in bytes (413 beyond).")
        int max_body_bytes() default 65_536;

        @AttributeDefinition(name = "Client burst", description = "Submissions one client may send at once.")
        int client_burst() default 5;

        @AttributeDefinition(name = "Client rate", description = "Submissions one client gains per minute.")
        double client_per_minute() default 3;

        @AttributeDefinition(name = "Article burst", description = "Submissions one article takes at once.")
        int article_burst() default 30;

        @AttributeDefinition(name = "Article rate", description = "Submissions one article gains per minute.")
        double article_per_minute() default 30;

        @AttributeDefinition(name = "Maximum links",
                description = "A comment with more links is held for a moderator even where comments are approved"
                        + " automatically.")
        int max_links() default 2;

        @AttributeDefinition(name = "Minimum fill time",
                description = "Seconds between handing out the form token and a submission; faster ones are stored"
                        + " as spam (bots), answered like any other.")
        int min_fill_seconds() default 3;

        @AttributeDefinition(name = "Token lifetime", description = "Seconds a form token stays valid.")
        long token_max_age_seconds() default 604_800;

        @AttributeDefinition(name = "Reply depth", description = "Deepest reply level (1 = no replies to replies).")
        int max_depth() default 3;

        @AttributeDefinition(name = "Trusted proxies",
                description = "Addresses or CIDR ranges of reverse proxies whose forwarded header is believed."
                        + " Empty (default): the connection's address is the client, whatever headers say.")
        String[] trusted_proxies() default {};

        @AttributeDefinition(name = "Forwarded header",
                description = "Header naming the client behind a trusted proxy.")
        String forwarded_header() default "X-Forwarded-For";

        @AttributeDefinition(name = "Count check",
                description = "Seconds between comparisons of the comment counts with the stored comments (5 while"
                        + " a count differs). The first runs right after the journal replay at start.")
        int counts_check_seconds() default 60;

        @AttributeDefinition(name = "Count settle",
                description = "Seconds a count must differ, unchanged, after it was refolded before the difference"
                        + " is added to it (longer than Oak's counter consolidation retries, 32 s).")
        int counts_settle_seconds() default 40;
    }

    @Reference
    private ResourceResolverFactory resolverFactory;

    @Reference(target = "(" + ServiceUserMapped.SUBSERVICENAME + "=" + SUBSERVICE + ")")
    private ServiceUserMapped serviceUserMapped;

    private final List<CommentChecker> checkers = new CopyOnWriteArrayList<>();
    private volatile Config config;
    private volatile TokenBuckets clients;
    private volatile TokenBuckets articles;
    private volatile Secrets secrets;
    private CommentJournal journal;
    private ScheduledExecutorService worker;
    private int replayFailures;
    private volatile CountKeeper keeper = new CountKeeper(new OakCounters(), Duration.ofSeconds(40));
    private boolean countsStarted;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindChecker(CommentChecker checker) {
        checkers.add(checker);
    }

    void unbindChecker(CommentChecker checker) {
        checkers.remove(checker);
    }

    @Activate
    void activate(Config config, BundleContext context) throws IOException {
        modified(config);
        String home = context.getProperty("sling.home");
        Path dir = home != null ? Path.of(home, "newsfeed") : context.getDataFile("newsfeed").toPath();
        journal = new CommentJournal(dir.resolve("comments.journal"));
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsfeed-comment-journal");
            t.setDaemon(true);
            return t;
        });
        worker.schedule(this::replay, 1, TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(this::compact, 60, 60, TimeUnit.SECONDS);
    }

    @Modified
    void modified(Config config) {
        if (this.config == null || this.config.counts_settle_seconds() != config.counts_settle_seconds()) {
            keeper = new CountKeeper(new OakCounters(), Duration.ofSeconds(Math.max(1, config.counts_settle_seconds())));
        }
        this.config = config;
        this.clients = new TokenBuckets(config.client_burst(), config.client_per_minute());
        this.articles = new TokenBuckets(config.article_burst(), config.article_per_minute());
    }

    @Deactivate
    void deactivate() throws IOException {
        worker.shutdownNow();
        journal.close();
    }

    /** Records a stored comment on disk before the reader is told it was accepted. */
    public void journal(String sitePath, String duplicate, CommentStore.Record record) throws IOException {
        journal.append(CommentJournal.Entry.of(sitePath, duplicate, record));
    }

    /**
     * Moves a comment to another status for a moderator, and journals the change on disk before the moderator is
     * told (as submissions are): TarMK keeps its head revision in memory for a few seconds, and an approval answered
     * 200 must survive a JVM killed meanwhile. Returns the comment after the change, or null when there is none.
     */
    public @Nullable CommentStore.Record moderate(ResourceResolver resolver, SiteSettings site, String id,
            CommentStatus target, String moderator, Instant now)
            throws PersistenceException, javax.jcr.RepositoryException, IOException {
        CommentStore.Moderated moderated = Retry.commit(resolver,
                r -> CommentStore.moderate(r, site, id, target, moderator, now));
        if (moderated == null) {
            return null;
        }
        if (moderated.from() != moderated.after().status()) {
            journal.append(CommentJournal.Entry.moderation(site.path(), moderated.from(), moderated.after(),
                    moderator, now));
        }
        return moderated.after();
    }

    /**
     * Puts back journaled comments and moderations the repository lost (a JVM killed before TarMK flushed its head),
     * in journal order. A moderation is applied again only while the comment still has the status it had before.
     */
    private void replay() {
        try (ResourceResolver resolver = serviceResolver()) {
            int restored = 0;
            int remoderated = 0;
            for (CommentJournal.Entry entry : journal.entries()) {
                Resource siteResource = resolver.getResource(entry.site());
                if (siteResource == null) {
                    continue;
                }
                SiteSettings site = SiteSettings.from(siteResource);
                if (entry.isModeration()) {
                    remoderated += Retry.commit(resolver, r -> reapply(r, site, entry)) ? 1 : 0;
                    continue;
                }
                CommentStore.Record record = entry.record();
                boolean added = Retry.commit(resolver, r -> {
                    if (CommentStore.find(r, site, record.id()) != null
                            || CommentStore.isDuplicate(r, site, entry.duplicate())) {
                        return false;
                    }
                    CommentStore.add(r, site, record, entry.duplicate(), record.created());
                    return true;
                });
                restored += added ? 1 : 0;
            }
            if (restored > 0 || remoderated > 0) {
                log.warn("Restored {} comments and {} moderations from the journal that the repository had lost",
                        restored, remoderated);
            }
            replayFailures = 0;
            startCounts();
        } catch (LoginException | IOException | javax.jcr.RepositoryException
                | RuntimeException e) {
            // right after start the service user or its ACLs may not be there yet
            if (++replayFailures < 30) {
                worker.schedule(this::replay, 2, TimeUnit.SECONDS);
            } else {
                log.error("Could not replay the comment journal", e);
                startCounts();
            }
        }
    }

    private void startCounts() {
        if (!countsStarted) {
            countsStarted = true;
            worker.execute(this::checkCounts);
        }
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

    /**
     * Makes the comment counts exact again (see {@link CountKeeper}): right after the journal replay at start, then
     * every {@code counts.check.seconds}, every 5 s while a count differs.
     */
    private void checkCounts() {
        CountKeeper k = keeper;
        long next = Math.max(1, config.counts_check_seconds());
        try (ResourceResolver resolver = serviceResolver()) {
            long started = System.nanoTime();
            CountKeeper.Report report = k.pass(resolver, SiteSettings.all(resolver), Instant.now());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!report.nudged().isEmpty() || !report.corrected().isEmpty()) {
                log.warn("Comment counts: {} differed and were refolded {}, {} corrected {} ({} counters, {} ms)",
                        report.nudged().size(), report.nudged(), report.corrected().size(), report.corrected(),
                        report.counters(), millis);
            } else if (report.recounted() > 0) {
                log.info("Comment counts checked: {} counters, {} folders walked, {} ms", report.counters(),
                        report.recounted(), millis);
            } else {
                log.debug("Comment counts checked: {} counters, {} ms", report.counters(), millis);
            }
            if (k.hasSuspects()) {
                next = Math.min(next, 5);
            }
        } catch (LoginException | javax.jcr.RepositoryException | IOException | RuntimeException e) {
            log.warn("Checking the comment counts failed: {}", e.toString());
            k.recountAll();
            next = Math.min(next, 10);
        }
        try {
            worker.schedule(this::checkCounts, next, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivated
        }
    }

    /** Whether a journaled moderation still applies (the comment has the status it had before), and applies it. */
    private static boolean reapply(ResourceResolver resolver, SiteSettings site, CommentJournal.Entry entry)
            throws PersistenceException, javax.jcr.RepositoryException {
        if (!pendingModeration(resolver, site, entry)) {
            return false;
        }
        CommentStatus target = CommentStatus.of(entry.status());
        return target != null && CommentStore.moderate(resolver, site, entry.id(), target, entry.moderator(),
                Instant.ofEpochMilli(entry.moderatedAt())) != null;
    }

    private static boolean pendingModeration(ResourceResolver resolver, SiteSettings site, CommentJournal.Entry entry) {
        Resource current = CommentStore.find(resolver, site, entry.id());
        return current != null && CommentStatus.of(entry.moderatedFrom()) == CommentStore.status(current);
    }

    private void compact() {
        try (ResourceResolver resolver = serviceResolver()) {
            journal.compact(Instant.now(), entry -> {
                Resource site = resolver.getResource(entry.site());
                if (site == null) {
                    return false;
                }
                SiteSettings settings = SiteSettings.from(site);
                return entry.isModeration() ? pendingModeration(resolver, settings, entry)
                        : CommentStore.find(resolver, settings, entry.id()) == null;
            });
        } catch (LoginException | IOException | RuntimeException e) {
            log.warn("Compacting the comment journal failed: {}", e.toString());
        }
    }

    public Config config() {
        return config;
    }

    /** 0 when the client and the article may send another comment, else seconds to wait. */
    public long rateLimit(String client, String articleId) {
        long now = System.nanoTime();
        long wait = clients.take(client, now);
        return wait > 0 ? wait : articles.take(articleId, now);
    }

    public String clientAddress(String remoteAddress, java.util.function.Function<String, String> headers) {
        return ClientAddress.resolve(remoteAddress, headers.apply(config.forwarded_header()),
                List.of(config.trusted_proxies()));
    }

    /** Asks every registered checker; the strictest verdict wins, a failing checker accepts. */
    public Verdict check(CommentSubmission submission) {
        Verdict verdict = Verdict.accept();
        for (CommentChecker checker : new ArrayList<>(checkers)) {
            try {
                verdict = verdict.stricter(Objects.requireNonNullElse(checker.check(submission), Verdict.accept()));
            } catch (RuntimeException e) {
                log.warn("Comment checker {} failed: {}", checker.getClass().getName(), e.toString());
            }
        }
        return verdict;
    }

    public Duration tokenMaxAge() {
        return Duration.ofSeconds(config.token_max_age_seconds());
    }

    /** The shared secret (created in the repository on first use, so every cluster instance uses the same). */
    public Secrets secrets() throws LoginException, PersistenceException, javax.jcr.RepositoryException {
        Secrets s = secrets;
        if (s == null) {
            try (ResourceResolver resolver = serviceResolver()) {
                byte[] key = Retry.commit(resolver, CommentService::loadOrCreateKey);
                s = new Secrets(key);
                secrets = s;
            }
        }
        return s;
    }

    public ResourceResolver serviceResolver() throws LoginException {
        return resolverFactory.getServiceResourceResolver(Map.of(ResourceResolverFactory.SUBSERVICE, SUBSERVICE));
    }

    private static byte[] loadOrCreateKey(ResourceResolver resolver) throws PersistenceException {
        Resource node = ResourceUtil.getOrCreateResource(resolver, CommentStore.ROOT + "/secret",
                Map.of("jcr:primaryType", CommentStore.UNORDERED), CommentStore.UNORDERED, false);
        ModifiableValueMap props = Objects.requireNonNull(node.adaptTo(ModifiableValueMap.class));
        String value = props.get("key", String.class);
        if (value == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            value = Base64.getEncoder().encodeToString(key);
            props.put("key", value);
        }
        return Base64.getDecoder().decode(value);
    }
}
