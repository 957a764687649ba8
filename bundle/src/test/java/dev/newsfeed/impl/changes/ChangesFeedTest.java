package dev.newsfeed.impl.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ChangesPage;
import dev.newsfeed.impl.dto.Problem;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The changes feed's answers: refused parameters, a first token, an expired token, a page and where it ends. */
@ExtendWith(SlingContextExtension.class)
class ChangesFeedTest {

    private static final SiteSettings SITE = new SiteSettings(
            "/content/newsfeed/day", "Day", ZoneId.of("UTC"), Locale.ENGLISH, DayOfWeek.MONDAY, null, 0, "pre", null);
    private static final Instant T0 = Instant.parse("2022-01-10T10:40:00Z");
    private static final String BASE = "https://news.example";

    private final SlingContext context = NewsfeedTestContext.newSlingContext();

    @Test
    void refusesALimitOutOfRangeAndAForgedToken() {
        ChangesFeed.Outcome outcome = ChangesFeed.read(context.resourceResolver(), SITE, "forged", "0", BASE, T0, 30);
        assertEquals(
                List.of(
                        new Problem.FieldError("limit", "must be between 1 and 1000"),
                        new Problem.FieldError("since", "is not a token this API gave out")),
                assertInstanceOf(ChangesFeed.Invalid.class, outcome).errors());
    }

    @Test
    void withoutATokenAnswersNoChangesAndATokenForNow() {
        ChangesPage page = page(ChangesFeed.read(context.resourceResolver(), SITE, null, null, BASE, T0, 30));
        assertEquals(List.of(), page.changes());
        assertEquals(
                ChangeLog.entryAt(T0.minus(ChangesFeed.OVERLAP)),
                ChangesToken.decode(page.next()).entry());
    }

    @Test
    void aTokenOlderThanTheKeptHistoryHasExpired() {
        String old = new ChangesToken(ChangeLog.entryAt(T0.minusSeconds(3 * 86_400))).encode();
        ChangesFeed.Outcome outcome = ChangesFeed.read(context.resourceResolver(), SITE, old, null, BASE, T0, 2);
        assertEquals(
                LocalDate.of(2022, 1, 8),
                assertInstanceOf(ChangesFeed.Expired.class, outcome).oldestKept());
    }

    @Test
    void pagesThroughTheChangesAfterTheToken() throws Exception {
        var resolver = context.resourceResolver();
        Change first =
                ChangeRecorder.trackArticle(resolver, SITE, article("a", "0859dc03-5c65-5564-b77d-a272e2cf9caf"), T0);
        ChangeRecorder.trackArticle(
                resolver, SITE, article("b", "1859dc03-5c65-5564-b77d-a272e2cf9caf"), T0.plusSeconds(1));
        String since = new ChangesToken(ChangeLog.entryAt(T0)).encode();
        ChangesPage page = page(ChangesFeed.read(resolver, SITE, since, "1", BASE, T0.plusSeconds(2), 30));
        assertEquals(1, page.changes().size());
        ChangesPage.Item item = page.changes().get(0);
        assertEquals("created", item.type());
        assertEquals(first.path(), item.path());
        assertEquals(BASE + first.path(), item.url());
        assertEquals(true, page.more());
        ChangesPage rest = page(ChangesFeed.read(resolver, SITE, page.next(), null, BASE, T0.plusSeconds(2), 30));
        assertEquals(
                List.of(SITE.archivePath() + "/2022/01/10/b"),
                rest.changes().stream()
                        .map(ChangesPage.Item::path)
                        .filter(p -> !p.equals(first.path()))
                        .toList());
    }

    private static ChangesPage page(ChangesFeed.Outcome outcome) {
        return assertInstanceOf(ChangesFeed.Page.class, outcome).page();
    }

    private Resource article(String name, String uuid) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(T0.minusSeconds(60).toEpochMilli());
        return context.create()
                .resource(
                        SITE.archivePath() + "/2022/01/10/" + name,
                        Map.of(
                                "sling:resourceType",
                                "newsfeed/article",
                                "jcr:title",
                                name,
                                "published",
                                calendar,
                                "jcr:uuid",
                                uuid));
    }
}
