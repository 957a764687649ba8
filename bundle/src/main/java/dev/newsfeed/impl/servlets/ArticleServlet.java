package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import java.util.List;

import javax.servlet.Servlet;

import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ArticleState;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.NewsfeedSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.http.SurrogateKeys;
import dev.newsfeed.impl.http.Validators;
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
    private transient NewsfeedSettings settings;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (Requests.hasSelectors(request) || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such document of an article: "
                    + request.getRequestPathInfo().getSelectorString());
            return;
        }
        Resource resource = request.getResource();
        Optional<Resource> siteResource = SiteSettings.siteOf(resource);
        if (siteResource.isEmpty()) {
            Responses.notFound(request, response, "The article is not inside a Newsfeed site.");
            return;
        }
        SiteSettings site = SiteSettings.from(siteResource.get());
        Article article = Article.from(resource);
        Instant now = Instant.now();
        ArticleState state = article.state(now);
        CachePolicy cache = settings.publicCache();
        if (state != ArticleState.PUBLISHED) {
            if (!mayPreview(request, resource)) {
                Responses.notFound(request, response, "No published article at this address.");
                return;
            }
            cache = CachePolicy.PRIVATE;
        }
        var resolver = request.getResourceResolver();
        if (cache.shared()) {
            settings.surrogateKeys(response, List.of(SurrogateKeys.site(site.path()),
                    SurrogateKeys.article(article.id()), SurrogateKeys.comments(article.id())));
        }
        boolean open = Documents.commentsOpen(article, site, now);
        if (state == ArticleState.PUBLISHED && open && site.commentsOpenDays() > 0) {
            cache = cache.until(article.published().plus(site.commentsOpenDays(), ChronoUnit.DAYS), now);
        }
        CommentStore.ThreadState thread = CommentStore.threadState(resolver, site, article.id());
        Responses.sendJson(request, response,
                Documents.article(article, site, settings.baseUrl(request), thread.approved(), now),
                Validators.latest(article.lastChanged(), thread.updated()),
                cache);
    }

    /** Authors who may change the article see it before it is published. */
    private static boolean mayPreview(SlingHttpServletRequest request, Resource article) {
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
