package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import javax.servlet.Servlet;

import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.comments.ThreadCache;
import dev.newsfeed.impl.comments.Threads;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.dto.CommentsPage;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.ConditionalRequests;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.http.SurrogateKeys;
import dev.newsfeed.impl.paging.PageRequest;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET {article}.comments.json?limit&cursor}: the approved comments of an article as threads, top-level
 * comments newest first, with the approved count and whether comments are open. Public and cacheable: it reads only
 * the article's public thread.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_ARTICLE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "comments",
        extensions = "json")
public final class CommentsServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient PublicApiSettings settings;

    private final transient ThreadCache cache = new ThreadCache(2_000);

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Instant now = Instant.now();
        Optional<VisibleArticle> found = VisibleArticle.visible(request.getResource(), now);
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request) || found.isEmpty()) {
            Responses.notFound(request, response, "No published article with comments at this address.");
            return;
        }
        PageRequest.Parsed parsed = PageRequest.parse(request.getParameter("limit"), request.getParameter("cursor"));
        if (parsed.request() == null) {
            Responses.badRequest(request, response, "Invalid paging parameters.", parsed.errors());
            return;
        }
        send(request, response, found.get(), parsed.request(), now);
    }

    /** The page of threads the request asks for, with the thread's count, validators and cache keys. */
    private void send(
            SlingHttpServletRequest request,
            SlingHttpServletResponse response,
            VisibleArticle a,
            PageRequest paging,
            Instant now)
            throws IOException {
        var resolver = request.getResourceResolver();
        String threadPath = CommentStore.threadPath(a.site(), a.article().id());
        var comments = cache.get(
                threadPath,
                CommentStore.threadVersion(resolver, a.site(), a.article().id()),
                () -> CommentStore.thread(resolver, a.site(), a.article().id()));
        Threads.Page page =
                Threads.page(comments, paging.cursor(), paging.limit(), a.site().zone());
        String next = page.next() == null
                ? null
                : settings.baseUrl(request) + a.article().path() + ".comments.json?limit=" + paging.limit() + "&cursor="
                        + URLEncoder.encode(page.next().encode(), StandardCharsets.UTF_8);
        boolean open = Documents.commentsOpen(a.article(), a.site(), now);
        CommentStore.ThreadState thread =
                CommentStore.threadState(resolver, a.site(), a.article().id());
        CommentsPage body = new CommentsPage(thread.approved(), open, page.items(), next, null);
        CachePolicy cache = settings.publicCache().until(closesAt(a, open), now);
        Responses.send(
                request,
                response,
                PublicDocument.json(
                        body,
                        ConditionalRequests.latest(thread.updated(), a.article().published()),
                        cache,
                        settings.surrogateKeyHeader(),
                        List.of(
                                SurrogateKeys.site(a.site().path()),
                                SurrogateKeys.comments(a.article().id()))));
    }

    /** When comments of a published article close by the site's policy, or null. */
    static Instant closesAt(VisibleArticle a, boolean open) {
        long days = a.site().commentsOpenDays();
        return open && days > 0 ? a.article().published().plus(days, ChronoUnit.DAYS) : null;
    }
}
