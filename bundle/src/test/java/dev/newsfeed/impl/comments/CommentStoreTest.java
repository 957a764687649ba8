package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.CommentDocument;
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

/** Storing (one comment, or several in one commit), moderating, counting and threading comments on Oak. */
@ExtendWith(SlingContextExtension.class)
class CommentStoreTest {

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
    void keepsAPendingCommentPrivateAndPublishesItOnApproval() throws Exception {
        CommentRecord r = add("a1", CommentStatus.PENDING, null, T0);
        assertNotNull(resolver.getResource("/var/newsfeed/comments" + SITE + "/pending/2022/01/10/" + r.id()));
        long increments = 0;
        for (var shard : resolver.getResource("/var/newsfeed/comments" + SITE + "/counts/pending")
                .getChildren()) {
            increments += shard.getValueMap().get("oak:increment", 0L);
        }
        assertEquals(1L, increments, "counted in one shard of an atomic counter (folded by Oak, see CommentsIT)");

        moderate(r.id(), CommentStatus.APPROVED);
        assertNull(
                resolver.getResource("/var/newsfeed/comments" + SITE + "/pending/2022"), "empty buckets are removed");
        var published = CommentStore.thread(resolver, site, "a1");
        assertEquals(1, published.size());
        assertEquals("<p>hello</p>", published.get(0).html());
        assertTrue(
                resolver.getResource(SITE + "/comments/a1/" + r.id())
                                .getValueMap()
                                .get("email")
                        == null,
                "the public copy carries no email");

        moderate(r.id(), CommentStatus.SPAM);
        assertEquals(0, CommentStore.thread(resolver, site, "a1").size());
    }

    @Test
    void findsNothingForAnUnknownId() throws Exception {
        assertNull(Retry.commit(
                resolver,
                rr -> CommentStore.moderate(
                        rr, site, "20220110-110000000-aaaaaaaa", CommentStatus.APPROVED, "mod", T0)));
        assertNull(CommentStore.find(resolver, site, "not-an-id"));
    }

    @Test
    void listsAQueueNewestFirstPageByPage() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(
                    0,
                    add("a1", CommentStatus.PENDING, null, T0.plusSeconds(i * 86_400L / 2))
                            .id());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        while (true) {
            ModerationQueue.Slice slice = ModerationQueue.list(resolver, site, CommentStatus.PENDING, cursor, 3);
            slice.records().forEach(r -> seen.add(r.id()));
            if (!slice.more()) {
                break;
            }
            cursor = slice.records().get(slice.records().size() - 1).id();
        }
        assertEquals(ids, seen);
        assertEquals(
                0,
                ModerationQueue.list(resolver, site, CommentStatus.SPAM, null, 3)
                        .records()
                        .size());
    }

    @Test
    void threadsRepliesAndPagesTopLevelComments() throws Exception {
        CommentRecord first = add("a1", CommentStatus.APPROVED, null, T0);
        CommentRecord second = add("a1", CommentStatus.APPROVED, null, T0.plusSeconds(60));
        CommentRecord reply = add("a1", CommentStatus.APPROVED, first.id(), T0.plusSeconds(120));
        add("a1", CommentStatus.APPROVED, "20200101-000000000-gonegone", T0.plusSeconds(180)); // orphan
        Threads.Page page = Threads.page(CommentStore.thread(resolver, site, "a1"), null, 2, ZoneId.of("Asia/Yerevan"));
        assertEquals(2, page.items().size());
        CommentDocument orphan = page.items().get(0);
        assertEquals(List.of(), orphan.replies());
        assertEquals(second.id(), page.items().get(1).id());
        assertNotNull(page.next());
        Threads.Page rest =
                Threads.page(CommentStore.thread(resolver, site, "a1"), page.next(), 2, ZoneId.of("Asia/Yerevan"));
        assertEquals(first.id(), rest.items().get(0).id());
        assertEquals(reply.id(), rest.items().get(0).replies().get(0).id());
        assertEquals("2022-01-10T15:00:00+04:00", rest.items().get(0).published());
        assertNull(rest.next());
    }

    @Test
    void refusesTheSameCommentTwice() throws Exception {
        add("a1", CommentStatus.PENDING, null, T0);
        assertTrue(CommentStore.isDuplicate(resolver, site, "hash-a1" + T0.toEpochMilli()));
    }

    @Test
    void countsABatchOncePerStatusAndStoresNeitherStatusNorHtml() throws Exception {
        CommentRecord a = record("a1", CommentStatus.PENDING, null, "first *comment*", T0);
        CommentRecord b = record("a1", CommentStatus.PENDING, null, "second", T0.plusSeconds(1));
        CommentRecord c = record("a1", CommentStatus.APPROVED, null, "third", T0.plusSeconds(2));
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
        CommentRecord a = record("a1", CommentStatus.PENDING, null, "old", T0);
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

    private CommentRecord add(String articleId, CommentStatus status, String parent, Instant created) throws Exception {
        CommentRecord r = record(articleId, status, parent, "hello", created);
        Retry.commit(resolver, rr -> {
            CommentStore.add(rr, site, r, "hash-" + articleId + created.toEpochMilli(), created);
            return null;
        });
        return r;
    }

    private static CommentRecord record(
            String articleId, CommentStatus status, String parent, String text, Instant created) {
        return new CommentRecord(
                CommentIds.next(created),
                status,
                articleId,
                SITE + "/articles/2022/01/10/x",
                "X",
                "Anna",
                "anna@example.am",
                null,
                text,
                CommentText.toHtml(text),
                parent,
                parent == null ? 0 : 1,
                created,
                "hash",
                null);
    }

    private void moderate(String id, CommentStatus target) throws Exception {
        Retry.commit(resolver, rr -> CommentStore.moderate(rr, site, id, target, "mod", T0));
    }
}
