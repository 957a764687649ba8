package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.NN_DRAFTS;
import static dev.newsfeed.impl.content.ContentModel.RT_ARTICLE;
import static dev.newsfeed.impl.content.ContentModel.RT_SITE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.logging.LogText;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceResolverFactory;
import org.apache.sling.serviceusermapping.ServiceUserMapped;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files every site's articles and keeps its archive index, as the one writer of the index: one writer at a time
 * ({@link #asIndexWriter}), each with a {@code content-writer} session opened after it got its turn, so a rebuild
 * that read the archive before an author's article was filed never commits its counts after the author's own
 * reindex of that day. The steps that take a resolver are meant for the session {@link #asIndexWriter} gives.
 */
@Component(service = ArchiveKeeper.class)
@Designate(ocd = ArchiveKeeper.Config.class)
public final class ArchiveKeeper {

    @ObjectClassDefinition(
            name = "Newsfeed archive keeper",
            description = "Files written articles into their archive day (or the drafts) and keeps the archive index.")
    public @interface Config {
        @AttributeDefinition(
                name = "File articles",
                description = "Move an article written or re-dated outside its day into articles/YYYY/MM/DD of its"
                        + " published date (or into drafts). false on AEM's publish tier (config.publish), where"
                        + " articles arrive filed by replication and a move would not be the author's.")
        boolean filing_enabled() default true;
    }

    /** Work done as the index writer, with its session. */
    @FunctionalInterface
    public interface IndexWork<T> {
        T run(ResourceResolver resolver) throws PersistenceException, RepositoryException;
    }

    private static final Logger log = LoggerFactory.getLogger(ArchiveKeeper.class);
    private static final String SUBSERVICE = "content-writer";

    @Reference
    private ResourceResolverFactory resolverFactory;

    @Reference(target = "(" + ServiceUserMapped.SUBSERVICENAME + "=" + SUBSERVICE + ")")
    private ServiceUserMapped serviceUserMapped;

    private volatile boolean filing = true;

    /** One index writer at a time (see the class comment). */
    private final Object indexWriter = new Object();

    @Activate
    @Modified
    void activate(Config config) {
        filing = config.filing_enabled();
        log.info("Filing of articles {}", filing ? "on" : "off (filing.enabled=false)");
    }

    /** Runs {@code work} as the one index writer, with a service session opened once it got its turn. */
    public <T> T asIndexWriter(IndexWork<T> work) throws LoginException, PersistenceException, RepositoryException {
        synchronized (indexWriter) {
            try (ResourceResolver resolver = serviceResolver()) {
                return work.run(resolver);
            }
        }
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
        asIndexWriter(resolver -> {
            Resource site = resolver.getResource(sitePath);
            if (site != null && site.isResourceType(RT_SITE)) {
                ArchiveIndexer.rebuild(resolver, SiteSettings.from(site), Instant.now());
            }
            return null;
        });
    }

    /** Builds the index of every site whose index is missing or of an old layout (when Newsfeed starts). */
    public void rebuildStaleIndexes() throws LoginException, PersistenceException, RepositoryException {
        asIndexWriter(resolver -> {
            for (SiteSettings site : SiteSettings.all(resolver)) {
                if (!isCurrent(resolver, site)) {
                    log.info("Building the archive index of {}", site.path());
                    long started = System.nanoTime();
                    ArchiveIndexer.rebuild(resolver, site, Instant.now());
                    log.info(
                            "Built the archive index of {} in {} s",
                            site.path(),
                            (System.nanoTime() - started) / 1_000_000_000L);
                }
            }
            return null;
        });
    }

    /**
     * After a write: files the articles at {@code articlePaths} and reindexes the days they left and entered and
     * {@code days}, or builds the whole index of a site that has none yet; the articles' paths after filing.
     */
    public List<String> fileAndIndex(
            ResourceResolver resolver, SiteSettings site, Collection<LocalDate> days, Collection<String> articlePaths)
            throws PersistenceException, RepositoryException {
        Set<LocalDate> touched = new LinkedHashSet<>(days);
        List<String> filed = new ArrayList<>();
        for (String path : articlePaths) {
            touched.addAll(file(resolver, site, path, filed));
        }
        if (isCurrent(resolver, site)) {
            reindex(resolver, site, touched);
        } else {
            // a new site whose first build the listener has not done yet (or an old layout): all of it now, or the
            // calendar would not count this article until then
            log.info("Building the archive index of {} before its first article is counted", site.path());
            ArchiveIndexer.rebuild(resolver, site, Instant.now());
        }
        return filed;
    }

    /** Rebuilds one site's index, logging why. */
    public void rebuild(ResourceResolver resolver, SiteSettings site, String why)
            throws PersistenceException, RepositoryException {
        log.info("Rebuilding the archive index of {}{}", site.path(), why);
        ArchiveIndexer.rebuild(resolver, site, Instant.now());
    }

    /** Whether a site's index exists, is of the current layout and counts in the site's zone. */
    public boolean isCurrent(ResourceResolver resolver, SiteSettings site) {
        return new ResourceArchiveIndex(resolver, site.path())
                .isCurrent(site.zone().getId());
    }

    /**
     * Files the article at {@code path} if there is one (adding its new path to {@code filed}), committing; the days
     * it left and entered.
     */
    public Set<LocalDate> file(ResourceResolver resolver, SiteSettings site, String path, List<String> filed)
            throws PersistenceException, RepositoryException {
        Set<LocalDate> days = new LinkedHashSet<>();
        Optional.ofNullable(ArchiveClerk.dayOf(site, path)).ifPresent(days::add);
        if (!filing) {
            // the publish tier: the article is where replication put it; its day is counted as it stands
            log.debug("Not filing {}: filing.enabled=false", LogText.escape(path));
            return days;
        }
        if (!path.startsWith(site.archivePath() + "/") && !path.startsWith(site.path() + "/" + NN_DRAFTS + "/")) {
            // the service user may move articles within the archive and the drafts only (repoinit): elsewhere in the
            // site (an AEM page created on the site page itself) the move would be refused and retried in vain
            // (outside the archive dayOf is null: no day)
            log.info("Not filing {}: articles are filed from {site}/articles or {site}/drafts", LogText.escape(path));
            return days;
        }
        String moved = Retry.commit(resolver, r -> {
            Resource article = r.getResource(path);
            return article == null || !article.isResourceType(RT_ARTICLE) ? null : ArchiveClerk.file(r, site, article);
        });
        if (moved != null) {
            filed.add(moved);
            Optional.ofNullable(ArchiveClerk.dayOf(site, moved)).ifPresent(days::add);
            if (!moved.equals(path)) {
                log.info("Filed {} as {}", LogText.escape(path), moved);
            }
        }
        return days;
    }

    /** Recomputes the index of the given days, one commit each. */
    public void reindex(ResourceResolver resolver, SiteSettings site, Collection<LocalDate> days)
            throws PersistenceException, RepositoryException {
        Instant now = Instant.now();
        for (LocalDate day : days) {
            Retry.commit(resolver, r -> {
                ArchiveIndexer.reindexDay(r, site, day, now);
                return null;
            });
        }
    }

    private ResourceResolver serviceResolver() throws LoginException {
        return resolverFactory.getServiceResourceResolver(Map.of(ResourceResolverFactory.SUBSERVICE, SUBSERVICE));
    }
}
