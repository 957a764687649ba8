package dev.newsfeed.impl.servlets;

import java.time.Instant;
import java.util.Optional;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.PublicationStatus;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.Resource;

/** An article resource with its site, when readers may see it. */
record VisibleArticle(Article article, SiteSettings site) {

    /** The article and its site when the article is published at {@code now}; empty otherwise. */
    static Optional<VisibleArticle> visible(Resource resource, Instant now) {
        Optional<Resource> site = SiteSettings.siteOf(resource);
        if (site.isEmpty()) {
            return Optional.empty();
        }
        Article article = Article.from(resource);
        if (article.state(now) != PublicationStatus.PUBLISHED) {
            return Optional.empty();
        }
        return Optional.of(new VisibleArticle(article, SiteSettings.from(site.get())));
    }
}
