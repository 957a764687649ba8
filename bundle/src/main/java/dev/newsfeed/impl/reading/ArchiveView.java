package dev.newsfeed.impl.reading;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import dev.newsfeed.impl.archive.ArchiveListing;
import dev.newsfeed.impl.archive.Period;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ArticlePage;
import dev.newsfeed.impl.feed.ArticleItems;
import dev.newsfeed.impl.http.ConditionalRequests;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.SurrogateKeys;
import dev.newsfeed.impl.paging.PageRequest;
import org.apache.sling.api.resource.ResourceResolver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A page of the published articles of an archive period (year, month, day or all), newest first. */
@Component(service = ArchiveView.class)
public class ArchiveView {

    @Reference
    private PublicApiSettings settings;

    /** The page {@code page} asks for of the period whose folder is at {@code folderPath}. */
    public PublicDocument of(
            HttpServletRequest request,
            ResourceResolver resolver,
            SiteSettings site,
            Period period,
            String folderPath,
            PageRequest page,
            Instant now)
            throws IOException {
        String base = settings.baseUrl(request);
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
        ArchiveListing.Slice slice =
                ArchiveListing.list(resolver, site, index, period, page.cursor(), page.limit(), now, false);
        ArticleItems items = ArticleItems.of(
                resolver,
                site,
                slice.articles(),
                base,
                now,
                ConditionalRequests.latest(index.updated(), slice.indexChanged()));
        String next = null;
        if (slice.more()) {
            Article last = slice.articles().get(slice.articles().size() - 1);
            next = base + folderPath + ".json?limit=" + page.limit() + "&cursor="
                    + URLEncoder.encode(ArchiveListing.cursorAfter(last).encode(), StandardCharsets.UTF_8);
        }
        // each item shows its comment count: approving a comment purges the pages that show that article
        List<String> keys = new ArrayList<>(List.of(SurrogateKeys.site(site.path()), periodKey(site, period)));
        keys.addAll(items.keys());
        return PublicDocument.json(
                new ArticlePage(items.documents(), next),
                items.lastModified(),
                settings.publicCache().until(items.nextChange(index.nextGoingLive(now, site.zone())), now),
                settings.surrogateKeyHeader(),
                keys);
    }

    /** The surrogate key of the listed period. */
    static String periodKey(SiteSettings site, Period period) {
        if (period.first() == null) {
            return SurrogateKeys.archive(site.path());
        }
        if (period.first().equals(period.last())) {
            return SurrogateKeys.day(site.path(), period.first());
        }
        if (period.first().getMonth() == period.last().getMonth()) {
            return SurrogateKeys.month(site.path(), YearMonth.from(period.first()));
        }
        return SurrogateKeys.year(site.path(), period.first().getYear());
    }
}
