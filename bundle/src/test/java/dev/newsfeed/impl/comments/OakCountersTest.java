package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.newsfeed.impl.NewsfeedTestContext;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The repair token on Oak: a repair applies only over the token it read, and of two at once Oak lets one commit. */
@ExtendWith(SlingContextExtension.class)
class OakCountersTest {

    private static final String COUNTER = CommentStore.ROOT + "/content/newsfeed/day/counts/pending";

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private final OakCounters counters = new OakCounters();

    @Test
    void repairsOnlyOverTheTokenItRead() throws Exception {
        ResourceResolver resolver = context.resourceResolver();
        assertNull(counters.read(resolver, COUNTER));
        assertTrue(counters.correct(resolver, COUNTER, null, 3, "t1"), "a missing status counter is created");
        assertEquals("t1", counters.read(resolver, COUNTER).token());
        assertTrue(
                resolver.getResource(COUNTER).getValueMap().containsKey("oak:increment"),
                "the difference goes in as an increment (Oak adds it to this instance's shard)");
        assertFalse(counters.correct(resolver, COUNTER, null, 3, "t2"), "another repair came first");
        assertTrue(counters.correct(resolver, COUNTER, "t1", -1, "t3"));
        assertEquals(-1L, resolver.getResource(COUNTER).getValueMap().get("oak:increment", 0L));
        assertFalse(
                counters.correct(resolver, "/content/newsfeed/day/comments/gone", null, 1, "t4"),
                "a thread that is gone is not made up");
    }

    @Test
    void ofTwoRepairsAtOnceOneCommits() throws Exception {
        ResourceResolver one = context.resourceResolver();
        ResourceUtil.getOrCreateResource(
                one,
                COUNTER,
                Map.of("jcr:primaryType", CommentStore.UNORDERED, "jcr:mixinTypes", new String[] {"mix:atomicCounter"}),
                CommentStore.UNORDERED,
                true);
        // a second session on the same repository, as a second cluster node would have
        ResourceResolver two = NewsfeedTestContext.secondSession(context);
        try {
            two.refresh();
            // both read "no repair yet"; two commits first
            assertEquals(null, counters.read(one, COUNTER).token());
            ResourceResolver twoSeesNoToken = two;
            assertTrue(counters.correct(twoSeesNoToken, COUNTER, null, 1, "from-two"));
            assertFalse(
                    counters.correct(one, COUNTER, null, 1, "from-one"),
                    "the second repair over the same token is refused, never added twice");
            one.refresh();
            assertEquals("from-two", counters.read(one, COUNTER).token());
        } finally {
            two.close();
        }
    }
}
