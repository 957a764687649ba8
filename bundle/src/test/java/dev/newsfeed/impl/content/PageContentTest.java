package dev.newsfeed.impl.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.apache.sling.api.resource.Resource;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A site whose articles and folders are AEM pages (cq:Page + jcr:content) reads as a site of nodes does. */
@ExtendWith(SlingContextExtension.class)
class PageContentTest {

    static final String SITE = "/content/newsfeed/pages";
    static final String DAY = SITE + "/articles/2022/01/10";
    static final String PAGE = DAY + "/page-story";
    static final String NODE = DAY + "/node-story";

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_MOCK);

    @BeforeEach
    void content() {
        context.registerInjectActivateService(PageResourceDecorator.class);
        context.load().json("/page/test-content.json", SITE);
    }

    @Test
    void aPageWithNewsfeedContentHasItsTypeAndStaysAPage() {
        Resource page = resource(PAGE);
        assertEquals(ContentModel.RT_ARTICLE, page.getResourceType());
        assertTrue(page.isResourceType(ContentModel.RT_ARTICLE));
        assertTrue(page.isResourceType("cq:Page"));
        assertEquals("cq:Page", page.getValueMap().get("jcr:primaryType", String.class));
        assertTrue(resource(SITE).isResourceType(ContentModel.RT_SITE));
        assertTrue(resource(DAY).isResourceType(ContentModel.RT_ARCHIVE));
        assertTrue(resource(SITE + "/drafts/page-draft").isResourceType(ContentModel.RT_ARTICLE));
    }

    @Test
    void pagesOutsideTheRootsAndPagesOfOtherTypesAreLeftAlone() {
        context.create().resource("/content/other/page", "jcr:primaryType", "cq:Page");
        context.create()
                .resource(
                        "/content/other/page/jcr:content",
                        "jcr:primaryType",
                        "cq:PageContent",
                        "sling:resourceType",
                        "newsfeed/article");
        context.create().resource(SITE + "/about", "jcr:primaryType", "cq:Page");
        context.create()
                .resource(
                        SITE + "/about/jcr:content",
                        "jcr:primaryType",
                        "cq:PageContent",
                        "sling:resourceType",
                        "project/components/page");
        assertEquals("cq:Page", resource("/content/other/page").getResourceType());
        assertEquals("cq:Page", resource(SITE + "/about").getResourceType());
    }

    @Test
    void aPageArticleReadsItsFieldsAndIdFromItsContentAndItsPathFromThePage() {
        Article article = Article.from(resource(PAGE));
        assertEquals("7e0c8f4e-1c7a-4f0e-9a55-2f1d2f7a0c01", article.id());
        assertEquals(PAGE, article.path());
        assertEquals("A page article", article.title());
        assertEquals(List.of("politics", "pages"), article.tags());
        assertEquals(Instant.parse("2022-01-10T10:40:00Z"), article.published());
        assertEquals(Instant.parse("2022-01-10T11:00:00Z"), article.modified(), "cq:lastModified of the page");
        assertEquals(article, Article.from(resource(PAGE + "/jcr:content")), "the content node names the page");
        assertNull(Article.summary(resource(PAGE)).body());
    }

    @Test
    void aPageSiteReadsItsSettingsFromItsContent() {
        SiteSettings site = SiteSettings.from(resource(SITE));
        assertEquals(SITE, site.path());
        assertEquals("Day newsfeed (pages)", site.title());
        assertEquals("Asia/Yerevan", site.zone().getId());
        assertEquals(SITE + "/articles", site.archivePath());
        assertEquals(site, SiteSettings.from(resource(SITE + "/jcr:content")));
        assertEquals(
                SITE, SiteSettings.siteOf(resource(PAGE)).map(Resource::getPath).orElseThrow());
        assertEquals(
                SITE,
                SiteSettings.siteOf(resource(SITE + "/drafts/page-draft"))
                        .map(Resource::getPath)
                        .orElseThrow());
        assertEquals(
                List.of(SITE),
                SiteSettings.all(context.resourceResolver()).stream()
                        .map(SiteSettings::path)
                        .toList());
    }

    @Test
    void aPageArticleAndANodeArticleWithTheSameFieldsHaveTheSameDocumentButIdPathAndTitle() {
        SiteSettings site = SiteSettings.from(resource(SITE));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        var page = Documents.article(Article.from(resource(PAGE)), site, "https://news.example", 0, now);
        var node = Documents.article(Article.from(resource(NODE)), site, "https://news.example", 0, now);
        assertNotEquals(page.id(), node.id());
        assertEquals(page.body(), node.body());
        assertEquals(page.published(), node.published());
        assertEquals(page.modified(), node.modified());
        assertEquals(page.archive(), node.archive());
        assertEquals(page.reuse().policy(), node.reuse().policy());
        assertEquals(page.tags(), node.tags());
        assertEquals("<p>He said:</p>", page.body());
    }

    @Test
    void theContentNodeOfANewsfeedPageIsKnownAsSuch() {
        assertTrue(ContentNodes.isNewsfeedPageContent(resource(PAGE + "/jcr:content")));
        assertTrue(ContentNodes.isNewsfeedPageContent(resource(SITE + "/jcr:content")));
        assertFalse(ContentNodes.isNewsfeedPageContent(resource(PAGE)));
        assertFalse(ContentNodes.isNewsfeedPageContent(resource(NODE)));
        assertEquals(
                PAGE, ContentNodes.canonical(resource(PAGE + "/jcr:content")).getPath());
        assertEquals(NODE, ContentNodes.canonical(resource(NODE)).getPath());
        assertTrue(ContentNodes.pageMode(context.resourceResolver(), SiteSettings.from(resource(SITE))));
    }

    @Test
    void aChangeInsideAPageContentStandsForThePage() {
        assertEquals(PAGE, ContentNodes.owner(PAGE + "/jcr:content"));
        assertEquals(PAGE, ContentNodes.owner(PAGE + "/jcr:content/image/file"));
        assertEquals(PAGE, ContentNodes.owner(PAGE));
        assertEquals(DAY + "/jcr:contents", ContentNodes.owner(DAY + "/jcr:contents"));
        assertEquals(SITE, ContentNodes.owner(SITE + "/jcr:content"));
    }

    private Resource resource(String path) {
        Resource resource = context.resourceResolver().getResource(path);
        if (resource == null) {
            throw new AssertionError("no resource at " + path);
        }
        return resource;
    }
}
