package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Listing a day from the remembered list of its articles, and noticing every kind of change (real Oak). */
@ExtendWith(SlingContextExtension.class)
class ArchiveListingTest {

    private static final String SITE = "/content/newsfeed/listing";
    private static final String DAY = SITE + "/articles/2022/01/10";
    private static final LocalDate DATE = LocalDate.of(2022, 1, 10);
    private static final Instant NOW = Instant.parse("2022-03-15T12:00:00Z");

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private ResourceResolver resolver;
    private SiteSettings site;

    @BeforeEach
    void setUp() throws Exception {
        resolver = context.resourceResolver();
        ResourceUtil.getOrCreateResource(resolver, SITE, Map.of("jcr:primaryType", "nt:unstructured",
                "sling:resourceType", "newsfeed/site", "timeZone", "Asia/Yerevan"), null, true);
        site = SiteSettings.from(resolver.getResource(SITE));
        create("morning", "2022-01-10T08:00:00+04:00");
        create("noon", "2022-01-10T12:00:00+04:00");
        create("evening", "2022-01-10T20:00:00+04:00");
        reindex();
    }

    @Test
    void listsADayNewestFirstFromItsFolderThenFromMemory() {
        assertEquals(List.of("evening", "noon", "morning"), names(list()));
        long key = index().key(10);
        assertNotEquals(0, key);
        assertEquals(List.of("evening", "noon", "morning"), DayEntries.get(DAY, key).stream()
                .map(DayEntries.Entry::name).toList(), "the day is remembered under the index's fingerprint");
        assertEquals(List.of("evening", "noon", "morning"), names(list()));
    }

    @Test
    void followsAReDatingWithinTheDayBeforeAndAfterTheIndexDoes() throws Exception {
        list(); // remembered
        setPublished("morning", "2022-01-10T22:00:00+04:00");
        assertEquals(List.of("morning", "evening", "noon"), names(list()), "not yet reindexed: the node is checked");
        reindex();
        assertEquals(List.of("morning", "evening", "noon"), names(list()));
    }

    @Test
    void skipsADeletedArticleAndShowsANewOneOnceIndexed() throws Exception {
        list();
        resolver.delete(resolver.getResource(DAY + "/noon"));
        resolver.commit();
        assertEquals(List.of("evening", "morning"), names(list()));
        create("late", "2022-01-10T23:00:00+04:00");
        reindex();
        assertEquals(List.of("late", "evening", "morning"), names(list()));
    }

    @Test
    void pagesThroughTheRememberedDayWithACursor() {
        list();
        ArchiveListing.Slice first = ArchiveListing.list(resolver, site, new ResourceArchiveIndex(resolver, SITE),
                Period.ALL, null, 2, NOW, false);
        assertEquals(List.of("evening", "noon"), names(first.articles()));
        assertEquals(true, first.more());
        ArchiveListing.Slice second = ArchiveListing.list(resolver, site, new ResourceArchiveIndex(resolver, SITE),
                Period.ALL, ArchiveListing.cursorAfter(first.articles().get(1)), 2, NOW, false);
        assertEquals(List.of("morning"), names(second.articles()));
        assertEquals(false, second.more());
    }

    @Test
    void leavesScheduledArticlesOutUntilTheirTime() throws Exception {
        create("tomorrow", "2022-01-10T23:30:00+04:00");
        reindex();
        Instant before = OffsetDateTime.parse("2022-01-10T21:00:00+04:00").toInstant();
        List<Article> atNine = ArchiveListing.list(resolver, site, new ResourceArchiveIndex(resolver, SITE),
                Period.ALL, null, 10, before, false).articles();
        assertEquals(List.of("evening", "noon", "morning"), names(atNine));
        assertEquals(List.of("tomorrow", "evening", "noon", "morning"), names(list()));
    }

    private List<Article> list() {
        return ArchiveListing.list(resolver, site, new ResourceArchiveIndex(resolver, SITE), Period.ALL, null, 10, NOW,
                false).articles();
    }

    private MonthCounts index() {
        return new ResourceArchiveIndex(resolver, SITE).month(YearMonth.of(2022, 1));
    }

    private static List<String> names(List<Article> articles) {
        return articles.stream().map(a -> a.path().substring(a.path().lastIndexOf('/') + 1)).toList();
    }

    private void create(String name, String published) throws Exception {
        Resource folder = ResourceUtil.getOrCreateResource(resolver, DAY,
                Map.of("jcr:primaryType", "nt:unstructured", "sling:resourceType", "newsfeed/archive"), null, false);
        Map<String, Object> props = new HashMap<>(Map.of("jcr:primaryType", "nt:unstructured",
                "sling:resourceType", "newsfeed/article", "jcr:title", name,
                "published", Dates.calendar(OffsetDateTime.parse(published).toInstant())));
        resolver.create(folder, name, props);
        resolver.commit();
    }

    private void setPublished(String name, String published) throws Exception {
        resolver.getResource(DAY + "/" + name).adaptTo(ModifiableValueMap.class)
                .put("published", Dates.calendar(OffsetDateTime.parse(published).toInstant()));
        resolver.commit();
    }

    private void reindex() throws Exception {
        Retry.commit(resolver, r -> {
            ArchiveClerk.reindexDay(r, site, DATE, NOW);
            return null;
        });
    }
}
