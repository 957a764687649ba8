package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SlingContextExtension.class)
class ModerationQueueTest {

    private final SlingContext context = new SlingContext();

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "2022011", "20220110", "../../x", "20220110-104000123-K3J9X2QA"})
    void refusesAPositionThatIsNotACommentId(String after) {
        SiteSettings site = SiteSettings.from(
                context.create().resource("/content/newsfeed/day", Map.of("sling:resourceType", ContentModel.RT_SITE)));
        assertThrows(
                IllegalArgumentException.class,
                () -> ModerationQueue.list(context.resourceResolver(), site, CommentStatus.PENDING, after, 20));
    }

    @Test
    void startsAfterACommentIdOfAnEmptyQueue() {
        SiteSettings site = SiteSettings.from(
                context.create().resource("/content/newsfeed/day", Map.of("sling:resourceType", ContentModel.RT_SITE)));
        assertEquals(
                0,
                ModerationQueue.list(
                                context.resourceResolver(),
                                site,
                                CommentStatus.PENDING,
                                "20220110-104000123-k3j9x2qa",
                                20)
                        .records()
                        .size());
    }
}
