package dev.newsfeed.impl.servlets;

import static dev.newsfeed.impl.NewsfeedTestContext.json;
import static dev.newsfeed.impl.NewsfeedTestContext.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsfeed.impl.NewsfeedTestContext;
import dev.newsfeed.impl.archive.ArchiveIndexer;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.PublicApiSettings;
import org.apache.sling.testing.mock.sling.ResourceResolverType;
import org.apache.sling.testing.mock.sling.junit5.SlingContext;
import org.apache.sling.testing.mock.sling.junit5.SlingContextExtension;
import org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The calendar and the archive listings over an index the clerk built on Oak. */
@ExtendWith(SlingContextExtension.class)
class ArchiveServletsTest {

    private static final String SITE = "/content/newsfeed/day";

    private final SlingContext context = new SlingContext(ResourceResolverType.JCR_OAK);
    private CalendarServlet calendar;
    private ArchiveServlet archive;

    @BeforeEach
    void setUp() throws Exception {
        context.load().json("/archive/test-content.json", SITE);
        ArchiveIndexer.rebuild(
                context.resourceResolver(),
                SiteSettings.from(context.resourceResolver().getResource(SITE)),
                Instant.now());
        context.registerInjectActivateService(PublicApiSettings.class, "public.base.url", "https://news.example");
        NewsfeedTestContext.registerViews(context);
        calendar = context.registerInjectActivateService(new CalendarServlet());
        archive = context.registerInjectActivateService(new ArchiveServlet());
    }

    @Test
    void buildsTheMonthCalendar() throws Exception {
        MockSlingHttpServletResponse response = calendar("calendar.2022-01");
        assertEquals(200, response.getStatus());
        assertEquals(resource("/archive/expected-calendar-2022-01.json"), json(response));
    }

    @Test
    void countsTheArticleAfterMidnightOnFebruaryFirst() throws Exception {
        JsonNode february = json(calendar("calendar.2022-02"));
        assertEquals("2022-02-01", february.at("/days/0/date").asText());
        assertEquals(1, february.at("/days/0/count").asInt());
        assertEquals("2022-01", february.at("/previous/month").asText());
        assertEquals("2022-03", february.at("/next/month").asText());
    }

    @Test
    void linksNothingBeyondTheEnds() throws Exception {
        assertTrue(json(calendar("calendar.2021-12")).get("previous").isNull());
        JsonNode march = json(calendar("calendar.2022-03"));
        assertTrue(march.get("next").isNull(), "2099 is only scheduled");
        JsonNode empty = json(calendar("calendar.1999-05"));
        assertEquals("2021-12", empty.at("/next/month").asText());
        assertEquals(0, empty.get("days").size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "calendar.2022-13",
                "calendar.abc",
                "calendar.2022-1",
                "calendar.0000-01",
                "calendar.10000-01",
                "calendar.2022-00"
            })
    void refusesBadMonths(String selectors) throws Exception {
        MockSlingHttpServletResponse response = calendar(selectors);
        assertEquals(400, response.getStatus());
        assertEquals("month", json(response).at("/errors/0/field").asText());
    }

    @Test
    void changesItsEtagWhenACountChanges() throws Exception {
        String before = calendar("calendar.2022-01").getHeader("ETag");
        context.resourceResolver()
                .delete(context.resourceResolver().getResource(SITE + "/articles/2022/01/10/evening"));
        context.resourceResolver().commit();
        ArchiveIndexer.reindexDay(
                context.resourceResolver(),
                SiteSettings.from(context.resourceResolver().getResource(SITE)),
                java.time.LocalDate.of(2022, 1, 10),
                Instant.now());
        context.resourceResolver().commit();
        MockSlingHttpServletResponse after = calendar("calendar.2022-01");
        assertNotEquals(before, after.getHeader("ETag"));
        assertEquals(1, json(after).at("/days/0/count").asInt());
    }

    @Test
    void listsAMonthNewestFirst() throws Exception {
        JsonNode page = json(list(SITE + "/articles/2022/01", Map.of()));
        assertEquals(List.of("Snow", "Evening", "Seed"), titles(page));
        assertTrue(page.get("next").isNull());
        assertTrue(page.at("/items/0/body").isMissingNode(), "listings carry no body");
    }

    @Test
    void pagesThroughTheWholeArchiveWithACursor() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            Map<String, Object> params = cursor == null ? Map.of("limit", "2") : Map.of("limit", "2", "cursor", cursor);
            JsonNode page = json(list(SITE + "/articles", params));
            seen.addAll(titles(page));
            if (page.get("next").isNull()) {
                break;
            }
            String next = page.get("next").asText();
            cursor = java.net.URLDecoder.decode(
                    next.substring(next.indexOf("cursor=") + 7), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(List.of("Concert", "Night", "Snow", "Evening", "Seed", "Metro"), seen);
    }

    @Test
    void listsADayAndAYear() throws Exception {
        assertEquals(List.of("Night"), titles(json(list(SITE + "/articles/2022/02/01", Map.of()))));
        assertEquals(
                List.of("Concert", "Night", "Snow", "Evening", "Seed"),
                titles(json(list(SITE + "/articles/2022", Map.of()))));
        assertEquals(List.of(), titles(json(list(SITE + "/articles/2099", Map.of()))));
    }

    @Test
    void refusesBadPaging() throws Exception {
        assertEquals(400, list(SITE + "/articles", Map.of("limit", "0")).getStatus());
        assertEquals(400, list(SITE + "/articles", Map.of("limit", "101")).getStatus());
        assertEquals(400, list(SITE + "/articles", Map.of("cursor", "garbage")).getStatus());
    }

    private MockSlingHttpServletResponse calendar(String selectors) throws Exception {
        context.currentResource(SITE);
        context.requestPathInfo().setSelectorString(selectors);
        context.requestPathInfo().setExtension("json");
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();
        calendar.doGet(context.request(), response);
        return response;
    }

    private MockSlingHttpServletResponse list(String path, Map<String, Object> params) throws Exception {
        var request = new org.apache.sling.testing.mock.sling.servlet.MockSlingHttpServletRequest(
                context.resourceResolver(), context.bundleContext());
        request.setResource(context.resourceResolver().getResource(path));
        ((org.apache.sling.testing.mock.sling.servlet.MockRequestPathInfo) request.getRequestPathInfo())
                .setExtension("json");
        request.setParameterMap(params);
        MockSlingHttpServletResponse response = new MockSlingHttpServletResponse();
        archive.doGet(request, response);
        return response;
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }
}
