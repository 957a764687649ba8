package dev.newsfeed.impl.reading;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ArticleState;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.SurrogateKeys;
import dev.newsfeed.impl.http.Validators;
import org.apache.sling.api.resource.ResourceResolver;

/** The article document with its comment count, cached no longer than its comments stay open. */
public final class ArticleView {

    private ArticleView() {}

    /**
     * The document of {@code article}; {@code cache} is the public policy for a published article and
     * {@link CachePolicy#PRIVATE} for an author's preview.
     */
    public static PublicDocument of(ResourceResolver resolver, Article article, SiteSettings site, String base,
            CachePolicy cache, Instant now) throws IOException {
        List<String> keys = List.of(SurrogateKeys.site(site.path()), SurrogateKeys.article(article.id()),
                SurrogateKeys.comments(article.id()));
        boolean open = Documents.commentsOpen(article, site, now);
        if (article.state(now) == ArticleState.PUBLISHED && open && site.commentsOpenDays() > 0) {
            cache = cache.until(article.published().plus(site.commentsOpenDays(), ChronoUnit.DAYS), now);
        }
        CommentStore.ThreadState thread = CommentStore.threadState(resolver, site, article.id());
        return PublicDocument.json(Documents.article(article, site, base, thread.approved(), now),
                Validators.latest(article.lastChanged(), thread.updated()), cache, keys);
    }
}
