package dev.newsfeed.impl.authoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ArticleForm;
import dev.newsfeed.impl.html.HtmlSanitizer;
import dev.newsfeed.impl.http.PublicApiSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An article as an editor shows it: the stored fields, the publish date in the site's local time, the body as the
 * API serves it, and the links to read, update and delete it.
 */
@Component(service = ArticleForms.class)
public class ArticleForms {

    @Reference
    private PublicApiSettings settings;

    public ArticleForm of(HttpServletRequest request, Article article, SiteSettings site, Instant now) {
        Instant published = article.published();
        String api = settings.baseUrl(request) + article.path();
        return new ArticleForm(
                article.id(),
                article.path(),
                article.state(now).name().toLowerCase(Locale.ROOT),
                article.title(),
                article.lead(),
                HtmlSanitizer.article(article.body()),
                article.author(),
                published == null ? null : Dates.format(published, site.zone()),
                published == null
                        ? null
                        : published
                                .truncatedTo(ChronoUnit.SECONDS)
                                .atZone(site.zone())
                                .toLocalDateTime()
                                .toString(),
                site.zone().getId(),
                article.tags(),
                article.commentsOpen(),
                article.modified() == null ? null : Dates.format(article.modified(), site.zone()),
                new ArticleForm.Links(api + ".json", api + ".update.json", api + ".delete.json"));
    }
}
