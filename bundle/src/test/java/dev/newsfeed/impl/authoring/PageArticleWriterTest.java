package dev.newsfeed.impl.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.PageResourceDecorator;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** On a site of AEM pages, authors' articles and the archive folders they need are pages too. */
@ExtendWith(SlingContextExtension.class)
class PageArticleWriterTest {

    private static final String SITE = "/content/newsfeed/pages";
    private static final ZoneId YEREVAN = ZoneId.of("Asia/Yerevan");
    private static final Instant NOW = Instant.parse("2022-01-10T12:00:00Z");

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_MOCK);
    private ResourceResolver resolver;
    private SiteSettings site;

    @BeforeEach
    void site() {
        context.registerInjectActivateService(PageResourceDecorator.class);
        context.create().resource(SITE, "jcr:primaryType", "cq:Page");
        context.create()
                .resource(
                        SITE + "/jcr:content",
                        Map.of(
                                "jcr:primaryType", "cq:PageContent",
                                "sling:resourceType", "newsfeed/site",
                                "timeZone", "Asia/Yerevan"));
        resolver = context.resourceResolver();
        site = SiteSettings.from(resolver.getResource(SITE));
    }

    @Test
    void createsAPageArticleInDayFolderPages() throws Exception {
        String path = ArticleWriter.create(
                resolver,
                site,
                input(Map.of("title", "Page story", "lead", "Lead", "published", "2022-02-01T01:30:00+04:00")),
                "editor",
                NOW);
        assertEquals(SITE + "/articles/2022/02/01/page-story", path);
        Resource page = resolver.getResource(path);
        assertEquals("cq:Page", page.getValueMap().get("jcr:primaryType", String.class));
        assertTrue(page.isResourceType(ContentModel.RT_ARTICLE));
        Resource content = page.getChild("jcr:content");
        assertEquals("cq:PageContent", content.getValueMap().get("jcr:primaryType", String.class));
        assertEquals("Page story", content.getValueMap().get("jcr:title", String.class));
        assertNotNull(content.getValueMap().get("cq:lastModified"));
        assertEquals("2022-02-01", title(SITE + "/articles/2022/02/01"));
        assertEquals("2022-02", title(SITE + "/articles/2022/02"));
        assertEquals("2022", title(SITE + "/articles/2022"));
        assertTrue(resolver.getResource(SITE + "/articles/2022/02/01").isResourceType(ContentModel.RT_ARCHIVE));
        assertEquals(Instant.parse("2022-01-31T21:30:00Z"), Article.from(page).published());
    }

    @Test
    void aDraftGoesToTheDraftsPageAndDeletingTheLastArticleRemovesItsEmptyFolderPages() throws Exception {
        String draft = ArticleWriter.create(resolver, site, input(Map.of("title", "Idea")), "editor", NOW);
        assertEquals(SITE + "/drafts/idea", draft);
        assertEquals("Drafts", title(SITE + "/drafts"));
        String dated = ArticleWriter.create(
                resolver,
                site,
                input(Map.of("title", "Dated", "published", "2022-01-10T14:40:00+04:00")),
                "editor",
                NOW);
        ArticleWriter.delete(resolver, site, resolver.getResource(dated));
        assertNull(resolver.getResource(SITE + "/articles/2022"), "the year page had nothing but its content left");
        assertNotNull(resolver.getResource(SITE + "/articles"));
    }

    private String title(String path) {
        return resolver.getResource(path + "/jcr:content").getValueMap().get("jcr:title", String.class);
    }

    private static ArticleInput input(Map<String, Object> fields) {
        ArticleInput input = ArticleInput.parse(fields, true, YEREVAN).input();
        assertNotNull(input, fields.toString());
        return input;
    }
}
