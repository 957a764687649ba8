package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two going-live checks at once (a run of the old leader still under way when the new leader's starts) log and
 * announce an article once, on Oak: the claim on the registry entry makes the second commit conflict, and its repeat
 * finds the article claimed.
 */
@ExtendWith(SlingContextExtension.class)
class GoingLiveClaimTest {

    private static final Instant T0 = Instant.parse("2022-01-10T10:40:00Z");
    private static final String ARTICLE = "/content/newsfeed/day/articles/2022/01/10/a";

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private ResourceResolver other;
    private SiteSettings site;

    @BeforeEach
    void scheduledArticle() throws Exception {
        ResourceResolver resolver = context.resourceResolver();
        site = NewsfeedTestContext.oakSite(resolver, "/content/newsfeed/day", "UTC");
        GregorianCalendar published = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        published.setTimeInMillis(T0.plusSeconds(60).toEpochMilli());
        ResourceUtil.getOrCreateResource(
                resolver,
                ARTICLE,
                Map.of(
                        "jcr:primaryType",
                        "nt:unstructured",
                        "sling:resourceType",
                        "newsfeed/article",
                        "jcr:title",
                        "A",
                        "published",
                        published),
                "nt:unstructured",
                false);
        ChangeRecorder.trackArticle(resolver, site, resolver.getResource(ARTICLE), T0);
        resolver.commit();
        // a second session on the same repository, as the other cluster instance has
        other = NewsfeedTestContext.secondSession(context);
    }

    @AfterEach
    void close() {
        other.close();
    }

    private List<Change> goingLive(ResourceResolver resolver, Instant now) throws PersistenceException {
        Resource article = resolver.getResource(ARTICLE);
        return ChangeRecorder.trackGoingLive(resolver, site, List.of(article), now);
    }

    @Test
    void twoOverlappingChecksAnnounceTheArticleOnce() throws Exception {
        ResourceResolver oldLeader = context.resourceResolver();
        other.refresh();
        List<Change> first = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        List<Change> second = Retry.commit(other, r -> {
            List<Change> found = goingLive(r, T0.plusSeconds(75));
            if (attempts.incrementAndGet() == 1) {
                // both read "not yet logged"; the old leader's run commits first
                first.addAll(goingLive(oldLeader, T0.plusSeconds(70)));
                oldLeader.commit();
            }
            return found;
        });
        assertEquals(1, first.size());
        assertEquals(List.of(), second, "the new leader's run found the article claimed");
        assertEquals(2, attempts.get(), "its first commit conflicted");
        other.refresh();
        assertEquals(1L, loggedCreations(other));
    }

    private long loggedCreations(ResourceResolver resolver) {
        return ChangeLog.read(resolver, site, ChangeLog.entryAt(T0), 100).stream()
                .filter(entry -> Change.Type.CREATED.key().equals(entry.get("type")))
                .count();
    }
}
