package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.ArchiveListing;
import dev.newsfeed.impl.archive.Period;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.Json;
import dev.newsfeed.impl.http.NewsfeedSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.http.SurrogateKeys;
import dev.newsfeed.impl.syndication.Syndication;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code {site}.rss} (RSS 2.0), {@code {site}.atom} (Atom 1.0), {@code {site}.feed.jsonfeed} (JSON Feed 1.1). */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        extensions = {"rss", "atom", "jsonfeed"})
public final class SyndicationServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;
    static final int ITEMS = 20;

    @Reference
    private transient NewsfeedSettings settings;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        serve(settings, request, response);
    }

    /** RSS, Atom or (with the selector {@code feed}) JSON Feed of the site; shared with {@link JsonFeedServlet}. */
    static void serve(NewsfeedSettings settings, SlingHttpServletRequest request, SlingHttpServletResponse response)
            throws IOException {
        String extension = request.getRequestPathInfo().getExtension();
        String selectors = request.getRequestPathInfo().getSelectorString();
        boolean json = "jsonfeed".equals(extension);
        if ((json ? !"feed".equals(selectors) : selectors != null) || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such feed format.");
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        Instant now = Instant.now();
        ResourceArchiveIndex index = new ResourceArchiveIndex(request.getResourceResolver(), site.path());
        List<Article> articles = ArchiveListing.list(request.getResourceResolver(), site, index, Period.ALL, null,
                ITEMS, now, true).articles();
        Instant updated = articles.stream().map(Article::lastChanged).max(Instant::compareTo)
                .orElse(site.modified() == null ? Instant.EPOCH : site.modified());
        String base = settings.baseUrl(request);
        settings.surrogateKeys(response, List.of(SurrogateKeys.site(site.path()), SurrogateKeys.feed(site.path())));
        var cache = settings.publicCache().until(index.nextGoingLive(now, site.zone()), now);
        if (json) {
            Responses.send(request, response, Syndication.JSON_FEED,
                    Json.bytes(Syndication.jsonFeed(site, articles, base)), updated, cache);
        } else if ("rss".equals(extension)) {
            Responses.send(request, response, Syndication.RSS, Syndication.rss(site, articles, base, updated), updated,
                    cache);
        } else {
            Responses.send(request, response, Syndication.ATOM, Syndication.atom(site, articles, base, updated),
                    updated, cache);
        }
    }
}
