package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ArticleDocument;
import dev.newsfeed.impl.dto.ArticlePage;
import dev.newsfeed.impl.feed.FeedQuery;
import dev.newsfeed.impl.feed.FeedReader;
import dev.newsfeed.impl.http.NewsfeedSettings;
import dev.newsfeed.impl.http.Responses;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET {site}.feed.json?limit&cursor&tag&from&to}: published articles newest first, keyset-paged. Without a
 * tag it walks the archive (the index of months, then the day folders of the page); with a tag an Oak query on the
 * {@code newsfeedArticles-custom-1} index answers it, never a traversal. {@code GET {site}.feed.explain.json} (same
 * parameters) shows site administrators Oak's plan for the query.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "feed",
        extensions = "json")
public final class FeedServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(FeedServlet.class);

    @Reference
    private transient NewsfeedSettings settings;

    /** Whether Oak answers the feed from its index, per site and kind of query, checked every few seconds. */
    private final transient Map<String, Long> readyUntil = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long READY_CHECK_NANOS = 10_000_000_000L;

    private boolean indexReady(ResourceResolver resolver, SiteSettings site, FeedQuery query, Instant now)
            throws RepositoryException {
        String key = site.path() + (query.tag() == null ? "" : "#tag");
        Long until = readyUntil.get(key);
        long nanos = System.nanoTime();
        if (until != null && until - nanos > 0) {
            return true;
        }
        boolean ready = FeedReader.usesIndex(FeedReader.explain(resolver, site, query, now));
        if (ready) {
            readyUntil.put(key, nanos + READY_CHECK_NANOS);
        } else {
            log.info("The feed of {} is not answered by {} yet (being built?): walking the archive", site.path(),
                    "newsfeedArticles-custom-1");
        }
        return ready;
    }

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        String[] selectors = request.getRequestPathInfo().getSelectors();
        boolean explain = selectors.length == 2 && "explain".equals(selectors[1]);
        if ((selectors.length != 1 && !explain) || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such feed document.");
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        FeedQuery.Parsed parsed = FeedQuery.parse(site.path(), request.getParameter("limit"),
                request.getParameter("cursor"), request.getParameter("tag"), request.getParameter("from"),
                request.getParameter("to"));
        if (parsed.query() == null) {
            Responses.badRequest(request, response, "Invalid feed parameters.", parsed.errors());
            return;
        }
        Instant now = Instant.now();
        ResourceResolver resolver = request.getResourceResolver();
        try {
            if (explain) {
                if (Writes.permitted(request, response, site.path(), "set_property", "an administrator of the site")) {
                    Responses.sendUncached(response, 200, Map.of("statement",
                            parsed.query().statement(site.zone(), now),
                            "plan", FeedReader.explain(resolver, site, parsed.query(), now)));
                }
                return;
            }
            ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
            FeedReader.Slice slice;
            if (parsed.query().tag() == null) {
                // without a tag the archive itself is the index: a walk from the cursor's day reads only the days
                // of the page, exactly and at once (Lucene is asynchronous and sorts every match)
                slice = FeedReader.walk(resolver, site, index, parsed.query(), now);
            } else if (indexReady(resolver, site, parsed.query(), now)) {
                slice = FeedReader.read(resolver, site, parsed.query(), now);
            } else {
                response.setHeader("Retry-After", "30");
                Responses.problem(request, response, 503, "index-building", "Service Unavailable",
                        "The article index is being built; filtering by tag is back in a moment.");
                return;
            }
            String base = settings.baseUrl(request);
            List<ArticleDocument> items = new ArrayList<>(slice.articles().size());
            Instant lastModified = index.updated();
            for (Article article : slice.articles()) {
                CommentStore.ThreadState thread = CommentStore.threadState(resolver, site, article.id());
                items.add(Documents.listItem(article, site, base, thread.approved(), now));
                // the page shows comment counts: an approval must move Last-Modified, as it does for the listings
                lastModified = CalendarServlet.latest(lastModified, article.lastChanged(), thread.updated());
            }
            String next = slice.next() == null ? null
                    : base + site.path() + ".feed.json" + parsed.query().nextQuery(slice.next());
            // each item shows its comment count: approving a comment purges the pages that show that article
            List<String> keys = new ArrayList<>(List.of(SurrogateKeys.site(site.path()),
                    SurrogateKeys.feed(site.path())));
            slice.articles().forEach(a -> keys.add(SurrogateKeys.comments(a.id())));
            settings.surrogateKeys(response, keys);
            Responses.sendJson(request, response, new ArticlePage(items, next), lastModified,
                    settings.publicCache().until(index.nextGoingLive(now, site.zone()), now));
        } catch (RepositoryException e) {
            log.warn("The feed query of {} failed: {}", site.path(), e.toString());
            Responses.problem(request, response, 503, "unavailable", "Service Unavailable",
                    "The feed is unavailable right now; try again.");
        }
    }
}
