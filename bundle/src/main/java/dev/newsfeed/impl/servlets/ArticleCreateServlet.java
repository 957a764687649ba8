package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.authoring.ArticleAuthoring;
import dev.newsfeed.impl.authoring.ArticleInput;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST {site}.articles.json}: an author creates an article. With a publish date it is filed in the day folder
 * of that date in the site's zone (folders created as needed), without one it is a draft in {@code {site}/drafts}.
 * Answers 201 with the article document and its address; the calendar and listings count it at once.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = HttpConstants.METHOD_POST,
        selectors = "articles",
        extensions = "json")
public final class ArticleCreateServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ArticleAuthoring authoring;

    @Reference
    private transient PublicApiSettings settings;

    @Reference
    private transient CsrfGuard csrf;

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such endpoint of a site.");
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        if (!WriteAccess.authorize(
                csrf, request, response, site.archivePath() + "/new-article", "add_node,set_property")) {
            return;
        }
        authoring.ensureArchive(request.getResourceResolver(), site);
        ArticleInput input = ArticleWrites.input(request, response, true, site);
        if (input == null) {
            return;
        }
        try {
            ArticleAuthoring.Saved saved = authoring.create(
                    request.getResourceResolver(), site, input, settings.baseUrl(request), Instant.now());
            ArticleWrites.saved(response, 201, settings.baseUrl(request), saved);
        } catch (PersistenceException | RepositoryException | LoginException e) {
            ArticleWrites.failed(request, response, e, "Creating an article in " + site.path());
        }
    }
}
