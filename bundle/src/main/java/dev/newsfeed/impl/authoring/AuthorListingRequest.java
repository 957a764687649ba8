package dev.newsfeed.impl.authoring;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.newsfeed.impl.archive.MonthParam;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.AuthorArticlePage;
import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.paging.AuthorCursor;
import dev.newsfeed.impl.paging.PageRequest;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/**
 * A request for a page of the authors' list ({@code status}, {@code q}, {@code month}, {@code limit},
 * {@code cursor}), validated, and the page it answers with (see {@link AuthorListing}).
 */
public record AuthorListingRequest(AuthorListing.Query query, int limit, @Nullable AuthorCursor cursor) {

    public static final int MAX_QUERY = 200;

    /** A parsed request or the errors that make it a 400. */
    public record Parsed(@Nullable AuthorListingRequest request, List<Problem.FieldError> errors) {}

    public static Parsed parse(
            @Nullable String statusParam,
            @Nullable String qParam,
            @Nullable String monthParam,
            @Nullable String limitParam,
            @Nullable String cursorParam) {
        List<Problem.FieldError> errors = new ArrayList<>();
        AuthorListing.Status status = statusParam == null || statusParam.isEmpty()
                ? AuthorListing.Status.ALL
                : AuthorListing.Status.of(statusParam);
        if (status == null) {
            errors.add(new Problem.FieldError("status", "must be draft, scheduled, published or all"));
        }
        String q = qParam == null || qParam.isBlank() ? null : qParam.strip();
        if (q != null && q.length() > MAX_QUERY) {
            errors.add(new Problem.FieldError("q", "must be at most " + MAX_QUERY + " characters"));
        }
        YearMonth month = month(monthParam, status, errors);
        PageRequest.Parsed paging = PageRequest.parse(limitParam, null);
        errors.addAll(paging.errors());
        AuthorCursor cursor = cursorParam == null ? null : AuthorCursor.decode(cursorParam.trim());
        if (cursorParam != null && cursor == null) {
            errors.add(new Problem.FieldError("cursor", "is not a cursor this API gave out"));
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(
                new AuthorListingRequest(
                        new AuthorListing.Query(status, q, month),
                        paging.request().limit(),
                        cursor),
                List.of());
    }

    private static @Nullable YearMonth month(
            @Nullable String param, @Nullable AuthorListing.Status status, List<Problem.FieldError> errors) {
        if (param == null || param.isEmpty()) {
            return null;
        }
        YearMonth month = MonthParam.parse(param);
        if (month == null) {
            errors.add(new Problem.FieldError("month", "must be a month such as 2022-01"));
        } else if (status == AuthorListing.Status.DRAFT) {
            errors.add(new Problem.FieldError("month", "drafts have no publish date, so no month"));
        }
        return month;
    }

    /** The page: the articles with their approved comment counts, the next page's address, the months indexed. */
    public AuthorArticlePage page(ResourceResolver resolver, SiteSettings site, String base, Instant now) {
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
        AuthorListing.Slice slice =
                AuthorListing.list(resolver, site, index, query, cursor, limit, now, AuthorListing.DEFAULT_BUDGET);
        List<AuthorArticlePage.Item> items = new ArrayList<>(slice.articles().size());
        for (Article a : slice.articles()) {
            items.add(new AuthorArticlePage.Item(
                    a.id(),
                    a.path(),
                    base + a.path() + ".json",
                    a.title(),
                    a.lead(),
                    a.author(),
                    a.state(now).name().toLowerCase(Locale.ROOT),
                    a.published() == null ? null : Dates.format(a.published(), site.zone()),
                    a.modified() == null ? null : Dates.format(a.modified(), site.zone()),
                    a.tags(),
                    a.commentsOpen(),
                    CommentStore.approvedCount(resolver, site, a.id())));
        }
        String next = slice.next() == null ? null : next(base + site.path(), slice.next());
        List<String> months = new ArrayList<>();
        List<YearMonth> indexed = index.months();
        for (int i = indexed.size() - 1; i >= 0; i--) {
            months.add(indexed.get(i).toString());
        }
        return new AuthorArticlePage(items, next, months);
    }

    private String next(String site, AuthorCursor next) {
        StringBuilder url = new StringBuilder(site)
                .append(".articles.json?status=")
                .append(query.status().key());
        if (query.title() != null) {
            url.append("&q=").append(URLEncoder.encode(query.title(), StandardCharsets.UTF_8));
        }
        if (query.month() != null) {
            url.append("&month=").append(query.month());
        }
        url.append("&limit=").append(limit).append("&cursor=").append(next.encode());
        return url.toString();
    }
}
