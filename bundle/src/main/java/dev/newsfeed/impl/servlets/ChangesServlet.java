package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.ArchiveMaintenance;
import dev.newsfeed.impl.changes.ChangeLog;
import dev.newsfeed.impl.changes.ChangesToken;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ChangesPage;
import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.NewsfeedSettings;
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
    static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    @Reference
    private transient NewsfeedSettings settings;

    @Reference
    private transient ArchiveMaintenance archive;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such changes document.");
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        Instant now = Instant.now();
        String since = request.getParameter("since");
        int limit = DEFAULT_LIMIT;
        List<Problem.FieldError> errors = new ArrayList<>();
        String limitParam = request.getParameter("limit");
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam.trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new Problem.FieldError("limit", "must be between 1 and " + MAX_LIMIT));
            }
        }
        ChangesToken token = since == null ? null : ChangesToken.decode(since);
        if (since != null && token == null) {
            errors.add(new Problem.FieldError("since", "is not a token this API gave out"));
        }
        if (!errors.isEmpty()) {
            Responses.badRequest(request, response, "Invalid changes parameters.", errors);
            return;
        }
        settings.surrogateKeys(response, List.of(SurrogateKeys.site(site.path()), SurrogateKeys.changes(site.path())));
        CachePolicy cache = CachePolicy.shared(5, 5, 0);
        if (token == null) {
            Responses.sendJson(request, response, new ChangesPage(List.of(),
                    new ChangesToken(ChangeLog.entryAt(now.minus(OVERLAP))).encode(), false), null, cache);
            return;
        }
        LocalDate oldestKept = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(archive.changesRetentionDays());
        if (token.time().isBefore(oldestKept.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            Responses.problem(request, response, 410, "token-expired", "Gone",
                    "Changes older than " + oldestKept + " are not kept; start again without since.");
            return;
        }
        String from = ChangeLog.entryAt(token.time().minus(OVERLAP));
        List<Map<String, Object>> entries = ChangeLog.read(request.getResourceResolver(), site, from, limit + 1);
        boolean more = entries.size() > limit;
        List<ChangesPage.Item> items = new ArrayList<>();
        String base = settings.baseUrl(request);
        String last = token.entry();
        for (Map<String, Object> e : more ? entries.subList(0, limit) : entries) {
            String path = (String) e.get("path");
            Object comments = e.get("comments");
            items.add(new ChangesPage.Item((String) e.get("entry"), (String) e.get("type"), (String) e.get("id"),
                    path, path == null ? null : base + path, comments instanceof Number n ? n.longValue() : null,
                    Dates.format(Instant.ofEpochMilli(((Number) e.get("at")).longValue()), site.zone())));
            last = ((String) e.get("entry")).compareTo(last) > 0 ? (String) e.get("entry") : last;
        }
        Responses.sendJson(request, response, new ChangesPage(items, new ChangesToken(last).encode(), more), null,
                cache);
    }
}
