package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The change recorder reports an article going live exactly once, whoever notices it first. */
@ExtendWith(SlingContextExtension.class)
class ChangeRecorderTest {

    private static final SiteSettings SITE = NewsfeedTestContext.DAY;
    private static final Instant T0 = Instant.parse("2022-01-10T10:40:00Z");

    private final SlingContext context = NewsfeedTestContext.newSlingContext();

    private Resource article(Instant published) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(published.toEpochMilli());
        return context.create()
                .resource(
                        SITE.path() + "/articles/2022/01/10/a",
                        Map.of(
                                "sling:resourceType",
                                "newsfeed/article",
                                "jcr:title",
                                "A",
                                "published",
                                calendar,
                                "jcr:uuid",
                                "0859dc03-5c65-5564-b77d-a272e2cf9caf"));
    }

    @Test
    void aScheduledArticleIsReportedOnceWhenItGoesLive() throws Exception {
        Resource article = article(T0.plusSeconds(60));
        var resolver = context.resourceResolver();
        assertNull(ChangeRecorder.trackArticle(resolver, SITE, article, T0), "nothing public yet");
        List<Change> live = ChangeRecorder.trackGoingLive(resolver, SITE, List.of(article), T0.plusSeconds(61));
        assertEquals(1, live.size());
        assertEquals(Change.Type.CREATED, live.get(0).type());
        assertEquals(List.of(), ChangeRecorder.trackGoingLive(resolver, SITE, List.of(article), T0.plusSeconds(75)));
    }

    @Test
    void anArticleLoggedAsLiveIsNotReportedAgainByTheGoingLiveCheck() throws Exception {
        Resource article = article(T0.plusSeconds(60));
        var resolver = context.resourceResolver();
        // the listener was late: the article was already live when it was first registered
        Change created = ChangeRecorder.trackArticle(resolver, SITE, article, T0.plusSeconds(62));
        assertEquals(Change.Type.CREATED, created.type());
        assertEquals(List.of(), ChangeRecorder.trackGoingLive(resolver, SITE, List.of(article), T0.plusSeconds(75)));
    }
}
