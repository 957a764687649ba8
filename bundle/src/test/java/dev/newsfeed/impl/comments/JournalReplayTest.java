package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Putting back what the repository lost from the journal, once, and telling compaction what it still lacks. */
@ExtendWith(SlingContextExtension.class)
class JournalReplayTest {

    private static final String SITE = "/content/newsfeed/day";
    private static final Instant T0 = Instant.parse("2022-01-10T11:00:00Z");

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private ResourceResolver resolver;
    private SiteSettings site;

    @BeforeEach
    void setUp() throws Exception {
        resolver = context.resourceResolver();
        site = NewsfeedTestContext.oakSite(resolver, SITE, null);
    }

    @Test
    void restoresALostCommentOnce() throws Exception {
        CommentRecord lost = record(CommentStatus.PENDING);
        CommentJournal.Entry entry = CommentJournal.Entry.of(SITE, "dup-1", lost);
        assertTrue(JournalReplay.missing(resolver, entry));

        assertEquals(new JournalReplay.Result(1, 0), JournalReplay.replay(resolver, List.of(entry)));
        assertNotNull(CommentStore.find(resolver, site, lost.id()));
        assertTrue(CommentStore.isDuplicate(resolver, site, "dup-1"));
        assertFalse(JournalReplay.missing(resolver, entry));
        assertEquals(new JournalReplay.Result(0, 0), JournalReplay.replay(resolver, List.of(entry)));
    }

    @Test
    void reappliesAModerationOnlyWhileTheCommentHasItsFormerStatus() throws Exception {
        CommentRecord pending = record(CommentStatus.PENDING);
        Retry.commit(resolver, r -> {
            CommentStore.add(r, site, pending, "dup-2", T0);
            return null;
        });
        CommentJournal.Entry approval = CommentJournal.Entry.moderation(
                SITE,
                CommentStatus.PENDING,
                new CommentRecord(
                        pending.id(),
                        CommentStatus.APPROVED,
                        pending.articleId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        pending.created(),
                        null,
                        null),
                "mod",
                T0.plusSeconds(5));
        assertTrue(JournalReplay.missing(resolver, approval));

        assertEquals(new JournalReplay.Result(0, 1), JournalReplay.replay(resolver, List.of(approval)));
        assertEquals(CommentStatus.APPROVED, CommentStore.status(CommentStore.find(resolver, site, pending.id())));
        assertEquals(1, CommentStore.thread(resolver, site, "a1").size());
        assertFalse(JournalReplay.missing(resolver, approval));
        assertEquals(new JournalReplay.Result(0, 0), JournalReplay.replay(resolver, List.of(approval)));
    }

    @Test
    void skipsEntriesOfASiteThatIsGone() throws Exception {
        CommentJournal.Entry entry =
                CommentJournal.Entry.of("/content/newsfeed/gone", "dup-3", record(CommentStatus.PENDING));
        assertFalse(JournalReplay.missing(resolver, entry));
        assertEquals(new JournalReplay.Result(0, 0), JournalReplay.replay(resolver, List.of(entry)));
    }

    private static CommentRecord record(CommentStatus status) {
        return new CommentRecord(
                CommentIds.next(T0),
                status,
                "a1",
                SITE + "/articles/2022/01/10/x",
                "X",
                "Anna",
                "anna@example.am",
                null,
                "hello",
                "<p>hello</p>",
                null,
                0,
                T0,
                "hash",
                null);
    }
}
