package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.search.SearchPages;
import dev.newsfeed.impl.search.SearchRequest;
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
 * {@code GET {site}.search.json?q&limit&cursor}: the site's published articles that contain every word and phrase
 * of {@code q}, best first, with snippets; answered by the {@code newsfeedSearch-custom-1} Lucene index, never a
 * traversal. {@code GET {site}.search.explain.json?q} shows site administrators Oak's plan for the query.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "search",
        extensions = "json")
public final class SearchServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SearchServlet.class);

    @Reference
    private transient SearchPages search;

    @Reference
    private transient PublicApiSettings settings;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Boolean explain = Requests.explainVariant(request);
        if (explain == null) {
            Responses.notFound(request, response, "No such search document.");
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        SearchRequest.Parsed parsed = SearchRequest.parse(
                site.path(),
                Requests.utf8Parameter(request, "q"),
                request.getParameter("limit"),
                request.getParameter("cursor"));
        if (parsed.request() == null) {
            if (parsed.badQuery()) {
                Responses.problem(
                        request,
                        response,
                        400,
                        "invalid-query",
                        "Bad Request",
                        "Invalid search query.",
                        parsed.errors());
            } else {
                Responses.badRequest(request, response, "Invalid search parameters.", parsed.errors());
            }
            return;
        }
        try {
            if (explain) {
                explain(request, response, site, parsed.request());
            } else {
                page(request, response, site, parsed.request());
            }
        } catch (RepositoryException e) {
            log.warn("The search of {} failed: {}", site.path(), e.toString());
            Responses.problem(
                    request, response, 503, "unavailable", "Service Unavailable", "Search is unavailable right now.");
        }
    }

    private void page(
            SlingHttpServletRequest request, SlingHttpServletResponse response, SiteSettings site, SearchRequest query)
            throws IOException, RepositoryException {
        Instant now = Instant.now();
        SearchPages.Page page = search.page(request.getResourceResolver(), site, query, settings.baseUrl(request), now);
        if (page == null) {
            Responses.indexBuilding(request, response, "The search index is being built; search is back in a moment.");
            return;
        }
        Responses.send(request, response, page.toDocument(settings.publicCache(), settings.surrogateKeyHeader(), now));
    }

    /** The statement, Oak's plan and the scored hits of the page, for administrators of the site. */
    private void explain(
            SlingHttpServletRequest request, SlingHttpServletResponse response, SiteSettings site, SearchRequest query)
            throws IOException, RepositoryException {
        if (WriteAccess.permitted(request, response, site.path(), "set_property", "an administrator of the site")) {
            Responses.sendUncached(
                    response, 200, search.explain(request.getResourceResolver(), site, query, Instant.now()));
        }
    }
}
