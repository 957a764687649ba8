package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.header;
import static dev.newsfeed.it.Expected.json;
import static dev.newsfeed.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The feed: cursor paging that survives new articles, date filters in the site's zone, tags from the Oak index. */
class FeedIT {

    private static SlingInstance sling;
    private static String site;
    private static final Map<String, String> titles = new HashMap<>();

    @BeforeAll
    static void twoHundredFiftyArticles() throws Exception {
        sling = SlingInstance.ready();
        site = TestSites.create(sling, "feed");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> created = new ArrayList<>();
        LocalDate first = LocalDate.of(2021, 1, 1);
        for (int i = 0; i < 250; i++) {
            int n = i;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", "Feed article " + n);
            body.put("published", first.plusDays(n).atTime(9 + n % 12, n % 60) + "");
            body.put("tags", List.of(n % 5 == 0 ? "five" : "other"));
            created.add(pool.submit(() -> sling.postJsonAsAuthor(site + ".articles.json", body)));
        }
        for (Future<HttpResponse<String>> f : created) {
            HttpResponse<String> r = f.get();
            assertEquals(201, r.statusCode(), r.body());
            titles.put(json(r).path("id").asText(), json(r).path("title").asText());
        }
        pool.shutdown();
    }

    @Test
    void pagesThroughEveryArticleExactlyOnceWhileNewOnesArePublished() {
        List<String> seen = new ArrayList<>();
        String next = site + ".feed.json?limit=7&to=2021-12-31";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = sling.get(next.replace(sling.baseUrl(), ""));
            assertEquals(200, page.statusCode(), page.body());
            json(page).path("items").forEach(item -> seen.add(item.path("id").asText()));
            next = json(page).path("next").isNull()
                    ? null
                    : json(page).path("next").asText();
            if (++pages == 10) {
                // published mid-way, newer than everything: the pages still to come are older, so unaffected
                for (int i = 0; i < 3; i++) {
                    assertEquals(
                            201,
                            sling.postJsonAsAuthor(
                                            site + ".articles.json",
                                            Map.of(
                                                    "title",
                                                    "Breaking " + i,
                                                    "published",
                                                    "2021-12-0" + (i + 1) + "T10:00"))
                                    .statusCode());
                }
            }
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no article twice");
        assertEquals(titles.keySet(), new HashSet<>(seen), "every article once");
        assertEquals(36, pages);
    }

    @Test
    void ordersNewestFirst() {
        JsonNode page = json(sling.get(site + ".feed.json?limit=3&to=2021-12-31"));
        List<String> published = new ArrayList<>();
        page.path("items").forEach(i -> published.add(i.path("published").asText()));
        List<String> sorted = new ArrayList<>(published);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, published);
        assertTrue(page.at("/items/0/body").isMissingNode(), "listings carry no body");
    }

    @Test
    void filtersByDatesOfTheSiteZone() {
        String path = json(sling.postJsonAsAuthor(
                        site + ".articles.json",
                        Map.of("title", "Edge of February", "published", "2022-02-01T01:30:00+04:00")))
                .path("path")
                .asText();
        // 2022-01-31T21:30Z is February 1 in Yerevan
        assertTrue(ids(site + ".feed.json?from=2022-02-01&to=2022-02-01").contains(idOf(path)));
        assertFalse(ids(site + ".feed.json?from=2022-01-31&to=2022-01-31").contains(idOf(path)));
        assertTrue(ids(site + ".feed.json?from=2022-01-01&to=2022-02-28").contains(idOf(path)));
    }

    @Test
    void filtersByTagWithTheOakIndexNeverTraversing() {
        Eventually.within(Duration.ofSeconds(60), () -> {
            HttpResponse<String> tagged = sling.get(site + ".feed.json?tag=five&limit=100");
            assertEquals(200, tagged.statusCode(), tagged.body());
            JsonNode items = json(tagged).path("items");
            assertEquals(50, items.size());
            items.forEach(i -> assertTrue(i.path("tags").toString().contains("five")));
        });
        JsonNode explain = json(sling.getAsAdmin(site + ".feed.explain.json?tag=five"));
        String plan = explain.path("plan").asText();
        assertTrue(plan.contains("lucene:newsfeedArticles-custom-1"), plan);
        assertFalse(plan.contains("traverse"), plan);
        assertProblem(sling.get(site + ".feed.explain.json?tag=five"), 401);
    }

    @Test
    void filtersByATagInAnyScript() {
        String path = json(sling.postJsonAsAuthor(
                        site + ".articles.json",
                        Map.of(
                                "title",
                                "Tagged in Armenian",
                                "published",
                                "2022-03-03T10:00:00+04:00",
                                "tags",
                                List.of("արցախ")))) // "արցախ"
                .path("path")
                .asText();
        Eventually.within(
                Duration.ofSeconds(60),
                () -> assertEquals(
                        Set.of(idOf(path)),
                        ids(site + ".feed.json?tag=%D5%A1%D6%80%D6%81%D5%A1%D5%AD"),
                        "the tag sent as UTF-8 in the query string"));
    }

    @Test
    void revalidatesAndNamesItsSurrogateKeys() {
        HttpResponse<String> first = sling.get(site + ".feed.json?limit=5");
        assertTrue(
                header(first, "Cache-Control").matches("public, max-age=\\d+, s-maxage=\\d+.*"),
                header(first, "Cache-Control"));
        String keys = header(first, "Surrogate-Key");
        assertNotNull(keys);
        String name = site.substring(site.lastIndexOf('/') + 1);
        assertTrue(keys.contains("feed:" + name) && keys.contains("site:" + name), keys);
        assertEquals(
                304,
                sling.get(site + ".feed.json?limit=5", "If-None-Match", header(first, "ETag"))
                        .statusCode());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "limit=0",
                "limit=101",
                "limit=x",
                "cursor=forged",
                "from=2022-13-01",
                "from=yesterday",
                "from=2022-02-02&to=2022-02-01",
                "tag="
            })
    void refusesBadParametersWith400(String query) {
        assertProblem(sling.get(site + ".feed.json?" + query), 400);
    }

    private static Set<String> ids(String path) {
        Set<String> ids = new HashSet<>();
        json(sling.get(path + "&limit=100"))
                .path("items")
                .forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private static String idOf(String path) {
        return json(sling.get(path + ".json")).path("id").asText();
    }
}
