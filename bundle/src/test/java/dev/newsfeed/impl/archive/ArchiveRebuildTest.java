package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of a cluster building the same new index at once (the first articles of a new site written on both):
 * on Oak the second commit conflicts, and the build that lost is done again over what the other stored.
 */
@ExtendWith(SlingContextExtension.class)
class ArchiveRebuildTest {

    private static final String SITE = "/content/newsfeed/day";

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);

    @Test
    void aBuildThatLosesToAnotherInstanceIsDoneAgain() throws Exception {
        context.load().json("/archive/test-content.json", SITE);
        ResourceResolver one = context.resourceResolver();
        SiteSettings site = SiteSettings.from(one.getResource(SITE));
        ResourceResolver two = NewsfeedTestContext.secondSession(context);
        AtomicInteger indexCommits = new AtomicInteger();
        try {
            // right before this build commits its index, the other instance commits the same new index (on its own
            // thread: Oak refreshes sessions that share a thread with a saving one)
            ResourceResolver racing = racing(one, () -> {
                if (one.hasChanges() && indexCommits.incrementAndGet() == 1) {
                    CompletableFuture.runAsync(() -> rebuild(two, site)).join();
                }
            });
            ArchiveIndexer.rebuild(racing, site, Instant.now());
        } finally {
            two.close();
        }
        assertTrue(indexCommits.get() >= 2, "the index commit was tried again: " + indexCommits.get());
        one.refresh();
        MonthCounts january = new ResourceArchiveIndex(one, SITE).month(YearMonth.of(2022, 1));
        assertEquals(2, january.visible(10, Instant.now(), site.zone()), "both articles of January 10 counted once");
    }

    private static void rebuild(ResourceResolver resolver, SiteSettings site) {
        try {
            ArchiveIndexer.rebuild(resolver, site, Instant.now());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resolver, running {@code beforeCommit} ahead of each commit. */
    private static ResourceResolver racing(ResourceResolver resolver, Runnable beforeCommit) {
        return (ResourceResolver) Proxy.newProxyInstance(
                ResourceResolver.class.getClassLoader(),
                new Class<?>[] {ResourceResolver.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        beforeCommit.run();
                    }
                    try {
                        return method.invoke(resolver, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
