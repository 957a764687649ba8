package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.ArchiveClerk;
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
    private static final Logger log = LoggerFactory.getLogger(ArticleEditServlet.class);

    @Reference
    private transient NewsfeedSettings settings;

    @Reference
    private transient ContentChangeListener contentChanges;

    @Reference
    private transient CsrfGuard csrf;

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        String[] selectors = request.getRequestPathInfo().getSelectors();
        Resource resource = request.getResource();
        Optional<Resource> siteResource = SiteSettings.siteOf(resource);
        if (selectors.length != 1 || Requests.hasSuffix(request) || siteResource.isEmpty()) {
            Responses.notFound(request, response, "No such endpoint of an article.");
            return;
        }
        boolean delete = "delete".equals(selectors[0]);
        if (!Writes.authorize(csrf, request, response, resource.getPath(), delete ? "remove" : "set_property")) {
            return;
        }
        SiteSettings site = SiteSettings.from(siteResource.get());
        String path = resource.getPath();
        List<LocalDate> days = new ArrayList<>();
        Optional.ofNullable(ArchiveClerk.dayOf(site, path)).ifPresent(days::add);
        ResourceResolver resolver = request.getResourceResolver();
        Instant now = Instant.now();
        try {
            if (delete) {
                Retry.commit(resolver, r -> {
                    Resource article = r.getResource(path);
                    if (article != null) {
                        ArticleWriter.delete(r, site, article);
                    }
                    return null;
                });
                contentChanges.afterWrite(site, days, Set.of(), Set.of(path));
                response.setStatus(204);
                response.setHeader("Cache-Control", "no-store");
                return;
            }
            Map<String, Object> fields = Writes.fields(request, response);
            if (fields == null) {
                return;
            }
            ArticleInput.Parsed parsed = ArticleInput.parse(fields, false, site.zone());
            if (parsed.input() == null) {
                Responses.badRequest(request, response, "The article has invalid fields.", parsed.errors());
                return;
            }
            String newPath = Retry.commit(resolver, r -> {
                Resource article = r.getResource(path);
                return article == null ? null : ArticleWriter.update(r, site, article, parsed.input(), r.getUserID(), now);
            });
            if (newPath == null) {
                Responses.notFound(request, response, "The article was deleted meanwhile.");
                return;
            }
            contentChanges.afterWrite(site, days, Set.of(newPath), Set.of());
            String base = settings.baseUrl(request);
            response.setHeader("Location", base + newPath + ".json");
            Responses.sendUncached(response, 200,
                    Documents.article(Article.from(resolver.getResource(newPath)), site, base, 0, now));
        } catch (PersistenceException | RepositoryException | LoginException e) {
            if (Writes.isAccessDenied(e)) {
                Writes.forbidden(request, response);
                return;
            }
            log.warn("Changing {} failed: {}", path, e.toString());
            Responses.problem(request, response, 503, "unavailable", "Service Unavailable",
                    "The article could not be saved; try again.");
        }
    }
}
