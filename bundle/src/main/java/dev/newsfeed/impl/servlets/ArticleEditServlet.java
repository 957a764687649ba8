package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

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
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST {article}.update.json} changes the fields it is sent (a new publish date moves the article to its new
 * day folder, an empty one makes it a draft again; folders left empty are removed) and answers 200 with the
 * document and its new {@code Location}. {@code POST {article}.delete.json} deletes it (204).
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_ARTICLE,
        methods = HttpConstants.METHOD_POST,
        selectors = {"update", "delete"},
        extensions = "json")
public final class ArticleEditServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient CsrfGuard csrf;

    @Reference
    private transient ArticleAuthoring authoring;

    @Reference
    private transient PublicApiSettings settings;

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        String[] selectors = request.getRequestPathInfo().getSelectors();
        String path = request.getResource().getPath();
        Optional<Resource> siteResource = SiteSettings.siteOf(request.getResource());
        if (selectors.length != 1 || Requests.hasSuffix(request) || siteResource.isEmpty()) {
            Responses.notFound(request, response, "No such endpoint of an article.");
            return;
        }
        boolean delete = "delete".equals(selectors[0]);
        if (!WriteAccess.authorize(csrf, request, response, path, delete ? "remove" : "set_property")) {
            return;
        }
        SiteSettings site = SiteSettings.from(siteResource.get());
        try {
            if (delete) {
                authoring.delete(request.getResourceResolver(), site, path);
                response.setStatus(204);
                response.setHeader("Cache-Control", "no-store");
            } else {
                update(request, response, site, path);
            }
        } catch (PersistenceException | RepositoryException | LoginException e) {
            ArticleWrites.failed(request, response, e, "Changing " + path);
        }
    }

    private void update(
            SlingHttpServletRequest request, SlingHttpServletResponse response, SiteSettings site, String path)
            throws IOException, PersistenceException, RepositoryException, LoginException {
        ArticleInput input = ArticleWrites.input(request, response, false, site);
        if (input == null) {
            return;
        }
        String base = settings.baseUrl(request);
        Optional<ArticleAuthoring.Saved> saved =
                authoring.update(request.getResourceResolver(), site, path, input, base, Instant.now());
        if (saved.isEmpty()) {
            Responses.notFound(request, response, "The article was deleted meanwhile.");
            return;
        }
        ArticleWrites.saved(response, 200, base, saved.get());
    }
}
