package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.MonthParam;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.authoring.AuthorListing;
import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.AuthorArticlePage;
import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.http.NewsfeedSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.paging.AuthorCursor;
import dev.newsfeed.impl.paging.PageRequest;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET {site}.articles.json?status=draft|scheduled|published|all&q=&month=YYYY-MM&limit&cursor}: the authors'
 * list of the site's articles, drafts and scheduled ones included (see {@link AuthorListing}). For members of
 * newsfeed-authors (read with their own session); never cached.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "articles",
        extensions = "json")
public final class AuthorArticlesServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_QUERY = 200;

    @Reference
    private transient NewsfeedSettings settings;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such endpoint of a site.");
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        if (!Writes.signedIn(request, response, Writes.AUTHORS)) {
            return;
        }
        if (!Writes.may(request, Roles.authorProbe(site), "add_node,set_property")) {
            Writes.forbidden(request, response);
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String statusParam = request.getParameter("status");
        AuthorListing.Status status = statusParam == null || statusParam.isEmpty() ? AuthorListing.Status.ALL
                : AuthorListing.Status.of(statusParam);
        if (status == null) {
            errors.add(new Problem.FieldError("status", "must be draft, scheduled, published or all"));
        }
        String q = request.getParameter("q");
        q = q == null || q.isBlank() ? null : q.strip();
        if (q != null && q.length() > MAX_QUERY) {
            errors.add(new Problem.FieldError("q", "must be at most " + MAX_QUERY + " characters"));
        }
        String monthParam = request.getParameter("month");
        YearMonth month = null;
        if (monthParam != null && !monthParam.isEmpty()) {
            month = MonthParam.parse(monthParam);
            if (month == null) {
                errors.add(new Problem.FieldError("month", "must be a month such as 2022-01"));
            } else if (status == AuthorListing.Status.DRAFT) {
                errors.add(new Problem.FieldError("month", "drafts have no publish date, so no month"));
            }
        }
        PageRequest.Parsed paging = PageRequest.parse(request.getParameter("limit"), null);
        errors.addAll(paging.errors());
        String cursorParam = request.getParameter("cursor");
        AuthorCursor cursor = cursorParam == null ? null : AuthorCursor.decode(cursorParam.trim());
        if (cursorParam != null && cursor == null) {
            errors.add(new Problem.FieldError("cursor", "is not a cursor this API gave out"));
        }
        if (!errors.isEmpty()) {
            Responses.badRequest(request, response, "Invalid list parameters.", errors);
            return;
        }
        int limit = paging.request().limit();
        ResourceResolver resolver = request.getResourceResolver();
        Instant now = Instant.now();
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
        AuthorListing.Slice slice = AuthorListing.list(resolver, site, index,
                new AuthorListing.Query(status, q, month), cursor, limit, now, AuthorListing.DEFAULT_BUDGET);

        String base = settings.baseUrl(request);
        List<AuthorArticlePage.Item> items = new ArrayList<>(slice.articles().size());
        for (Article a : slice.articles()) {
            items.add(new AuthorArticlePage.Item(a.id(), a.path(), base + a.path() + ".json", a.title(), a.lead(),
                    a.author(), a.state(now).name().toLowerCase(java.util.Locale.ROOT),
                    a.published() == null ? null : Dates.format(a.published(), site.zone()),
                    a.modified() == null ? null : Dates.format(a.modified(), site.zone()), a.tags(), a.commentsOpen(),
                    CommentStore.approvedCount(resolver, site, a.id())));
        }
        String next = null;
        if (slice.next() != null) {
            StringBuilder url = new StringBuilder(base).append(site.path()).append(".articles.json?status=")
                    .append(status.key());
            if (q != null) {
                url.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
            }
            if (month != null) {
                url.append("&month=").append(month);
            }
            url.append("&limit=").append(limit).append("&cursor=").append(slice.next().encode());
            next = url.toString();
        }
        List<String> months = new ArrayList<>();
        List<YearMonth> indexed = index.months();
        for (int i = indexed.size() - 1; i >= 0; i--) {
            months.add(indexed.get(i).toString());
        }
        Responses.sendUncached(response, 200, new AuthorArticlePage(items, next, months));
    }
}
