package dev.newsfeed.impl.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ArticleDocument;
import dev.newsfeed.impl.http.ConditionalRequests;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/**
 * The items of a public list of articles (the feed, the archive's periods) with their comment counts, the list's
 * Last-Modified, and the surrogate keys of the articles' comments: an approval changes a count, so it must move
 * Last-Modified and purge the pages that show that article.
 */
public record ArticleItems(
        List<ArticleDocument> documents,
        @Nullable Instant lastModified,
        List<String> keys,
        @Nullable Instant commentsClose) {

    /** @param since when the list itself last changed (its index), the floor of Last-Modified */
    public static ArticleItems of(
            ResourceResolver resolver,
            SiteSettings site,
            List<Article> articles,
            String base,
            Instant now,
            @Nullable Instant since) {
        List<ArticleDocument> documents = new ArrayList<>(articles.size());
        List<String> keys = new ArrayList<>(articles.size());
        Instant lastModified = since;
        Instant close = null;
        for (Article article : articles) {
            boolean open = Documents.commentsOpen(article, site, now);
            if (open && site.commentsOpenDays() > 0) {
                // the item's "open" turns false then, with no write: caches keep the list no longer
                close = ConditionalRequests.earliest(
                        close, article.published().plus(site.commentsOpenDays(), ChronoUnit.DAYS));
            }
            CommentStore.ThreadState thread = CommentStore.threadState(resolver, site, article.id());
            documents.add(Documents.listItem(article, site, base, thread.approved(), open));
            lastModified = ConditionalRequests.latest(lastModified, article.lastChanged(), thread.updated());
            keys.add(SurrogateKeys.comments(article.id()));
        }
        return new ArticleItems(documents, lastModified, keys, close);
    }

    /**
     * When the list changes with no write, given when the site's next scheduled article goes live: that, or the first
     * moment one of its items' comments close, whichever comes first; caches keep the list no longer.
     */
    public @Nullable Instant nextChange(@Nullable Instant nextGoingLive) {
        return ConditionalRequests.earliest(nextGoingLive, commentsClose);
    }
}
