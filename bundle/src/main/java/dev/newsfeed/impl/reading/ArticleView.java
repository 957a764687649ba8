package dev.newsfeed.impl.reading;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.PublicationStatus;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.ConditionalRequests;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.apache.sling.api.resource.ResourceResolver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The article document with its comment count, cached no longer than its comments stay open. */
@Component(service = ArticleView.class)
public class ArticleView {

    @Reference
    private PublicApiSettings settings;

    /** The document of {@code article}: public, or an author's preview (never cached). */
    public PublicDocument of(
            HttpServletRequest request,
            ResourceResolver resolver,
            Article article,
            SiteSettings site,
            boolean preview,
            Instant now)
            throws IOException {
        CachePolicy cache = preview ? CachePolicy.PRIVATE : settings.publicCache();
        List<String> keys = List.of(
                SurrogateKeys.site(site.path()),
                SurrogateKeys.article(article.id()),
                SurrogateKeys.comments(article.id()));
        boolean open = Documents.commentsOpen(article, site, now);
        if (article.state(now) == PublicationStatus.PUBLISHED && open && site.commentsOpenDays() > 0) {
            cache = cache.until(article.published().plus(site.commentsOpenDays(), ChronoUnit.DAYS), now);
        }
        CommentStore.ThreadState thread = CommentStore.threadState(resolver, site, article.id());
        return PublicDocument.json(
                Documents.article(article, site, settings.baseUrl(request), thread.approved(), now),
                ConditionalRequests.latest(article.lastChanged(), thread.updated()),
                cache,
                settings.surrogateKeyHeader(),
                keys);
    }
}
