package dev.newsfeed.impl.servlets;

import static dev.newsfeed.impl.NewsfeedTestContext.SITE;
import static dev.newsfeed.impl.NewsfeedTestContext.json;
import static dev.newsfeed.impl.NewsfeedTestContext.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsfeed.impl.NewsfeedTestContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SlingContextExtension.class)
class SiteServletTest {

    private final SlingContext context = NewsfeedTestContext.newSlingContext();
    private SiteServlet servlet;

    @BeforeEach
    void setUp() {
        NewsfeedTestContext.setUp(context);
        servlet = context.registerInjectActivateService(new SiteServlet());
        context.requestPathInfo().setExtension("json");
        context.currentResource(SITE);
    }

    @Test
    void servesTheSiteDocument() throws Exception {
        servlet.doGet(context.request(), context.response());
        assertEquals(200, context.response().getStatus());
        assertEquals(resource("/site/expected-site.json"), json(context.response()));
        assertEquals("Fri, 31 Dec 2021 20:00:00 GMT", context.response().getHeader("Last-Modified"));
    }

    @Test
    void answersAnUnknownSelectorWith404() throws Exception {
        context.requestPathInfo().setSelectorString("tidy");
        servlet.doGet(context.request(), context.response());
        assertEquals(404, context.response().getStatus());
        assertEquals(
                "application/problem+json;charset=UTF-8", context.response().getContentType());
    }

    @Test
    void takesTheBaseUrlFromATrustedRequestHostWhenNoneIsConfigured() throws Exception {
        SiteServlet unconfigured = unconfigured();
        context.request().setServerName("127.0.0.1");
        context.request().setServerPort(8080);
        unconfigured.doGet(onLocalPort(8080), context.response());
        assertEquals(
                "http://127.0.0.1:8080/content/newsfeed/day.feed.json",
                json(context.response()).at("/links/feed").asText());
    }

    @Test
    void neverPutsAForgedHostIntoADocument() throws Exception {
        SiteServlet unconfigured = unconfigured();
        context.request().setServerName("evil.example");
        context.request().setServerPort(80);
        unconfigured.doGet(onLocalPort(8080), context.response());
        assertEquals(
                "http://localhost:8080/content/newsfeed/day.feed.json",
                json(context.response()).at("/links/feed").asText());
    }

    private SiteServlet unconfigured() {
        context.registerInjectActivateService(
                dev.newsfeed.impl.http.PublicApiSettings.class, "public.base.url", "", "service.ranking", 100);
        NewsfeedTestContext.registerViews(context, "service.ranking", 100);
        return context.registerInjectActivateService(new SiteServlet());
    }

    /** The mock request has no connection; Jetty's answers the port the connection came in on. */
    private org.apache.sling.api.SlingHttpServletRequest onLocalPort(int port) {
        return new org.apache.sling.api.wrappers.SlingHttpServletRequestWrapper(context.request()) {
            @Override
            public int getLocalPort() {
                return port;
            }
        };
    }
}
