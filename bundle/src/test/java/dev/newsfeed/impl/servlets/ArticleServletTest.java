package dev.newsfeed.impl.servlets;

import static dev.newsfeed.impl.NewsfeedTestContext.SITE;
import static dev.newsfeed.impl.NewsfeedTestContext.json;
import static dev.newsfeed.impl.NewsfeedTestContext.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsfeed.impl.NewsfeedTestContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SlingContextExtension.class)
class ArticleServletTest {

    private static final String SEED = SITE + "/articles/2022/01/10/seed";

    private final SlingContext context = NewsfeedTestContext.newSlingContext();
    private ArticleServlet servlet;

    @BeforeEach
    void setUp() {
        NewsfeedTestContext.setUp(context);
        servlet = context.registerInjectActivateService(new ArticleServlet());
        context.requestPathInfo().setExtension("json");
    }

    @Test
    void servesThePublishedArticleDocument() throws Exception {
        context.currentResource(SEED);
        servlet.doGet(context.request(), context.response());

        assertEquals(200, context.response().getStatus());
        assertTrue(context.response().getContentType().startsWith("application/json"));
        assertEquals(resource("/site/expected-seed.json"), json(context.response()));
        assertEquals(
                "public, max-age=60, s-maxage=600, stale-while-revalidate=30",
                context.response().getHeader("Cache-Control"));
        assertNotNull(context.response().getHeader("ETag"));
        assertEquals("Mon, 10 Jan 2022 11:00:00 GMT", context.response().getHeader("Last-Modified"));
    }

    @Test
    void answers304WhenTheEtagMatches() throws Exception {
        context.currentResource(SEED);
        servlet.doGet(context.request(), context.response());
        String etag = context.response().getHeader("ETag");

        var second = new org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletResponse();
        context.request().setHeader("If-None-Match", "\"other\", " + etag);
        servlet.doGet(context.request(), second);

        assertEquals(304, second.getStatus());
        assertEquals(etag, second.getHeader("ETag"));
        assertEquals(0, second.getOutput().length);
    }

    @Test
    void answers304WhenNotModifiedSince() throws Exception {
        context.currentResource(SEED);
        context.request().setHeader("If-Modified-Since", "Mon, 10 Jan 2022 11:00:00 GMT");
        servlet.doGet(context.request(), context.response());
        assertEquals(304, context.response().getStatus());
    }

    @Test
    void answers200WhenModifiedSinceAnEarlierDate() throws Exception {
        context.currentResource(SEED);
        context.request().setHeader("If-Modified-Since", "Mon, 10 Jan 2022 10:59:59 GMT");
        servlet.doGet(context.request(), context.response());
        assertEquals(200, context.response().getStatus());
    }

    @Test
    void hidesAScheduledArticleFromAnonymousReaders() throws Exception {
        context.currentResource(SITE + "/articles/2099/01/01/scheduled");
        servlet.doGet(context.request(), context.response());
        assertNotFoundProblem();
    }

    @Test
    void hidesADraftFromAnonymousReaders() throws Exception {
        context.currentResource(SITE + "/drafts/draft");
        servlet.doGet(context.request(), context.response());
        assertNotFoundProblem();
    }

    @Test
    void answersUnknownSelectorsWithAProblem() throws Exception {
        context.currentResource(SEED);
        context.requestPathInfo().setSelectorString("infinity");
        servlet.doGet(context.request(), context.response());
        assertNotFoundProblem();
    }

    private void assertNotFoundProblem() throws Exception {
        assertEquals(404, context.response().getStatus());
        assertTrue(context.response().getContentType().startsWith("application/problem+json"));
        var problem = json(context.response());
        assertEquals(404, problem.get("status").asInt());
        assertEquals("Not Found", problem.get("title").asText());
        assertEquals("no-store", context.response().getHeader("Cache-Control"));
    }
}
