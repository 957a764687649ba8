package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.CommentDocument;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Storing, moderating, counting and threading comments on Oak. */
@ExtendWith(SlingContextExtension.class)
class CommentStoreTest {

    private static final String SITE = "/content/newsfeed/day";
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

    private CommentRecord add(String articleId, CommentStatus status, String parent, Instant created) throws Exception {
        CommentRecord r = new CommentRecord(
                CommentIds.next(created),
                status,
                articleId,
                SITE + "/articles/2022/01/10/x",
                "X",
                "Anna",
                "anna@example.am",
                null,
                "hello",
                "<p>hello</p>",
                parent,
                parent == null ? 0 : 1,
                created,
                "hash",
                null);
        Retry.commit(resolver, rr -> {
            CommentStore.add(rr, site, r, "hash-" + articleId + created.toEpochMilli(), created);
            return null;
        });
        return r;
    }

    private void moderate(String id, CommentStatus target) throws Exception {
        Retry.commit(resolver, rr -> CommentStore.moderate(rr, site, id, target, "mod", T0));
    }
}
