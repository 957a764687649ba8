package dev.newsfeed.impl.servlets;

import java.io.IOException;

import javax.servlet.Servlet;

import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;

/**
 * Every GET on a Newsfeed resource that no API servlet serves ({@code .xml}, {@code .infinity.json},
 * {@code .txt}, {@code .html}, unknown selectors) answers a 404 problem instead of Sling's default renderings,
 * which would dump raw nodes, drafts included.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = {
            ContentModel.RT_SITE,
            ContentModel.RT_ARCHIVE,
            ContentModel.RT_ARTICLE,
            ContentModel.RT_COMMENT,
            CommentStore.RT_THREAD
        },
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD})
public final class FallbackServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Responses.notFound(request, response, "Newsfeed serves no such representation of this resource.");
    }
}
