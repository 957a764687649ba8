package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.feed.FeedPages;
import dev.newsfeed.impl.feed.FeedQuery;
import dev.newsfeed.impl.feed.FeedReader;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET {site}.feed.json?limit&cursor&tag&from&to}: published articles newest first, keyset-paged. Without a
 * tag it walks the archive (the index of months, then the day folders of the page); with a tag an Oak query on the
 * {@code newsfeedArticles-custom-1} index answers it, never a traversal. {@code GET {site}.feed.explain.json} (same
 * parameters) shows site administrators Oak's plan for the query.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "feed",
        extensions = "json")
public final class FeedServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(FeedServlet.class);

    @Reference
    private transient FeedPages feed;

    @Reference
    private transient PublicApiSettings settings;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Boolean explain = Requests.explainVariant(request);
        if (explain == null) {
            Responses.notFound(request, response, "No such feed document.");
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        FeedQuery.Parsed parsed = FeedQuery.parse(
                site.path(),
                request.getParameter("limit"),
                request.getParameter("cursor"),
                Requests.utf8Parameter(request, "tag"),
                request.getParameter("from"),
                request.getParameter("to"));
        if (parsed.query() == null) {
            Responses.badRequest(request, response, "Invalid feed parameters.", parsed.errors());
            return;
        }
        try {
            if (explain) {
                explain(request, response, site, parsed.query());
            } else {
                page(request, response, site, parsed.query());
            }
        } catch (RepositoryException e) {
            log.warn("The feed query of {} failed: {}", site.path(), e.toString());
            Responses.problem(
                    request,
                    response,
                    503,
                    "unavailable",
                    "Service Unavailable",
                    "The feed is unavailable right now; try again.");
        }
    }

    private void page(
            SlingHttpServletRequest request, SlingHttpServletResponse response, SiteSettings site, FeedQuery query)
            throws IOException, RepositoryException {
        Instant now = Instant.now();
        FeedPages.Page page = feed.page(request.getResourceResolver(), site, query, settings.baseUrl(request), now);
        if (page == null) {
            Responses.indexBuilding(
                    request, response, "The article index is being built; filtering by tag is back in a moment.");
            return;
        }
        Responses.send(request, response, page.toDocument(settings.publicCache(), settings.surrogateKeyHeader(), now));
    }

    /** Oak's plan for the query, for administrators of the site. */
    private static void explain(
            SlingHttpServletRequest request, SlingHttpServletResponse response, SiteSettings site, FeedQuery query)
            throws IOException, RepositoryException {
        if (WriteAccess.permitted(request, response, site.path(), "set_property", "an administrator of the site")) {
            Instant now = Instant.now();
            Responses.sendUncached(
                    response,
                    200,
                    Map.of(
                            "statement",
                            query.statement(site.zone(), now),
                            "plan",
                            FeedReader.explain(request.getResourceResolver(), site, query, now)));
        }
    }
}
