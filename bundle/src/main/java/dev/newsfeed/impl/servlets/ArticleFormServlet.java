package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import javax.servlet.Servlet;

import dev.newsfeed.impl.authoring.ArticleForms;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET {article}.edit.json}: the article as an editor shows it (stored fields, the publish date in the site's
 * local time, the body as the API serves it). For users who may change the article (members of newsfeed-authors);
 * never cached.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_ARTICLE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "edit",
        extensions = "json")
public final class ArticleFormServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ArticleForms forms;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Resource resource = request.getResource();
        Optional<Resource> siteResource = SiteSettings.siteOf(resource);
        if (!Requests.onlySelector(request) || siteResource.isEmpty()) {
            Responses.notFound(request, response, "No such endpoint of an article.");
            return;
        }
        if (WriteAccess.permitted(request, response, resource.getPath(), "set_property", WriteAccess.AUTHORS)) {
            Responses.sendUncached(
                    response,
                    200,
                    forms.of(request, Article.from(resource), SiteSettings.from(siteResource.get()), Instant.now()));
        }
    }
}
