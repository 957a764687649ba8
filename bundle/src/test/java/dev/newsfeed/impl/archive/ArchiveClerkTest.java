package dev.newsfeed.impl.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Filing and indexing on a real Oak repository (moves need JCR). */
@ExtendWith(SlingContextExtension.class)
class ArchiveClerkTest {

    private static final String SITE = "/content/newsfeed/day";
    private static final Instant NOW = Instant.parse("2022-03-15T12:00:00Z");

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private ResourceResolver resolver;
    private SiteSettings site;

    @BeforeEach
    void setUp() throws Exception {
        resolver = context.resourceResolver();
        site = NewsfeedTestContext.oakSite(resolver, SITE, "Asia/Yerevan");
    }

    @Test
    void filesAnArticleByItsLocalDateAndCountsIt() throws Exception {
        String path = create("night", "2022-02-01T01:30:00+04:00", SITE + "/articles/2022/01/31");
        assertEquals(SITE + "/articles/2022/02/01/night", path);
        assertNull(resolver.getResource(SITE + "/articles/2022/01"), "the emptied January folders are removed");
        reindex(LocalDate.of(2022, 2, 1));
        ArchiveIndex index = new ResourceArchiveIndex(resolver, SITE);
        assertEquals(1, index.month(YearMonth.of(2022, 2)).visible(1, NOW, site.zone()));
        assertEquals(java.util.List.of(YearMonth.of(2022, 2)), index.months());
    }

    @Test
    void redatingMovesTheArticleAndBothMonthsFollow() throws Exception {
        String path = create("story", "2022-02-01T01:30:00+04:00", SITE + "/articles/2022/02/01");
        reindex(LocalDate.of(2022, 2, 1));
        Resource article = resolver.getResource(path);
        article.adaptTo(org.apache.sling.api.resource.ModifiableValueMap.class)
                .put("published", Dates.calendar(Instant.parse("2022-01-20T06:00:00Z")));
        String moved = ArchiveClerk.file(resolver, site, article);
        resolver.commit();
        reindex(LocalDate.of(2022, 2, 1));
        reindex(LocalDate.of(2022, 1, 20));
        assertEquals(SITE + "/articles/2022/01/20/story", moved);
        ArchiveIndex index = new ResourceArchiveIndex(resolver, SITE);
        assertEquals(0, index.month(YearMonth.of(2022, 2)).total());
        assertEquals(1, index.month(YearMonth.of(2022, 1)).visible(20, NOW, site.zone()));
        assertEquals(java.util.List.of(YearMonth.of(2022, 1)), index.months());
        assertNull(resolver.getResource(ResourceArchiveIndex.indexPath(SITE) + "/2022/02"));
    }

    @Test
    void unpublishingMovesTheArticleToTheDrafts() throws Exception {
        String path = create("story", "2022-02-01T01:30:00+04:00", SITE + "/articles/2022/02/01");
        Resource article = resolver.getResource(path);
        article.adaptTo(org.apache.sling.api.resource.ModifiableValueMap.class).remove("published");
        assertEquals(SITE + "/drafts/story", ArchiveClerk.file(resolver, site, article));
    }

    @Test
    void keepsNamesUniqueWhenFiling() throws Exception {
        create("story", "2022-02-01T10:00:00+04:00", SITE + "/articles/2022/02/01");
        String second = create("story", "2022-02-01T11:00:00+04:00", SITE + "/drafts");
        assertEquals(SITE + "/articles/2022/02/01/story-2", second);
    }

    @Test
    void countsScheduledArticlesOnlyOnceTheirTimeComes() throws Exception {
        create("later", "2022-03-20T09:00:00+04:00", SITE + "/articles/2022/03/20");
        create("earlier", "2022-03-01T09:00:00+04:00", SITE + "/articles/2022/03/01");
        ArchiveIndexer.rebuild(resolver, site, NOW);
        MonthCounts march = new ResourceArchiveIndex(resolver, SITE).month(YearMonth.of(2022, 3));
        assertEquals(2, march.total());
        assertEquals(1, march.visibleTotal(NOW, site.zone()));
        assertEquals(2, march.visibleTotal(Instant.parse("2022-03-20T05:00:00Z"), site.zone()));
    }

    @Test
    void rebuildFilesMisfiledArticlesAndDraftsWithADate() throws Exception {
        createRaw("misfiled", "2022-02-01T01:30:00+04:00", SITE + "/articles/2022/01/31");
        createRaw("published-draft", "2022-01-10T14:40:00+04:00", SITE + "/drafts");
        createRaw("real-draft", null, SITE + "/drafts");
        ArchiveIndexer.rebuild(resolver, site, NOW);
        assertNotNull(resolver.getResource(SITE + "/articles/2022/02/01/misfiled"));
        assertNotNull(resolver.getResource(SITE + "/articles/2022/01/10/published-draft"));
        assertNotNull(resolver.getResource(SITE + "/drafts/real-draft"));
        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, SITE);
        assertEquals(java.util.List.of(YearMonth.of(2022, 1), YearMonth.of(2022, 2)), index.months());
        assertEquals(true, index.isCurrent("Asia/Yerevan"));
        assertEquals(false, index.isCurrent("UTC"));
    }

    @Test
    void rebuildReplacesTheIndexInOneCommitAndDropsMonthsLeftEmpty() throws Exception {
        create("january", "2022-01-10T14:40:00+04:00", SITE + "/articles/2022/01/10");
        String march = create("march", "2022-03-01T09:00:00+04:00", SITE + "/articles/2022/03/01");
        ArchiveIndexer.rebuild(resolver, site, NOW);
        resolver.delete(resolver.getResource(march)); // gone without the clerk hearing of it
        resolver.commit();
        String indexPath = ResourceArchiveIndex.indexPath(SITE);
        assertNotNull(resolver.getResource(indexPath + "/2022/03"));

        ArchiveIndexer.rebuild(resolver, site, NOW);

        ResourceArchiveIndex index = new ResourceArchiveIndex(resolver, SITE);
        assertEquals(java.util.List.of(YearMonth.of(2022, 1)), index.months());
        assertEquals(1, index.month(YearMonth.of(2022, 1)).visible(10, NOW, site.zone()));
        assertNull(resolver.getResource(indexPath + "/2022/03"), "the emptied month's counts are removed");
        assertEquals(false, resolver.hasChanges());
    }

    /** Creates an article node where told and files it like the clerk does after any write. */
    private String create(String name, String published, String parent) throws Exception {
        Resource article = createRaw(name, published, parent);
        String path = ArchiveClerk.file(resolver, site, article);
        resolver.commit();
        return path;
    }

    private Resource createRaw(String name, String published, String parent) throws Exception {
        Resource folder = ResourceUtil.getOrCreateResource(
                resolver,
                parent,
                Map.of("jcr:primaryType", "nt:unstructured", "sling:resourceType", "newsfeed/archive"),
                null,
                false);
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                "jcr:primaryType", "nt:unstructured", "sling:resourceType", "newsfeed/article", "jcr:title", name));
        if (published != null) {
            props.put(
                    "published",
                    Dates.calendar(java.time.OffsetDateTime.parse(published).toInstant()));
        }
        Resource article = resolver.create(folder, name, props);
        resolver.commit();
        return article;
    }

    private void reindex(LocalDate day) throws Exception {
        Retry.commit(resolver, r -> {
            ArchiveIndexer.reindexDay(r, site, day, NOW);
            return null;
        });
    }
}
