package dev.newsfeed.impl.authoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.archive.ArchiveClerk;
import dev.newsfeed.impl.archive.ArchiveKeeper;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ArticleDocument;
import dev.newsfeed.impl.logging.LogText;
import dev.newsfeed.impl.maintenance.ContentChangeListener;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authors' article workflows: create, change and delete an article with the author's own session (committed with
 * {@link Retry}), then have the archive file and count it at once ({@link ContentChangeListener#afterWrite}).
 */
@Component(service = ArticleAuthoring.class)
public class ArticleAuthoring {

    private static final Logger log = LoggerFactory.getLogger(ArticleAuthoring.class);

    /** A saved article: its path and its document as the write answers it. */
    public record Saved(String path, ArticleDocument document) {}

    @Reference
    private ContentChangeListener contentChanges;

    @Reference
    private ArchiveKeeper archive;

    /** Creates the article where its publish date files it. */
    public Saved create(ResourceResolver resolver, SiteSettings site, ArticleInput input, String base, Instant now)
            throws PersistenceException, RepositoryException, LoginException {
        String path = Retry.commit(resolver, r -> ArticleWriter.create(r, site, input, r.getUserID(), now));
        follow(site, List.of(), Set.of(path), Set.of());
        return saved(resolver, site, path, base, now);
    }

    /** Changes the fields the input carries (and files the article anew); empty when it was deleted meanwhile. */
    public Optional<Saved> update(
            ResourceResolver resolver, SiteSettings site, String path, ArticleInput input, String base, Instant now)
            throws PersistenceException, RepositoryException, LoginException {
        String newPath = Retry.commit(resolver, r -> {
            Resource article = r.getResource(path);
            return article == null ? null : ArticleWriter.update(r, site, article, input, r.getUserID(), now);
        });
        if (newPath == null) {
            return Optional.empty();
        }
        follow(site, daysOf(site, path), Set.of(newPath), Set.of());
        return Optional.of(saved(resolver, site, newPath, base, now));
    }

    /** Deletes the article, if it is still there, and the folders it leaves empty. */
    public void delete(ResourceResolver resolver, SiteSettings site, String path)
            throws PersistenceException, RepositoryException, LoginException {
        Retry.commit(resolver, r -> {
            Resource article = r.getResource(path);
            if (article != null) {
                ArticleWriter.delete(r, site, article);
            }
            return null;
        });
        follow(site, daysOf(site, path), Set.of(), Set.of(path));
    }

    /**
     * Has the archive follow a committed write at once. The write is stored whatever happens here: when the follow-up
     * fails (Oak's retries exhausted by another cluster instance, the service session refused) the author still gets
     * the saved answer, not a 503 that invites a second create, and the content listener, which hears the same write,
     * files and counts it on its own thread, retrying.
     */
    private void follow(SiteSettings site, List<LocalDate> days, Set<String> articlePaths, Set<String> removedPaths) {
        try {
            contentChanges.afterWrite(site, days, articlePaths, removedPaths);
        } catch (LoginException | PersistenceException | RepositoryException e) {
            log.warn("Saved in {}; the archive follows on the listener's thread: {}", site.path(), LogText.causes(e));
        }
    }

    /** A new site's archive root and drafts folder, which its authors may not create themselves. */
    public void ensureArchive(ResourceResolver resolver, SiteSettings site) {
        if (resolver.getResource(site.archivePath()) != null) {
            return;
        }
        try {
            archive.ensureFolders(site);
            resolver.refresh();
        } catch (LoginException | PersistenceException | RepositoryException e) {
            log.warn("Cannot create the archive folders of {}: {}", site.path(), e.toString());
        }
    }

    private static List<LocalDate> daysOf(SiteSettings site, String path) {
        List<LocalDate> days = new ArrayList<>();
        Optional.ofNullable(ArchiveClerk.dayOf(site, path)).ifPresent(days::add);
        return days;
    }

    private static Saved saved(ResourceResolver resolver, SiteSettings site, String path, String base, Instant now) {
        return new Saved(path, Documents.article(Article.from(resolver.getResource(path)), site, base, 0, now));
    }
}
