package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;

import javax.servlet.Servlet;

import dev.newsfeed.impl.authoring.AuthorListing;
import dev.newsfeed.impl.authoring.AuthorListingRequest;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
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

/**
 * {@code GET {site}.articles.json?status=draft|scheduled|published|all&q=&month=YYYY-MM&limit&cursor}: the authors'
 * list of the site's articles, drafts and scheduled ones included (see {@link AuthorListing}). For members of
 * newsfeed-authors (read with their own session); never cached.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "articles",
        extensions = "json")
public final class ArticleListServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient PublicApiSettings settings;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (Requests.answeredUnknownEndpoint(request, response, "a site")) {
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        if (!WriteAccess.permitted(
                request, response, Roles.authorProbe(site), "add_node,set_property", WriteAccess.AUTHORS)) {
            return;
        }
        AuthorListingRequest.Parsed parsed = AuthorListingRequest.parse(
                request.getParameter("status"),
                request.getParameter("q"),
                request.getParameter("month"),
                request.getParameter("limit"),
                request.getParameter("cursor"));
        if (parsed.request() == null) {
            Responses.badRequest(request, response, "Invalid list parameters.", parsed.errors());
            return;
        }
        Responses.sendUncached(
                response,
                200,
                parsed.request().page(request.getResourceResolver(), site, settings.baseUrl(request), Instant.now()));
    }
}
