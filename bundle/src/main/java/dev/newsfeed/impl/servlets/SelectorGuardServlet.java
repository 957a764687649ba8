package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.util.Set;

import javax.servlet.Servlet;

import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.ServletResolverConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;

/**
 * Newsfeed's selectors stay Newsfeed's: a request with one of them ({@code .delete.json}, {@code .comments.json},
 * {@code .moderation.json}, …) on a path that is no Newsfeed resource (a missing article: {@code sling:nonexisting};
 * another resource: {@code sling/servlet/default}) answers a 404 problem, instead of reaching Sling's POST servlet,
 * which would create a node named {@code no-such-slug.delete.json}, or its default renderings. Registered for every
 * method and no extension: Sling's servlet resolution prefers it (one selector matched) over the POST servlet and
 * the default GET servlet (none), and prefers our servlets of the Newsfeed resource types over it (as specific, and
 * earlier in the resource type hierarchy), as long as they are registered with their selector (hence
 * {@link JsonFeedServlet}). On a Newsfeed resource it answers 405 with {@code Allow} when only the method is wrong, else
 * 404 ({@link NewsfeedSelectors}).
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = {Resource.RESOURCE_TYPE_NON_EXISTING, ServletResolverConstants.DEFAULT_RESOURCE_TYPE},
        methods = {
            HttpConstants.METHOD_GET,
            HttpConstants.METHOD_HEAD,
            HttpConstants.METHOD_POST,
            HttpConstants.METHOD_PUT,
            HttpConstants.METHOD_DELETE,
            "PATCH"
        },
        selectors = {
            "articles",
            "calendar",
            "changes",
            "comment-form",
            "comments",
            "console",
            "csrf",
            "delete",
            "edit",
            "feed",
            "moderation",
            "reindex",
            "search",
            "settings",
            "update"
        })
public final class SelectorGuardServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        refuse(request, response);
    }

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        refuse(request, response);
    }

    @Override
    protected void doPut(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        refuse(request, response);
    }

    @Override
    protected void doDelete(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        refuse(request, response);
    }

    @Override
    protected void handleMethodNotImplemented(
            @NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response) throws IOException {
        refuse(request, response);
    }

    private static void refuse(SlingHttpServletRequest request, SlingHttpServletResponse response) throws IOException {
        Set<String> allowed = NewsfeedSelectors.allowed(
                request.getResource(),
                request.getRequestPathInfo().getSelectors(),
                request.getRequestPathInfo().getExtension());
        if (allowed.isEmpty()) {
            Responses.notFound(request, response, "No Newsfeed resource or endpoint at this address.");
            return;
        }
        response.setHeader("Allow", String.join(", ", allowed));
        Responses.problem(
                request,
                response,
                405,
                "method-not-allowed",
                "Method Not Allowed",
                "This endpoint answers " + String.join(", ", allowed) + " only.");
    }
}
