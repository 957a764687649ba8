package dev.newsfeed.impl.maintenance;

import static dev.newsfeed.impl.content.ContentModel.RT_SITE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.archive.ArchiveClerk;
import dev.newsfeed.impl.archive.ArchiveKeeper;
import dev.newsfeed.impl.changes.Change;
import dev.newsfeed.impl.changes.ChangeHistory;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What writes below a site entail, in order: filing the articles and counting them in the archive index
 * ({@link ArchiveKeeper}), then recording for the changes feed what readers can now see and announcing it
 * ({@link ChangeHistory}). Runs with the index writer's session (see {@link ArchiveKeeper#asIndexWriter}).
 */
final class FollowUp {

    private static final Logger log = LoggerFactory.getLogger(FollowUp.class);

    private final ArchiveKeeper archive;
    private final ChangeHistory history;

    FollowUp(ArchiveKeeper archive, ChangeHistory history) {
        this.archive = archive;
        this.history = history;
    }

    /** After an authoring endpoint's write: files, reindexes and records; the changes, to announce afterwards. */
    List<Change> afterWrite(
            ResourceResolver resolver,
            SiteSettings site,
            Collection<LocalDate> days,
            Collection<String> articlePaths,
            Collection<String> removedPaths)
            throws PersistenceException, RepositoryException {
        List<String> filed = archive.fileAndIndex(resolver, site, days, articlePaths);
        List<Change> changes = new ArrayList<>(history.record(resolver, site, filed));
        changes.addAll(history.record(resolver, site, removedPaths));
        return changes;
    }

    /** Rebuilds the index of sites after a bulk change. */
    void rebuild(ResourceResolver resolver, List<String> sitePaths) throws PersistenceException, RepositoryException {
        for (String sitePath : sitePaths) {
            SiteSettings site = site(resolver, sitePath);
            if (site != null) {
                long start = System.nanoTime();
                archive.rebuild(resolver, site, " after a bulk change");
                log.info("Rebuilt the archive index of {} in {} ms", sitePath, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    /** Follows changed paths (as the listener heard of them), site by site; announces the changes. */
    void follow(ResourceResolver resolver, List<String> paths) throws PersistenceException, RepositoryException {
        for (String sitePath : ChangedPaths.sitesOf(paths)) {
            SiteSettings site = site(resolver, sitePath);
            if (site != null) {
                history.announce(followSite(resolver, site, paths));
            }
        }
    }

    private List<Change> followSite(ResourceResolver resolver, SiteSettings site, List<String> paths)
            throws PersistenceException, RepositoryException {
        if (!archive.isCurrent(resolver, site) || paths.contains(site.archivePath())) {
            archive.rebuild(resolver, site, "");
            // and on: the changed articles still need filing, and the changes feed still needs to hear of them
        }
        ChangedPaths.OfSite changed = ChangedPaths.of(site, paths);
        Set<LocalDate> days = new LinkedHashSet<>();
        Set<String> tracked = new LinkedHashSet<>();
        for (String path : changed.articles()) {
            days.addAll(ArchiveClerk.daysOf(site, path));
            List<String> filed = new ArrayList<>();
            days.addAll(archive.file(resolver, site, path, filed));
            tracked.add(path);
            tracked.addAll(filed);
        }
        archive.reindex(resolver, site, days);
        List<Change> changes = new ArrayList<>(history.record(resolver, site, tracked));
        changes.addAll(history.recordComments(resolver, site, changed.threads()));
        return changes;
    }

    private static @Nullable SiteSettings site(ResourceResolver resolver, String sitePath) {
        Resource site = resolver.getResource(sitePath);
        return site != null && site.isResourceType(RT_SITE) ? SiteSettings.from(site) : null;
    }
}
