package dev.newsfeed.impl.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.QueryManager;
import javax.jcr.query.RowIterator;

import dev.newsfeed.impl.archive.ArchiveIndex;
import dev.newsfeed.impl.archive.ArchiveListing;
import dev.newsfeed.impl.archive.Period;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.paging.Cursor;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;

/** Runs the feed query with the reader's session: one page, and whether more follow. */
public final class FeedReader {

    /** A page of articles; {@code next} continues after the last one, or null. */
    public record Slice(List<Article> articles, Cursor next) {}

    private static final int SLACK = 16;

    private FeedReader() {}

    /**
     * Widening windows back from the page's upper bound: Lucene sorts every document matching the query, so a window
     * that holds a few pages keeps a page cheap however large the archive, and a rare tag widens to all of it.
     */
    private static final Duration[] WINDOWS = {Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(3 * 365), null};

    public static Slice read(ResourceResolver resolver, SiteSettings site, FeedQuery query, Instant now)
            throws RepositoryException {
        QueryManager manager = resolver.adaptTo(Session.class).getWorkspace().getQueryManager();
        Cursor after = query.page().cursor();
        int limit = query.page().limit();
        Instant upper = query.upper(now);
        Instant lower = query.lower(site.zone());
        for (Duration window : WINDOWS) {
            Instant since = window == null ? null : upper.minus(window);
            boolean whole = since == null || (lower != null && !since.isAfter(lower));
            List<Article> articles = run(manager, resolver, site, query, now, whole ? null : since, after, limit);
            if (articles.size() > limit) {
                List<Article> page = articles.subList(0, limit);
                Article last = page.get(limit - 1);
                return new Slice(page, new Cursor(last.published().toEpochMilli(), last.id()));
            }
            if (whole) {
                return new Slice(articles, null);
            }
        }
        throw new IllegalStateException("the last window is the whole archive");
    }

    private static List<Article> run(
            QueryManager manager,
            ResourceResolver resolver,
            SiteSettings site,
            FeedQuery query,
            Instant now,
            Instant since,
            Cursor after,
            int limit)
            throws RepositoryException {
        // articles at the cursor's very millisecond come back too and are skipped by id: ask for a few more,
        // and for more again in the unlikely case that a whole batch shared that millisecond
        for (int batch = limit + 1 + SLACK; ; batch *= 4) {
            Query q = manager.createQuery(query.statement(site.zone(), now, since), Query.JCR_SQL2);
            q.setLimit(batch);
            List<Article> articles = new ArrayList<>(limit + 1);
            int rows = 0;
            for (NodeIterator it = q.execute().getNodes(); it.hasNext() && articles.size() <= limit; ) {
                Node node = it.nextNode();
                rows++;
                Resource resource = resolver.getResource(node.getPath());
                if (resource == null || !resource.isResourceType(ContentModel.RT_ARTICLE)) {
                    continue;
                }
                Article article = Article.summary(resource);
                if (article.published() == null || article.published().isAfter(now)) {
                    continue;
                }
                if (after != null && !after.isBefore(article.published().toEpochMilli(), article.id())) {
                    continue;
                }
                articles.add(article);
            }
            if (articles.size() > limit || rows < batch || batch > 100_000) {
                return articles;
            }
        }
    }

    /** Whether an Oak plan answers from Newsfeed's article index (not by traversing). */
    public static boolean usesIndex(String plan) {
        return plan.contains("newsfeedArticles-custom-") && !plan.contains("/* traverse");
    }

    /**
     * The same page by walking the archive (the index of months and the day folders) instead of a query: used while
     * the Oak index is being built. Honours from/to; not for tag filters.
     */
    public static Slice walk(
            ResourceResolver resolver, SiteSettings site, ArchiveIndex index, FeedQuery query, Instant now) {
        Period period = new Period("feed", query.from(), query.to());
        ArchiveListing.Slice slice = ArchiveListing.list(
                resolver,
                site,
                index,
                period,
                query.page().cursor(),
                query.page().limit(),
                now,
                false);
        List<Article> articles = slice.articles();
        Cursor next = slice.more() ? ArchiveListing.cursorAfter(articles.get(articles.size() - 1)) : null;
        return new Slice(articles, next);
    }

    /** Oak's plan for the feed query: which index answers it. */
    public static String explain(ResourceResolver resolver, SiteSettings site, FeedQuery query, Instant now)
            throws RepositoryException {
        QueryManager manager = resolver.adaptTo(Session.class).getWorkspace().getQueryManager();
        RowIterator rows = manager.createQuery("EXPLAIN " + query.statement(site.zone(), now), Query.JCR_SQL2)
                .execute()
                .getRows();
        return rows.hasNext() ? rows.nextRow().getValue("plan").getString() : "";
    }
}
