package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.ArchiveKeeper;
import dev.newsfeed.impl.repository.Retry;
import dev.newsfeed.impl.authoring.ArticleInput;
import dev.newsfeed.impl.authoring.ArticleWriter;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.NewsfeedSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.maintenance.ContentChangeListener;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class ArticlesServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ArticlesServlet.class);

    @Reference
    private transient NewsfeedSettings settings;

    @Reference
    private transient ArchiveKeeper archive;

    @Reference
    private transient ContentChangeListener contentChanges;

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
        if (!Writes.authorize(csrf, request, response, site.archivePath() + "/new-article", "add_node,set_property")) {
            return;
        }
        if (request.getResourceResolver().getResource(site.archivePath()) == null) {
            try {
                archive.ensureFolders(site);
                request.getResourceResolver().refresh();
            } catch (LoginException | PersistenceException | RepositoryException e) {
                log.warn("Cannot create the archive folders of {}: {}", site.path(), e.toString());
            }
        }
        Map<String, Object> fields = Writes.fields(request, response);
        if (fields == null) {
            return;
        }
        ArticleInput.Parsed parsed = ArticleInput.parse(fields, true, site.zone());
        if (parsed.input() == null) {
            Responses.badRequest(request, response, "The article has invalid fields.", parsed.errors());
            return;
        }
        ResourceResolver resolver = request.getResourceResolver();
        Instant now = Instant.now();
        try {
            String path = Retry.commit(resolver,
                    r -> ArticleWriter.create(r, site, parsed.input(), r.getUserID(), now));
            contentChanges.afterWrite(site, List.of(), Set.of(path), Set.of());
            Resource created = resolver.getResource(path);
            String base = settings.baseUrl(request);
            response.setHeader("Location", base + path + ".json");
            Responses.sendUncached(response, 201,
                    Documents.article(Article.from(created), site, base, 0, now));
        } catch (PersistenceException | RepositoryException | LoginException e) {
            if (Writes.isAccessDenied(e)) {
                Writes.forbidden(request, response);
                return;
            }
            log.warn("Creating an article in {} failed: {}", site.path(), e.toString());
            Responses.problem(request, response, 503, "unavailable", "Service Unavailable",
                    "The article could not be saved; try again.");
        }
    }
}
