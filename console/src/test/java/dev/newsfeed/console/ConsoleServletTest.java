package dev.newsfeed.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.apache.sling.testing.mock.sling.servlet.MockRequestPathInfo;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletRequest;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The console page and its files on Oak as a signed-in administrator (who holds every role). */
@ExtendWith(SlingContextExtension.class)
class ConsoleServletTest {

    private static final String SITE = "/content/newsfeed/day";

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);

    @BeforeEach
    void setUp() {
        context.create().resource(SITE, Map.of("sling:resourceType", ConsoleSite.RT_SITE, "timeZone", "Asia/Yerevan"));
    }

    @Test
    void servesTheConsoleWithItsRolesAndEscapedData() throws Exception {
        context.resourceResolver()
                .getResource(SITE)
                .adaptTo(org.apache.sling.api.resource.ModifiableValueMap.class)
                .put("jcr:title", "Day <script>alert(1)</script> & \"news\"");
        context.resourceResolver().commit();
        ConsoleServlet servlet = servlet();
        MockSlingHttpServletResponse page = get(servlet, "console", "html", null);
        assertEquals(200, page.getStatus());
        assertEquals("private, no-store", page.getHeader("Cache-Control"));
        assertTrue(page.getHeader("Content-Security-Policy").contains("script-src 'self'"));
        String html = page.getOutputAsString();
        assertTrue(html.contains("data-site=\"" + SITE + "\""));
        assertTrue(html.contains("data-author=\"true\"")
                && html.contains("data-moderator=\"true\"")
                && html.contains("data-admin=\"true\""));
        assertTrue(html.contains("Day &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;news&quot;"));
        assertFalse(html.contains("<script>alert"));
        assertTrue(html.contains("<script src=\"" + SITE + ".console.js\" defer></script>"));

        MockSlingHttpServletResponse script = get(servlet, "console", "js", null);
        assertEquals(200, script.getStatus());
        assertTrue(script.getContentType().startsWith("text/javascript"));
        assertTrue(script.getHeader("Cache-Control").startsWith("public"));
    }

    @Test
    void revalidatesItsFilesByEtagWithTheApiCacheLifetimes() throws Exception {
        ConsoleServlet servlet =
                servlet("cache.max.age", 120L, "cache.s.maxage", -1L, "cache.stale.while.revalidate", 0L);
        MockSlingHttpServletResponse style = get(servlet, "console", "css", null);
        assertEquals(200, style.getStatus());
        assertEquals("public, max-age=120", style.getHeader("Cache-Control"));
        String etag = style.getHeader("ETag");
        assertEquals(ConsoleResponses.strongEtag("text/css;charset=utf-8", ConsoleFiles.file("console.css")), etag);

        MockSlingHttpServletResponse again = get(servlet, "console", "css", "W/" + etag);
        assertEquals(304, again.getStatus());
        assertEquals(0, again.getOutput().length);
    }

    @Test
    void answersTheApiProblemForAnyOtherDocument() throws Exception {
        ConsoleServlet servlet = servlet();
        var request = new MockSlingHttpServletRequest(context.resourceResolver(), context.bundleContext()) {
            @Override
            public String getRequestURI() {
                return "/a&b"; // escaped as the API escapes it: \\u0026
            }
        };
        request.setResource(context.resourceResolver().getResource(SITE));
        MockRequestPathInfo path = (MockRequestPathInfo) request.getRequestPathInfo();
        path.setSelectorString("console");
        path.setExtension("html");
        path.setSuffix("/x");
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();
        servlet.service(request, response);
        assertEquals(404, response.getStatus());
        assertEquals("no-store", response.getHeader("Cache-Control"));
        assertTrue(response.getContentType().startsWith(ConsoleResponses.PROBLEM_JSON));
        assertEquals(
                "{\"type\":\"urn:dev.newsfeed:problem:not-found\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"No such document of a site.\",\"instance\":\"/a\\u0026b\"}",
                new String(response.getOutput(), StandardCharsets.UTF_8));
    }

    @Test
    void registersTheEndpointsTheCoreBundleGuards() throws Exception {
        // the core bundle's NewsfeedSelectors lists these as the console's (405 for other methods, 404 elsewhere)
        Document descriptor = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/OSGI-INF/dev.newsfeed.console.ConsoleServlet.xml")
                        .toFile());
        Map<String, String> properties = new TreeMap<>();
        NodeList nodes = descriptor.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            String text = p.hasAttribute("value") ? p.getAttribute("value") : p.getTextContent();
            properties.put(p.getAttribute("name"), String.join(" ", text.trim().split("\\s+")));
        }
        assertEquals("newsfeed/site", properties.get("sling.servlet.resourceTypes"));
        assertEquals("console", properties.get("sling.servlet.selectors"));
        assertEquals("html js css", properties.get("sling.servlet.extensions"));
        assertEquals("GET HEAD", properties.get("sling.servlet.methods"));
        assertEquals(ConsoleServlet.PID, descriptor.getDocumentElement().getAttribute("configuration-pid"));
    }

    @Test
    void fillsTemplatesWithEscapedValuesOnly() {
        assertEquals(
                "<a href=\"/x?a=1&amp;b=&lt;2&gt;\">O&#39;Neil</a>",
                ConsoleFiles.render(
                        "<a href=\"{{href}}\">{{name}}</a>", Map.of("href", "/x?a=1&b=<2>", "name", "O'Neil")));
    }

    @Test
    void readsTheCacheLifetimesAsTheApiDoes() {
        assertEquals(
                "public, max-age=60, s-maxage=600, stale-while-revalidate=30",
                context.registerInjectActivateService(new PublicCache()).header());
        assertEquals(
                "public, max-age=0, s-maxage=5",
                context.registerInjectActivateService(
                                new PublicCache(),
                                "cache.max.age",
                                -3L,
                                "cache.s.maxage",
                                5L,
                                "cache.stale.while.revalidate",
                                -1L)
                        .header());
        assertEquals(ZoneOffset.UTC, ConsoleSite.zone("Nowhere/City"));
        assertEquals(ZoneOffset.UTC, ConsoleSite.zone(" "));
        assertEquals(ZoneId.of("Asia/Yerevan"), ConsoleSite.zone(" Asia/Yerevan "));
    }

    /** The servlet, with the API settings' cache properties given. */
    private ConsoleServlet servlet(Object... apiSettings) {
        context.registerInjectActivateService(new PublicCache(), apiSettings);
        return context.registerInjectActivateService(new ConsoleServlet());
    }

    private MockSlingHttpServletResponse get(
            ConsoleServlet servlet, String selector, String extension, String ifNoneMatch) throws Exception {
        context.currentResource(SITE);
        context.requestPathInfo().setSelectorString(selector);
        context.requestPathInfo().setExtension(extension);
        context.request().setMethod("GET");
        if (ifNoneMatch != null) {
            context.request().setHeader("If-None-Match", ifNoneMatch);
        }
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();
        servlet.service(context.request(), response);
        return response;
    }
}
