package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ValueMap;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several comments stored in one commit: where they go, what they store, how they are counted. */
@ExtendWith(SlingContextExtension.class)
class CommentBatchTest {

    private static final String SITE = "/content/newsfeed/day";
    private static final String PRIVATE = "/var/newsfeed/comments" + SITE;
    private static final Instant T0 = Instant.parse("2022-01-10T11:00:00Z");

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private ResourceResolver resolver;
    private SiteSettings site;

    @BeforeEach
    void setUp() throws Exception {
        resolver = context.resourceResolver();
        site = NewsfeedTestContext.oakSite(resolver, SITE, "Asia/Yerevan");
    }

    @Test
    void countsABatchOncePerStatusAndStoresNeitherStatusNorHtml() throws Exception {
        CommentRecord a = record(CommentStatus.PENDING, "first *comment*", T0);
        CommentRecord b = record(CommentStatus.PENDING, "second", T0.plusSeconds(1));
        CommentRecord c = record(CommentStatus.APPROVED, "third", T0.plusSeconds(2));
        Retry.commit(resolver, r -> {
            CommentBatch batch = new CommentBatch(r);
            batch.add(site, a, "dup-a", T0);
            batch.add(site, b, "dup-b", T0);
            batch.add(site, c, "dup-c", T0);
            batch.finish();
            return null;
        });
        assertEquals(Map.of("pending", 2L, "approved", 1L), shardsTouched());
        Resource stored = resolver.getResource(PRIVATE + "/pending/2022/01/10/" + a.id());
        assertNotNull(stored);
        ValueMap p = stored.getValueMap();
        assertFalse(p.containsKey("status"), "the folder gives the status");
        assertFalse(p.containsKey("html"), "the HTML is rendered from the text");
        assertEquals(CommentStatus.PENDING, CommentStore.status(stored));
        CommentRecord read = CommentRecord.from(stored);
        assertEquals(CommentText.toHtml("first *comment*"), read.html());
        assertEquals(a.text(), read.text());
        assertEquals(
                a.id(),
                resolver.getResource(PRIVATE + "/dedup/dup-a").getValueMap().get("id"));
        assertEquals(1, CommentStore.thread(resolver, site, "a1").size(), "the approved one is public");
    }

    @Test
    void readsTheStatusOlderVersionsStoredAndDropsItWhenModerated() throws Exception {
        CommentRecord a = record(CommentStatus.PENDING, "old", T0);
        Map<String, Object> legacy = new HashMap<>(a.properties(CommentStore.NODE));
        legacy.put("status", "pending");
        legacy.put("html", "<p>as stored</p>");
        Retry.commit(resolver, r -> {
            Resource bucket = org.apache.sling.api.resource.ResourceUtil.getOrCreateResource(
                    r, PRIVATE + "/pending/2022/01/10", CommentStore.NODE, CommentStore.UNORDERED, false);
            return r.create(bucket, a.id(), legacy);
        });
        Resource stored = resolver.getResource(PRIVATE + "/pending/2022/01/10/" + a.id());
        assertEquals("<p>as stored</p>", CommentRecord.from(stored).html());
        Retry.commit(resolver, r -> CommentStore.moderate(r, site, a.id(), CommentStatus.SPAM, "mod", T0));
        Resource moved = resolver.getResource(PRIVATE + "/spam/2022/01/10/" + a.id());
        assertNotNull(moved);
        assertEquals(CommentStatus.SPAM, CommentStore.status(moved));
        assertFalse(moved.getValueMap().containsKey("status"), "no stale status after the move");
    }

    /** The shards that hold an uncommitted or folded count, per status: their number must be one each. */
    private Map<String, Long> shardsTouched() {
        Map<String, Long> values = new HashMap<>();
        for (String status : new String[] {"pending", "approved"}) {
            int shards = 0;
            for (Resource shard :
                    resolver.getResource(PRIVATE + "/counts/" + status).getChildren()) {
                shards++;
                values.merge(status, shard.getValueMap().get("oak:increment", 0L), Long::sum);
            }
            assertEquals(1, shards, "one shard per status for the batch");
        }
        return values;
    }

    private static CommentRecord record(CommentStatus status, String text, Instant created) {
        return new CommentRecord(
                CommentIds.next(created),
                status,
                "a1",
                SITE + "/articles/2022/01/10/x",
                "X",
                "Anna",
                "anna@example.am",
                null,
                text,
                CommentText.toHtml(text),
                null,
                0,
                created,
                "hash",
                null);
    }
}
