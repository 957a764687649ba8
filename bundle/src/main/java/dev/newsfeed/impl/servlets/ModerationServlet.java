package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.comments.CommentModeration;
import dev.newsfeed.impl.comments.CommentRecord;
import dev.newsfeed.impl.comments.CommentStatus;
import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.comments.ModerationQueue;
import dev.newsfeed.impl.comments.ModerationRequest;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ModerationPage;
import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.paging.ModerationCursor;
import dev.newsfeed.impl.paging.PageRequest;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET {site}.moderation.json?status=pending&limit&cursor}: the queue of one status, newest first, with
 * email, original text and article, and the counts of every status. {@code POST {site}.moderation.json} with
 * {@code id} (one or more) and {@code action=approve|spam|trash|pending}. For members of newsfeed-moderators: the
 * queue is read with their own session (the repository lets only them read it); changes are written by the
 * comments service user. Never cached.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD, HttpConstants.METHOD_POST},
        selectors = "moderation",
        extensions = "json")
public final class ModerationServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;
    private static final String MODERATORS = "a member of newsfeed-moderators";

    @Reference
    private transient PublicApiSettings settings;

    @Reference
    private transient CommentModeration moderation;

    @Reference
    private transient CsrfGuard csrf;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (!allowed(request, response)) {
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        String statusParam = request.getParameter("status");
        CommentStatus status = statusParam == null ? CommentStatus.PENDING : CommentStatus.of(statusParam);
        PageRequest.Parsed paging = PageRequest.parse(request.getParameter("limit"), null);
        List<Problem.FieldError> errors = new ArrayList<>(paging.errors());
        if (status == null) {
            errors.add(new Problem.FieldError("status", "must be pending, approved, spam or trash"));
        }
        ModerationCursor cursor = cursor(request.getParameter("cursor"), status, errors);
        if (!errors.isEmpty()) {
            Responses.badRequest(request, response, "Invalid queue parameters.", errors);
            return;
        }
        int limit = paging.request().limit();
        ResourceResolver resolver = request.getResourceResolver();
        ModerationQueue.Slice slice =
                ModerationQueue.list(resolver, site, status, cursor == null ? null : cursor.id(), limit);
        Responses.sendUncached(
                response,
                200,
                page(settings.baseUrl(request), site, status, limit, slice, CommentStore.counts(resolver, site)));
    }

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (!allowed(request, response)) {
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        Map<String, Object> fields = WriteAccess.fields(request, response);
        if (fields == null) {
            return;
        }
        ModerationRequest.Parsed parsed = ModerationRequest.parse(fields);
        if (parsed.request() == null) {
            Responses.badRequest(request, response, "Invalid moderation request.", parsed.errors());
            return;
        }
        List<String> ids = parsed.request().ids();
        try {
            CommentModeration.Result result = moderation.moderate(
                    site,
                    ids,
                    parsed.request().target(),
                    request.getResourceResolver().getUserID(),
                    Instant.now());
            if (!result.anyFound()) {
                Responses.notFound(
                        request, response, "No comment with " + (ids.size() == 1 ? "this id." : "these ids."));
                return;
            }
            Responses.sendUncached(response, 200, Map.of("results", result.results(), "counts", result.counts()));
        } catch (LoginException | RepositoryException | IOException e) {
            Responses.problem(
                    request,
                    response,
                    503,
                    "unavailable",
                    "Service Unavailable",
                    "The change could not be saved; try again.");
        }
    }

    /** The cursor of the queue of {@code status} (null when none was given); adds an error when it is not one. */
    private static @Nullable ModerationCursor cursor(
            @Nullable String param, @Nullable CommentStatus status, List<Problem.FieldError> errors) {
        if (param == null || status == null) {
            return null;
        }
        ModerationCursor cursor = ModerationCursor.decode(param.trim(), status.key());
        if (cursor == null) {
            errors.add(new Problem.FieldError("cursor", "is not a cursor this API gave out for this queue"));
        }
        return cursor;
    }

    /** One page of the queue, with the link to the next when more follow. */
    private static ModerationPage page(
            String base,
            SiteSettings site,
            CommentStatus status,
            int limit,
            ModerationQueue.Slice slice,
            Map<String, Long> counts) {
        List<ModerationPage.Item> items = new ArrayList<>();
        for (CommentRecord r : slice.records()) {
            items.add(new ModerationPage.Item(
                    r.id(),
                    r.status().key(),
                    new ModerationPage.Article(
                            r.articleId(), r.articlePath(), r.articleTitle(), base + r.articlePath() + ".json"),
                    r.author(),
                    r.email(),
                    r.url(),
                    r.text(),
                    r.html(),
                    r.parent(),
                    Dates.format(r.created(), site.zone()),
                    r.reason(),
                    r.clientHash()));
        }
        String next = slice.more()
                ? base + site.path() + ".moderation.json?status=" + status.key() + "&limit=" + limit
                        + "&cursor="
                        + new ModerationCursor(
                                        status.key(),
                                        slice.records()
                                                .get(slice.records().size() - 1)
                                                .id())
                                .encode()
                : null;
        return new ModerationPage(status.key(), counts, items, next);
    }

    /** Moderators only: the repository decides, by whether the caller may read the private comment store. */
    private boolean allowed(SlingHttpServletRequest request, SlingHttpServletResponse response) throws IOException {
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such endpoint of a site.");
            return false;
        }
        return WriteAccess.authorize(csrf, request, response, CommentStore.ROOT, "read", MODERATORS);
    }
}
