package dev.newsfeed.impl.servlets;

import static dev.newsfeed.impl.NewsfeedTestContext.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.archive.ArchiveIndexer;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.CsrfTokens;
import dev.newsfeed.impl.http.PublicApiSettings;
import org.apache.sling.api.resource.ValueMap;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's endpoints on Oak as a signed-in administrator (who holds every role): the authors' list, the editor's
 * document, the settings and the CSRF rule of the shared write path (the console page itself: module console).
 */
@ExtendWith(SlingContextExtension.class)
class ConsoleEndpointsTest {

    private static final String SITE = "/content/newsfeed/day";
    private static final CsrfTokens TOKENS = new CsrfTokens("test key".getBytes(StandardCharsets.UTF_8));

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);

    @BeforeEach
    void setUp() throws Exception {
        context.load().json("/archive/test-content.json", SITE);
        ArchiveIndexer.rebuild(
                context.resourceResolver(),
                SiteSettings.from(context.resourceResolver().getResource(SITE)),
                Instant.now());
        context.registerInjectActivateService(PublicApiSettings.class, "public.base.url", "https://news.example");
        NewsfeedTestContext.registerViews(context);
        context.registerService(CsrfGuard.class, new CsrfGuard(TOKENS));
    }

    @Test
    void listsArticlesForAuthorsWithStatusAndMonths() throws Exception {
        ArticleListServlet servlet = context.registerInjectActivateService(new ArticleListServlet());
        MockSlingHttpServletResponse response =
                get(servlet, SITE, "articles", "json", Map.of("status", "all", "limit", "3"));
        assertEquals(200, response.getStatus());
        assertEquals("private, no-store", response.getHeader("Cache-Control"));
        JsonNode page = json(response);
        assertEquals(List.of("Draft", "Capsule", "Concert"), field(page.path("items"), "title"));
        assertEquals(List.of("draft", "scheduled", "published"), field(page.path("items"), "status"));
        assertEquals("2099-01-01T09:00:00+04:00", page.at("/items/1/published").asText());
        assertEquals(
                "https://news.example" + SITE + "/drafts/draft.json",
                page.at("/items/0/href").asText());
        assertEquals(List.of("2099-01", "2022-03", "2022-02", "2022-01", "2021-12"), field(page.path("months"), null));
        String next = page.path("next").asText();
        assertTrue(next.startsWith("https://news.example" + SITE + ".articles.json?status=all&limit=3&cursor="), next);

        String cursor = next.substring(next.indexOf("cursor=") + 7);
        JsonNode second = json(get(servlet, SITE, "articles", "json", Map.of("limit", "3", "cursor", cursor)));
        assertEquals(List.of("Night", "Snow", "Evening"), field(second.path("items"), "title"));
    }

    @Test
    void refusesBadListParametersByName() throws Exception {
        ArticleListServlet servlet = context.registerInjectActivateService(new ArticleListServlet());
        for (Map<String, Object> params : List.<Map<String, Object>>of(
                Map.of("status", "deleted"),
                Map.of("month", "2022-13"),
                Map.of("status", "draft", "month", "2022-01"),
                Map.of("cursor", "forged"),
                Map.of("limit", "0"),
                Map.of("q", "x".repeat(201)))) {
            MockSlingHttpServletResponse response = get(servlet, SITE, "articles", "json", params);
            assertEquals(400, response.getStatus(), params.toString());
            String field = params.containsKey("month")
                    ? "month"
                    : params.keySet().iterator().next();
            assertEquals(field, json(response).at("/errors/0/field").asText(), params.toString());
        }
    }

    @Test
    void givesTheEditorTheLocalPublishDateAndStoredFlags() throws Exception {
        ArticleFormServlet servlet = context.registerInjectActivateService(new ArticleFormServlet());
        JsonNode form = json(get(servlet, SITE + "/articles/2022/02/01/night", "edit", "json", Map.of()));
        assertEquals("published", form.path("status").asText());
        assertEquals("2022-02-01T01:30:00+04:00", form.path("published").asText());
        assertEquals("2022-02-01T01:30", form.path("publishedLocal").asText());
        assertEquals("Asia/Yerevan", form.path("timeZone").asText());
        assertTrue(form.path("commentsOpen").asBoolean());
        assertEquals(
                "https://news.example" + SITE + "/articles/2022/02/01/night.update.json",
                form.at("/links/update").asText());
        JsonNode draft = json(get(servlet, SITE + "/drafts/draft", "edit", "json", Map.of()));
        assertEquals("draft", draft.path("status").asText());
        assertTrue(draft.path("publishedLocal").isNull());
    }

    @Test
    void changesSettingsOnlyWithTheTokenWhenNoAuthorizationHeaderIsSent() throws Exception {
        SettingsServlet servlet = context.registerInjectActivateService(new SettingsServlet());
        String body = "{\"title\":\"Renamed\",\"moderation\":\"auto\",\"commentsOpenDays\":14,\"firstDayOfWeek\":\"\"}";

        MockSlingHttpServletResponse refused = post(servlet, SITE, "settings", body, null, null);
        assertEquals(403, refused.getStatus());
        assertEquals("urn:dev.newsfeed:problem:csrf", json(refused).path("type").asText());
        assertEquals("Day newsfeed", props(SITE).get("jcr:title", String.class));

        MockSlingHttpServletResponse forged =
                post(servlet, SITE, "settings", body, null, TOKENS.issue("someone-else", Instant.now()));
        assertEquals(403, forged.getStatus());

        MockSlingHttpServletResponse withToken =
                post(servlet, SITE, "settings", body, null, TOKENS.issue("admin", Instant.now()));
        assertEquals(200, withToken.getStatus(), withToken.getOutputAsString());
        JsonNode form = json(withToken);
        assertEquals("Renamed", form.path("title").asText());
        assertTrue(form.path("firstDayOfWeek").isNull(), "back to the locale's");
        assertEquals("SUNDAY", form.path("weekStartsOn").asText(), "en: the United States' Sunday");
        ValueMap stored = props(SITE);
        assertEquals("auto", stored.get("moderation", String.class));
        assertEquals(14L, stored.get("commentsOpenDays", Long.class));
        assertNull(stored.get("firstDayOfWeek", String.class));
        assertEquals("admin", stored.get("jcr:lastModifiedBy", String.class));

        MockSlingHttpServletResponse api =
                post(servlet, SITE, "settings", "{\"timeZone\":\"Europe/Berlin\"}", "Basic YWRtaW46YWRtaW4=", null);
        assertEquals(200, api.getStatus(), "an API client with an Authorization header needs no token");
        assertEquals("Europe/Berlin", props(SITE).get("timeZone", String.class));
    }

    @Test
    void answersBadSettingsWithEveryFieldNamed() throws Exception {
        SettingsServlet servlet = context.registerInjectActivateService(new SettingsServlet());
        MockSlingHttpServletResponse response = post(
                servlet,
                SITE,
                "settings",
                "{\"timeZone\":\"Nowhere/City\",\"locale\":\"??\",\"commentsOpenDays\":-3}",
                "Basic x",
                null);
        assertEquals(400, response.getStatus());
        assertEquals(
                List.of("timeZone", "locale", "commentsOpenDays"),
                field(json(response).path("errors"), "field"));
        assertEquals("Asia/Yerevan", props(SITE).get("timeZone", String.class));
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(item ->
                values.add(name == null ? item.asText() : item.path(name).asText()));
        return values;
    }

    private ValueMap props(String path) {
        context.resourceResolver().refresh();
        return context.resourceResolver().getResource(path).getValueMap();
    }

    private MockSlingHttpServletResponse get(
            org.apache.sling.api.servlets.SlingSafeMethodsServlet servlet,
            String path,
            String selector,
            String extension,
            Map<String, Object> params)
            throws Exception {
        context.currentResource(path);
        context.requestPathInfo().setSelectorString(selector);
        context.requestPathInfo().setExtension(extension);
        context.request().setMethod("GET");
        context.request().setParameterMap(params);
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();
        servlet.service(context.request(), response);
        return response;
    }

    private MockSlingHttpServletResponse post(
            org.apache.sling.api.servlets.SlingAllMethodsServlet servlet,
            String path,
            String selector,
            String body,
            String authorization,
            String token)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var request =
                new org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletRequest(
                        context.resourceResolver(), context.bundleContext()) {
                    @Override
                    public long getContentLengthLong() {
                        return bytes.length;
                    }
                };
        request.setResource(context.resourceResolver().getResource(path));
        ((org.apache.sling.testing.mock.sling.servlet.MockRequestPathInfo) request.getRequestPathInfo())
                .setSelectorString(selector);
        ((org.apache.sling.testing.mock.sling.servlet.MockRequestPathInfo) request.getRequestPathInfo())
                .setExtension("json");
        request.setMethod("POST");
        request.setContentType("application/json");
        request.setContent(bytes);
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        if (token != null) {
            request.setHeader(CsrfTokens.HEADER, token);
        }
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();
        servlet.service(request, response);
        return response;
    }
}
