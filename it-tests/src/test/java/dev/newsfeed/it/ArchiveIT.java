package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static dev.newsfeed.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The archive calendar, the date archives and filing by publish date, on the real instance. */
class ArchiveIT {

    private static final String DAY = "/content/newsfeed/day";
    private static SlingInstance sling;
    private static String site;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
        site = TestSites.create(sling, "archive");
    }

    @Test
    void showsJanuary2022OfTheSampleSite() {
        HttpResponse<String> response = sling.get(DAY + ".calendar.2022-01.json");
        assertEquals(200, response.statusCode());
        JsonNode calendar = json(response);
        assertEquals("2022-01", calendar.path("month").asText());
        assertEquals("MONDAY", calendar.path("firstDayOfWeek").asText());
        assertEquals(List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), texts(calendar.get("weekdays")));
        JsonNode firstWeek = calendar.at("/weeks/0");
        for (int i = 0; i < 5; i++) {
            assertTrue(firstWeek.get(i).isNull(), "January 1, 2022 is a Saturday: cell " + i + " is empty");
        }
        assertEquals(1, firstWeek.get(5).path("day").asInt());
        JsonNode tenth = calendar.at("/weeks/2/0");
        assertEquals(10, tenth.path("day").asInt());
        assertTrue(tenth.path("count").asInt() >= 1, "the seed article is on the 10th");
        assertEquals("2021-12", calendar.at("/previous/month").asText());
        assertEquals("2022-02", calendar.at("/next/month").asText());
        assertEquals(
                sling.baseUrl() + DAY + ".calendar.2021-12.json",
                calendar.at("/previous/href").asText());
        assertNotNull(header(response, "ETag"));
        assertTrue(header(response, "Cache-Control").startsWith("public, max-age="));
    }

    @Test
    void countsAnArticleAfterMidnightOnTheLocalDay() {
        String path = create("After midnight", "2022-02-01T01:30:00+04:00");
        assertEquals(site + "/articles/2022/02/01/after-midnight", path);
        assertEquals(1, count(site, "2022-02", "2022-02-01"));
        assertEquals(0, count(site, "2022-01", "2022-01-31"));
        assertEquals(
                "2022-02-01T01:30:00+04:00",
                json(sling.get(path + ".json")).path("published").asText());
    }

    @Test
    void redatingMovesTheArticleAndBothMonthsFollow() {
        String path = create("Moving story", "2022-03-05T10:00:00+04:00");
        assertEquals(1, count(site, "2022-03", "2022-03-05"));
        HttpResponse<String> moved =
                sling.postJsonAsAuthor(path + ".update.json", Map.of("published", "2022-04-02T09:00"));
        assertEquals(200, moved.statusCode(), moved.body());
        String newPath = json(moved).path("path").asText();
        assertEquals(site + "/articles/2022/04/02/moving-story", newPath);
        assertEquals(sling.baseUrl() + newPath + ".json", header(moved, "Location"));
        assertEquals(0, count(site, "2022-03", "2022-03-05"));
        assertEquals(1, count(site, "2022-04", "2022-04-02"));
        assertEquals(
                404, sling.getAsAdmin(site + "/articles/2022/03/05.json").statusCode(), "empty day folder removed");
        assertEquals(200, sling.get(newPath + ".json").statusCode());
        assertEquals(404, sling.get(path + ".json").statusCode());
    }

    @Test
    void keepsDraftsAndScheduledArticlesOutOfCountsAndListings() {
        String draft = create("A draft", null);
        assertTrue(draft.startsWith(site + "/drafts/"), draft);
        String scheduled = create("In the future", "2098-05-05T10:00:00+04:00");
        String published = create("Published in May", "2021-05-05T10:00:00+04:00");
        assertEquals(
                0, json(sling.get(site + ".calendar.2098-05.json")).path("days").size());
        assertTrue(titles(sling.get(site + "/articles.json?limit=100")).contains("Published in May"));
        assertTrue(!titles(sling.get(site + "/articles.json?limit=100")).contains("In the future"));
        assertEquals(404, sling.get(scheduled + ".json").statusCode());
        assertEquals(404, sling.get(draft + ".json").statusCode());
        assertEquals(
                200,
                sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, draft + ".json")
                        .statusCode(),
                "the author previews the draft");
        assertTrue(json(sling.get(site + ".calendar.2021-05.json")).path("next").isNull()
                || !json(sling.get(site + ".calendar.2021-05.json"))
                        .at("/next/month")
                        .asText()
                        .startsWith("2098"));
        assertNotNull(published);
    }

    @Test
    void showsAScheduledArticleWhenItsTimeComes() throws InterruptedException {
        Instant goesLive = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime local = goesLive.atOffset(ZoneOffset.ofHours(4));
        String month = local.toLocalDate().toString().substring(0, 7);
        String path = create("Goes live soon", local.toString());
        HttpResponse<String> before = sling.get(site + ".calendar." + month + ".json");
        long countBefore = countOf(json(before), local.toLocalDate().toString());
        int maxAge = Integer.parseInt(header(before, "Cache-Control").replaceAll(".*max-age=(\\d+).*", "$1"));
        assertTrue(maxAge <= 6, "the calendar is not cached past the moment the article goes live: " + maxAge);
        assertEquals(404, sling.get(path + ".json").statusCode());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), goesLive).toMillis()) + 500);
        assertEquals(200, sling.get(path + ".json").statusCode());
        HttpResponse<String> after = sling.get(site + ".calendar." + month + ".json");
        assertEquals(countBefore + 1, countOf(json(after), local.toLocalDate().toString()));
        assertNotEquals(header(before, "ETag"), header(after, "ETag"));
        String dayListing = site + "/articles/" + local.toLocalDate().toString().replace('-', '/') + ".json?limit=100";
        assertTrue(titles(sling.get(dayListing)).contains("Goes live soon"), "listed as soon as it is live");
        // the day's order in the index held only the live articles: the going-live check adds it
        String slug = path.substring(path.lastIndexOf('/') + 1);
        String indexDay = "/var/newsfeed/index" + site + "/"
                + local.toLocalDate().toString().replace('-', '/');
        Eventually.within(
                Duration.ofSeconds(60),
                () -> assertTrue(sling.getAsAdmin(indexDay + ".json").body().contains(slug), indexDay));
        assertTrue(titles(sling.get(dayListing)).contains("Goes live soon"), "listed through the day's order");
    }

    @Test
    void followsWritesThroughSlingsPostServlet() {
        String day = site + "/articles/2021/07/09";
        String path = day + "/posted-directly";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jcr:primaryType", "nt:unstructured");
        form.put("sling:resourceType", "newsfeed/article");
        form.put("jcr:title", "Posted directly");
        form.put("published", "2021-07-09T12:00:00.000+04:00");
        form.put("published@TypeHint", "Date");
        assertEquals(201, sling.postAsAdmin(path, form).statusCode());
        Eventually.within(Duration.ofSeconds(15), () -> {
            assertEquals(1, count(site, "2021-07", "2021-07-09"));
            assertTrue(titles(sling.get(site + "/articles/2021/07.json")).contains("Posted directly"));
        });

        // re-dated through the POST servlet: Newsfeed files it in its new day folder
        assertEquals(
                200,
                sling.postAsAdmin(
                                path,
                                Map.of("published", "2021-08-01T00:30:00.000+04:00", "published@TypeHint", "Date"))
                        .statusCode());
        Eventually.within(Duration.ofSeconds(15), () -> {
            assertEquals(0, count(site, "2021-07", "2021-07-09"));
            assertEquals(1, count(site, "2021-08", "2021-08-01"));
            assertEquals(
                    200,
                    sling.get(site + "/articles/2021/08/01/posted-directly.json")
                            .statusCode());
        });

        // deleted through the POST servlet
        assertEquals(
                200,
                sling.postAsAdmin(site + "/articles/2021/08/01/posted-directly", Map.of(":operation", "delete"))
                        .statusCode());
        Eventually.within(Duration.ofSeconds(15), () -> assertEquals(0, count(site, "2021-08", "2021-08-01")));
    }

    @Test
    void changesTheCalendarEtagWhenACountChangesAndRevalidatesOtherwise() {
        HttpResponse<String> first = sling.get(site + ".calendar.2020-02.json");
        HttpResponse<String> same = sling.get(site + ".calendar.2020-02.json", "If-None-Match", header(first, "ETag"));
        assertEquals(304, same.statusCode());
        create("Leap day", "2020-02-29T12:00:00+04:00");
        HttpResponse<String> changed =
                sling.get(site + ".calendar.2020-02.json", "If-None-Match", header(first, "ETag"));
        assertEquals(200, changed.statusCode());
        assertEquals(1, countOf(json(changed), "2020-02-29"));
    }

    @Test
    void answersFromAWholeIndexWhileItIsRebuilt() throws Exception {
        String own = TestSites.create(sling, "rebuild");
        for (int m = 1; m <= 12; m++) {
            create(own, "Story " + m, String.format("2018-%02d-15T10:00:00+04:00", m));
        }
        String calendar = own + ".calendar.2018-06.json";
        HttpResponse<String> reference = sling.get(calendar);
        assertEquals("2018-05", json(reference).at("/previous/month").asText());
        assertEquals("2018-07", json(reference).at("/next/month").asText());
        assertEquals(1, countOf(json(reference), "2018-06-15"));

        // an administrator rebuilds the index (as after a time zone change) while readers keep asking
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Integer> rebuildStatuses = new ArrayList<>();
        Thread admin = new Thread(() -> {
            try {
                for (int i = 0; i < 15; i++) {
                    rebuildStatuses.add(
                            sling.postAsAdmin(own + ".reindex.json", Map.of()).statusCode());
                }
            } finally {
                rebuilding.set(false);
            }
        });
        admin.start();
        int reads = 0;
        List<String> differing = new ArrayList<>();
        while (rebuilding.get()) {
            HttpResponse<String> now = sling.get(calendar);
            reads++;
            if (now.statusCode() != 200 || !now.body().equals(reference.body())) {
                differing.add(now.statusCode() + " " + now.body());
            }
        }
        admin.join();
        assertEquals(Collections.nCopies(15, 200), rebuildStatuses);
        assertTrue(reads >= 15, "the reader read while the index was rebuilt: " + reads + " reads");
        assertTrue(
                differing.isEmpty(),
                differing.size() + " of " + reads
                        + " answers during the rebuild differed from the index's, the first: "
                        + differing.stream()
                                .findFirst()
                                .map(b -> b.substring(0, Math.min(b.length(), 300)))
                                .orElse(""));
    }

    @Test
    void pagesThroughAMonthWithACursor() {
        for (int i = 1; i <= 5; i++) {
            create("June story " + i, "2019-06-" + String.format("%02d", i * 5) + "T08:00:00+04:00");
        }
        List<String> seen = new ArrayList<>();
        String next = site + "/articles/2019/06.json?limit=2";
        while (next != null) {
            HttpResponse<String> page = sling.get(next.replace(sling.baseUrl(), ""));
            assertEquals(200, page.statusCode(), page.body());
            seen.addAll(titles(page));
            JsonNode n = json(page).get("next");
            next = n.isNull() ? null : n.asText();
        }
        assertEquals(List.of("June story 5", "June story 4", "June story 3", "June story 2", "June story 1"), seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-13", "abc", "2022-1", "0000-01", "10000-01", "2022-00", "2022-01-01"})
    void refusesBadMonthsWith400(String month) {
        JsonNode problem = assertProblem(sling.get(DAY + ".calendar." + month + ".json"), 400);
        assertEquals("month", problem.at("/errors/0/field").asText());
    }

    @Test
    void refusesBadPagingWith400() {
        assertProblem(sling.get(DAY + "/articles/2022.json?limit=0"), 400);
        assertProblem(sling.get(DAY + "/articles/2022.json?limit=1000"), 400);
        assertProblem(sling.get(DAY + "/articles/2022.json?cursor=not-a-cursor"), 400);
    }

    @Test
    void letsOnlyAuthorsWrite() {
        Map<String, Object> article = Map.of("title", "Forged", "published", "2022-01-10T10:00");
        assertProblem(sling.postJsonAs(null, null, site + ".articles.json", article), 401);
        assertProblem(
                sling.postJsonAs(SlingInstance.READER, SlingInstance.READER_PASSWORD, site + ".articles.json", article),
                403);
        assertEquals(0, count(site, "2022-01", "2022-01-10"));
    }

    @Test
    void validatesTheArticle() {
        JsonNode problem = assertProblem(
                sling.postJsonAsAuthor(
                        site + ".articles.json", Map.of("title", "", "published", "soon", "sling:resourceType", "x")),
                400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(fields.containsAll(List.of("title", "published", "sling:resourceType")), fields.toString());
        assertProblem(sling.postJsonAsAuthor(site + ".articles.json", "{not json"), 400);
        assertProblem(sling.postJsonAsAuthor(site + ".articles.json", "x".repeat(2_000_000)), 413);
    }

    private static String create(String title, String published) {
        return create(site, title, published);
    }

    private static String create(String sitePath, String title, String published) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("lead", "Lead of " + title);
        body.put("body", "<p>Body of " + title + "</p>");
        if (published != null) {
            body.put("published", published);
        }
        HttpResponse<String> response = sling.postJsonAsAuthor(sitePath + ".articles.json", body);
        assertEquals(201, response.statusCode(), response.body());
        return json(response).path("path").asText();
    }

    private static long count(String sitePath, String month, String date) {
        HttpResponse<String> response = sling.get(sitePath + ".calendar." + month + ".json");
        assertEquals(200, response.statusCode(), response.body());
        return countOf(json(response), date);
    }

    private static long countOf(JsonNode calendar, String date) {
        for (JsonNode day : calendar.path("days")) {
            if (day.path("date").asText().equals(date)) {
                return day.path("count").asLong();
            }
        }
        return 0;
    }

    private static List<String> titles(HttpResponse<String> page) {
        List<String> titles = new ArrayList<>();
        json(page).path("items").forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
