package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.PageResourceDecorator;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The archive index and the day listing count and list page articles beside node articles. */
@ExtendWith(SlingContextExtension.class)
class PageArchiveTest {

    private static final String SITE = "/content/newsfeed/pages";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_MOCK);
    private SiteSettings site;

    @BeforeEach
    void content() throws Exception {
        context.registerInjectActivateService(PageResourceDecorator.class);
        context.load().json("/page/test-content.json", SITE);
        site = SiteSettings.from(context.resourceResolver().getResource(SITE));
        // the day's counts (jcr-mock cannot add the mixins that a full rebuild's filing would)
        ArchiveIndexer.reindexDay(context.resourceResolver(), site, java.time.LocalDate.of(2022, 1, 10), NOW);
        context.resourceResolver().commit();
    }

    @Test
    void theCalendarCountsThePageArticleAndTheNodeArticleOfTheDay() {
        ResourceArchiveIndex index = new ResourceArchiveIndex(context.resourceResolver(), SITE);
        assertEquals(List.of(YearMonth.of(2022, 1)), index.months());
        assertEquals(2, index.month(YearMonth.of(2022, 1)).visible(10, NOW, ZoneId.of("Asia/Yerevan")));
    }

    @Test
    void theDayListingHasBothWithTheirIds() {
        ArchiveListing.Slice slice = ArchiveListing.list(
                context.resourceResolver(),
                site,
                new ResourceArchiveIndex(context.resourceResolver(), SITE),
                Period.of(site, SITE + "/articles/2022/01/10"),
                null,
                10,
                NOW,
                false);
        assertEquals(
                List.of(SITE + "/articles/2022/01/10/node-story", SITE + "/articles/2022/01/10/page-story"),
                slice.articles().stream().map(Article::path).sorted().toList());
        assertEquals(
                List.of("7e0c8f4e-1c7a-4f0e-9a55-2f1d2f7a0c01", "7e0c8f4e-1c7a-4f0e-9a55-2f1d2f7a0c02"),
                slice.articles().stream().map(Article::id).sorted().toList());
    }
}
