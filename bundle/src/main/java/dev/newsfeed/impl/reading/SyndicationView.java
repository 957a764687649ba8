package dev.newsfeed.impl.reading;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

import dev.newsfeed.impl.archive.ArchiveListing;
import dev.newsfeed.impl.archive.Period;
import dev.newsfeed.impl.archive.ResourceArchiveIndex;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.CachePolicy;
import dev.newsfeed.impl.http.Json;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.http.PublicDocument;
import dev.newsfeed.impl.http.SurrogateKeys;
import dev.newsfeed.impl.syndication.Syndication;
import org.apache.sling.api.resource.ResourceResolver;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The site's latest published articles as RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
@Component(service = SyndicationView.class)
public class SyndicationView {

    /** How many articles a syndication document lists. */
    public static final int ITEMS = 20;

    /** The syndication formats. */
    public enum Format {
        RSS,
        ATOM,
        JSON_FEED
    }

    @Reference
    private PublicApiSettings settings;

    public PublicDocument of(
            HttpServletRequest request, ResourceResolver resolver, SiteSettings site, Format format, Instant now)
            throws IOException {
        String base = settings.baseUrl(request);
        String keyHeader = settings.surrogateKeyHeader();
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, site.path());
        List<Article> articles = ArchiveListing.list(resolver, site, index, Period.ALL, null, ITEMS, now, true)
                .articles();
        Instant updated = articles.stream()
                .map(Article::lastChanged)
                .max(Instant::compareTo)
                .orElse(site.modified() == null ? Instant.EPOCH : site.modified());
        List<String> keys = List.of(SurrogateKeys.site(site.path()), SurrogateKeys.feed(site.path()));
        CachePolicy cache = settings.publicCache().until(index.nextGoingLive(now, site.zone()), now);
        return switch (format) {
            case JSON_FEED -> new PublicDocument(
                    Syndication.JSON_FEED,
                    Json.bytes(Syndication.jsonFeed(site, articles, base)),
                    updated,
                    cache,
                    keyHeader,
                    keys);
            case RSS -> new PublicDocument(
                    Syndication.RSS, Syndication.rss(site, articles, base, updated), updated, cache, keyHeader, keys);
            case ATOM -> new PublicDocument(
                    Syndication.ATOM, Syndication.atom(site, articles, base, updated), updated, cache, keyHeader, keys);
        };
    }
}
