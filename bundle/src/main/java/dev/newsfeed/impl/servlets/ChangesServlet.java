package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import javax.servlet.Servlet;

import dev.newsfeed.impl.changes.ChangesFeed;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET {site}.changes.json?since=<token>&limit=}: what changed for readers after the token (articles created,
 * updated, unpublished, deleted; comment counts), oldest first, and the token to continue from. Without
 * {@code since}: no changes and a token for "now". A token older than the kept history: 410. Entries of the last
 * few seconds before the token are repeated (instances' clocks and commits are not in lock-step); their
 * {@code entry} ids let a client skip what it has seen.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "changes",
        extensions = "json")
public final class ChangesServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient PublicApiSettings settings;

    @Reference
    private transient ChangesFeed changes;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such changes document.");
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        Instant now = Instant.now();
        ChangesFeed.Outcome outcome = changes.read(
                request.getResourceResolver(),
                site,
                request.getParameter("since"),
                request.getParameter("limit"),
                settings.baseUrl(request),
                now);
        if (outcome instanceof ChangesFeed.Invalid invalid) {
            Responses.badRequest(request, response, "Invalid changes parameters.", invalid.errors());
            return;
        }
        List<String> keys = List.of(SurrogateKeys.site(site.path()), SurrogateKeys.changes(site.path()));
        if (outcome instanceof ChangesFeed.Expired expired) {
            settings.surrogateKeys(response, keys);
            Responses.problem(
                    request,
                    response,
                    410,
                    "token-expired",
                    "Gone",
                    "Changes older than " + expired.oldestKept() + " are not kept; start again without since.");
            return;
        }
        send(request, response, (ChangesFeed.Page) outcome, keys, now);
    }

    /** A page without since carries a token of now: the origin's cache renders it again after its 5 s. */
    private void send(
            SlingHttpServletRequest request,
            SlingHttpServletResponse response,
            ChangesFeed.Page page,
            List<String> keys,
            Instant now)
            throws IOException {
        Responses.send(
                request,
                response,
                PublicDocument.json(page.page(), null, CachePolicy.shared(5, 5, 0), settings.surrogateKeyHeader(), keys)
                        .recheckedAt(now.plusSeconds(5)));
    }
}
