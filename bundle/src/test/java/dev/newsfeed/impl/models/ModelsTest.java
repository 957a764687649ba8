package dev.newsfeed.impl.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsfeed.api.ArticleModel;
import dev.newsfeed.api.CalendarModel;
import dev.newsfeed.api.CommentListModel;
import dev.newsfeed.api.SiteModel;
import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.content.PageResourceDecorator;
import dev.newsfeed.impl.http.PublicApiSettings;
import dev.newsfeed.impl.servlets.ArticleServlet;
import dev.newsfeed.impl.servlets.SiteServlet;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Sling Models give what the JSON API gives: the exporter's serialization of a model (a plain ObjectMapper, as
 * the Jackson exporter has) is the servlet's document, for node and page articles alike.
 */
@ExtendWith(SlingContextExtension.class)
class ModelsTest {

    private static final String PAGES = "/content/newsfeed/pages";
    private static final String DAY = PAGES + "/articles/2022/01/10";
    private static final ObjectMapper EXPORTER = new ObjectMapper();

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_MOCK);

    @BeforeEach
    void setUp() {
        context.registerInjectActivateService(PageResourceDecorator.class);
        context.load().json("/site/test-content.json", NewsfeedTestContext.SITE);
        context.load().json("/page/test-content.json", PAGES);
        context.registerInjectActivateService(
                PublicApiSettings.class, "public.base.url", NewsfeedTestContext.BASE + "/", "cache.max.age", 60L);
        NewsfeedTestContext.registerViews(context);
        context.addModelsForClasses(
                ArticleModelImpl.class, SiteModelImpl.class, CalendarModelImpl.class, CommentListModelImpl.class);
        context.requestPathInfo().setExtension("json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {NewsfeedTestContext.SITE + "/articles/2022/01/10/seed", DAY + "/page-story", DAY + "/node-story"
            })
    void theArticleModelExportsTheArticleDocument(String path) throws Exception {
        context.currentResource(path);
        ArticleModel model = context.request().adaptTo(ArticleModel.class);
        assertNotNull(model);
        assertEquals(served(new ArticleServlet()), exported(model));
        assertEquals(path, model.getPath());
    }

    @Test
    void aPageArticleAdaptedFromItsResourceOrItsContentGivesThePageAndItsFields() throws Exception {
        Resource page = context.resourceResolver().getResource(DAY + "/page-story");
        ArticleModel fromPage = page.adaptTo(ArticleModel.class);
        ArticleModel fromContent = page.getChild("jcr:content").adaptTo(ArticleModel.class);
        assertNotNull(fromPage);
        assertEquals("A page article", fromPage.getTitle());
        assertEquals("<p>He said:</p>", fromPage.getBody());
        assertEquals("2022-01-10T14:40:00+04:00", fromPage.getPublished());
        assertEquals(List.of("politics", "pages"), fromPage.getTags());
        assertEquals(NewsfeedTestContext.BASE + DAY + "/page-story", fromPage.getUrl(), "the configured base");
        assertEquals(fromPage.getUrl() + ".comments.json", fromPage.getCommentsUrl());
        assertTrue(fromPage.isCommentsOpen());
        assertEquals(exported(fromPage), exported(fromContent));
    }

    @ParameterizedTest
    @ValueSource(strings = {NewsfeedTestContext.SITE, PAGES})
    void theSiteModelExportsTheSiteDocument(String path) throws Exception {
        context.currentResource(path);
        SiteModel model = context.request().adaptTo(SiteModel.class);
        assertNotNull(model);
        assertEquals(served(new SiteServlet()), exported(model));
        assertEquals("Asia/Yerevan", model.getTimeZone());
    }

    @Test
    void theCalendarModelIsTheCurrentMonthOfTheSite() {
        CalendarModel calendar = context.resourceResolver().getResource(PAGES).adaptTo(CalendarModel.class);
        assertNotNull(calendar);
        assertEquals("Asia/Yerevan", calendar.getTimeZone());
        assertEquals(7, calendar.getWeekdays().size());
        assertTrue(calendar.getWeeks().stream().allMatch(row -> row.size() == 7));
    }

    @Test
    void theCommentListOfAnArticleWithoutCommentsIsEmptyAndOpen() {
        CommentListModel comments =
                context.resourceResolver().getResource(DAY + "/page-story").adaptTo(CommentListModel.class);
        assertNotNull(comments);
        assertEquals(0, comments.getCount());
        assertTrue(comments.isOpen());
        assertEquals(List.of(), comments.getComments());
        CommentListModel draft = context.resourceResolver()
                .getResource(PAGES + "/drafts/page-draft")
                .adaptTo(CommentListModel.class);
        assertNotNull(draft);
        assertEquals(0, draft.getCount());
    }

    @Test
    void aResourceOutsideEverySiteAdaptsToNoModel() {
        Resource stray =
                context.create().resource("/content/elsewhere/story", "sling:resourceType", "newsfeed/article");
        assertNull(stray.adaptTo(ArticleModel.class));
    }

    /** What the Jackson exporter writes, read back. */
    private static JsonNode exported(Object model) throws Exception {
        return EXPORTER.readTree(EXPORTER.writeValueAsString(model));
    }

    private JsonNode served(SlingSafeMethodsServlet servlet) throws Exception {
        SlingSafeMethodsServlet active = context.registerInjectActivateService(servlet);
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();
        active.service(context.request(), response);
        assertEquals(200, response.getStatus(), response.getOutputAsString());
        return EXPORTER.readTree(response.getOutputAsString().getBytes(StandardCharsets.UTF_8));
    }
}
