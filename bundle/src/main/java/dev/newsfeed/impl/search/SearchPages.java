package dev.newsfeed.impl.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.SearchPage;
import dev.newsfeed.impl.feed.ArticleItems;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of a site's search: a JCR-SQL2 full-text query that only the {@code newsfeedSearch-custom-1} Lucene index
 * may answer, never a traversal. While Oak does not answer it from that index (being built after an install) there is
 * no page; whether it does is checked every few seconds per site. Caching and surrogate keys are the feed's.
 */
@Component(service = SearchPages.class)
public class SearchPages {

    /** Results past this many are not paged to. */
    public static final int MAX_RESULTS = 1000;

    private static final Logger log = LoggerFactory.getLogger(SearchPages.class);
    private static final long READY_CHECK_NANOS = 10_000_000_000L;

    /** A page of results, when its Last-Modified and caching end, and the surrogate keys it depends on. */
    public record Page(
            SearchPage document, @Nullable Instant lastModified, @Nullable Instant nextChange, List<String> keys) {

        /**
         * The page as it goes out: cached no longer than its next change with no write. Oak's full-text index follows
         * writes a few seconds later, asynchronously: the origin's cache renders a search again after
         * {@link PublicDocument#INDEX_RECHECK} even when nothing changed since.
         */
        public PublicDocument toDocument(CachePolicy publicCache, String keyHeader, Instant now) throws IOException {
            return PublicDocument.json(document, lastModified, publicCache.until(nextChange, now), keyHeader, keys)
                    .fedByIndex(now);
        }
    }

    private final Map<String, Long> readyUntil = new ConcurrentHashMap<>();

    /** The page the request asks for; null while the search index is being built. */
    public @Nullable Page page(
            ResourceResolver resolver, SiteSettings site, SearchRequest request, String base, Instant now)
            throws RepositoryException {
        String statement = SearchReader.statement(site.path(), request.terms(), now);
        if (!indexReady(resolver, site, statement)) {
            return null;
        }
        int end = Math.min(request.offset() + request.limit(), MAX_RESULTS);
        List<SearchReader.Hit> hits =
                request.offset() >= end ? List.of() : SearchReader.read(resolver, statement, end + 1, now);
        List<Article> articles = new ArrayList<>();
        List<String> snippets = new ArrayList<>();
        for (SearchReader.Hit hit : hits.subList(Math.min(request.offset(), hits.size()), Math.min(end, hits.size()))) {
            Resource resource = resolver.getResource(hit.article().path());
            Article article = resource == null ? hit.article() : Article.from(resource);
            articles.add(article);
            snippets.add(Snippets.of(request.terms(), article.title(), article.lead(), article.body()));
        }
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
        ArticleItems items = ArticleItems.of(resolver, site, articles, base, now, index.updated());
        List<SearchPage.Item> documents = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            documents.add(new SearchPage.Item(items.documents().get(i), snippets.get(i)));
        }
        String next = hits.size() > end && end < MAX_RESULTS
                ? base + site.path() + ".search.json" + request.nextQuery(articles.size())
                : null;
        List<String> keys = new ArrayList<>(List.of(SurrogateKeys.site(site.path()), SurrogateKeys.feed(site.path())));
        keys.addAll(items.keys());
        return new Page(
                new SearchPage(request.terms().display(), documents, next),
                items.lastModified(),
                items.nextChange(index.nextGoingLive(now, site.zone())),
                keys);
    }

    /**
     * For administrators: the statement, Oak's plan for it, and the page's hits in order with their scores (to see
     * why an article ranks where it does).
     */
    public Map<String, Object> explain(ResourceResolver resolver, SiteSettings site, SearchRequest request, Instant now)
            throws RepositoryException {
        String statement = SearchReader.statement(site.path(), request.terms(), now);
        String plan = SearchReader.explain(resolver, statement);
        List<Map<String, Object>> hits = new ArrayList<>();
        if (SearchReader.usesIndex(plan)) {
            int end = Math.min(request.offset() + request.limit(), MAX_RESULTS);
            List<SearchReader.Hit> read = SearchReader.read(resolver, statement, end, now);
            for (SearchReader.Hit hit : read.subList(Math.min(request.offset(), read.size()), read.size())) {
                hits.add(Map.of("path", hit.article().path(), "score", hit.score()));
            }
        }
        return Map.of("statement", statement, "plan", plan, "hits", hits);
    }

    private boolean indexReady(ResourceResolver resolver, SiteSettings site, String statement)
            throws RepositoryException {
        Long until = readyUntil.get(site.path());
        long nanos = System.nanoTime();
        if (until != null && until - nanos > 0) {
            return true;
        }
        boolean ready = SearchReader.usesIndex(SearchReader.explain(resolver, statement));
        if (ready) {
            readyUntil.put(site.path(), nanos + READY_CHECK_NANOS);
        } else {
            log.info("The search of {} is not answered by {} yet (being built?)", site.path(), SearchReader.INDEX);
        }
        return ready;
    }
}
