package dev.newsfeed.impl.maintenance;

import static dev.newsfeed.impl.content.ContentModel.CONTENT_ROOT;
import static dev.newsfeed.impl.content.ContentModel.NN_DRAFTS;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.SiteSettings;
import org.jetbrains.annotations.Nullable;

/**
 * What a changed path below {@code /content/newsfeed} is about: which site, an article or archive folder to file and
 * count, a public comment thread (its article's comment count), or something inside an article that moves no count.
 */
final class ChangedPaths {

    /** A site's changed paths, sorted by what follows from them. */
    record OfSite(Set<String> articles, Set<String> threads) {}

    private ChangedPaths() {}

    /** The sites ({@code /content/newsfeed/{site}}) that changed paths belong to. */
    static Set<String> sitesOf(Collection<String> paths) {
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

    /**
     * The paths below a site that may be articles or archive folders (to file, count and track), and the article
     * ids of changed public comment threads; paths inside articles are left out.
     */
    static OfSite of(SiteSettings site, Collection<String> paths) {
        Set<String> articles = new LinkedHashSet<>();
        Set<String> threads = new LinkedHashSet<>();
        for (String changed : paths) {
            // a change at or below an AEM page's jcr:content is a change of the page (docs/aem.md)
            String path = ContentNodes.owner(changed);
            if (!path.startsWith(site.path() + "/")) {
                continue;
            }
            String thread = threadOf(site, path);
            if (thread != null) {
                threads.add(thread);
            } else if (!isInsideArticle(site, path)) {
                articles.add(path);
            }
        }
        return new OfSite(articles, threads);
    }

    /** The article id of a path in a site's public comment threads ({site}/comments/{id}[/...]), or null. */
    static @Nullable String threadOf(SiteSettings site, String path) {
        String prefix = site.path() + "/" + CommentStore.NN_PUBLIC + "/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
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
}
