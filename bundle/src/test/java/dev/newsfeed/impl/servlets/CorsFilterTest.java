package dev.newsfeed.impl.servlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.FilterChain;

import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.http.Cors;
import dev.newsfeed.impl.http.CorsPolicy.Access;
import org.apache.sling.api.resource.NonExistingResource;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SlingContextExtension.class)
class CorsFilterTest {

    private static final String ARTICLE = NewsfeedTestContext.SITE + "/articles/2022/01/10/seed";
    private static final String READER = "http://127.0.0.1:8085";

    private final SlingContext context = NewsfeedTestContext.newSlingContext();
    private final AtomicBoolean passed = new AtomicBoolean();
    private final FilterChain chain = (request, response) -> passed.set(true);
    private CorsFilter filter;

    @BeforeEach
    void setUp() {
        NewsfeedTestContext.setUp(context);
        context.registerInjectActivateService(Cors.class, "cors.write.origins", new String[] {READER});
        filter = context.registerInjectActivateService(CorsFilter.class);
    }

    @Test
    void answersPreflightsOfNewsfeedResourcesItself() throws Exception {
        request("OPTIONS", ARTICLE, "comments", "json");
        context.request().setHeader("Origin", READER);
        context.request().setHeader("Access-Control-Request-Method", "POST");
        context.request().setHeader("Access-Control-Request-Headers", "content-type");
        filter.doFilter(context.request(), context.response(), chain);
        assertFalse(passed.get());
        assertEquals(204, context.response().getStatus());
        assertEquals(READER, context.response().getHeader("Access-Control-Allow-Origin"));
        assertEquals("GET, HEAD, POST", context.response().getHeader("Access-Control-Allow-Methods"));
        assertEquals("600", context.response().getHeader("Access-Control-Max-Age"));
    }

    @Test
    void refusesAPreflightOfAnotherOriginWithAProblem() throws Exception {
        request("OPTIONS", ARTICLE, "comments", "json");
        context.request().setHeader("Origin", "https://evil.example");
        context.request().setHeader("Access-Control-Request-Method", "POST");
        filter.doFilter(context.request(), context.response(), chain);
        assertEquals(403, context.response().getStatus());
        assertTrue(context.response().getOutputAsString().contains("urn:dev.newsfeed:problem:cors-refused"));
        assertNull(context.response().getHeader("Access-Control-Allow-Origin"));
    }

    @Test
    void answersAPlainOptionsWithTheMethods() throws Exception {
        request("OPTIONS", NewsfeedTestContext.SITE, "moderation", "json");
        filter.doFilter(context.request(), context.response(), chain);
        assertEquals(204, context.response().getStatus());
        assertEquals("GET, HEAD, POST, OPTIONS", context.response().getHeader("Allow"));
    }

    @Test
    void refusesACommentFromAnOriginNotListedBeforeTheServlet() throws Exception {
        request("POST", ARTICLE, "comments", "json");
        context.request().setHeader("Origin", "https://evil.example");
        filter.doFilter(context.request(), context.response(), chain);
        assertFalse(passed.get());
        assertEquals(403, context.response().getStatus());
        assertNull(context.response().getHeader("Access-Control-Allow-Origin"));
    }

    @Test
    void passesAListedOriginsCommentWithItsHeaders() throws Exception {
        request("POST", ARTICLE, "comments", "json");
        context.request().setHeader("Origin", READER);
        filter.doFilter(context.request(), context.response(), chain);
        assertTrue(passed.get());
        assertEquals(READER, context.response().getHeader("Access-Control-Allow-Origin"));
        assertEquals(List.of("Origin"), context.response().getHeaders("Vary"));
    }

    @Test
    void passesThisServersOwnWritesAndRequestsWithoutOrigin() throws Exception {
        request("POST", NewsfeedTestContext.SITE, "moderation", "json");
        context.request().setHeader("Origin", "http://localhost:80");
        context.request().setHeader("Host", "localhost");
        filter.doFilter(context.request(), context.response(), chain);
        assertTrue(passed.get());
        passed.set(false);
        request("POST", ARTICLE, "comments", "json");
        filter.doFilter(context.request(), context.response(), chain);
        assertTrue(passed.get());
    }

    @Test
    void publicReadsGetAStarWhoeverAsks() throws Exception {
        request("GET", NewsfeedTestContext.SITE, null, "json");
        filter.doFilter(context.request(), context.response(), chain);
        assertTrue(passed.get());
        assertEquals("*", context.response().getHeader("Access-Control-Allow-Origin"));
        assertEquals(List.of(), context.response().getHeaders("Vary"));
    }

    @Test
    void leavesOtherResourcesAlone() throws Exception {
        context.currentResource(context.create().resource("/content/other"));
        context.request().setMethod("OPTIONS");
        filter.doFilter(context.request(), context.response(), chain);
        assertTrue(passed.get());
        assertNull(context.response().getHeader("Allow"));
    }

    @Test
    void classifiesEveryEndpointOfNewsfeed() {
        for (NewsfeedSelectors.Endpoint e : NewsfeedSelectors.ENDPOINTS) {
            for (String method : e.methods()) {
                Access access = CorsEndpoints.access(new String[] {e.selector()}, method);
                assertTrue(access != null, e + " " + method);
                if (method.equals("POST")) {
                    assertTrue(access != Access.READ, e + " is a write");
                }
            }
        }
        assertEquals(Access.READ, CorsEndpoints.access(new String[] {"comments"}, "GET"));
        assertEquals(Access.COMMENT, CorsEndpoints.access(new String[] {"comment-form"}, "GET"));
        assertEquals(Access.CREDENTIALED, CorsEndpoints.access(new String[] {"feed", "explain"}, "GET"));
        assertEquals(Access.READ, CorsEndpoints.access(new String[] {"search"}, "GET"));
        assertNull(CorsEndpoints.access(new String[0], "POST"));
        assertEquals(
                Map.of("GET", Access.READ, "HEAD", Access.READ),
                CorsEndpoints.endpoint(
                        new NonExistingResource(context.resourceResolver(), NewsfeedTestContext.SITE + "/nothing"),
                        new String[0],
                        "json"));
        assertTrue(CorsEndpoints.inScope(
                new NonExistingResource(context.resourceResolver(), NewsfeedTestContext.SITE + "/nothing")));
        assertFalse(CorsEndpoints.inScope(new NonExistingResource(context.resourceResolver(), "/apps/x")));
    }

    private void request(String method, String path, String selector, String extension) {
        context.currentResource(path);
        context.request().setMethod(method);
        context.requestPathInfo().setSelectorString(selector);
        context.requestPathInfo().setExtension(extension);
    }
}
