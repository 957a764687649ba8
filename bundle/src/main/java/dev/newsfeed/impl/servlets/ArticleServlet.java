package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.servlet.Servlet;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.PublicationStatus;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.reading.ArticleView;
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
 * {@code GET {article}.json}: the article document. Drafts and articles scheduled for later answer 404,
 * except to a signed-in user who may edit the article (a preview, never cached).
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_ARTICLE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        extensions = "json")
public final class ArticleServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient ArticleView view;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (Requests.answeredOtherForm(request, response, "an article")) {
            return;
        }
        Resource resource = request.getResource();
        Optional<Resource> siteResource = SiteSettings.siteOf(resource);
        if (siteResource.isEmpty()) {
            Responses.notFound(request, response, "The article is not inside a Newsfeed site.");
            return;
        }
        Article article = Article.from(resource);
        Instant now = Instant.now();
        boolean published = article.state(now) == PublicationStatus.PUBLISHED;
        if (!published && !mayPreview(request, resource)) {
            Responses.notFound(request, response, "No published article at this address.");
            return;
        }
        Responses.send(
                request,
                response,
                view.of(
                        request,
                        request.getResourceResolver(),
                        article,
                        SiteSettings.from(siteResource.get()),
                        !published,
                        now));
    }

    /** Authors who may change the article see it before it is published. */
    static boolean mayPreview(SlingHttpServletRequest request, Resource article) {
        if (Requests.isAnonymous(request.getResourceResolver())) {
            return false;
        }
        Session session = request.getResourceResolver().adaptTo(Session.class);
        try {
            return session != null && session.hasPermission(article.getPath(), Session.ACTION_SET_PROPERTY);
        } catch (RepositoryException e) {
            return false;
        }
    }
}
