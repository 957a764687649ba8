package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.ArchiveKeeper;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.ContentModel;
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
 * {@code POST {site}.reindex.json}: rebuilds the site's archive index from its folders (after a bulk import, or
 * when an operator doubts it). For users who may change the site node itself, i.e. site administrators.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = HttpConstants.METHOD_POST,
        selectors = "reindex",
        extensions = "json")
public final class ReindexServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ArchiveKeeper archive;

    @Reference
    private transient CsrfGuard csrf;

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        String site = request.getResource().getPath();
        if (request.getRequestPathInfo().getSelectors().length != 1
                || !WriteAccess.authorize(
                        csrf, request, response, site, "set_property", "an administrator of the site")) {
            if (!response.isCommitted() && response.getStatus() < 400) {
                Responses.notFound(request, response, "No such endpoint of a site.");
            }
            return;
        }
        long start = System.nanoTime();
        try {
            archive.rebuild(site);
        } catch (LoginException | PersistenceException | RepositoryException e) {
            Responses.problem(
                    request,
                    response,
                    503,
                    "unavailable",
                    "Service Unavailable",
                    "The archive index could not be rebuilt: " + e.getMessage());
            return;
        }
        request.getResourceResolver().refresh();
        int months = new ResourceArchiveIndex(request.getResourceResolver(), site)
                .months()
                .size();
        Responses.sendUncached(
                response, 200, Map.of("months", months, "millis", (System.nanoTime() - start) / 1_000_000));
    }
}
