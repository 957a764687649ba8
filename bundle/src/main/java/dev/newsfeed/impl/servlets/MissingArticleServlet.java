package dev.newsfeed.impl.servlets;

import java.io.IOException;

import javax.servlet.Servlet;

import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;

/**
 * A comment posted to an address where there is no article ({@code .../no-such-article.comments.json}) answers a 404
 * problem, instead of reaching Sling's POST servlet, which would try to create a node there.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = Resource.RESOURCE_TYPE_NON_EXISTING,
        methods = {HttpConstants.METHOD_POST, HttpConstants.METHOD_GET},
        selectors = {"comments", "comment-form"},
        extensions = "json")
public final class MissingArticleServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Responses.notFound(request, response, "No article at this address.");
    }

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Responses.notFound(request, response, "No article at this address.");
    }
}
