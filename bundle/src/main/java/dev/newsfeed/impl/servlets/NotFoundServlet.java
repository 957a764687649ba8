package dev.newsfeed.impl.servlets;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletResponse;

import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;

/**
 * A JSON document asked for below {@code /content/newsfeed} where the reader sees no resource: an address that does
 * not exist, or an embargoed article, which the repository does not show to the reader (docs/api.md, "Embargo"). Both
 * answer the same 404 problem, so the answer tells nothing about what is scheduled. Elsewhere Sling's own 404.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = Resource.RESOURCE_TYPE_NON_EXISTING,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        extensions = "json")
public final class NotFoundServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;
    static final String CONTENT_ROOT = "/content/newsfeed/";

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (request.getResource().getPath().startsWith(CONTENT_ROOT)) {
            Responses.notFound(request, response, "No article at this address.");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
