package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A site's status count is its own counter (where repairs go) plus its shards (where submissions go). */
@ExtendWith(SlingContextExtension.class)
class StatusCountersTest {

    private static final String COUNTER = CommentStore.ROOT + "/content/newsfeed/day/counts/pending";

    // plain resources: Oak's editor would refuse oak:counter written by hand (it folds it itself)
    private final SlingContext context = new SlingContext(ResourceResolverType.RESOURCERESOLVER_MOCK);

    @Test
    void sumsTheParentAndItsShardsOnly() {
        context.create().resource(COUNTER, Map.of("oak:counter", -2L, "countRepair", "t1"));
        context.create().resource(COUNTER + "/shard-3", Map.of("oak:counter", 5L));
        context.create().resource(COUNTER + "/shard-7", Map.of("oak:counter", 1L));
        context.create().resource(COUNTER + "/other", Map.of("oak:counter", 100L));
        assertEquals(4L, StatusCounters.value(context.resourceResolver().getResource(COUNTER)), "-2 + 5 + 1");
        assertEquals(
                4L, new OakCounters().read(context.resourceResolver(), COUNTER).value());
        assertEquals(0L, StatusCounters.value(null));
    }

    @Test
    void aSubmissionAddsToOneShardNotToTheStatusNode() throws Exception {
        ResourceResolver resolver = context.resourceResolver();
        SiteSettings site = NewsfeedTestContext.oakSite(resolver, "/content/newsfeed/day", null);
        for (int i = 0; i < 40; i++) {
            StatusCounters.add(resolver, site, CommentStatus.PENDING, 1);
        }
        // (each submission is a commit of its own, whose increment Oak folds; here they only land)
        int shards = 0;
        for (Resource shard : resolver.getResource(COUNTER).getChildren()) {
            assertEquals(1L, shard.getValueMap().get("oak:increment", 0L), shard.getPath());
            shards++;
        }
        assertTrue(shards > 1 && shards <= StatusCounters.SHARDS, "spread over " + shards + " shards");
        assertFalse(resolver.getResource(COUNTER).getValueMap().containsKey("oak:increment"));
    }
}
