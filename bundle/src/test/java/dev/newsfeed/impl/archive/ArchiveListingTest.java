package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Listing a day through the order the index keeps for it, and reading the day itself when that order is behind. */
@ExtendWith(SlingContextExtension.class)
class ArchiveListingTest {

    private static final String SITE = "/content/newsfeed/day";
    private static final String DAY = SITE + "/articles/2022/03/14";
    private static final LocalDate DATE = LocalDate.of(2022, 3, 14);
    /** The moment of the rebuild: the 18:00 article (Yerevan, +04:00) is still scheduled. */
    private static final Instant INDEXED = Instant.parse("2022-03-14T13:00:00Z");

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private SiteSettings site;

    @BeforeEach
    void setUp() throws Exception {
        context.create().resource(SITE, Map.of("sling:resourceType", "newsfeed/site", "timeZone", "Asia/Yerevan"));
        article("morning", "2022-03-14T08:00:00.000+04:00");
        article("noon", "2022-03-14T12:00:00.000+04:00");
        article("evening", "2022-03-14T16:00:00.000+04:00");
        article("embargoed-scoop", "2022-03-14T18:00:00.000+04:00");
        context.resourceResolver().commit();
        site = SiteSettings.from(context.resourceResolver().getResource(SITE));
        ArchiveIndexer.rebuild(context.resourceResolver(), site, INDEXED);
    }

    @Test
    void keepsTheLiveArticlesOfADayInOrderAndNotTheNameOfAScheduledOne() {
        DayOrder order = new ResourceArchiveIndex(context.resourceResolver(), SITE).day(DATE);
        assertNotNull(order);
        assertArrayEquals(new String[] {"evening", "noon", "morning"}, order.names());
    }

    @Test
    void listsADayFromItsOrderWithoutReadingTheDayFolder() {
        ResourceResolver counting = mock(ResourceResolver.class, delegatesTo(context.resourceResolver()));
        assertEquals(List.of("evening", "noon"), names(counting, INDEXED, 2));
        verify(counting, never()).getResource(DAY);
    }

    @Test
    void readsTheDayItselfWhenAnArticleWentLiveSinceItsOrderWasWritten() {
        Instant later = Instant.parse("2022-03-14T15:00:00Z");
        assertEquals(
                List.of("embargoed-scoop", "evening", "noon", "morning"), names(context.resourceResolver(), later, 10));
    }

    @Test
    void readsTheDayItselfWhenAnArticleWasRedatedAndTheOrderIsBehind() throws Exception {
        context.resourceResolver()
                .getResource(DAY + "/morning")
                .adaptTo(ModifiableValueMap.class)
                .put(
                        "published",
                        java.util.GregorianCalendar.from(java.time.ZonedDateTime.parse("2022-03-14T17:00:00+04:00")));
        context.resourceResolver().commit();
        Instant later = Instant.parse("2022-03-14T13:30:00Z");
        assertEquals(List.of("morning", "evening", "noon"), names(context.resourceResolver(), later, 10));

        ArchiveIndexer.reindexDay(context.resourceResolver(), site, DATE, later);
        context.resourceResolver().commit();
        DayOrder order = new ResourceArchiveIndex(context.resourceResolver(), SITE).day(DATE);
        assertArrayEquals(new String[] {"morning", "evening", "noon"}, order.names(), "reindexed in the new order");
    }

    @Test
    void skipsAnArticleDeletedBeforeItsDayWasIndexedAgain() throws Exception {
        context.resourceResolver().delete(context.resourceResolver().getResource(DAY + "/noon"));
        context.resourceResolver().commit();
        assertEquals(List.of("evening", "morning"), names(context.resourceResolver(), INDEXED, 10));
    }

    @Test
    void dropsTheDayOrderWithItsLastArticle() throws Exception {
        for (String name : List.of("morning", "noon", "evening", "embargoed-scoop")) {
            context.resourceResolver().delete(context.resourceResolver().getResource(DAY + "/" + name));
        }
        context.resourceResolver().commit();
        ArchiveIndexer.reindexDay(context.resourceResolver(), site, DATE, INDEXED);
        context.resourceResolver().commit();
        assertFalse(context.resourceResolver()
                .getResource(ResourceArchiveIndex.indexPath(SITE))
                .getChildren()
                .iterator()
                .hasNext());
    }

    private List<String> names(ResourceResolver resolver, Instant now, int limit) {
        ArchiveListing.Slice slice = ArchiveListing.list(
                resolver, site, new ResourceArchiveIndex(resolver, SITE), Period.ALL, null, limit, now, false);
        return slice.articles().stream()
                .map(Article::path)
                .map(p -> p.substring(p.lastIndexOf('/') + 1))
                .toList();
    }

    private void article(String name, String published) {
        context.create()
                .resource(
                        DAY + "/" + name,
                        Map.of(
                                "sling:resourceType",
                                "newsfeed/article",
                                "jcr:title",
                                name,
                                "published",
                                java.util.GregorianCalendar.from(java.time.ZonedDateTime.parse(published))));
    }
}
