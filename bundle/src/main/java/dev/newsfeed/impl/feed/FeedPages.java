package dev.newsfeed.impl.feed;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ArticlePage;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.SurrogateKeys;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of a site's feed. Without a tag it walks the archive (the index of months, then the day folders of the
 * page); with a tag an Oak query on the {@code newsfeedArticles-custom-1} index answers it, never a traversal: while
 * Oak does not answer from that index (being built), there is no page. Whether it does is checked every few seconds,
 * per site and kind of query.
 */
@Component(service = FeedPages.class)
public class FeedPages {

    private static final Logger log = LoggerFactory.getLogger(FeedPages.class);
    private static final long READY_CHECK_NANOS = 10_000_000_000L;

    /**
     * A page of the feed, when its Last-Modified and caching end, the surrogate keys it depends on, and whether Oak's
     * asynchronous full-text index answered it (a tag filter).
     */
    public record Page(
            ArticlePage document,
            @Nullable Instant lastModified,
            @Nullable Instant nextChange,
            List<String> keys,
            boolean fromIndex) {

        /**
         * The page as it goes out: cached no longer than its next change with no write; a page the index answered is
         * rendered again by the origin's cache after {@link PublicDocument#INDEX_RECHECK} (the index follows writes a
         * few seconds later, with no change of its own to observe).
         */
        public PublicDocument toDocument(CachePolicy publicCache, String keyHeader, Instant now) throws IOException {
            PublicDocument out =
                    PublicDocument.json(document, lastModified, publicCache.until(nextChange, now), keyHeader, keys);
            return fromIndex ? out.fedByIndex(now) : out;
        }
    }

    private final Map<String, Long> readyUntil = new ConcurrentHashMap<>();

    /** The page the query asks for; null while the tag index is being built. */
    public @Nullable Page page(ResourceResolver resolver, SiteSettings site, FeedQuery query, String base, Instant now)
            throws RepositoryException {
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
        FeedReader.Slice slice;
        if (query.tag() == null) {
            // without a tag the archive itself is the index: a walk from the cursor's day reads only the days
            // of the page, exactly and at once (Lucene is asynchronous and sorts every match)
            slice = FeedReader.walk(resolver, site, index, query, now);
        } else if (indexReady(resolver, site, query, now)) {
            slice = FeedReader.read(resolver, site, query, now);
        } else {
            return null;
        }
        ArticleItems items = ArticleItems.of(resolver, site, slice.articles(), base, now, index.updated());
        String next = slice.next() == null ? null : base + site.path() + ".feed.json" + query.nextQuery(slice.next());
        List<String> keys = new ArrayList<>(List.of(SurrogateKeys.site(site.path()), SurrogateKeys.feed(site.path())));
        keys.addAll(items.keys());
        return new Page(
                new ArticlePage(items.documents(), next),
                items.lastModified(),
                items.nextChange(index.nextGoingLive(now, site.zone())),
                keys,
                query.tag() != null);
    }

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
            log.info(
                    "The feed of {} is not answered by {} yet (being built?): walking the archive",
                    site.path(),
                    "newsfeedArticles-custom-1");
        }
        return ready;
    }
}
