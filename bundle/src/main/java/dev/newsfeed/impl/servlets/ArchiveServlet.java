package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.ArchiveListing;
import dev.newsfeed.impl.archive.Period;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ArticlePage;
import dev.newsfeed.impl.feed.ArticleItems;
import dev.newsfeed.impl.http.NewsfeedSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.http.SurrogateKeys;
import dev.newsfeed.impl.http.Validators;
import dev.newsfeed.impl.paging.PageRequest;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET {year}.json}, {@code {month}.json}, {@code {day}.json} (and the archive root): the published articles
 * of that period, newest first, paged by {@code limit} and {@code cursor}.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_ARCHIVE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        extensions = "json")
public final class ArchiveServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient NewsfeedSettings settings;

    /** The surrogate key of the listed period. */
    static String periodKey(SiteSettings site, Period period) {
        if (period.first() == null) {
            return SurrogateKeys.archive(site.path());
        }
        if (period.first().equals(period.last())) {
            return SurrogateKeys.day(site.path(), period.first());
        }
        if (period.first().getMonth() == period.last().getMonth()) {
            return SurrogateKeys.month(site.path(), java.time.YearMonth.from(period.first()));
        }
        return SurrogateKeys.year(site.path(), period.first().getYear());
    }

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Resource folder = request.getResource();
        Optional<Resource> siteResource = SiteSettings.siteOf(folder);
        Period period = siteResource.map(s -> Period.of(SiteSettings.from(s), folder.getPath())).orElse(null);
        if (Requests.hasSelectors(request) || Requests.hasSuffix(request) || period == null) {
            Responses.notFound(request, response, "No such archive document.");
            return;
        }
        PageRequest.Parsed parsed = PageRequest.parse(request.getParameter("limit"), request.getParameter("cursor"));
        if (parsed.request() == null) {
            Responses.badRequest(request, response, "Invalid paging parameters.", parsed.errors());
            return;
        }
        PageRequest page = parsed.request();
        SiteSettings site = SiteSettings.from(siteResource.get());
        Instant now = Instant.now();
        ResourceArchiveIndex index = new ResourceArchiveIndex(request.getResourceResolver(), site.path());
        ArchiveListing.Slice slice = ArchiveListing.list(request.getResourceResolver(), site, index, period,
                page.cursor(), page.limit(), now, false);

        String base = settings.baseUrl(request);
        ArticleItems items = ArticleItems.of(request.getResourceResolver(), site, slice.articles(), base, now,
                Validators.latest(index.updated(), slice.indexChanged()));
        String next = null;
        if (slice.more()) {
            Article last = slice.articles().get(slice.articles().size() - 1);
            next = base + folder.getPath() + ".json?limit=" + page.limit() + "&cursor="
                    + URLEncoder.encode(ArchiveListing.cursorAfter(last).encode(), StandardCharsets.UTF_8);
        }
        // each item shows its comment count: approving a comment purges the pages that show that article
        List<String> keys = new ArrayList<>(List.of(SurrogateKeys.site(site.path()), periodKey(site, period)));
        keys.addAll(items.keys());
        settings.surrogateKeys(response, keys);
        Responses.sendJson(request, response, new ArticlePage(items.documents(), next), items.lastModified(),
                settings.publicCache().until(index.nextGoingLive(now, site.zone()), now));
    }
}
